internal import CLibXLSXWriter
import EscalationKit

#if canImport(Glibc)
  import Glibc
#endif

/// A rectangle of cells, 0-based and inclusive.
public struct CellRange: Hashable, Sendable {
  public var firstRow: Int
  public var firstColumn: Int
  public var lastRow: Int
  public var lastColumn: Int

  public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
    self.firstRow = firstRow
    self.firstColumn = firstColumn
    self.lastRow = lastRow
    self.lastColumn = lastColumn
  }

  /// One column from `firstRow` to `lastRow`.
  public static func column(_ c: Int, rows: ClosedRange<Int>) -> CellRange {
    CellRange(firstRow: rows.lowerBound, firstColumn: c, lastRow: rows.upperBound, lastColumn: c)
  }

  /// The A1-style reference (`B2:D9`).
  public var a1: String {
    let a = Finding.columnLetter(firstColumn + 1) + String(firstRow + 1)
    let b = Finding.columnLetter(lastColumn + 1) + String(lastRow + 1)
    return a == b ? a : a + ":" + b
  }
}

/// One sheet of a ``Workbook``, with typed cell writers.
///
/// Text is always written as a string (never a formula), cleaned by
/// ``TextSanitizer/cell(_:)``; a number that is NaN or infinite is written as a blank cell
/// (libxlsxwriter would write it as-is and corrupt the file). Column widths follow the content
/// when ``autofitColumns(minimum:maximum:)`` is asked for. In a constant-memory workbook rows
/// must be written top to bottom, each left to right.
public final class Worksheet {
  /// Excel's grid.
  public static let maxRows = 1_048_576
  public static let maxColumns = 16_384

  /// The sheet's name as written (valid and unique).
  public let name: String
  let lib: LibXLSX
  let sheet: UnsafeMutablePointer<lxw_worksheet>
  /// The last row written to (constant-memory order check).
  private var currentRow = -1
  /// Widest content seen per column, in character widths.
  private var contentWidths: [Double] = []
  /// Widths set explicitly, which win over content.
  private var fixedWidths: [Int: Double] = [:]
  private var autofit: (minimum: Double, maximum: Double)?
  /// The last style and format used in each column (most columns keep one style).
  private var styleCache: [(CellStyle?, UnsafeMutablePointer<lxw_format>?)] = []
  /// Rows and columns used so far (-1 when empty).
  public private(set) var lastRow = -1
  public private(set) var lastColumn = -1

  init(lib: LibXLSX, pointer: UnsafeMutablePointer<lxw_worksheet>, name: String) {
    self.lib = lib
    self.sheet = pointer
    self.name = name
  }

  // MARK: - Cells

  /// Checks the position (and the order, in constant-memory mode) and returns it as C types.
  @inline(__always)
  private func cell(_ row: Int, _ column: Int) throws(XLSXError) -> (lxw_row_t, lxw_col_t) {
    guard lib.isOpen else { throw .closed(path: lib.path) }
    guard row >= 0, row < Worksheet.maxRows, column >= 0, column < Worksheet.maxColumns else {
      throw .outOfRange(path: lib.path, sheet: name, row: row, column: column)
    }
    if lib.constantMemory && row < currentRow {
      throw .rowOutOfOrder(path: lib.path, sheet: name, row: row, currentRow: currentRow)
    }
    if row > currentRow { currentRow = row }
    if row > lastRow { lastRow = row }
    if column > lastColumn { lastColumn = column }
    return (lxw_row_t(row), lxw_col_t(column))
  }

  /// Writes `text` as a string (a leading `=` stays text), cleaned and cut to Excel's limit.
  public func write(_ text: String, row: Int, column: Int, style: CellStyle? = nil)
    throws(XLSXError)
  {
    let (r, c) = try cell(row, column)
    let clean = TextSanitizer.cell(text)
    let f = try format(style, column)
    if clean.isEmpty {
      try lib.check(worksheet_write_blank(sheet, r, c, f), "worksheet_write_blank")
      return
    }
    try lib.check(
      worksheet_write_string(sheet, r, c, clean, f),
      "worksheet_write_string(\(name)!\(ref(row, column)))")
    let bold = style?.bold == true ? 1.1 : 1
    if style?.wrap != true {
      note(width: Worksheet.textWidth(clean) * bold, column: column)
    } else if clean.utf8.count < 40 {
      note(width: Worksheet.wrappedWidth(clean) * bold, column: column)
    }
  }

  /// The width a short wrapped text (a column header) asks of its column: all of it up to 12
  /// characters, else the width of the longer of two lines (wider data widens it anyway).
  static func wrappedWidth(_ text: String) -> Double {
    let whole = textWidth(text)
    return whole <= 12 ? whole : max(12, twoLineWidth(text) + 1)
  }

  /// Writes a row of column headers (``CellStyle/header``, wrapped) from `column` on. A header
  /// wider than its column wraps onto a second line; the row is then made two lines high
  /// (Excel does not grow a row for wrapped text by itself). Call ``setColumnWidth(_:_:)``
  /// and ``autofitColumns(minimum:maximum:)`` first: they decide the widths.
  public func writeHeaderRow(
    _ names: [String], row: Int, from column: Int = 0, style: CellStyle = .header
  ) throws(XLSXError) {
    let bold = style.bold ? 1.1 : 1
    let wraps = names.enumerated().contains { i, name in
      let text = TextSanitizer.cell(name)
      let width =
        fixedWidths[column + i]
        ?? min(
          autofit?.maximum ?? 255,
          max(autofit?.minimum ?? 0, Worksheet.wrappedWidth(text) * bold + 2))
      return Worksheet.textWidth(text) * bold + 1 > width
    }
    if wraps { try setRowHeight(row, 30) }
    for (i, name) in names.enumerated() {
      try write(name, row: row, column: column + i, style: style)
    }
  }

  /// Writes a number; nil, NaN and ±infinity give a blank cell (with the style).
  public func write(number: Double?, row: Int, column: Int, style: CellStyle? = nil)
    throws(XLSXError)
  {
    let (r, c) = try cell(row, column)
    let f = try format(style, column)
    guard let number, number.isFinite else {
      try lib.check(worksheet_write_blank(sheet, r, c, f), "worksheet_write_blank")
      return
    }
    try lib.check(worksheet_write_number(sheet, r, c, number, f), "worksheet_write_number")
    note(width: Worksheet.numberWidth(number, format: style?.numberFormat), column: column)
  }

  /// Writes a whole number (`#,##0` unless another style is given); nil gives a blank.
  public func write(integer: Int?, row: Int, column: Int, style: CellStyle = .integer)
    throws(XLSXError)
  {
    try write(number: integer.map(Double.init), row: row, column: column, style: style)
  }

  /// Writes hours as a number with format `0.0`; nil, NaN, infinity give a blank.
  public func write(hours: Double?, row: Int, column: Int, style: CellStyle = .hours)
    throws(XLSXError)
  {
    try write(number: hours, row: row, column: column, style: style)
  }

  /// Writes a fraction with a percent format (0.25 shows as 25.0%); nil, NaN, infinity give a
  /// blank.
  public func write(percent: Double?, row: Int, column: Int, style: CellStyle = .percent)
    throws(XLSXError)
  {
    try write(number: percent, row: row, column: column, style: style)
  }

  /// Writes an instant as an Excel date: `seconds` since 1970 UTC shifted by `offset` seconds
  /// (the zone's offset at that instant), shown with the style's date format. A date Excel
  /// cannot show (before 1900-03-01 or after 9999) is written as ISO 8601 text; nil gives a
  /// blank.
  public func write(
    date seconds: Int64?, offset: Int = 0, row: Int, column: Int, style: CellStyle = .dateTime
  ) throws(XLSXError) {
    guard let seconds else {
      return try write(number: nil, row: row, column: column, style: style)
    }
    let (local, overflow) = seconds.addingReportingOverflow(Int64(offset))
    if !overflow, let serial = Worksheet.excelSerial(local) {
      return try write(number: serial, row: row, column: column, style: style)
    }
    try write(CivilDate.iso8601UTC(seconds), row: row, column: column)
  }

  /// The Excel serial date (1900 system) of local `seconds` since 1970-01-01 00:00, or nil
  /// outside 1900-03-01 … 9999-12-31 (Excel's 1900 leap-year bug makes earlier serials wrong).
  public static func excelSerial(_ localSeconds: Int64) -> Double? {
    // 1970-01-01 is serial 25,569; 1900-03-01 is serial 61; 9999-12-31 is 2,958,465.
    let serial = Double(localSeconds) / 86_400 + 25_569
    guard serial >= 61, serial < 2_958_466 else { return nil }
    return serial
  }

  /// Writes `text` as a link to a cell of a sheet of this workbook (e.g. a count of findings
  /// that opens the data-quality sheet).
  public func writeLink(
    _ text: String, toSheet target: String, targetCell: String = "A1", row: Int, column: Int,
    style: CellStyle = CellStyle(fontColor: 0x0563C1)
  ) throws(XLSXError) {
    let (r, c) = try cell(row, column)
    let quoted =
      "'" + target.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''")
      + "'"
    let clean = TextSanitizer.cell(text)
    try lib.check(
      worksheet_write_url_opt(
        sheet, r, c, "internal:\(quoted)!\(targetCell)", try lib.format(style), clean, nil),
      "worksheet_write_url(\(name)!\(ref(row, column)))")
    note(width: Worksheet.textWidth(clean), column: column)
  }

  /// Writes `text` across `firstColumn…lastColumn` of one row as a merged cell (a title).
  public func writeMerged(
    _ text: String, row: Int, firstColumn: Int, lastColumn: Int, style: CellStyle? = nil
  ) throws(XLSXError) {
    _ = try cell(row, lastColumn)
    let (r, c) = try cell(row, firstColumn)
    let clean = TextSanitizer.cell(text)
    try lib.check(
      worksheet_merge_range(sheet, r, c, r, lxw_col_t(lastColumn), clean, try lib.format(style)),
      "worksheet_merge_range(\(name)!\(ref(row, firstColumn)))")
  }

  /// Attaches a comment (a note shown on hover) to a cell.
  public func comment(
    _ text: String, row: Int, column: Int, author: String? = nil, width: Int = 0, height: Int = 0
  ) throws(XLSXError) {
    guard lib.isOpen else { throw .closed(path: lib.path) }
    guard row >= 0, row < Worksheet.maxRows, column >= 0, column < Worksheet.maxColumns else {
      throw .outOfRange(path: lib.path, sheet: name, row: row, column: column)
    }
    var options = lxw_comment_options()
    let a = author.map { lib.retain(TextSanitizer.cell($0)) } ?? nil
    options.author = a
    options.width = UInt16(clamping: width)
    options.height = UInt16(clamping: height)
    try lib.check(
      worksheet_write_comment_opt(
        sheet, lxw_row_t(row), lxw_col_t(column), TextSanitizer.cell(text), &options),
      "worksheet_write_comment(\(name)!\(ref(row, column)))")
  }

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

  /// The print area set by ``setPrintArea(_:)``, if any.
  public private(set) var printArea: CellRange?

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

  // MARK: - Conditional formats

  /// A colour scale over `range`: `low` at the minimum, `high` at the maximum, and `middle`
  /// at the 50th percentile when given.
  public func colorScale(
    _ range: CellRange, low: UInt32 = 0x63BE7B, middle: UInt32? = 0xFFEB84, high: UInt32 = 0xF8696B
  ) throws(XLSXError) {
    var cf = lxw_conditional_format()
    cf.type = UInt8(
      (middle == nil ? LXW_CONDITIONAL_2_COLOR_SCALE : LXW_CONDITIONAL_3_COLOR_SCALE).rawValue)
    cf.min_color = LibXLSX.color(low)
    if let middle { cf.mid_color = LibXLSX.color(middle) }
    cf.max_color = LibXLSX.color(high)
    try conditional(range, &cf, "colour scale")
  }

  /// Data bars in `colour` over `range`.
  public func dataBars(_ range: CellRange, color: UInt32 = 0x638EC6) throws(XLSXError) {
    var cf = lxw_conditional_format()
    cf.type = UInt8(LXW_CONDITIONAL_DATA_BAR.rawValue)
    cf.bar_color = LibXLSX.color(color)
    cf.bar_solid = 1
    try conditional(range, &cf, "data bars")
  }

  /// Applies `style` (fill, font) to the cells of `range` where `formula` is true, written
  /// for the top-left cell with relative references, e.g. `=MOD(ROW(),2)=0` (banding) or
  /// `=$H2>24`.
  public func highlight(_ range: CellRange, formula: String, style: CellStyle) throws(XLSXError) {
    var cf = lxw_conditional_format()
    cf.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
    cf.value_string = lib.retain(formula)
    cf.format = try lib.format(style)
    try conditional(range, &cf, "formula \(formula)")
  }

  /// Banded rows over `range`: every second row (from the second) filled light grey.
  public func bandRows(_ range: CellRange, fill: UInt32 = CellStyle.bandFill) throws(XLSXError) {
    try highlight(
      range, formula: "=MOD(ROW()-\(range.firstRow + 1),2)=1", style: CellStyle(fill: fill))
  }

  private func conditional(
    _ range: CellRange, _ cf: inout lxw_conditional_format, _ what: String
  ) throws(XLSXError) {
    let (r1, c1, r2, c2) = try bounds(range)
    try lib.check(
      worksheet_conditional_format_range(sheet, r1, c1, r2, c2, &cf),
      "conditional format (\(what)) on \(name)!\(range.a1)")
  }

  // MARK: - Charts

  /// Places `chart` with its top-left corner at a cell, scaled from its default 480 × 288
  /// pixels.
  public func insert(_ chart: Chart, row: Int, column: Int, xScale: Double = 1, yScale: Double = 1)
    throws(XLSXError)
  {
    guard lib.isOpen else { throw .closed(path: lib.path) }
    guard row >= 0, row < Worksheet.maxRows, column >= 0, column < Worksheet.maxColumns else {
      throw .outOfRange(path: lib.path, sheet: name, row: row, column: column)
    }
    var options = lxw_chart_options()
    options.x_scale = xScale
    options.y_scale = yScale
    try lib.check(
      worksheet_insert_chart_opt(sheet, lxw_row_t(row), lxw_col_t(column), chart.chart, &options),
      "worksheet_insert_chart(\(name)!\(ref(row, column)))")
  }

  // MARK: - Helpers

  private func bounds(_ range: CellRange) throws(XLSXError) -> (
    lxw_row_t, lxw_col_t, lxw_row_t, lxw_col_t
  ) {
    guard lib.isOpen else { throw .closed(path: lib.path) }
    for (r, c) in [(range.firstRow, range.firstColumn), (range.lastRow, range.lastColumn)] {
      guard r >= 0, r < Worksheet.maxRows, c >= 0, c < Worksheet.maxColumns else {
        throw .outOfRange(path: lib.path, sheet: name, row: r, column: c)
      }
    }
    return (
      lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
      lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn)
    )
  }

  /// The format of `style`, remembered per column so that the common case skips hashing.
  @inline(__always)
  private func format(_ style: CellStyle?, _ column: Int) throws(XLSXError) -> UnsafeMutablePointer<
    lxw_format
  >? {
    if column < styleCache.count, styleCache[column].0 == style { return styleCache[column].1 }
    let f = try lib.format(style)
    if column < 256 {
      if column >= styleCache.count {
        styleCache.append(
          contentsOf: repeatElement((nil, nil), count: column + 1 - styleCache.count))
      }
      styleCache[column] = (style, f)
    }
    return f
  }

  private func ref(_ row: Int, _ column: Int) -> String {
    Finding.columnLetter(column + 1) + String(row + 1)
  }

  @inline(__always)
  private func note(width: Double, column: Int) {
    if column >= contentWidths.count {
      contentWidths.append(contentsOf: repeatElement(0, count: column + 1 - contentWidths.count))
    }
    if width > contentWidths[column] { contentWidths[column] = width }
  }

  /// The widest line of `text` in characters (capped at 255, Excel's maximum width).
  static func textWidth(_ text: String) -> Double {
    var widest = 0
    var current = 0
    for s in text.unicodeScalars {
      if s == "\n" {
        widest = max(widest, current)
        current = 0
      } else {
        current += 1
        if current >= 255 { return 255 }
      }
    }
    return Double(max(widest, current))
  }

  /// The width `text` needs to fit on at most two lines when wrapped at spaces: its longest
  /// word, or the longer half of the best break (a text without spaces needs its full width).
  static func twoLineWidth(_ text: String) -> Double {
    let whole = textWidth(text)
    var best = whole
    let scalars = Array(text.unicodeScalars)
    for (i, s) in scalars.enumerated() where s == " " {
      let first = Double(i)
      let second = Double(scalars.count - i - 1)
      best = min(best, max(first, second))
    }
    return best
  }

  /// The displayed width of a number under a format (an estimate). Scans the format's bytes:
  /// this runs for every number written.
  static func numberWidth(_ value: Double, format: String?) -> Double {
    let magnitude = abs(value)
    let digits = magnitude < 10 ? 1 : Int(log10(magnitude)) + 1
    var width = digits + (value < 0 ? 1 : 0)
    guard let format else {
      return Double(width + (value == value.rounded() ? 0 : 4))
    }
    // A duration in hours or days by a condition ("16 h 45", "1,215.5 d"): at most 10 wide.
    if format.hasPrefix("[<") { return 10 }
    var length = 0
    var isDate = false
    var decimals = 0
    var afterDot = false
    var grouped = false
    var percent = false
    for b in format.utf8 {
      length += 1
      switch b {
      case UInt8(ascii: "y"), UInt8(ascii: "d"), UInt8(ascii: "h"): isDate = true
      case UInt8(ascii: "."): afterDot = true
      case UInt8(ascii: "0") where afterDot: decimals += 1
      case UInt8(ascii: ","): grouped = true
      case UInt8(ascii: "%"): percent = true
      default: break
      }
    }
    if isDate { return Double(length) }
    if percent { width += 2 }  // ×100 and the sign
    if decimals > 0 { width += decimals + 1 }
    if grouped { width += (digits - 1) / 3 }
    return Double(width)
  }

  /// Applies the column widths; called by ``Workbook/close()``.
  func finish() throws(XLSXError) {
    var widths: [Int: Double] = [:]
    if let autofit {
      for (c, w) in contentWidths.enumerated() where w > 0 {
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
