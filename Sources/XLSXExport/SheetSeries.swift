/// A table too long for one sheet: past Excel's 1,048,576 rows it continues on a second sheet
/// (`Tickets`, `Tickets (2)`, …), each with the header row, frozen and filterable.
///
/// ```swift
/// let tickets = try SheetSeries(workbook: wb, name: "Tickets", headers: ["Ticket", "Opened"])
/// for t in all {
///   let (sheet, row) = try tickets.nextRow()
///   try sheet.write(t.id, row: row, column: 0)
/// }
/// try tickets.finish()
/// ```
public final class SheetSeries {
  public let workbook: Workbook
  public let name: String
  public let headers: [String]
  /// Rows per sheet, the header included (Excel's maximum unless a test asks for fewer).
  public let rowsPerSheet: Int
  /// Sheets so far, in order.
  public private(set) var sheets: [Worksheet] = []
  /// Called on each new sheet before its header row is written (fixed column widths, which
  /// decide whether the headers wrap).
  private let configure: (Worksheet) throws(XLSXError) -> Void
  /// Conditional fills over the data rows (e.g. SLA breaches), applied by ``finish()`` over
  /// the rows written, ahead of the banding so that they win over it.
  public let highlights: [Highlight]
  private var row = 0
  /// Data rows written in all.
  public private(set) var count = 0

  /// Starts the first sheet.
  public init(
    workbook: Workbook, name: String, headers: [String], rowsPerSheet: Int = Worksheet.maxRows,
    highlights: [Highlight] = [],
    configure: @escaping (Worksheet) throws(XLSXError) -> Void = { _ in }
  ) throws(XLSXError) {
    self.workbook = workbook
    self.name = name
    self.headers = headers
    self.highlights = highlights
    self.rowsPerSheet = max(2, min(rowsPerSheet, Worksheet.maxRows))
    self.configure = configure
    try startSheet()
  }

  private func startSheet() throws(XLSXError) {
    let sheet = try workbook.addWorksheet(sheets.isEmpty ? name : "\(name) (\(sheets.count + 1))")
    sheet.autofitColumns()
    try configure(sheet)
    try sheet.writeHeaderRow(headers, row: 0)
    sheet.freezePanes(row: 1, column: 0)
    try sheet.setPrintLayout(headerRows: 0...0)
    sheets.append(sheet)
    row = 0
  }

  /// The sheet and the 0-based row where the next data row goes.
  public func nextRow() throws(XLSXError) -> (sheet: Worksheet, row: Int) {
    if row + 1 >= rowsPerSheet { try startSheet() }
    row += 1
    count += 1
    return (sheets[sheets.count - 1], row)
  }

  /// Puts the highlights, filter buttons and banded rows on each sheet (see
  /// ``Worksheet/makeFilterable(_:headers:bandSegments:)``); call once, after the last row.
  ///
  /// Each highlight covers exactly the rows written, and the banding is cut into the same
  /// column spans: Excel ranks overlapping rules by priority, but LibreOffice applies the
  /// first `conditionalFormatting` element of the sheet (libxlsxwriter sorts them by range),
  /// so a highlight only wins there when it shares its range with the banding rule.
  public func finish() throws(XLSXError) {
    let last = max(0, headers.count - 1)
    for sheet in sheets {
      let lastRow = max(0, sheet.lastRow)
      if lastRow >= 1 {
        for h in highlights {
          try sheet.highlight(
            CellRange(
              firstRow: 1, firstColumn: h.columns.lowerBound, lastRow: lastRow,
              lastColumn: h.columns.upperBound),
            formula: h.formula, style: h.style)
        }
      }
      let range = CellRange(firstRow: 0, firstColumn: 0, lastRow: lastRow, lastColumn: last)
      try sheet.makeFilterable(
        range, headers: headers, bandSegments: SheetSeries.segments(0...last, cutBy: highlights))
    }
  }

  /// Limits what prints of each sheet to its header and first `rows` data rows, so that a
  /// "print everything" does not print a list of thousands of pages (the footer says so).
  public func limitPrintArea(rows: Int) throws(XLSXError) {
    let last = max(0, headers.count - 1)
    for sheet in sheets where sheet.lastRow > rows {
      try sheet.setPrintArea(
        CellRange(firstRow: 0, firstColumn: 0, lastRow: rows, lastColumn: last))
    }
  }

  /// `columns` cut at the edges of the highlights' column spans, left to right.
  static func segments(_ columns: ClosedRange<Int>, cutBy highlights: [Highlight])
    -> [ClosedRange<Int>]
  {
    var starts: Set<Int> = [columns.lowerBound]
    for h in highlights {
      if columns.contains(h.columns.lowerBound) { starts.insert(h.columns.lowerBound) }
      if columns.contains(h.columns.upperBound + 1) { starts.insert(h.columns.upperBound + 1) }
    }
    let sorted = starts.sorted()
    return sorted.enumerated().map { i, start in
      start...(i + 1 < sorted.count ? sorted[i + 1] - 1 : columns.upperBound)
    }
  }

  /// A conditional fill over some columns of the data rows: `style` where `formula` (written
  /// for the first data row, e.g. `=$L2>0`) is true.
  public struct Highlight: Sendable {
    public var columns: ClosedRange<Int>
    public var formula: String
    public var style: CellStyle
    public init(columns: ClosedRange<Int>, formula: String, style: CellStyle) {
      self.columns = columns
      self.formula = formula
      self.style = style
    }
  }
}
