internal import CLibXLSXWriter
import EscalationKit

#if canImport(Glibc)
  import Glibc
#endif

// Conditional formats (colour scales, data bars, highlights, bands) and charts of a
// ``Worksheet``.

extension Worksheet {
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

}
