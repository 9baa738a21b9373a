import EscalationKit
import Foundation
import Testing
import XLSXTestSupport

@testable import XLSXExport

/// A fresh empty directory under the system's temporary directory.
func scratchDirectory(_ label: String = #function) throws -> String {
  let safe = label.filter { $0.isLetter || $0.isNumber }
  let dir = NSTemporaryDirectory() + "xlsx-tests-\(safe)-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  return dir
}

/// Names in a directory, hidden ones included.
func listing(_ dir: String) -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
}

/// 2026-03-01 00:00 UTC: 20,513 days after 1970-01-01 (56 years with 14 leap days = 20,454
/// days to 2026-01-01, plus 31 + 28).
let march2026: Int64 = 20_513 * 86_400

@Suite("XLSX workbook wrapper")
struct WorkbookTests {
  /// Writes the small workbook the round-trip tests read back.
  func writeSample(_ path: String, created: Int64 = march2026, constantMemory: Bool = true) throws {
    let wb = try Workbook(
      path: path, options: .init(constantMemory: constantMemory, created: created))
    let s = try wb.addWorksheet("Summary")
    try s.write("Name", row: 0, column: 0, style: .header)
    try s.write("Value", row: 0, column: 1, style: .header)
    try s.write("When", row: 0, column: 2, style: .header)
    try s.write("formula-looking", row: 1, column: 0)
    try s.write("=1+1", row: 1, column: 1)
    try s.write("control", row: 2, column: 0)
    try s.write("a\u{01}b\u{1B}c\u{0B}d\tok", row: 2, column: 1)
    try s.write("nan", row: 3, column: 0)
    try s.write(number: .nan, row: 3, column: 1)
    try s.write(hours: .infinity, row: 3, column: 2)
    try s.write("hours", row: 4, column: 0)
    try s.write(hours: 12.25, row: 4, column: 1)
    // 13:00 local at UTC+1 on 2026-03-01.
    try s.write(date: march2026 + 12 * 3600, offset: 3600, row: 4, column: 2)
    try s.write("long", row: 5, column: 0)
    try s.write(String(repeating: "x", count: 40_000), row: 5, column: 1)
    try s.write("_x0041_", row: 6, column: 2)
    try s.write("rate", row: 6, column: 0)
    try s.write(percent: 0.25, row: 6, column: 1)
    s.freezePanes(row: 1, column: 0)
    try s.autofilter(CellRange(firstRow: 0, firstColumn: 0, lastRow: 6, lastColumn: 2))
    try s.dataBars(.column(1, rows: 4...6))
    try s.colorScale(.column(1, rows: 1...6))
    try s.bandRows(CellRange(firstRow: 1, firstColumn: 0, lastRow: 6, lastColumn: 2))
    s.autofitColumns()
    let t = try wb.addWorksheet("Rates: a/b [x]")
    try t.write("Category", row: 0, column: 0, style: .header)
    try t.write("Rate", row: 0, column: 1, style: .header)
    for (i, (c, r)) in [("A", 0.5), ("B", 0.25), ("C", 0.75)].enumerated() {
      try t.write(c, row: i + 1, column: 0)
      try t.write(percent: r, row: i + 1, column: 1)
    }
    try s.writeLink("3 findings", toSheet: t.name, targetCell: "B2", row: 7, column: 0)
    let chart = try wb.addChart(.bar)
    try chart.addSeries(
      sheet: t, categories: .column(0, rows: 1...3), values: .column(1, rows: 1...3),
      nameCell: (0, 1), color: 0x4472C4)
    chart.setTitle("=Rates by category")
    chart.setValueAxisNumberFormat("0%")
    try t.insert(chart, row: 1, column: 3)
    try wb.close()
  }

  @Test func roundTripCellsAndSheetNames() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/sample.xlsx"
    try writeSample(path)
    let x = try XLSXReader(path: path)
    // "Rates: a/b [x]": ':', '/', '[' and ']' are forbidden in sheet names and become '-'.
    #expect(x.sheetNames == ["Summary", "Rates- a-b -x-"])
    let c = x.cells(sheet: 0)
    #expect(c["A1"] == .string("Name"))
    // Formula-looking input is stored as a string, never as a formula.
    #expect(c["B2"] == .string("=1+1"))
    // U+0001, U+001B and U+000B are not allowed in XML 1.0; the tab is.
    #expect(c["B3"] == .string("abcd\tok"))
    // NaN and infinity: a blank cell or none at all, never a value.
    #expect(c["B4"] == nil || c["B4"] == .blank)
    #expect(c["C4"] == nil || c["C4"] == .blank)
    #expect(c["B5"] == .number(12.25))
    // 2026-03-01 is Excel serial 46,082 (2026-01-01 = 46,023, plus 59 days); 13:00 = 13/24.
    if case .number(let serial) = c["C5"] {
      #expect(abs(serial - (46_082 + 13.0 / 24)) < 1e-9)
    } else {
      Issue.record("C5 should be a date number, got \(String(describing: c["C5"]))")
    }
    // 40,000 characters: cut to 32,767 in all, the last 6 being the note " [cut]".
    if case .string(let long) = c["B6"] {
      #expect(long.utf16.count == 32_767)
      #expect(long.hasSuffix(" [cut]"))
      #expect(long.hasPrefix("xxxx"))
    } else {
      Issue.record("B6 should be a string")
    }
    #expect(c["B7"] == .number(0.25))
    #expect(c["A8"] == .string("3 findings"))
    #expect(x.sheetElements(0, named: "hyperlink").first?["location"] == "'Rates- a-b -x-'!B2")
    // A literal `_x0041_` is escaped so that Excel shows it as typed, not as "A".
    #expect(c["C7"] == .string("_x0041_"))
    #expect(x.text(x.sheetPart(0) ?? "")?.contains("_x005F_x0041_") == true)
    let sheetXML = x.text(x.sheetPart(0) ?? "") ?? ""
    #expect(!sheetXML.lowercased().contains("<v>nan"))
    #expect(!sheetXML.lowercased().contains("<v>inf"))
    let rates = x.cells(sheet: 1)
    #expect(rates["A4"] == .string("C"))
    #expect(rates["B3"] == .number(0.25))
  }

  @Test func layoutFeaturesArePresent() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/sample.xlsx"
    try writeSample(path)
    let x = try XLSXReader(path: path)
    // Frozen header: a pane split below row 1.
    let pane = x.sheetElements(0, named: "pane").first
    #expect(pane?["state"] == "frozen")
    #expect(pane?["topLeftCell"] == "A2")
    #expect(x.sheetElements(0, named: "autoFilter").first?["ref"] == "A1:C7")
    // Data bars, 3-colour scale and the banding formula.
    let rules = x.sheetElements(0, named: "cfRule").compactMap { $0["type"] }
    #expect(rules.sorted() == ["colorScale", "dataBar", "expression"])
    // Column widths set from content: A holds "formula-looking" (15 characters) → 17.
    let cols = x.sheetElements(0, named: "col")
    #expect(cols.first { $0["min"] == "1" }?["width"].flatMap(Double.init).map { $0 >= 17 } == true)
    // The chart lives on the second sheet, through a drawing.
    #expect(x.partNames(under: "xl/charts/") == ["xl/charts/chart1.xml"])
    #expect(x.partNames(under: "xl/drawings/").contains("xl/drawings/drawing1.xml"))
    #expect(x.sheetElements(1, named: "drawing").count == 1)
    let chart = x.text("xl/charts/chart1.xml") ?? ""
    #expect(chart.contains("<c:barChart>"))
    // The leading '=' of the title is dropped: the title is text, not a reference.
    #expect(chart.contains("Rates by category"))
    #expect(chart.contains("'Rates- a-b -x-'!$B$2:$B$4"))
  }

  @Test func sameInputsGiveIdenticalBytes() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try writeSample(dir + "/a.xlsx")
    try writeSample(dir + "/b.xlsx")
    try writeSample(dir + "/c.xlsx", created: march2026 + 86_400)
    let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.xlsx"))
    let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/b.xlsx"))
    let c = try Data(contentsOf: URL(fileURLWithPath: dir + "/c.xlsx"))
    #expect(a == b)
    // Another creation time changes the document properties: the test can tell.
    #expect(a != c)
    #expect(listing(dir) == ["a.xlsx", "b.xlsx", "c.xlsx"])
  }

  @Test func missingDirectoryIsATypedErrorAndLeavesNothing() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/no-such-dir/out.xlsx"
    #expect(throws: XLSXError.self) { try writeSample(path) }
    do {
      _ = try Workbook(path: path, options: .init(created: 0))
      Issue.record("expected an error")
    } catch {
      guard case .directoryNotWritable(let p, _) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(p == path)
      #expect(error.code == "IO010")
      #expect(error.description.contains("does not exist"))
    }
    #expect(listing(dir) == [])
  }

  @Test func directoryThatIsAFileIsRefused() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    _ = FileManager.default.createFile(atPath: dir + "/plain", contents: Data("x".utf8))
    #expect(
      throws: XLSXError.directoryNotWritable(
        path: dir + "/plain/out.xlsx", reason: "\(dir)/plain is not a directory")
    ) {
      _ = try Workbook(path: dir + "/plain/out.xlsx", options: .init(created: 0))
    }
    #expect(listing(dir) == ["plain"])
  }

  @Test func failureAtCloseLeavesNothing() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let sub = dir + "/sub"
    try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: false)
    let wb = try Workbook(path: sub + "/out.xlsx", options: .init(created: 0))
    let s = try wb.addWorksheet("A")
    try s.write("x", row: 0, column: 0)
    // The directory disappears between the check and the write: libxlsxwriter fails only now.
    try FileManager.default.removeItem(atPath: sub)
    do {
      try wb.close()
      Issue.record("expected a write failure")
    } catch {
      #expect(error.code == "IO012")
    }
    #expect(listing(dir) == [])
  }

  @Test func inputIsNeverOverwritten() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let input = dir + "/log.csv"
    _ = FileManager.default.createFile(atPath: input, contents: Data("id\n1\n".utf8))
    #expect(throws: XLSXError.wouldOverwriteInput(path: input)) {
      _ = try Workbook(path: input, options: .init(created: 0, inputs: [input]))
    }
    #expect(try String(contentsOfFile: input, encoding: .utf8) == "id\n1\n")
  }

  @Test func unclosedWorkbookWritesNothing() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    do {
      let wb = try Workbook(path: dir + "/out.xlsx", options: .init(created: 0))
      try wb.addWorksheet("A").write("x", row: 0, column: 0)
    }
    #expect(listing(dir) == [])
  }

  @Test func constantMemoryRefusesRowsOutOfOrder() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let wb = try Workbook(path: dir + "/out.xlsx", options: .init(created: 0))
    let s = try wb.addWorksheet("A")
    try s.write("second row", row: 1, column: 0)
    #expect(
      throws: XLSXError.rowOutOfOrder(path: dir + "/out.xlsx", sheet: "A", row: 0, currentRow: 1)
    ) {
      try s.write("first row", row: 0, column: 0)
    }
    #expect(
      throws: XLSXError.outOfRange(path: dir + "/out.xlsx", sheet: "A", row: 1_048_576, column: 0)
    ) {
      try s.write("too far", row: 1_048_576, column: 0)
    }
  }

  @Test func duplicateSheetNamesAreMadeUnique() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let wb = try Workbook(path: dir + "/out.xlsx", options: .init(created: 0))
    let a = try wb.addWorksheet("Tickets")
    let b = try wb.addWorksheet("tickets")
    #expect(a.name == "Tickets")
    #expect(b.name == "tickets (2)")
    try wb.close()
    #expect(try XLSXReader(path: dir + "/out.xlsx").sheetNames == ["Tickets", "tickets (2)"])
  }
}

@Suite("Long tables")
struct SheetSeriesTests {
  @Test func continuesOnASecondSheetWithTheHeader() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/long.xlsx"
    let wb = try Workbook(path: path, options: .init(created: march2026))
    // 4 rows per sheet (header + 3 data rows): 7 data rows fill 3 + 3 + 1.
    let series = try SheetSeries(
      workbook: wb, name: "Tickets", headers: ["Ticket", "Hours"], rowsPerSheet: 4)
    for i in 1...7 {
      let (sheet, row) = try series.nextRow()
      try sheet.write("T\(i)", row: row, column: 0)
      try sheet.write(hours: Double(i), row: row, column: 1)
    }
    try series.finish()
    try wb.close()
    let x = try XLSXReader(path: path)
    #expect(x.sheetNames == ["Tickets", "Tickets (2)", "Tickets (3)"])
    #expect(series.count == 7)
    let second = x.cells(sheet: 1)
    #expect(second["A1"] == .string("Ticket"))
    #expect(second["A2"] == .string("T4"))
    #expect(second["B4"] == .number(6))
    #expect(second["A5"] == nil)
    #expect(x.cells(sheet: 2)["A2"] == .string("T7"))
    // Constant-memory mode: an autofilter over each sheet's rows, and banding.
    #expect(x.sheetElements(0, named: "autoFilter").first?["ref"] == "A1:B4")
    #expect(x.sheetElements(2, named: "autoFilter").first?["ref"] == "A1:B2")
    #expect(x.sheetElements(0, named: "cfRule").first?["type"] == "expression")
    #expect(x.partNames(under: "xl/tables/").isEmpty)
  }

  @Test func tableWhenRowsAreKeptInMemory() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/table.xlsx"
    let wb = try Workbook(path: path, options: .init(constantMemory: false, created: march2026))
    let s = try wb.addWorksheet("Data")
    // Duplicate headers would make Excel repair the file: the second gets " (2)".
    let headers = ["Code", "Code", "Line"]
    for (c, h) in headers.enumerated() { try s.write(h, row: 0, column: c, style: .header) }
    try s.write("CSV001", row: 1, column: 0)
    try s.write(integer: 3, row: 1, column: 2)
    try s.makeFilterable(
      CellRange(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 2), headers: headers)
    try wb.close()
    let x = try XLSXReader(path: path)
    #expect(x.partNames(under: "xl/tables/") == ["xl/tables/table1.xml"])
    #expect(x.elements("xl/tables/table1.xml", named: "table").first?["ref"] == "A1:C2")
    let names = x.elements("xl/tables/table1.xml", named: "tableColumn").compactMap { $0["name"] }
    #expect(names == ["Code", "Code (2)", "Line"])
    #expect(x.cells(sheet: 0)["B1"] == .string("Code (2)"))
  }

  @Test func tableIsRefusedInConstantMemory() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let wb = try Workbook(path: dir + "/t.xlsx", options: .init(created: 0))
    let s = try wb.addWorksheet("Data")
    #expect(
      throws: XLSXError.notInConstantMemory(
        path: dir + "/t.xlsx", feature: "an Excel table on sheet 'Data'")
    ) {
      try s.addTable(
        CellRange(firstRow: 0, firstColumn: 0, lastRow: 3, lastColumn: 1), headers: ["a", "b"])
    }
  }
}
