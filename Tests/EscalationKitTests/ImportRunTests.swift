import Foundation
import Testing

@testable import EscalationKit

/// `ImportRun`, `LogSet`, `FindingsDisplay`, `SourceColumns` and the CSV formula guard, called
/// as library functions (no process).
@Suite struct ImportRunTests {
  static func files(_ contents: [String: String]) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "import-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, text) in contents {
      try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    }
    return dir
  }

  /// Two monthly exports: J2's open is in both (counted once, as a duplicate of the first
  /// file), J1 moves 1 → 3 in February (MET002, traced back to b.csv line 3).
  @Test func twoLogsAreReadAsOne() throws {
    let header = "Ticket,Timestamp,Event,Level,Category\n"
    let dir = try Self.files([
      "a.csv": header
        + "J1,2026-01-05 09:00,open,1,Performance issues\nJ2,2026-01-06 09:00,open,1,Service detail concerns\n",
      "b.csv": header
        + "J2,2026-01-06 09:00,open,1,Service detail concerns\nJ1,2026-02-02 09:00,escalate,3,Performance issues\n",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a.csv").path
    let b = dir.appendingPathComponent("b.csv").path
    let outcome = try ImportRun.run(
      ImportRun.Request(paths: [a, b], options: LogImportOptions(), zoneGiven: false))
    #expect(
      outcome.log.accounting == RecordAccounting(read: 4, used: 3, rejected: 0, duplicates: 1))
    #expect(outcome.log.ticketIDs == ["J1", "J2"])
    // Lines in their own files: a.csv 2, 3; b.csv 3.
    #expect(outcome.log.events.map(\.line) == [2, 3, 3])
    #expect(outcome.report.files == [a, b])
    let places = outcome.report.findings.filter { $0.severity == .warning }.map {
      "\($0.code) \($0.file == b ? "b" : "a"):\($0.line ?? 0)"
    }
    #expect(places == ["LOG020 b:2", "MET002 b:3"])
    #expect(outcome.statusLine == "records read: 4 = used 3 + rejected 0 + duplicates 1")
    #expect(!outcome.failed)
  }

  @Test func aMatrixIsNotALog() throws {
    let matrix = CLISamples.matrixFR
    #expect(throws: ImportStop.self) {
      _ = try ImportRun.run(
        ImportRun.Request(paths: [matrix], options: LogImportOptions(), zoneGiven: true))
    }
    do {
      _ = try LogSet.load([matrix], options: LogImportOptions())
    } catch let stop as ImportStop {
      #expect(stop.finding.code == "LOG006")
      #expect(stop.exitStatus == 1)
    }
  }

  @Test func formulaLookingText() {
    for s in ["=1+1", "+T2", "@SUM(A1)", "-x", "\tx", "\rx", "+33 1 23", "-inf", "=", "-"] {
      #expect(CSVField.looksLikeFormula(s), "\(s)")
    }
    for s in ["-2", "+3.5", "-1e3", "-2,5", "abc", "", " =x", "a=b"] {
      #expect(!CSVField.looksLikeFormula(s), "\(s)")
    }
    #expect(CSVField.string("=1+1", delimiter: 0x2C) == "'=1+1")
    #expect(CSVField.string("-2", delimiter: 0x2C) == "-2")
    #expect(CSVField.string("=a,b", delimiter: 0x2C) == "\"'=a,b\"")
    CSVField.$neutralizeFormulas.withValue(false) {
      #expect(CSVField.string("=1+1", delimiter: 0x2C) == "=1+1")
    }
  }

  static func finding(_ code: String, _ line: Int, _ sev: Severity = .warning) -> Finding {
    Finding(code: code, severity: sev, file: "f.csv", line: line, message: "m\(line)")
  }

  /// 11 × A (past the threshold of 10: one line), 2 × B, 1 error E.
  @Test func displayGroupsCapsAndQuiets() {
    let fs =
      (1...11).map { Self.finding("A", $0) } + [
        Self.finding("B", 20), Self.finding("E", 21, .error), Self.finding("B", 22),
      ]
    let (lines, omitted) = FindingsDisplay().lines(fs)
    #expect(omitted == 0)
    #expect(
      lines == [
        .group(first: fs[0], count: 11, positions: Array(fs[0..<3])), .finding(fs[11]),
        .finding(fs[12]), .finding(fs[13]),
      ])
    #expect(FindingsDisplay(verbose: true).lines(fs).lines.count == 14)
    let capped = FindingsDisplay(maxFindings: 2).lines(fs)
    #expect(capped.lines.count == 2)
    #expect(capped.omitted == 2)
    #expect(FindingsDisplay(quiet: true).lines(fs).lines == [.finding(fs[12])])
  }

  /// A quoted field with a line break: the next field starts on the record's second line.
  @Test func sourceColumnsFollowQuotedLineBreaks() {
    let text = "a;b;c\nx;\"é\nz\";yy\n"
    let places = SourceColumns.locate(Array(text.utf8), lines: [2: [1, 2, 3]])
    #expect(places[2]?[1].map { [$0.line, $0.column] } == [2, 1])
    #expect(places[2]?[2].map { [$0.line, $0.column] } == [2, 3])
    // `z";` on line 3: field 3 starts at column 4.
    #expect(places[2]?[3].map { [$0.line, $0.column] } == [3, 4])
  }
}

/// Paths of the repository's samples.
enum CLISamples {
  static var root: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }
  static var matrixFR: String { root.appendingPathComponent("Samples/matrix-fr.csv").path }
}
