import CSVImport
import Foundation
import Testing

@testable import XLSXImport

/// The fixtures were written once by `Scripts/xlsx-fixtures.py` (openpyxl, XlsxWriter,
/// LibreOffice and this tool); the expected values below are the data the script wrote.
enum Fixture {
  static func path(_ name: String) -> String {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(name)").path
  }

  /// `(row, fields)` of every record of a workbook's sheet (or a CSV file).
  static func records(_ name: String, sheet: String? = nil) throws -> [(Int, [String])] {
    let reader = try RecordInput.open(path: path(name), sheet: sheet.map(SheetChoice.init))
    var out: [(Int, [String])] = []
    try reader.forEachRecord { r in out.append((r.line, r.strings)) }
    return out
  }

  static func error(_ name: String, limits: WorkbookLimits = WorkbookLimits()) -> CSVError? {
    do {
      let reader = try XLSXReader(path: path(name), limits: limits)
      try reader.forEachRecord { _ in }
      return nil
    } catch let e as CSVError {
      return e
    } catch {
      return nil
    }
  }
}

@Suite struct XLSXReaderTests {
  /// xlsxwriter-cells.xlsx, sheet "Cells": one row per kind of cell (see the script, part 5).
  @Test func everyKindOfCell() throws {
    let reader = try XLSXReader(path: Fixture.path("xlsxwriter-cells.xlsx"))
    // The first sheet ("Hidden") is hidden: the first visible one is read.
    #expect(reader.sheet.name == "Cells")
    #expect(reader.sheets.map(\.name) == ["Hidden", "Cells", "Other"])
    var rows: [(Int, [String])] = []
    try reader.forEachRecord { r in rows.append((r.line, r.strings)) }
    // Row 7 is blank; row 6 has A6 and D6 only.
    #expect(rows.map(\.0) == [1, 2, 3, 4, 5, 6, 8, 9, 10])
    #expect(rows[0].1 == ["kind", "value", "more"])
    #expect(rows[1].1 == ["formula", "3", "ab"])  // cached values of =1+2 and ="a"&"b"
    #expect(rows[2].1 == ["boolean", "TRUE", "FALSE"])
    #expect(rows[3].1 == ["error", "#N/A"])
    #expect(rows[4].1 == ["rich", "plain bold end"])  // three runs of one shared string
    #expect(rows[5].1 == ["gap", "", "", "D6"])
    #expect(rows[6].1 == ["number", "46298.25", "-1.5"])
    // 2026-10-03 in a dd/mm/yyyy cell: a timestamp, not a day/month guess.
    #expect(rows[7].1 == ["date", "2026-10-03 00:00:00", "Ünïcödé & <xml> \"quotes\""])
    #expect(rows[8].1 == ["hidden row"])
    let codes = reader.notices.map(\.code)
    #expect(codes == [XLSXCode.sheetRead, XLSXCode.hiddenRead, XLSXCode.errorValue])
    #expect(reader.notices[0].message.hasPrefix("read sheet \"Cells\" (2 of 3"))
    #expect(reader.notices[2].row == 4 && reader.notices[2].column == 2)
  }

  @Test func sheetByNameOrNumber() throws {
    #expect(
      try Fixture.records("xlsxwriter-cells.xlsx", sheet: "Other").map(\.1) == [["other sheet"]])
    #expect(
      try Fixture.records("xlsxwriter-cells.xlsx", sheet: "other").map(\.1) == [["other sheet"]])
    #expect(
      try Fixture.records("xlsxwriter-cells.xlsx", sheet: "1").map(\.1) == [["not read by default"]]
    )
    #expect(throws: CSVError.self) { try Fixture.records("xlsxwriter-cells.xlsx", sheet: "nope") }
    do {
      _ = try Fixture.records("xlsxwriter-cells.xlsx", sheet: "4")
    } catch let e as CSVError {
      #expect(e.code == XLSXCode.noSuchSheet && e.isIOError)
      #expect(e.message.contains("1 \"Hidden\", 2 \"Cells\", 3 \"Other\""))
    }
  }

  /// Dates in date cells of both date systems, from three producers, read as the CSV twin's
  /// ISO text; levels (number cells) as "1"; inline strings (openpyxl, XlsxWriter's
  /// constant-memory mode) and shared strings (LibreOffice).
  @Test(arguments: [
    "openpyxl-events.xlsx", "openpyxl-events-1904.xlsx", "xlsxwriter-inline-1904.xlsx",
    "libreoffice-events.xlsx",
  ])
  func eventsEqualTheCSVTwin(name: String) throws {
    let csv = try Fixture.records("events.csv")
    let xlsx = try Fixture.records(name)
    #expect(xlsx.count == 33)
    #expect(xlsx.map(\.0) == csv.map(\.0))
    #expect(xlsx.map(\.1) == csv.map(\.1))
    #expect(
      xlsx[1].1 == [
        "ESC-0001", "2026-02-06 14:36:00", "opened", "1", "Guidance acquisition", "Alex Martin",
        "Needs approval, budget over 5k",
      ])
    let reader = try XLSXReader(path: Fixture.path(name))
    #expect(reader.date1904 == name.contains("1904"))
  }

  /// A shared-string-heavy sheet (XlsxWriter writes every text once in sharedStrings.xml) with
  /// US date cells (custom format m/d/yy h:mm AM/PM): dates as ISO, the rest as the CSV.
  @Test func sharedStringsAndCustomDateFormat() throws {
    let csv = try Fixture.records("tickets.csv")
    let xlsx = try Fixture.records("xlsxwriter-tickets.xlsx")
    #expect(xlsx.count == csv.count)
    #expect(xlsx[0].1 == csv[0].1)
    // tickets.csv line 2: ESC-0001,Service detail concerns,02/04/26 11:58 AM,,,,02/04/26 1:43 PM,1,…
    #expect(
      xlsx[1].1 == [
        "ESC-0001", "Service detail concerns", "2026-02-04 11:58:00", "", "", "",
        "2026-02-04 13:43:00", "1", "Resolved", "Alex Martin",
      ])
    for (a, b) in zip(xlsx.dropFirst(), csv.dropFirst()) {
      #expect(a.1[0] == b.1[0] && a.1[1] == b.1[1] && a.1[8...] == b.1[8...])
    }
  }

  /// This tool's own workbooks: the template (inline strings, a legend below the matrix) and
  /// the report (several sheets).
  @Test func thisToolsWorkbooks() throws {
    let en = try Fixture.records("template-en.xlsx")
    #expect(en.count == 12)  // header, role, 8 categories, then two legend lines after a blank
    #expect(
      en[0].1 == [
        "Escalation types", "Level 1 escalation", "Level 2 escalation", "Level 3 escalation",
        "Level 4 escalation",
      ])
    #expect(en.map(\.0).suffix(2) == [12, 13])
    let report = try XLSXReader(path: Fixture.path("report.xlsx"))
    #expect(report.sheets.count >= 5)
    #expect(report.notices.first?.code == XLSXCode.sheetRead)
  }

  /// Found by Fuzz/xlsx.swift: this damaged package trapped inside ZIPFoundation's in-memory
  /// archive ("Range requires lowerBound <= upperBound") when read from memory (standard input).
  /// Read from memory it must now fail exactly as it does from disk, with a finding.
  @Test func damagedPackageInMemoryFailsLikeOnDisk() throws {
    let path = Fixture.path("bad-fuzz-inmemory.xlsx")
    let onDisk = Fixture.error("bad-fuzz-inmemory.xlsx")
    #expect(onDisk?.code == XLSXCode.damagedZIP)
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    var inMemory: CSVError?
    do {
      let reader = try XLSXReader(bytes: bytes, name: "stdin.xlsx")
      try reader.forEachRecord { _ in }
    } catch let e as CSVError {
      inMemory = e
    }
    #expect(inMemory?.code == onDisk?.code)
  }

  @Test func badWorkbooks() throws {
    #expect(Fixture.error("bad-truncated.xlsx")?.code == XLSXCode.damagedZIP)
    #expect(Fixture.error("bad-missing-sheet.xlsx")?.code == XLSXCode.missingPart)
    let malformed = Fixture.error("bad-malformed.xlsx")
    #expect(malformed?.code == XLSXCode.malformedXML)
    #expect(malformed?.message.contains("xl/worksheets/sheet1.xml") == true)
    let shared = Fixture.error("bad-shared-index.xlsx")
    #expect(shared?.code == XLSXCode.sheetLimits)
    #expect(
      shared?.description.hasPrefix(
        Fixture.path("bad-shared-index.xlsx") + "[Tickets]!D1: error[XLSX006]") == true)
    let rows = Fixture.error("bad-row-limit.xlsx")
    #expect(rows?.code == XLSXCode.sheetLimits && rows?.line == 1_048_577)
    // The 3 MiB sheet part reads under the standard cap, not under a 1 MiB one.
    #expect(Fixture.error("bad-bomb.xlsx") == nil)
    var small = WorkbookLimits()
    small.sheetPartBytes = 1 << 20
    #expect(Fixture.error("bad-bomb.xlsx", limits: small)?.code == XLSXCode.inflateCap)
    for name in ["bad-legacy.xls", "libreoffice-events.ods", "bad-not-workbook.xlsx"] {
      do {
        _ = try Fixture.records(name)
        Issue.record("\(name) was read")
      } catch let e as CSVError {
        #expect(e.code == XLSXCode.unsupportedFormat && e.isIOError, "\(name)")
      }
    }
  }

  @Test func dateFormats() {
    for code in [
      "yyyy-mm-dd hh:mm", "[h]:mm:ss", "[$-409]m/d/yy h:mm AM/PM", "dd/mm/yyyy", "mmm-yy",
    ] {
      #expect(DateFormats.isDateFormat(code), "\(code)")
    }
    for code in ["General", "0.00", "[Red]0.00", "#,##0 \"days\"", "0.00_);(0.00)", "@", "0%"] {
      #expect(!DateFormats.isDateFormat(code), "\(code)")
    }
    #expect((14...22).allSatisfy(DateFormats.isBuiltInDate) && !DateFormats.isBuiltInDate(0))
  }

  /// Serials worked out by hand: 2026-01-01 is 46023 (2025-01-01 is 45658, + 365); 3 October is
  /// day 276, so 46298; 14:05 is 845/1440 of a day. The 1904 system counts from 1904-01-01,
  /// serial 1462 of the 1900 system. Excel's 1900 counts a 29 February 1900 as serial 60.
  @Test func serialsAsISO() {
    func iso(_ s: String, _ d1904: Bool = false) -> String? {
      var out: [UInt8] = []
      let ok = Array(s.utf8).withUnsafeBufferPointer {
        DateFormats.appendISO(serial: $0, date1904: d1904, to: &out)
      }
      return ok ? String(decoding: out, as: UTF8.self) : nil
    }
    #expect(iso("46298.586805555555") == "2026-10-03 14:05:00")
    #expect(iso("44836.586805555555", true) == "2026-10-03 14:05:00")
    #expect(iso("1") == "1900-01-01 00:00:00")
    #expect(iso("59") == "1900-02-28 00:00:00")
    #expect(iso("60") == nil)
    #expect(iso("61") == "1900-03-01 00:00:00")
    #expect(iso("0", true) == "1904-01-01 00:00:00")
    #expect(iso("-1") == nil && iso("abc") == nil && iso("1e300") == nil)
  }

  @Test func positions() {
    #expect(
      SpreadsheetPosition.text(file: "x.xlsx", sheet: "Sheet1", line: 5, column: 3)
        == "x.xlsx[Sheet1]!C5")
    #expect(
      SpreadsheetPosition.text(file: "x.xlsx", sheet: "Sheet1", line: 5, column: nil)
        == "x.xlsx[Sheet1]!5:5")
    #expect(
      SpreadsheetPosition.text(file: "x.xlsx", sheet: "S", line: nil, column: nil) == "x.xlsx[S]")
    #expect(SpreadsheetPosition.text(file: "x.csv", sheet: nil, line: 5, column: 3) == "x.csv:5:3")
    #expect(SpreadsheetPosition.columnLetter(16_384) == "XFD")
    func ref(_ s: String) -> [Int]? {
      Array(s.utf8).withUnsafeBufferPointer { SheetHandler.reference($0).map { [$0.0, $0.1] } }
    }
    #expect(ref("XFD1048576") == [16_383, 1_048_576])
    #expect(ref("C5") == [2, 5])
    #expect(ref("XFE1") == nil && ref("A1048577") == nil && ref("A0") == nil && ref("5") == nil)
  }
}
