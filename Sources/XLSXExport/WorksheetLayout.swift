internal import CLibXLSXWriter
import EscalationKit

#if canImport(Glibc)
  import Glibc
#endif

// Row heights, column widths, panes, print layout, filters and tables of a ``Worksheet``.

extension Worksheet {
  // MARK: - Layout

  /// Sets a row's height in points (15 is Excel's default). In constant-memory mode, call it
  /// before writing the row or while writing it.
  public func setRowHeight(_ row: Int, _ height: Double) throws(XLSXError) {
    _ = try cell(row, 0)
    try lib.check(worksheet_set_row(sheet, lxw_row_t(row), height, nil), "worksheet_set_row")
  }

  /// Fixes a column's width in character widths, overriding the content-based width.
  public func setColumnWidth(_ column: Int, _ width: Double) {
    fixedWidths[column] = width
  }

  /// Sets every column's width from its content (all of it, written before or after this
  /// call) when the workbook closes, between `minimum` and `maximum` character widths; wrapped
  /// texts of 40 characters or more do not widen their column.
  public func autofitColumns(minimum: Double = 6, maximum: Double = 60) {
    autofit = (minimum, maximum)
  }

  /// Freezes the rows above `row` and the columns left of `column`.
  public func freezePanes(row: Int, column: Int) {
    guard lib.isOpen else { return }
    worksheet_freeze_panes(sheet, lxw_row_t(max(0, row)), lxw_col_t(max(0, column)))
  }

  /// How the sheet prints: landscape, one page wide and as many pages long as needed (a wide
  /// table would otherwise be cut across several pages), with `headerRows` (e.g. `0...0`)
  /// repeated at the top of every page. Excel and LibreOffice both honour it.
  public func setPrintLayout(landscape: Bool = true, headerRows: ClosedRange<Int>? = nil)
    throws(XLSXError)
  {
    guard lib.isOpen else { throw .closed(path: lib.path) }
    if landscape { worksheet_set_landscape(sheet) }
    worksheet_fit_to_pages(sheet, 1, 0)
    if let headerRows {
      guard headerRows.lowerBound >= 0, headerRows.upperBound < Worksheet.maxRows else {
        throw .outOfRange(path: lib.path, sheet: name, row: headerRows.upperBound, column: 0)
      }
      try lib.check(
        worksheet_repeat_rows(
          sheet, lxw_row_t(headerRows.lowerBound), lxw_row_t(headerRows.upperBound)),
        "worksheet_repeat_rows")
    }
  }

  /// The paper a sheet prints on.
  public enum Paper: Sendable, Equatable {
    /// ISO A4 (210 × 297 mm): Europe and most of the world.
    case a4
    /// US Letter (8.5 × 11 in): the United States and Canada.
    case letter

    /// Excel's paper code (`<pageSetup paperSize=…>`): 9 for A4, 1 for Letter.
    var code: UInt8 { self == .a4 ? 9 : 1 }
  }

  /// Sets the paper, and the page header and footer (Excel's codes: `&P` page, `&N` pages,
  /// `&A` sheet name; a literal `&` must be written `&&`). Each is cut at Excel's 255
  /// characters.
  public func setPrintPage(paper: Paper, header: String?, footer: String?) throws(XLSXError) {
    guard lib.isOpen else { throw .closed(path: lib.path) }
    worksheet_set_paper(sheet, paper.code)
    if let header {
      try lib.check(
        worksheet_set_header(sheet, String(header.prefix(255))), "worksheet_set_header")
    }
    if let footer {
      try lib.check(
        worksheet_set_footer(sheet, String(footer.prefix(255))), "worksheet_set_footer")
    }
  }

  /// Limits what prints to `range` (Excel's `_xlnm.Print_Area`): the rest of the sheet stays
  /// on screen but out of "print everything".
  public func setPrintArea(_ range: CellRange) throws(XLSXError) {
    let (r1, c1, r2, c2) = try bounds(range)
    try lib.check(worksheet_print_area(sheet, r1, c1, r2, c2), "worksheet_print_area")
    printArea = range
  }

  /// Puts filter buttons on the header row of `range`.
  public func autofilter(_ range: CellRange) throws(XLSXError) {
    let (r1, c1, r2, c2) = try bounds(range)
    try lib.check(worksheet_autofilter(sheet, r1, c1, r2, c2), "worksheet_autofilter(\(range.a1))")
  }

  /// Makes `range` (its first row being `headers`) an Excel table with filter buttons and
  /// banded rows. Not available in constant-memory mode: see ``makeFilterable(_:headers:)``.
  public func addTable(_ range: CellRange, headers: [String]) throws(XLSXError) {
    guard !lib.constantMemory else {
      throw .notInConstantMemory(path: lib.path, feature: "an Excel table on sheet '\(name)'")
    }
    let (r1, c1, r2, c2) = try bounds(range)
    // Excel wants unique, non-empty headers: repeat ones get " (2)", " (3)", ….
    var seen: [String] = []
    var columns: [UnsafeMutablePointer<lxw_table_column>?] = []
    defer { for c in columns { c?.deallocate() } }
    for i in 0...(range.lastColumn - range.firstColumn) {
      var h = i < headers.count ? TextSanitizer.cell(headers[i]) : ""
      if h.isEmpty { h = "Column\(i + 1)" }
      var unique = h
      var n = 2
      while seen.contains(where: { $0.lowercased() == unique.lowercased() }) {
        unique = "\(h) (\(n))"
        n += 1
      }
      seen.append(unique)
      let column = UnsafeMutablePointer<lxw_table_column>.allocate(capacity: 1)
      column.initialize(to: lxw_table_column())
      column.pointee.header = lib.retain(unique)
      column.pointee.header_format = try lib.format(.header)
      columns.append(column)
    }
    columns.append(nil)
    try columns.withUnsafeMutableBufferPointer { (buffer) throws(XLSXError) in
      var options = lxw_table_options()
      options.style_type = UInt8(LXW_TABLE_STYLE_TYPE_LIGHT.rawValue)
      options.style_type_number = 9
      options.columns = buffer.baseAddress
      try lib.check(
        worksheet_add_table(sheet, r1, c1, r2, c2, &options), "worksheet_add_table(\(range.a1))")
    }
  }

  /// Filter buttons and banded rows over `range` (headers in its first row): an Excel table
  /// when the workbook keeps rows in memory, otherwise an autofilter and banding by a
  /// conditional format, which libxlsxwriter allows in constant-memory mode. The banding is
  /// one rule per column span of `bandSegments` (default: the whole width), so that it can
  /// share its range with a highlight added before it (see ``SheetSeries/finish()``).
  public func makeFilterable(
    _ range: CellRange, headers: [String], bandSegments: [ClosedRange<Int>]? = nil
  ) throws(XLSXError) {
    if lib.constantMemory || range.lastRow == range.firstRow {
      try autofilter(range)
      if range.lastRow > range.firstRow {
        for span in bandSegments ?? [range.firstColumn...range.lastColumn] {
          try bandRows(
            CellRange(
              firstRow: range.firstRow + 1, firstColumn: span.lowerBound, lastRow: range.lastRow,
              lastColumn: span.upperBound))
        }
      }
    } else {
      try addTable(range, headers: headers)
    }
  }

  /// Applies the column widths; called by ``Workbook/close()``.
  func finish() throws(XLSXError) {
    var widths: [Int: Double] = [:]
    if let autofit {
      for (c, w) in extent.contentWidths.enumerated() where w > 0 {
        widths[c] = min(autofit.maximum, max(autofit.minimum, w + 2))
      }
    }
    for (c, w) in fixedWidths { widths[c] = w }
    for c in widths.keys.sorted() {
      guard let w = widths[c] else { continue }
      try lib.check(
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), w, nil), "worksheet_set_column")
    }
  }
}
