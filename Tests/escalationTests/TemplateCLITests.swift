import Foundation
import Testing

/// `escalation template` run as a program.
@Suite struct TemplateCLITests {
  @Test func frenchTemplateIsTheFrenchSample() throws {
    let r = try CLI.run(["template", "--lang", "fr"])
    #expect(r.status == 0)
    let sample = try Data(contentsOf: CLI.samples.appendingPathComponent("matrix-fr.csv"))
    #expect(Data(r.stdout.utf8) == sample)
  }

  @Test func englishIsTheDefaultWithCommas() throws {
    let r = try CLI.run(["template"])
    #expect(r.status == 0)
    let sample = try Data(contentsOf: CLI.samples.appendingPathComponent("matrix-en.csv"))
    #expect(Data(r.stdout.utf8) == sample)
    #expect(r.stdout.hasPrefix("\u{FEFF}Escalation types,Level 1 escalation,Level 2 escalation,"))
  }

  @Test func delimiterAndOutputFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tcli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let out = dir.appendingPathComponent("m.csv").path
    let r = try CLI.run(["template", "--lang", "fr", "--delimiter", ",", "-o", out])
    #expect(r.status == 0 && r.stdout.isEmpty)
    // Read as bytes: String(contentsOfFile:) would drop the BOM.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
    #expect(bytes.starts(with: Data("\u{FEFF}Types de remontée,Remontée de niveau\u{00A0}1,".utf8)))
    // No temporary file left beside it.
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["m.csv"])
    let v = try CLI.run(["validate", out])
    #expect(v.status == 0)
  }

  @Test func badOptionsExitTwo() throws {
    let lang = try CLI.run(["template", "--lang", "de"])
    #expect(lang.status == 2)
    #expect(
      lang.stderr.hasPrefix(
        "escalation: error: The value 'de' is invalid for '--lang <lang>'. Please provide one of 'en' and 'fr'.\n"
      ))
    let delim = try CLI.run(["template", "--delimiter", "|"])
    #expect(delim.status == 2)
    let dir = try CLI.run(["template", "-o", "/no/such/dir/m.csv"])
    #expect(dir.status == 2)
    #expect(dir.stderr.contains("IO010"))
  }
}
