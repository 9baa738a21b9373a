import Foundation
import Testing
import XLSXTestSupport

/// The bad-input corpus (issue 6): every file in `Fixtures/corpus/` run through the commands a
/// person would run on it, each with its exact outcome — exit status, every finding (code, line,
/// column) and the accounting line. The large inputs (10 MB field, 100,000 columns, 33 MiB
/// field, a bad byte past the first 64 KiB) are generated into a temporary folder.
@Suite struct BadInputCorpusTests {
  static let corpus = CLI.fixtures.appendingPathComponent("corpus")

  /// One row of the corpus table.
  struct Case: CustomTestStringConvertible, Sendable {
    var file: String
    var args: [String]
    var status: Int32
    /// Every finding printed, in order, as `CODE line:column` (`CODE line` for a whole-line
    /// finding, `CODE -` for one about the whole file).
    var findings: [String]
    /// The accounting line, or nil when the command stops before records are counted.
    var accounting: String?
    var testDescription: String { "\(args.first ?? "") \(file)" }
  }

  static func acct(_ read: Int, _ used: Int, _ rejected: Int, _ dup: Int) -> String {
    "records read: \(read) = used \(used) + rejected \(rejected) + duplicates \(dup)"
  }

  static let cases: [Case] = [
    // Zero bytes: CSV001 about the whole file, nothing counted.
    Case(file: "empty.csv", args: ["import"], status: 1, findings: ["CSV001 -"], accounting: nil),
    Case(file: "empty.csv", args: ["validate"], status: 1, findings: ["CSV001 -"], accounting: nil),
    // A header and no record is a log of 0 records, not an error (0 = 0 + 0 + 0).
    Case(
      // No record to use: import exits 1 (a scheduled job must notice).
      file: "header-only.csv", args: ["import"], status: 1, findings: ["LOG030 1"],
      accounting: acct(0, 0, 0, 0)),
    // A matrix header alone: 0 rows of 9, role row and every category missing.
    Case(
      file: "matrix-header-only.csv", args: ["validate"], status: 1,
      findings: ["MTX002 -", "MTX007 -"] + Array(repeating: "MTX010 -", count: 8), accounting: nil),
    // 512 random bytes: not UTF-8, so Windows-1252; the "header" names no known column (import)
    // and the quote bytes in it make a malformed CSV (validate reads further, line 2 column 2).
    Case(
      file: "binary-garbage.bin", args: ["import"], status: 1, findings: ["LOG001 1"],
      accounting: nil),
    Case(
      file: "binary-garbage.bin", args: ["validate"], status: 1, findings: ["CSV005 2:2"],
      accounting: nil),
    // NUL is valid UTF-8: kept in a note (line 2 used), and it makes line 3's date unreadable.
    Case(
      file: "nul-bytes.csv", args: ["import"], status: 0, findings: ["LOG030 1", "LOG012 3:2"],
      accounting: acct(2, 1, 1, 0)),
    // A UTF-8 file (BOM, accented header) with a Latin-1 "é" (0xE9) on line 3: byte 31 of the
    // line is the first bad byte ("T2;2026-10-01 11:00;ouvert;1;D" is 30 bytes).
    Case(
      file: "invalid-utf8.csv", args: ["import"], status: 1, findings: ["CSV002 3:31"],
      accounting: nil),
    // Line 2 of the matrix: "Operational role,Project team contact," is 37 bytes, then
    // "Chef de projet — édité " (25 bytes in UTF-8, the dash is 3, é 2 each) → 0xFF at byte 66.
    Case(
      file: "matrix-invalid-utf8.csv", args: ["validate"], status: 1, findings: ["CSV002 2:66"],
      accounting: nil),
    // UTF-16 LE without a BOM is recognised from its NUL bytes; "Achat de matériel" survives.
    Case(
      file: "utf16le-no-bom.csv", args: ["import"], status: 0, findings: ["LOG030 1"],
      accounting: acct(2, 2, 0, 0)),
    // The quote opens in column E of line 3 and never closes: that line is rejected (CSV009),
    // line 2 is used (issue 10: records, not files, fail; a matrix still refuses it, below).
    Case(
      file: "unterminated-quote.csv", args: ["import"], status: 0,
      findings: ["LOG030 1", "CSV009 3:5"], accounting: acct(2, 1, 1, 0)),
    Case(
      file: "matrix-unterminated-quote.csv", args: ["validate"], status: 1,
      findings: ["CSV004 10:2"], accounting: nil),
    // CRLF, LF and a lone CR in one file: three records on lines 2, 3, 4.
    Case(
      file: "mixed-line-ends.csv", args: ["import"], status: 0, findings: ["LOG030 1"],
      accounting: acct(3, 3, 0, 0)),
    // `sep=;` is not data: the header is line 2; 13/10/2026 proves day-first (LOG031, line 4).
    Case(
      file: "sep-line.csv", args: ["import"], status: 0,
      // 13/10/2026 proves day-first (LOG031); such local times, without --tz: LOG039.
      findings: ["LOG030 2", "LOG031 4", "LOG039 -"],
      accounting: acct(2, 2, 0, 0)),
    Case(
      file: "matrix-sep-line.csv", args: ["validate"], status: 0, findings: [], accounting: nil),
    // Two "Ticket" columns: column A is used and the second (F) is named as not used.
    Case(
      file: "duplicate-headers.csv", args: ["import"], status: 0,
      findings: ["LOG030 1", "LOG037 1:6"], accounting: acct(1, 1, 0, 0)),
    // Two "Level 1 escalation" headers: MTX005 on the second (column C).
    Case(
      file: "matrix-duplicate-headers.csv", args: ["validate"], status: 1,
      findings: ["MTX005 1:3"], accounting: nil),
    // `=1+1`, `+T2`, `@SUM(A1)`, `-2` are data in a log (the report writes them as text, below);
    // the ticket and note columns each get one LOG028 at their first such cell (line 2); `-2`
    // is a number.
    Case(
      file: "formula-cells.csv", args: ["import"], status: 0,
      findings: ["LOG030 1", "LOG028 2", "LOG028 2"],
      accounting: acct(2, 2, 0, 0)),
    // In a matrix a cell starting with "=" is a warning (MTX105) plus the change note.
    Case(
      file: "matrix-formula-cell.csv", args: ["validate"], status: 0,
      findings: ["MTX105 3:2", "MTX203 3:2"], accounting: nil),
    // 1900-01-01 and 9999-12-31 23:59 are real dates: all four records used.
    Case(
      file: "dates-1900-9999.csv", args: ["import"], status: 0, findings: ["LOG030 1"],
      accounting: acct(4, 4, 0, 0)),
    // Serial 1 (1899-12-31), 61 (1900-03-01) and 2958465.999 (9999-12-31 23:58) are used;
    // 60 (Excel's 29 February 1900) and 2958466 (year 10000) are rejected with LOG014.
    Case(
      file: "excel-serials.csv", args: ["import"], status: 0,
      findings: ["LOG030 1", "LOG014 3:2", "LOG014 6:2"], accounting: acct(5, 3, 2, 0)),
    // Resolve before open: the ticket starts at the resolve (MET004) and the open reopens it
    // (MET012); nothing negative (checked with metrics below).
    Case(
      file: "reversed-events.csv", args: ["import"], status: 0,
      findings: ["LOG030 1", "MET004 2", "MET012 3"],
      accounting: acct(2, 2, 0, 0)),
    // Tickets layout, T1 resolved (10-03) and escalated (10-04) before it was raised (10-05):
    // every step is a named warning on line 2.
    Case(
      file: "reversed-tickets.csv", args: ["import"], status: 0,
      findings: ["LOG030 1", "MET004 2", "MET003 2", "MET007 2"], accounting: acct(2, 2, 0, 0)),
    // Every record rejected, each with its line and column; exit 1 (no record could be used),
    // the accounting says 0 used.
    Case(
      file: "all-rejected.csv", args: ["import"], status: 1,
      findings: ["LOG030 1", "LOG012 2:2", "LOG010 3:1", "LOG015 4:4", "LOG017 5:5"],
      accounting: acct(4, 0, 4, 0)),
    Case(
      file: "all-rejected.csv", args: ["import", "--strict"], status: 1,
      findings: ["LOG030 1", "LOG012 2:2", "LOG010 3:1", "LOG015 4:4", "LOG017 5:5"],
      accounting: acct(4, 0, 4, 0)),
  ]

  /// The findings of a command's standard error as `CODE line:column`, in order.
  static func findings(_ stderr: String) -> [String] {
    var out: [String] = []
    for line in stderr.split(separator: "\n") {
      // file[:line[:col]]: severity[CODE]: message — find "]: " after a severity word.
      guard
        let open = line.range(of: ": error[") ?? line.range(of: ": warning[")
          ?? line.range(of: ": note[")
      else { continue }
      let code = line[open.upperBound...].prefix { $0 != "]" }
      let position = line[..<open.lowerBound].split(separator: ":").dropFirst()
      out.append("\(code) " + (position.isEmpty ? "-" : position.joined(separator: ":")))
    }
    return out
  }

  static func accountingLine(_ stderr: String) -> String? {
    stderr.split(separator: "\n").last { $0.hasPrefix("records read:") }.map(String.init)
  }

  @Test(arguments: cases) func corpusFile(_ c: Case) throws {
    let r = try CLI.run(c.args + [c.file], cwd: Self.corpus)
    #expect(r.status == c.status, "\(r.stderr)")
    // validate prints its findings on standard output, import on standard error.
    #expect(Self.findings(r.stdout + r.stderr) == c.findings, "\(r.stdout)\(r.stderr)")
    #expect(Self.accountingLine(r.stderr) == c.accounting, "\(r.stderr)")
  }
}

/// The corpus entries that are too large to check in, generated into a temporary folder, and
/// the corpus files whose outcome is also in the report.
@Suite struct GeneratedBadInputTests {
  let dir: URL

  init() throws {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "corpus-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  }

  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  func run(_ args: [String]) throws -> CLI.Result { try CLI.run(args, cwd: dir) }

  static let header = Array("Ticket,Timestamp,Event,Level,Category,Note\n".utf8)
  static let row = Array("2026-10-01 10:00,open,1,".utf8)

  @Test func tenMegabyteFields() throws {
    defer { try? FileManager.default.removeItem(at: dir) }
    let big = [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20)
    // In the note: a 10 MB field is under the 32 MiB cap, so the record is used whole.
    _ = try write(
      "note.csv",
      Self.header + Array("T1,".utf8) + Self.row + Array("Performance issues,".utf8)
        + big + [0x0A])
    var r = try run(["import", "note.csv", "-o", "events.csv"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(BadInputCorpusTests.findings(r.stderr) == ["LOG030 1"])
    #expect(BadInputCorpusTests.accountingLine(r.stderr) == BadInputCorpusTests.acct(1, 1, 0, 0))
    let events = try Data(contentsOf: dir.appendingPathComponent("events.csv"))
    #expect(events.count > 10 << 20)

    // In the category: rejected (LOG017 at 2:5); the message quotes 200 characters, not 10 MB
    // (and the did-you-mean search no longer takes minutes on it).
    _ = try write(
      "category.csv", Self.header + Array("T1,".utf8) + Self.row + big + Array(",n\n".utf8))
    r = try run(["import", "category.csv"])
    #expect(r.status == 1, "\(r.stderr)")  // its only record is rejected
    #expect(BadInputCorpusTests.findings(r.stderr) == ["LOG030 1", "LOG017 2:5"])
    #expect(BadInputCorpusTests.accountingLine(r.stderr) == BadInputCorpusTests.acct(1, 0, 1, 0))
    #expect(r.stderr.utf8.count < 2_000)
    #expect(r.stderr.contains("… (10485760 bytes in all)"))

    // As the ticket id: used; the report's Tickets cell is cut to Excel's 32,767 characters,
    // ending with the " [cut]" note.
    _ = try write(
      "ticket.csv", Self.header + big + [0x2C] + Self.row + Array("Performance issues,n\n".utf8))
    r = try run(["report", "ticket.csv", "--month", "2026-10", "-o", "t.xlsx"])
    #expect(r.status == 0, "\(r.stderr)")
    let x = try XLSXReader(path: dir.appendingPathComponent("t.xlsx").path)
    let tickets = x.cells(sheet: x.sheetNames.firstIndex(of: "Tickets") ?? -1)
    guard case .string(let id)? = tickets["A2"] else {
      Issue.record("no ticket id in A2: \(String(describing: tickets["A2"]))")
      return
    }
    #expect(id.utf16.count == 32_767)
    #expect(id.hasSuffix("x [cut]"))
  }

  @Test func fieldOverTheCapIsCSV006() throws {
    defer { try? FileManager.default.removeItem(at: dir) }
    // 32 MiB + 1 byte in column F of line 2: a positioned error, nothing imported.
    let big = [UInt8](repeating: UInt8(ascii: "y"), count: (32 << 20) + 1)
    _ = try write(
      "huge.csv",
      Self.header + Array("T1,".utf8) + Self.row + Array("Performance issues,".utf8)
        + big + [0x0A])
    let r = try run(["import", "huge.csv"])
    #expect(r.status == 1, "\(r.stderr)")
    #expect(BadInputCorpusTests.findings(r.stderr) == ["CSV006 2:6"])
    #expect(BadInputCorpusTests.accountingLine(r.stderr) == nil)
  }

  @Test func hundredThousandColumnsIsCSV007() throws {
    defer { try? FileManager.default.removeItem(at: dir) }
    // A header of 100,000 columns: over the 16,384-field cap (Excel's), line 1, for both.
    var bytes: [UInt8] = []
    for i in 0..<100_000 { bytes += Array("C\(i),".utf8) }
    bytes[bytes.count - 1] = 0x0A
    _ = try write("wide.csv", bytes)
    for command in ["import", "validate"] {
      let r = try run([command, "wide.csv"])
      #expect(r.status == 1, "\(r.stderr)")
      #expect(BadInputCorpusTests.findings(r.stdout + r.stderr) == ["CSV007 1"])
    }
    // The same width on a record under a normal header: line 2.
    _ = try write(
      "wide-row.csv",
      Self.header + Array("T1,".utf8) + Self.row + Array("Performance issues".utf8)
        + [UInt8](repeating: 0x2C, count: 100_000) + [0x0A])
    let r = try run(["import", "wide-row.csv"])
    #expect(r.status == 1)
    #expect(BadInputCorpusTests.findings(r.stderr) == ["CSV007 2"])
  }

  @Test func invalidUTF8PastTheDetectionWindowIsCSV002() throws {
    defer { try? FileManager.default.removeItem(at: dir) }
    // 1,500 good records (68 KiB, past the 64 KiB the encoding is decided on), then a 0xFF:
    // the file is UTF-8, so the byte is an error on its line (1,502), byte 32 of
    // "T2,2026-10-01 10:00,open,1,Perf" + 0xFF.
    var bytes = Array("Ticket,Timestamp,Event,Level,Category\n".utf8)
    let good = Array("T1,2026-10-01 10:00,open,1,Performance issues\n".utf8)
    for _ in 0..<1_500 { bytes += good }
    bytes += Array("T2,2026-10-01 10:00,open,1,Perf".utf8) + [0xFF, 0x0A]
    _ = try write("late.csv", bytes)
    let r = try run(["import", "late.csv"])
    #expect(r.status == 1, "\(r.stderr)")
    #expect(BadInputCorpusTests.findings(r.stderr) == ["CSV002 1502:32"])
  }

  // MARK: corpus files in the report and the metrics

  func corpus(_ name: String) -> String {
    BadInputCorpusTests.corpus.appendingPathComponent(name).path
  }

  @Test func formulaLookingCellsAreTextInTheReport() throws {
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try run(["report", corpus("formula-cells.csv"), "--month", "2026-10", "-o", "f.xlsx"])
    #expect(r.status == 0, "\(r.stderr)")
    let x = try XLSXReader(path: dir.appendingPathComponent("f.xlsx").path)
    let tickets = x.cells(sheet: x.sheetNames.firstIndex(of: "Tickets") ?? -1)
    // Sorted by opening time, then input order: "=1+1" (line 2) then "+T2" (line 3).
    #expect(tickets["A2"] == .string("=1+1"))
    #expect(tickets["A3"] == .string("+T2"))
    let formulas = x.cells(sheet: x.sheetNames.firstIndex(of: "Tickets") ?? -1).values.filter {
      if case .formula = $0 { return true }
      return false
    }
    #expect(formulas.isEmpty)
  }

  @Test func dates1900And9999InTheReport() throws {
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try run([
      "report", corpus("dates-1900-9999.csv"), "--from", "1900-01-01", "--to", "9999-12-31", "-o",
      "d.xlsx",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("2 tickets opened, 0 open at as-of"))
    let x = try XLSXReader(path: dir.appendingPathComponent("d.xlsx").path)
    let tickets = x.cells(sheet: x.sheetNames.firstIndex(of: "Tickets") ?? -1)
    // Excel has no date before 1900-03-01 that it shows right (its 1900 leap-year bug): those
    // are written as text; 9999-12-31 23:00 is serial 2958465 + 23/24.
    #expect(tickets["C2"] == .string("1900-01-01T00:00:00Z"))
    #expect(tickets["D2"] == .string("1900-01-02T10:00:00Z"))
    let opened: Double = 2_958_465 + 23.0 / 24
    let resolved: Double = 2_958_465 + 1439.0 / 1440
    // The XML holds 16 significant digits: equal to within a millisecond (1.2e-8 day).
    func near(_ v: XLSXReader.Value?, _ d: Double) -> Bool {
      if case .number(let n)? = v { return abs(n - d) < 1e-8 }
      return false
    }
    #expect(near(tickets["C3"], opened), "\(String(describing: tickets["C3"]))")
    #expect(near(tickets["D3"], resolved), "\(String(describing: tickets["D3"]))")
    // Time at level 1, in days: 34 h (T1) and 59 min (T2), never negative.
    #expect(near(tickets["G2"], 34.0 / 24))
    #expect(near(tickets["G3"], 59.0 / 1440))
  }

  @Test func reversedDurationsAreNeverNegative() throws {
    defer { try? FileManager.default.removeItem(at: dir) }
    // Events: resolve 10-02 then open 10-03 — the ticket starts at the resolve, is reopened at
    // 10-03 and is open at as-of (10-03 10:00): 0 h at level 1, no time to resolution.
    var r = try run([
      "metrics", corpus("reversed-events.csv"), "--format", "csv", "--table", "tickets",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stdout.split(separator: "\r\n").dropFirst().first
        == "T1,performance-issues,Performance issues,2026-10-02 10:00:00,,1,,0,,,,,0,")
    // Tickets layout: T1 resolved 10-03, escalated 10-04, raised 10-05 (as-of 10-06 10:00):
    // 0 h (10-03) + 24 h (10-05 → 10-06) at level 1, 24 h at level 2, unresolved.
    r = try run([
      "metrics", corpus("reversed-tickets.csv"), "--format", "csv", "--table", "tickets",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let rows = r.stdout.split(separator: "\r\n").dropFirst()
    #expect(
      rows.first == "T1,performance-issues,Performance issues,2026-10-03 10:00:00,,2,,24,24,,,,0,")
    #expect(!r.stdout.contains(",-"))
  }

  @Test func allRejectedLogExits1AndWritesNoWorkbook() throws {
    defer { try? FileManager.default.removeItem(at: dir) }
    // Every record rejected: nothing to report (issue 10: a scheduled job must notice); the
    // message points to import for the rejections.
    let log = corpus("all-rejected.csv")
    let r = try run(["report", log, "-o", "a.xlsx"])
    #expect(r.status == 1, "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.xlsx").path))
    #expect(
      r.stderr.contains(
        "no record of \(log) could be used (4 read, 4 rejected, 0 duplicates; escalation import \(log) lists why)"
      ))
    let i = try run(["import", log])
    #expect(i.status == 1)
    #expect(
      Set(BadInputCorpusTests.findings(i.stderr).filter { $0.hasPrefix("LOG01") }) == [
        "LOG012 2:2", "LOG010 3:1", "LOG015 4:4", "LOG017 5:5",
      ])
  }
}
