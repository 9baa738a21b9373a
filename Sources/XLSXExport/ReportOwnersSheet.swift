import EscalationKit

// The Owners sheet (docs/metrics.md#owners) and the Aging sheet
// (docs/metrics.md#backlog-aging).

extension ReportWriter {
  // MARK: Owners

  func owners() throws(XLSXError) {
    let s = try workbook.addWorksheet(l.ownersSheet)
    try s.setPrintLayout(headerRows: 0...0)
    s.autofitColumns(minimum: 10, maximum: 44)
    let figures = [
      l.opened, l.escalations, l.resolved, l.openAtAsOf, l.breachedTickets,
      l.t("Median time at level", "Temps médian au niveau"),
    ]
    try headers(s, [l.owner, l.level] + figures, row: 0)
    var r = 1
    for o in c.owners.byOwner {
      try s.write(MetricsRenderer.ownerName(o.name, l), row: r, column: 0)
      try ownerFigures(s, o, row: r)
      r += 1
    }
    r += 1
    try headers(s, [l.role, l.level] + figures, row: r)
    r += 1
    for o in c.owners.byRole {
      try s.write(o.name, row: r, column: 0)
      try s.write(integer: o.level?.rawValue, row: r, column: 1, style: ReportWriter.centered)
      try ownerFigures(s, o, row: r)
      r += 1
    }
    s.freezePanes(row: 1, column: 1)
  }

  func ownerFigures(_ s: Worksheet, _ o: OwnerRow, row r: Int) throws(XLSXError) {
    try s.write(integer: o.opened, row: r, column: 2)
    try s.write(integer: o.escalations, row: r, column: 3)
    try s.write(integer: o.resolved, row: r, column: 4)
    try s.write(integer: o.open, row: r, column: 5)
    try s.write(integer: o.breached, row: r, column: 6)
    // A duration like the Time at level sheet's ("16 h 45", "215.6 d"), not 5173.2 hours.
    try duration(s, o.medianTimeAtLevel, row: r, column: 7)
  }

  // MARK: Aging

  func aging() throws(XLSXError) {
    let s = try workbook.addWorksheet(l.agingSheet)
    try s.setPrintLayout(headerRows: 0...0)
    s.autofitColumns(minimum: 9, maximum: 50)
    let buckets = l.agingBuckets
    try headers(s, [l.level] + buckets + ["Total"], row: 0)
    var r = 1
    for a in c.aging.byLevel {
      let bold: CellStyle? = a.level == nil ? CellStyle(bold: true) : nil
      try s.write(
        a.level.map { l.levelName($0.rawValue) } ?? "Total", row: r, column: 0, style: bold)
      try agingCounts(s, a, row: r)
      r += 1
    }
    let levelRows = 1...4
    r += 1
    try headers(s, [l.category] + buckets + ["Total"], row: r)
    r += 1
    for a in c.aging.byCategory {
      let bold: CellStyle? = a.group == .total ? CellStyle(bold: true) : nil
      try s.write(a.group.label(lang), row: r, column: 0, style: bold)
      try agingCounts(s, a, row: r)
      r += 1
    }
    r += 1
    try s.write(
      l.t(
        "Age = as-of − first open; buckets [0, 1), [1, 3), [3, 7), [7, 30), [30, ∞) days.",
        "Âge = arrêté − ouverture ; tranches [0, 1), [1, 3), [3, 7), [7, 30), [30, ∞) jours."),
      row: r, column: 0)
    s.freezePanes(row: 1, column: 1)
    let chart = try workbook.addChart(.stackedColumn)
    let colors: [UInt32] = [0x70AD47, 0xA9D18E, 0xFFC000, 0xED7D31, 0xC00000]
    for i in 0..<buckets.count {
      try chart.addSeries(
        sheet: s, categories: .column(0, rows: levelRows), values: .column(1 + i, rows: levelRows),
        nameCell: (0, 1 + i), color: colors[i])
    }
    chart.setTitle(l.t("Open tickets by level and age", "Tickets en cours par niveau et âge"))
    chart.setValueAxisRange(minimum: 0)
    chart.setLegend(.bottom)
    try s.insert(chart, row: 1, column: 8, xScale: 1.4, yScale: 1.2)
  }

  func agingCounts(_ s: Worksheet, _ a: AgingRow, row r: Int) throws(XLSXError) {
    for (i, n) in a.buckets.enumerated() { try s.write(integer: n, row: r, column: 1 + i) }
    try s.write(
      integer: a.total, row: r, column: 1 + a.buckets.count, style: CellStyle.integer.emphasized)
  }
}
