import Diagnostics
import Foundation
import Testing

/// The registry of diagnostic codes is the one source of the README's table, docs/codes.md and
/// `escalation explain`; these tests fail when a document or a code in the sources drifts from it.
@Suite struct DiagnosticCodeTests {
  static func text(_ path: String) throws -> String {
    try String(contentsOf: CLI.packageRoot.appendingPathComponent(path), encoding: .utf8)
  }

  /// The README's table between its markers is the generated one
  /// (`escalation explain --markdown-table` prints it).
  @Test func readmeTableIsGenerated() throws {
    let readme = try Self.text("README.md")
    let begin = "<!-- codes:begin (generated from the registry: see docs/codes.md) -->\n"
    let end = "<!-- codes:end -->"
    let start = try #require(readme.range(of: begin))
    let stop = try #require(readme.range(of: end, range: start.upperBound..<readme.endIndex))
    let table = String(readme[start.upperBound..<stop.lowerBound])
    #expect(
      table == DiagnosticCode.markdownTable,
      "README table differs; generated:\n\(DiagnosticCode.markdownTable)")
  }

  /// docs/codes.md is `escalation explain --markdown`'s output.
  @Test func docsCodesIsGenerated() throws {
    #expect(
      try Self.text("docs/codes.md") == DiagnosticCode.markdownDocument,
      "regenerate with: swift run escalation explain --markdown > docs/codes.md")
  }

  @Test func codesAreUniqueAndWellFormed() {
    let codes = DiagnosticCode.all.map(\.code)
    #expect(Set(codes).count == codes.count)
    for c in DiagnosticCode.all {
      #expect(
        ["IO", "XLS", "CSV", "XLSX", "MTX", "LOG", "MET", "CAL", "PRF"].contains(c.family),
        "\(c.code)")
      #expect(c.code.count == c.family.count + 3, "\(c.code)")
      #expect(!c.summary.isEmpty && !c.explanation.isEmpty && !c.fix.isEmpty, "\(c.code)")
    }
    // Matrix severities follow the number: 0xx errors, 1xx warnings, 2xx notes.
    for c in DiagnosticCode.all where c.family == "MTX" {
      let expected: Severity =
        c.code.dropFirst(3).first == "0"
        ? .error : c.code.dropFirst(3).first == "1" ? .warning : .note
      #expect(c.severity == expected, "\(c.code)")
    }
  }

  /// Every code written in the sources (a string literal such as "LOG020") has an entry, and
  /// every entry is used by the sources: no undocumented code, no documented ghost.
  @Test func everyCodeInTheSourcesIsDocumented() throws {
    let sources = CLI.packageRoot.appendingPathComponent("Sources")
    let files = try #require(FileManager.default.enumerator(atPath: sources.path))
    let pattern = try NSRegularExpression(
      pattern: "\"((?:IO|XLSX|XLS|CSV|MTX|LOG|MET|CAL|PRF)[0-9]{3})\"")
    var used: Set<String> = []
    for case let file as String in files
    where file.hasSuffix(".swift") && !file.hasPrefix("Diagnostics/") {
      let s = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      for m in pattern.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
        used.insert((s as NSString).substring(with: m.range(at: 1)))
      }
    }
    let documented = Set(DiagnosticCode.all.map(\.code))
    #expect(used.subtracting(documented).sorted() == [])
    #expect(documented.subtracting(used).sorted() == [])
  }

  /// The 1,048,577-ticket test is skipped by a plain `swift test` and run by the README's test
  /// command, which CI runs.
  @Test func slowTestsRunInCI() throws {
    let script = try Self.text("Scripts/test.sh")
    let export = try #require(script.range(of: "export ESCALATION_SLOW_TESTS=1\n"))
    let test = try #require(script.range(of: "\nswift test "))
    #expect(export.lowerBound < test.lowerBound)
    #expect(try Self.text(".ci/run").contains("Scripts/test.sh"))
  }
}
