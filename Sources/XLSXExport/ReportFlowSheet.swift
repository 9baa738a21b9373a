import EscalationKit

// The Escalation flow sheet: docs/metrics.md#escalation-flow

extension ReportWriter {
  // MARK: Escalation flow

  func flow() throws(XLSXError) {
    let f = c.flow
    let s = try workbook.addWorksheet(l.flowSheet)
    try s.setPrintLayout()
    for (i, w) in [44.0, 17, 17, 8, 17, 17, 10].enumerated() { s.setColumnWidth(i, w) }
    try headers(
      s,
      [l.t("Tickets opened in the period", "Tickets ouverts sur la période"), l.tickets, "%"],
      row: 0)
    for i in 1...4 {
      let label = i == 4 ? l.t("Reached 4", "Atteint 4") : l.t("Reached ≥ \(i)", "Atteint ≥ \(i)")
      try s.write(label, row: i, column: 0)
      try s.write(integer: f.funnel[i - 1], row: i, column: 1)
      try s.write(percent: f.funnelShare(i), row: i, column: 2)
    }
    let chart = try workbook.addChart(.bar)
    try chart.addSeries(
      sheet: s, categories: .column(0, rows: 1...4), values: .column(1, rows: 1...4),
      nameCell: (0, 1), color: 0x4472C4)
    chart.setTitle(l.t("Escalation funnel", "Entonnoir de remontée"))
    chart.reverseCategories()
    chart.setValueAxisRange(minimum: 0)
    chart.setLegend(.none)
    try s.insert(chart, row: 0, column: 4, xScale: 1.1, yScale: 0.8)
    try headers(
      s, [l.t("Escalations in the period", "Remontées sur la période"), l.tickets], row: 6)
    for i in 0..<3 {
      try s.write(l.t("To level \(i + 2)", "Vers le niveau \(i + 2)"), row: 7 + i, column: 0)
      try s.write(integer: f.escalationsToLevel[i], row: 7 + i, column: 1)
    }
    try headers(s, [l.t("Resolution and reopens", "Résolution et réouvertures"), "", "%"], row: 11)
    try s.write(l.t("Resolved at level 1", "Résolus au niveau 1"), row: 12, column: 0)
    try s.write(integer: f.resolvedAtLevel1, row: 12, column: 1)
    try s.write(percent: f.shareResolvedAtLevel1, row: 12, column: 2)
    try s.write(
      l.t("Reopened (opened in the period)", "Rouverts (ouverts sur la période)"), row: 13,
      column: 0)
    try s.write(integer: f.reopened, row: 13, column: 1)
    try s.write(percent: f.reopenRate, row: 13, column: 2)
    try monthOverMonth(s, row: 16)
  }

  /// Per category: opened and escalation rate, this month and the previous, and the changes.
  func monthOverMonth(_ s: Worksheet, row: Int) throws(XLSXError) {
    let f = c.flow
    guard let prev = f.previousMonth else { return }
    // Months written out in the report language ("octobre 2026"), as on every other sheet.
    let cur = l.periodName(c.period)
    let previous = l.monthYear(prev)
    try s.write(
      l.t("Change from the previous month", "Évolution depuis le mois précédent"), row: row,
      column: 0, style: CellStyle(bold: true, fontSize: 12))
    try headers(
      s,
      [
        l.category, "\(l.opened) \(cur)", "\(l.opened) \(previous)", "Δ",
        l.t("Rate ≥ 2 ", "Taux ≥ 2 ") + cur, l.t("Rate ≥ 2 ", "Taux ≥ 2 ") + previous,
        l.t("Δ (pts)", "Δ (pts)"),
      ], row: row + 1)
    var r = row + 2
    // A true minus sign, as on the Summary's change column ("−4", "−13.9").
    let signed = CellStyle(numberFormat: "+#,##0;\"−\"#,##0;0")
    let pts = CellStyle(numberFormat: "+0.0;\"−\"0.0;0.0")
    for ch in f.changes {
      let bold: CellStyle? = ch.group == .total ? CellStyle(bold: true) : nil
      try s.write(ch.group.label(lang), row: r, column: 0, style: bold)
      try s.write(integer: ch.opened, row: r, column: 1)
      if let p = ch.previousOpened {
        try s.write(integer: p, row: r, column: 2)
      } else {
        try s.write(l.notAvailable, row: r, column: 2, style: ReportWriter.naStyle)
      }
      try s.write(integer: ch.openedChange, row: r, column: 3, style: signed)
      try s.write(percent: ch.rate, row: r, column: 4)
      try s.write(percent: ch.previousRate, row: r, column: 5)
      try s.write(number: ch.rateChangePoints, row: r, column: 6, style: pts)
      r += 1
    }
  }
}
