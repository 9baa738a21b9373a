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
  /// The rows and columns used so far and the widest content per column, in one stored
  /// property.
  /// Its accesses are single-threaded and never overlap (``Extent``'s methods call nothing
  /// else): they go without the runtime's exclusivity check.
  @exclusivity(unchecked) var extent = Extent()
  /// Widths set explicitly, which win over content.
  var fixedWidths: [Int: Double] = [:]
  var autofit: (minimum: Double, maximum: Double)?
  /// The last style used in each column and its format (most columns keep one style).
  var styleCache: [(CellStyle?, CellFormat)] = []
  /// Rows and columns used so far (-1 when empty).
  public var lastRow: Int { extent.lastRow }
  public var lastColumn: Int { extent.lastColumn }
  /// The print area set by ``setPrintArea(_:)``, if any.
  public internal(set) var printArea: CellRange?

  init(lib: LibXLSX, pointer: UnsafeMutablePointer<lxw_worksheet>, name: String) {
    self.lib = lib
    self.sheet = pointer
    self.name = name
  }

  // MARK: - Cells

  /// Checks the position (and the order, in constant-memory mode) and returns it as C types.
  @inline(__always)
  func cell(_ row: Int, _ column: Int) throws(XLSXError) -> (lxw_row_t, lxw_col_t) {
    guard lib.isOpen else { throw .closed(path: lib.path) }
    guard row >= 0, row < Worksheet.maxRows, column >= 0, column < Worksheet.maxColumns else {
      throw .outOfRange(path: lib.path, sheet: name, row: row, column: column)
    }
    if let current = extent.place(row: row, column: column, inOrder: lib.constantMemory) {
      throw .rowOutOfOrder(path: lib.path, sheet: name, row: row, currentRow: current)
    }
    return (lxw_row_t(row), lxw_col_t(column))
  }

  /// Where a sheet has been written so far.
  struct Extent {
    /// The last row written to (the constant-memory order check) and the last column.
    var lastRow = -1
    var lastColumn = -1
    /// Widest content seen per column, in character widths.
    var contentWidths: [Double] = []

    /// Takes in a cell; with `inOrder`, a row above the last one is refused (its number
    /// returned) and nothing changes.
    @inline(__always)
    mutating func place(row: Int, column: Int, inOrder: Bool) -> Int? {
      if inOrder && row < lastRow { return lastRow }
      if row > lastRow { lastRow = row }
      if column > lastColumn { lastColumn = column }
      return nil
    }

    @inline(__always)
    mutating func note(width: Double, column: Int) {
      if column >= contentWidths.count {
        contentWidths.append(contentsOf: repeatElement(0, count: column + 1 - contentWidths.count))
      }
      if width > contentWidths[column] { contentWidths[column] = width }
    }
  }

  /// Writes `text` as a string (a leading `=` stays text), cleaned and cut to Excel's limit.
  public func write(_ text: String, row: Int, column: Int, style: CellStyle? = nil)
    throws(XLSXError)
  {
    try write(text, row: row, column: column, format: try format(style, column))
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
    try write(number: number, row: row, column: column, format: try format(style, column))
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
    try write(
      date: seconds, offset: offset, row: row, column: column, format: try format(style, column))
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
    extent.note(width: Worksheet.textWidth(clean), column: column)
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

  // MARK: - Helpers

  func bounds(_ range: CellRange) throws(XLSXError) -> (
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
  func format(_ style: CellStyle?, _ column: Int) throws(XLSXError) -> CellFormat {
    if column >= 0, column < styleCache.count, styleCache[column].0 == style {
      return styleCache[column].1
    }
    let f = CellFormat(style: style, pointer: try lib.format(style))
    if column >= 0, column < 256 {
      if column >= styleCache.count {
        let empty = (CellStyle?.none, CellFormat(style: nil, pointer: nil))
        styleCache.append(contentsOf: repeatElement(empty, count: column + 1 - styleCache.count))
      }
      styleCache[column] = (style, f)
    }
    return f
  }

  func ref(_ row: Int, _ column: Int) -> String {
    Finding.columnLetter(column + 1) + String(row + 1)
  }

}
