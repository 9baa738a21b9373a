import EscalationKit
import Foundation
import Testing
import XLSXTestSupport

@testable import XLSXExport

/// What a manager sees rather than what the cells hold: print layout, where tables and charts
/// sit, which rule wins where highlights and banding meet, header rows, labels in French.
/// Each of these was found wrong by rendering the report in LibreOffice.
@Suite("Report layout")
struct ReportLayoutTests {
  func write(_ language: Language = .en) throws -> (XLSXReader, String) {
    let dir = try scratchDirectory()
    let path = dir + "/r.xlsx"
    try ReportWorkbook.write(ReportWorkbookTests.input(language), to: path)
    return (try XLSXReader(path: path), dir)
  }

  @Test func everySheetPrintsLandscapeOnePageWide() throws {
    let (x, dir) = try write()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    for i in 0..<14 {
      let setup = x.sheetElements(i, named: "pageSetup").first
      #expect(setup?["orientation"] == "landscape", "sheet \(i)")
      #expect(setup?["fitToHeight"] == "0", "sheet \(i)")  // as many pages long as needed
      #expect(x.sheetElements(i, named: "pageSetUpPr").first?["fitToPage"] == "1", "sheet \(i)")
    }
    // The header row is repeated on every printed page of the Tickets sheet.
    let titles = x.elements("xl/workbook.xml", named: "definedName").filter {
      $0["name"] == "_xlnm.Print_Titles" && $0["localSheetId"] == "10"
    }
    #expect(titles.count == 1)
  }

  @Test func timeAtLevelTablesStartBelowTheChart() throws {
    let (x, dir) = try write()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let time = x.cells(sheet: 4)
    // Medians: 2 categories + total in rows 3–5. The chart sits under them at A7 (not beside
    // them, which doubled the printed width), 288 × 1.5 = 432 px high: 22 rows of 20 px, rows
    // 7–28; the full figures' header row goes below it, at A30.
    #expect(time["A7"] == nil)
    #expect(time["A30"] == .string("Category"))
    #expect(time["B30"] == .string("Level"))
    #expect(time["C30"] == .string("Tickets"))
    #expect(time["H30"] == .string("Role"))
    // First figure row: operational challenges at level 1, 5 tickets, median 3 h in E.
    #expect(time["C31"] == .number(5))
    #expect(time["E31"] == .number(3.0 / 24))
    #expect(time["H31"] == .string("Project team contact"))
    // Time to resolution: 4 figure rows (31–34), a blank row, the title in A36, the header in
    // row 37 with the same columns C–G (B says the levels: all), then the total: 8 tickets,
    // median 12 h (half a day).
    #expect(time["A36"] == .string("Time to resolution (tickets resolved in the period)"))
    #expect(time["C37"] == .string("Tickets"))
    #expect(time["B37"] == .string("Levels"))
    #expect(time["E37"] == .string("Median"))
    #expect(time["A38"] == .string("Total"))
    #expect(time["B38"] == .string("all"))
    #expect(time["C38"] == .number(8))
    #expect(time["E38"] == .number(0.5))
    let anchor = x.partNames(under: "xl/drawings/").compactMap { x.text($0) }
      .first { $0.contains("<xdr:col>0</xdr:col>") && $0.contains("<xdr:row>6</xdr:row>") }
    #expect(anchor != nil)
    #expect(ReportWorkbook.rowsUnderChart(height: 432) == 22)
  }

  @Test func breachHighlightsShareTheirRangeWithTheBanding() throws {
    let (x, dir) = try write()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // Tickets: 3 rows (2–4). LibreOffice applies the first conditionalFormatting element of
    // a cell; so the breach rule on L shares L2:L4 with the banding, ahead of it.
    let ticketRanges = x.sheetElements(10, named: "conditionalFormatting").compactMap {
      $0["sqref"]
    }
    #expect(ticketRanges == ["A2:K4", "L2:L4", "M2:M4"])
    let rules = x.sheetElements(10, named: "cfRule")
    #expect(rules.count == 4)
    #expect(rules.map { $0["priority"] } == ["2", "1", "3", "4"])
    // Backlog: the breach fills the whole row, so one range with both rules.
    let backlogRanges = x.sheetElements(7, named: "conditionalFormatting").compactMap {
      $0["sqref"]
    }
    #expect(backlogRanges == ["A2:I2"])
    #expect(x.sheetElements(7, named: "cfRule").count == 2)
  }

  @Test func longHeadersWrapOnATwoLineRow() throws {
    let (x, dir) = try write()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // "Level at resolution" (19 characters) wraps: the header row of Tickets is two lines.
    let ticketsHeader = x.sheetElements(10, named: "row").first { $0["r"] == "1" }
    #expect(ticketsHeader?["ht"] == "30")
    // Trend's headers wrap too ("Median time to resolution h"); the rates' row-1 headers
    // ("Reached ≥ 2" …) fit on one line and keep the default height.
    #expect(x.sheetElements(6, named: "row").first { $0["r"] == "1" }?["ht"] == "30")
    #expect(x.sheetElements(2, named: "row").first { $0["r"] == "1" }?["ht"] == nil)
    // The summary names the period in its figure headers.
    #expect(x.cells(sheet: 1).values.contains(.string("This period (October 2026)")))
  }

  @Test func dataQualityInFrenchWithWrappedMessages() throws {
    let (x, dir) = try write(.fr)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let quality = x.cells(sheet: 12)
    // LOG004 is an error, LOG101 a warning: the severities in French, as the headers.
    #expect(quality["A1"] == .string("Gravité"))
    #expect(quality["A2"] == .string("erreur"))
    #expect(quality["A3"] == .string("avertissement"))
    // The message column is 100 characters wide (libxlsxwriter adds its 0.71 padding).
    let f = x.sheetElements(12, named: "col").first { $0["min"] == "6" }
    #expect(f?["width"].flatMap(Double.init).map { abs($0 - 100.71) < 0.01 } == true)
  }

  @Test func widthOfWrappedHeaders() {
    // "Délai médian de résolution h": spaces after 5, 12, 15 and 26 characters; the best
    // break is after "Délai médian" (12) or "…de" (15): the longer line is 15 either way.
    #expect(Worksheet.twoLineWidth("Délai médian de résolution h") == 15)
    #expect(Worksheet.wrappedWidth("Délai médian de résolution h") == 16)
    // Up to 12 characters a header keeps one line; a single word cannot break.
    #expect(Worksheet.wrappedWidth("Level 1") == 7)
    #expect(Worksheet.twoLineWidth("Dépassements") == 12)
  }

  @Test func bandingSegments() {
    let h = { (c: ClosedRange<Int>) in
      SheetSeries.Highlight(columns: c, formula: "=TRUE", style: .plain)
    }
    #expect(SheetSeries.segments(0...11, cutBy: [h(11...11)]) == [0...10, 11...11])
    #expect(SheetSeries.segments(0...7, cutBy: [h(0...7)]) == [0...7])
    #expect(SheetSeries.segments(0...5, cutBy: [h(2...3)]) == [0...1, 2...3, 4...5])
    #expect(SheetSeries.segments(0...5, cutBy: []) == [0...5])
  }

  @Test func reversedBarChartsKeepTheValueAxisAtTheBottom() throws {
    let (x, dir) = try write()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // Categories top to bottom (maxMin) and the value axis crossing at the last category:
    // the horizontal bar charts (rates, time at level, flow funnel), not the aging columns.
    let bars = x.partNames(under: "xl/charts/").compactMap { x.text($0) }
      .filter { $0.contains("<c:barChart>") && $0.contains("<c:barDir val=\"bar\"/>") }
    #expect(bars.count == 3)
    for chart in bars {
      #expect(chart.contains("<c:orientation val=\"maxMin\"/>"))
      #expect(chart.contains("<c:crosses val=\"max\"/>"))
    }
  }

  @Test func matrixLegendSpansTheTable() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/m.xlsx"
    try MatrixWorkbook.write(
      MatrixWorkbookInput(matrix: .canonical(.en), language: .en), to: path, created: march2026)
    let x = try XLSXReader(path: path)
    // No source line: the legend starts at row 12. Nothing changed, no error, no finding: it
    // has one line ("No text changed …"), merged over the table's five columns A:E so that a
    // long line is not cut at the end of B (as LibreOffice showed it).
    let merged = x.sheetElements(0, named: "mergeCell").compactMap { $0["ref"] }
    #expect(merged == ["A12:E12"])
    #expect(x.sheetElements(0, named: "pageSetup").first?["orientation"] == "landscape")
  }

  @Test func paperHeaderFooterAndPrintArea() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // 60 tickets: past the 50 printed rows of the Tickets sheet.
    var input = ReportWorkbookTests.input(.fr)
    let one = try #require(input.content.tickets?.first)
    input.content.tickets = (1...60).map { i in
      var t = one
      t.ticket = "T\(i)"
      return t
    }
    try ReportWorkbook.write(input, to: dir + "/fr.xlsx")
    let fr = try XLSXReader(path: dir + "/fr.xlsx")
    for i in 0..<9 {
      // French: A4 (Excel's paper code 9) on every sheet.
      #expect(fr.sheetElements(i, named: "pageSetup").first?["paperSize"] == "9", "sheet \(i)")
    }
    // Title and period left, the sheet right; page N of M in the footer.
    let sheet = try #require(fr.sheetPart(0).flatMap { fr.text($0) })
    #expect(
      sheet.contains(
        "<headerFooter><oddHeader>&amp;LRapport des remontées — octobre 2026&amp;R&amp;A"
          + "</oddHeader><oddFooter>&amp;RPage &amp;P sur &amp;N</oddFooter></headerFooter>"))
    // Tickets (sheet 10) prints its header and first 50 rows (the test content has targets:
    // 13 columns A–M, the SLA breaches in L and the owner in M); its footer says so.
    let areas = fr.elements("xl/workbook.xml", named: "definedName").filter {
      $0["name"] == "_xlnm.Print_Area"
    }
    #expect(areas.map { $0["localSheetId"] } == ["10"])
    let workbook = try #require(fr.text("xl/workbook.xml"))
    #expect(workbook.contains("Tickets!$A$1:$M$51</definedName>"))
    let tickets = try #require(fr.sheetPart(10).flatMap { fr.text($0) })
    #expect(tickets.contains("<oddFooter>&amp;L50 premières lignes imprimées"))

    // English: US Letter (code 1) in a zone outside Europe, A4 in London, --paper wins.
    var en = ReportWorkbookTests.input(.en)
    try ReportWorkbook.write(en, to: dir + "/en.xlsx")
    #expect(
      try XLSXReader(path: dir + "/en.xlsx").sheetElements(0, named: "pageSetup").first?[
        "paperSize"] == "1")
    #expect(ReportWorkbook.defaultPaper(language: .en, zone: "Europe/London") == .a4)
    #expect(ReportWorkbook.defaultPaper(language: .en, zone: "America/Chicago") == .letter)
    #expect(ReportWorkbook.defaultPaper(language: .fr, zone: "UTC") == .a4)
    en.paper = .a4
    try ReportWorkbook.write(en, to: dir + "/en4.xlsx")
    #expect(
      try XLSXReader(path: dir + "/en4.xlsx").sheetElements(0, named: "pageSetup").first?[
        "paperSize"] == "9")
  }

  @Test func durationColumnsAreNotWidenedByTheirFormat() {
    // The conditional duration format is 30 characters long; its cells show at most
    // "1,215.5 d" or "16 h 45".
    #expect(Worksheet.numberWidth(0.7, format: "[<2][h]\" h \"mm;#,##0.0\" d\"") == 10)
  }
}
