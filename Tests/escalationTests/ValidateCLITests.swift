import Foundation
import Testing

/// `escalation validate` run as a program: output and exit status.
@Suite struct ValidateCLITests {
  func sample(_ name: String) -> String { CLI.samples.appendingPathComponent(name).path }

  /// A new temporary file holding `text`.
  func temporary(_ text: String, name: String = "matrix.csv") throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "vcli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  /// The French sample with its line `n` (1-based) replaced by `line`.
  func frenchSample(replacingLine n: Int, with line: String) throws -> String {
    var lines = try String(contentsOfFile: sample("matrix-fr.csv"), encoding: .utf8).components(
      separatedBy: "\r\n")
    lines[n - 1] = (n == 1 ? "\u{FEFF}" : "") + line
    return lines.joined(separator: "\r\n")
  }

  @Test func validSampleExitsZero() throws {
    let r = try CLI.run(["validate", sample("matrix-fr.csv")])
    #expect(r.status == 0)
    #expect(
      r.stdout == """
        orientation: levels across (as the template)
        \(sample("matrix-fr.csv")): valid: 0 errors, 0 warnings, 0 notes

        """)
    #expect(r.stderr.isEmpty)
  }

  @Test func editedSampleExitsOneWithPositionedFindings() throws {
    let r = try CLI.run(["validate", "Samples/matrix-edited.csv"], cwd: CLI.packageRoot)
    #expect(r.status == 1)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 11)  // 9 findings, orientation, summary
    #expect(
      lines.contains(
        "Samples/matrix-edited.csv:9:1: error[MTX008]: unknown category \"Problèmes de performance\"; did you mean \"Problèmes de performances\"?"
      ))
    #expect(
      lines.contains {
        $0.hasPrefix("Samples/matrix-edited.csv:1:3: error[MTX006]: level headers are out of order")
      })
    #expect(
      lines.contains { $0.hasPrefix("Samples/matrix-edited.csv:5:3: error[MTX011]: empty cell") })
    #expect(
      lines.contains {
        $0.hasPrefix("Samples/matrix-edited.csv:4:2: warning[MTX103]: the cell has a doubled space")
      })
    #expect(
      lines.contains {
        $0.hasPrefix("Samples/matrix-edited.csv:8:2: warning[MTX105]: the cell starts with \"=\"")
      })
    #expect(lines[9] == "orientation: levels across (as the template)")
    #expect(lines[10] == "Samples/matrix-edited.csv: not valid: 4 errors, 2 warnings, 3 notes")
    // NO_COLOR is set by CLI.run, and stdout is a file: no escape codes.
    #expect(!r.stdout.contains("\u{1B}"))
  }

  @Test func templatePipedIntoValidateIsValid() throws {
    for lang in ["fr", "en"] {
      let t = try CLI.run(["template", "--lang", lang])
      #expect(t.status == 0)
      let v = try CLI.run(["validate", "-"], stdin: Data(t.stdout.utf8))
      #expect(v.status == 0)
      #expect(v.stdout.hasSuffix("<stdin>: valid: 0 errors, 0 warnings, 0 notes\n"))
    }
  }

  @Test func missingFileAndDirectoryExitTwo() throws {
    let missing = try CLI.run(["validate", "/no/such/matrix.csv"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("/no/such/matrix.csv: error[IO001]: cannot open the file"))
    #expect(missing.stdout.isEmpty)
    let dir = try CLI.run(["validate", FileManager.default.temporaryDirectory.path])
    #expect(dir.status == 2)
    #expect(dir.stderr.contains("it is a directory"))
  }

  @Test func strayQuoteExitsOneWithItsLine() throws {
    // Line 3's level-1 cell holds a bare quote: column B.
    let path = try temporary(
      try frenchSample(replacingLine: 3, with: "Défis opérationnels;Évaluer \"vite\";b;c;d"))
    let r = try CLI.run(["validate", path])
    #expect(r.status == 1)
    #expect(
      r.stdout.hasPrefix("\(path):3:2: error[CSV005]: a double quote inside an unquoted field"))
    #expect(r.stdout.hasSuffix("\(path): not valid: 1 error, 0 warnings, 0 notes\n"))
  }

  @Test func emptyFileExitsOne() throws {
    let r = try CLI.run(["validate", try temporary("")])
    #expect(r.status == 1)
    #expect(r.stdout.contains("error[CSV001]"))
  }

  @Test func strictMakesWarningsFail() throws {
    // A doubled space in a cell: a warning only.
    let path = try temporary(
      try frenchSample(
        replacingLine: 4, with: "Ajustements du calendrier;Coordonner  la révision.;b;c;d"))
    let plain = try CLI.run(["validate", path])
    #expect(plain.status == 0)
    #expect(plain.stdout.contains(": valid: 0 errors, 1 warning, 4 notes"))
    let strict = try CLI.run(["validate", "--strict", path])
    #expect(strict.status == 1)
    #expect(strict.stdout.contains(": not valid: 0 errors, 1 warning, 4 notes"))
  }

  @Test func jsonFormat() throws {
    let r = try CLI.run(
      ["validate", "--format", "json", "Samples/matrix-edited.csv"], cwd: CLI.packageRoot)
    #expect(r.status == 1)
    let o = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(o["command"] as? String == "validate")
    #expect(o["valid"] as? Bool == false)
    #expect(o["orientation"] as? String == "levels-across")
    #expect(o["language"] as? String == "fr")
    #expect(o["encoding"] as? String == "UTF-8 with BOM")
    #expect(o["canonicalDiffCount"] as? Int == 3)
    let summary = try #require(o["summary"] as? [String: Int])
    #expect(summary == ["errors": 4, "warnings": 2, "notes": 3])
    let findings = try #require(o["findings"] as? [[String: Any]])
    let unknown = try #require(findings.first { $0["code"] as? String == "MTX008" })
    #expect(
      unknown["line"] as? Int == 9 && unknown["column"] as? Int == 1
        && unknown["columnLetter"] as? String == "A")
    #expect(unknown["severity"] as? String == "error")
  }

  @Test func sarifFormat() throws {
    let r = try CLI.run(
      ["validate", "--format", "sarif", "Samples/matrix-edited.csv"], cwd: CLI.packageRoot)
    #expect(r.status == 1)
    let o = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(o["version"] as? String == "2.1.0")
    let run = try #require((o["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 9)
    let rules = try #require(
      ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
    // One rule per code used: MTX006, 008, 010, 011, 103, 105, 203.
    #expect(
      rules.compactMap { $0["id"] as? String } == [
        "MTX006", "MTX008", "MTX010", "MTX011", "MTX103", "MTX105", "MTX203",
      ])
    let text = (rules.first?["shortDescription"] as? [String: Any])?["text"] as? String
    #expect(text == "level headers out of order")
  }

  @Test func baselineOption() throws {
    let base = try temporary(
      try frenchSample(
        replacingLine: 2,
        with:
          "Rôle opérationnel;Contact;Chef de projet;Gestionnaire de compte;Responsable commerciale"),
      name: "old.csv")
    let new = try temporary(
      try frenchSample(
        replacingLine: 2,
        with:
          "Rôle opérationnel;Contact;Chef de projet;Gestionnaire de compte;Direction commerciale"),
      name: "new.csv")
    let r = try CLI.run(["validate", "--baseline", base, new])
    #expect(r.status == 0)
    #expect(
      r.stdout.hasPrefix(
        "\(new):2:5: note[MTX204]: role at level 4 changed since the baseline \(base): \"Responsable commerciale\" → \"Direction commerciale\"\n"
      ))
    // An invalid baseline: exit 2, saying so.
    let broken = try temporary("a;b\n", name: "broken.csv")
    let bad = try CLI.run(["validate", "--baseline", broken, new])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("the baseline \(broken) is not a valid matrix"))
    let gone = try CLI.run(["validate", "--baseline", "/no/such/old.csv", new])
    #expect(gone.status == 2)
  }

  @Test func usageErrorsExitTwo() throws {
    let format = try CLI.run(["validate", "--format", "xml", sample("matrix-fr.csv")])
    #expect(format.status == 2)
    #expect(
      format.stderr.hasPrefix(
        "escalation: error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'json' or 'sarif'.\n"
      ))
    let none = try CLI.run(["validate"])
    #expect(none.status == 2)
  }
}
