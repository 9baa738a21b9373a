import EscalationKit

// The Trend sheet: docs/metrics.md#trend

extension ReportWriter {
  // MARK: Trend

  func trend() throws(XLSXError) {
    let s = try workbook.addWorksheet(l.trendSheet)
    try s.setPrintLayout(headerRows: 0...0)
    s.autofitColumns(minimum: 8, maximum: 30)
    try headers(
      s,
      [
        l.month, l.opened, l.t("Escalated (≥ 2)", "Remontés (≥ 2)"),
        l.t("Share escalated", "Part remontée"), l.escalations,
        l.resolved,
        l.t("Median time to resolution (hours)", "Délai médian de résolution (heures)"),
        l.t("Backlog at month end", "En cours en fin de mois"),
      ], row: 0)
    var r = 1
    for row in c.trend {
      // The month's name as text ("October 2026"): an Excel date formatted "mmmm yyyy" would
      // show the month in the language of the reader's Office, not the report's.
      try s.write(l.monthYear(row.month), row: r, column: 0)
      try s.write(integer: row.opened, row: r, column: 1)
      try s.write(integer: row.escalated, row: r, column: 2)
      try s.write(percent: row.shareEscalated, row: r, column: 3)
      try s.write(integer: row.escalationMoves, row: r, column: 4)
      try s.write(integer: row.resolved, row: r, column: 5)
      try s.write(hours: hours(row.medianTimeToResolution), row: r, column: 6, style: .hoursGrouped)
      // Open at the month's as-of (its end, or the report's as-of when earlier).
      try s.write(integer: row.backlog, row: r, column: 7)
      r += 1
    }
    s.freezePanes(row: 1, column: 1)
    guard r > 1 else { return }
    let months = 1...(r - 1)
    let counts = try workbook.addChart(.line)
    for (column, color) in [(1, 0x4472C4), (2, 0xED7D31), (5, 0x70AD47)] {
      try counts.addSeries(
        sheet: s, categories: .column(0, rows: months), values: .column(column, rows: months),
        nameCell: (0, column), color: UInt32(color))
    }
    counts.setTitle(
      l.t("Opened, escalated and resolved per month", "Ouverts, remontés et résolus par mois"))
    counts.setValueAxisRange(minimum: 0)
    counts.setLegend(.bottom)
    try s.insert(counts, row: 1, column: 9, xScale: 1.6, yScale: 1.2)
    let share = try workbook.addChart(.line)
    try share.addSeries(
      sheet: s, categories: .column(0, rows: months), values: .column(3, rows: months),
      nameCell: (0, 3),
      color: 0xC00000)
    share.setTitle(l.t("Share escalated per month", "Part remontée par mois"))
    share.setValueAxisNumberFormat("0%")
    share.setValueAxisRange(minimum: 0)
    share.setLegend(.none)
    try s.insert(share, row: 20, column: 9, xScale: 1.6, yScale: 1.2)
  }
}
