internal import CLibXLSXWriter

/// A native Excel chart over ranges of a sheet, created by ``Workbook/addChart(_:)`` and placed
/// with ``Worksheet/insert(_:row:column:xScale:yScale:)``.
///
/// Titles and series names are plain text: a leading `=` (which libxlsxwriter would read as a
/// formula) is dropped.
public final class Chart {
  /// The chart types the report uses.
  public enum Kind: Sendable {
    /// Horizontal bars, one group per category.
    case bar
    /// Horizontal bars, series stacked.
    case stackedBar
    /// Vertical columns.
    case column
    /// Vertical columns, series stacked.
    case stackedColumn
    /// Lines with markers, for trends.
    case line

    var lxwType: UInt8 {
      switch self {
      case .bar: return UInt8(LXW_CHART_BAR.rawValue)
      case .stackedBar: return UInt8(LXW_CHART_BAR_STACKED.rawValue)
      case .column: return UInt8(LXW_CHART_COLUMN.rawValue)
      case .stackedColumn: return UInt8(LXW_CHART_COLUMN_STACKED.rawValue)
      case .line: return UInt8(LXW_CHART_LINE.rawValue)
      }
    }

    /// Bar charts have their value axis horizontal, which libxlsxwriter calls X.
    var valueAxisIsX: Bool { self == .bar || self == .stackedBar }
  }

  /// Where the legend goes.
  public enum Legend: Sendable { case none, right, bottom, top }

  let lib: LibXLSX
  let chart: UnsafeMutablePointer<lxw_chart>
  public let kind: Kind
  /// Number of series added.
  public private(set) var seriesCount = 0

  init(lib: LibXLSX, pointer: UnsafeMutablePointer<lxw_chart>, kind: Kind) {
    self.lib = lib
    self.chart = pointer
    self.kind = kind
  }

  /// Adds a series: category labels from `categories`, values from `values` (both on `sheet`),
  /// named by the text of the cell at `nameCell` or by `name`, drawn in `color` when given.
  public func addSeries(
    sheet: Worksheet, categories: CellRange, values: CellRange,
    nameCell: (row: Int, column: Int)? = nil, name: String? = nil, color: UInt32? = nil
  ) throws(XLSXError) {
    try addSeries(
      sheetNamed: sheet.name, categories: categories, values: values, nameCell: nameCell,
      name: name, color: color)
  }

  /// The same, from the sheet named `sheetName`, which may be added after this chart's sheet.
  public func addSeries(
    sheetNamed sheetName: String, categories: CellRange, values: CellRange,
    nameCell: (row: Int, column: Int)? = nil, name: String? = nil, color: UInt32? = nil
  ) throws(XLSXError) {
    guard lib.isOpen else { throw .closed(path: lib.path) }
    guard let series = chart_add_series(chart, nil, nil) else {
      throw .library(path: lib.path, operation: "chart_add_series", reason: "out of memory")
    }
    chart_series_set_categories(
      series, sheetName, lxw_row_t(categories.firstRow), lxw_col_t(categories.firstColumn),
      lxw_row_t(categories.lastRow), lxw_col_t(categories.lastColumn))
    chart_series_set_values(
      series, sheetName, lxw_row_t(values.firstRow), lxw_col_t(values.firstColumn),
      lxw_row_t(values.lastRow), lxw_col_t(values.lastColumn))
    if let nameCell {
      chart_series_set_name_range(
        series, sheetName, lxw_row_t(nameCell.row), lxw_col_t(nameCell.column))
    } else if let name {
      chart_series_set_name(series, Chart.plain(name))
    }
    if let color {
      var fill = lxw_chart_fill()
      fill.color = LibXLSX.color(color)
      if kind == .line {
        var line = lxw_chart_line()
        line.color = LibXLSX.color(color)
        line.width = 2.25
        chart_series_set_line(series, &line)
        chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_CIRCLE.rawValue))
        chart_series_set_marker_fill(series, &fill)
      } else {
        chart_series_set_fill(series, &fill)
      }
    } else if kind == .line {
      chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_CIRCLE.rawValue))
    }
    seriesCount += 1
  }

  /// The chart's title.
  public func setTitle(_ title: String) {
    guard lib.isOpen else { return }
    chart_title_set_name(chart, Chart.plain(title))
  }

  /// Titles of the category axis and the value axis.
  public func setAxisTitles(category: String?, value: String?) {
    guard lib.isOpen else { return }
    if let category { chart_axis_set_name(categoryAxis, Chart.plain(category)) }
    if let value { chart_axis_set_name(valueAxis, Chart.plain(value)) }
  }

  /// The number format of the value axis, e.g. `0%` for rates or `0.0` for hours.
  public func setValueAxisNumberFormat(_ format: String) {
    guard lib.isOpen else { return }
    chart_axis_set_num_format(valueAxis, format)
  }

  /// Fixes the value axis minimum (e.g. 0 so bars start at zero) and, when given, maximum.
  public func setValueAxisRange(minimum: Double, maximum: Double? = nil) {
    guard lib.isOpen else { return }
    chart_axis_set_min(valueAxis, minimum)
    if let maximum { chart_axis_set_max(valueAxis, maximum) }
  }

  /// Lists categories top to bottom in sheet order (bar charts otherwise draw them upside down),
  /// keeping the value axis at the bottom (it would follow the first category to the top).
  public func reverseCategories() {
    guard lib.isOpen else { return }
    chart_axis_set_reverse(categoryAxis)
    chart_axis_set_crossing_max(categoryAxis)
  }

  /// Where the legend goes.
  public func setLegend(_ legend: Legend) {
    guard lib.isOpen else { return }
    let position: lxw_chart_legend_position
    switch legend {
    case .none: position = LXW_CHART_LEGEND_NONE
    case .right: position = LXW_CHART_LEGEND_RIGHT
    case .bottom: position = LXW_CHART_LEGEND_BOTTOM
    case .top: position = LXW_CHART_LEGEND_TOP
    }
    chart_legend_set_position(chart, UInt8(position.rawValue))
  }

  private var valueAxis: UnsafeMutablePointer<lxw_chart_axis>? {
    chart_axis_get(chart, kind.valueAxisIsX ? LXW_CHART_AXIS_TYPE_X : LXW_CHART_AXIS_TYPE_Y)
  }

  private var categoryAxis: UnsafeMutablePointer<lxw_chart_axis>? {
    chart_axis_get(chart, kind.valueAxisIsX ? LXW_CHART_AXIS_TYPE_Y : LXW_CHART_AXIS_TYPE_X)
  }

  /// `text` cleaned, without the leading `=` that would make libxlsxwriter read a formula.
  static func plain(_ text: String) -> String {
    var t = Substring(TextSanitizer.cell(text))
    while t.first == "=" { t.removeFirst() }
    return String(t)
  }
}
