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
  /// Called on each new sheet after its header row is written (column widths, formats).
  private let configure: (Worksheet) throws(XLSXError) -> Void
  private var row = 0
  /// Data rows written in all.
  public private(set) var count = 0

  /// Starts the first sheet.
  public init(
    workbook: Workbook, name: String, headers: [String], rowsPerSheet: Int = Worksheet.maxRows,
    configure: @escaping (Worksheet) throws(XLSXError) -> Void = { _ in }
  ) throws(XLSXError) {
    self.workbook = workbook
    self.name = name
    self.headers = headers
    self.rowsPerSheet = max(2, min(rowsPerSheet, Worksheet.maxRows))
    self.configure = configure
    try startSheet()
  }

  private func startSheet() throws(XLSXError) {
    let sheet = try workbook.addWorksheet(sheets.isEmpty ? name : "\(name) (\(sheets.count + 1))")
    for (c, h) in headers.enumerated() { try sheet.write(h, row: 0, column: c, style: .header) }
    sheet.freezePanes(row: 1, column: 0)
    sheet.autofitColumns()
    try configure(sheet)
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

  /// Puts filter buttons and banded rows on each sheet (see
  /// ``Worksheet/makeFilterable(_:headers:)``); call once, after the last row.
  public func finish() throws(XLSXError) {
    let last = max(0, headers.count - 1)
    for sheet in sheets {
      let range = CellRange(
        firstRow: 0, firstColumn: 0, lastRow: max(0, sheet.lastRow), lastColumn: last)
      try sheet.makeFilterable(range, headers: headers)
    }
  }
}
