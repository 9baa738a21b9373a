import EscalationKit

// The Time at level sheet: docs/metrics.md#time-at-level and #resolution

extension ReportWriter {
  // MARK: Time at level

  func timeAtLevel() throws(XLSXError) {
    let s = try workbook.addWorksheet(l.timeSheet)
    try s.setPrintLayout()
    s.autofitColumns(minimum: 9, maximum: 48)
    var r = try medianHours(s)
    r = try timeAtLevelFigures(s, row: r + 1)
    try timeToResolution(s, row: r + 1)
  }

  /// 1. Median hours, category × level, with a chart beside; returns the next free row.
  func medianHours(_ s: Worksheet) throws(XLSXError) -> Int {
    // 1. Median hours, category × level (the chart's data, with a colour scale).
    try s.write(
      l.t(
        "Median hours at each level (tickets resolved in the period)",
        "Heures médianes à chaque niveau (tickets résolus dans la période)"), row: 0, column: 0,
      style: CellStyle(bold: true))
    try headers(s, [l.category] + (1...4).map { l.levelName($0) }, row: 1)
    let groups = orderedGroups(c.timeAtLevel.map(\.group))
    var stats: [RowGroup: [Level: DurationStats]] = [:]
    for row in c.timeAtLevel { stats[row.group, default: [:]][row.level] = row.stats }
    var r = 2
    for g in groups {
      try s.write(
        g.label(lang), row: r, column: 0, style: g == .total ? CellStyle(bold: true) : nil)
      for level in Level.all {
        try s.write(hours: hours(stats[g]?[level]?.median), row: r, column: level.rawValue)
      }
      r += 1
    }
    let categoryCount = groups.filter { $0 != .total }.count
    if categoryCount > 0 {
      try s.colorScale(
        CellRange(firstRow: 2, firstColumn: 1, lastRow: 1 + categoryCount, lastColumn: 4))
      let chart = try workbook.addChart(.stackedBar)
      for level in Level.all {
        try chart.addSeries(
          sheet: s, categories: .column(0, rows: 2...(1 + categoryCount)),
          values: .column(level.rawValue, rows: 2...(1 + categoryCount)),
          nameCell: (1, level.rawValue))
      }
      chart.setTitle(
        l.t("Median hours per level by category", "Heures médianes par niveau et catégorie"))
      chart.setValueAxisNumberFormat("0")
      chart.setAxisTitles(category: nil, value: l.t("hours", "heures"))
      chart.reverseCategories()
      chart.setLegend(.bottom)
      try s.insert(chart, row: 1, column: 6, xScale: 1.8, yScale: 1.5)
      // The chart stands beside the first table; the next tables start below it, or it would
      // hide their right-hand columns (8 columns wide, under the chart's columns G–H).
      r = max(r, 1 + ReportWorkbook.rowsUnderChart(height: 288 * 1.5))
    }
    return r
  }

  /// The headers of the five statistics columns.
  var statisticsHeaders: [String] {
    [
      l.tickets, l.t("Mean h", "Moyenne h"), l.t("Median h", "Médiane h"), l.t("P90 h", "P90 h"),
      l.t("Max h", "Max h"),
    ]
  }

  /// 2. The time-at-level figures from `row`; returns the next row.
  func timeAtLevelFigures(_ s: Worksheet, row: Int) throws(XLSXError) -> Int {
    var r = row
    // 2. The full figures, category × level. The hour columns C–G line up with those of the
    // time-to-resolution table below; the role, a long text, goes last so that it does not
    // widen a column of figures.
    try headers(s, [l.category, l.level] + statisticsHeaders + [l.role], row: r)
    r += 1
    let first = r
    for row in c.timeAtLevel {
      let bold: CellStyle? = row.group == .total ? CellStyle(bold: true) : nil
      try s.write(row.group.label(lang), row: r, column: 0, style: bold)
      try s.write(integer: row.level.rawValue, row: r, column: 1, style: ReportWriter.centered)
      try statistics(s, row.stats, row: r, from: 2)
      try s.write(
        row.level.index < c.roles.count ? c.roles[row.level.index] : "", row: r, column: 7,
        style: CellStyle(indent: 1))
      r += 1
    }
    if r > first { try s.colorScale(.column(4, rows: first...(r - 1))) }
    return r
  }

  /// 3. The time to resolution from `row`.
  func timeToResolution(_ s: Worksheet, row: Int) throws(XLSXError) {
    var r = row
    // 3. Time to resolution (no level column: B stays empty so the figures stay aligned).
    try s.write(
      l.t(
        "Time to resolution (tickets resolved in the period)",
        "Délai de résolution (tickets résolus dans la période)"),
      row: r, column: 0, style: CellStyle(bold: true))
    r += 1
    try headers(s, [l.category, ""] + statisticsHeaders, row: r)
    r += 1
    for row in c.timeToResolution {
      try s.write(
        row.group.label(lang), row: r, column: 0,
        style: row.group == .total ? CellStyle(bold: true) : nil)
      try statistics(s, row.stats, row: r, from: 2)
      r += 1
    }
  }

  /// Tickets, mean, median, p90 and max hours in five columns from `column`.
  func statistics(_ s: Worksheet, _ stats: DurationStats, row r: Int, from column: Int)
    throws(XLSXError)
  {
    try s.write(integer: stats.count, row: r, column: column)
    try s.write(hours: hours(stats.mean), row: r, column: column + 1)
    try s.write(hours: hours(stats.median), row: r, column: column + 2)
    try s.write(hours: hours(stats.p90), row: r, column: column + 3)
    try s.write(hours: hours(stats.max), row: r, column: column + 4)
  }

  /// Groups in first-seen order, the total last.
  func orderedGroups(_ groups: [RowGroup]) -> [RowGroup] {
    var seen: [RowGroup] = []
    for g in groups where !seen.contains(g) { seen.append(g) }
    return seen.filter { $0 != .total } + (seen.contains(.total) ? [.total] : [])
  }
}
