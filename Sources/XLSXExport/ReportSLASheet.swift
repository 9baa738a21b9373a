import EscalationKit

// The SLA sheet (only with targets): docs/metrics.md#sla and the monthly compliance of
// docs/metrics.md#trend

extension ReportWriter {
  // MARK: SLA

  func sla() throws(XLSXError) {
    guard let sla = c.sla else { return }
    let s = try workbook.addWorksheet(l.slaSheet)
    try s.setPrintLayout(headerRows: 3...3)
    for (i, w) in [44.0, 10, 12, 12, 12, 14, 18].enumerated() { s.setColumnWidth(i, w) }
    try s.write(
      l.t("SLA targets: ", "Délais cibles : ") + targetsText(sla.targets), row: 0, column: 0,
      style: .title)
    try s.write(
      sla.targets.hasCategoryTargets
        ? l.t(
          "Stays ended in the period or open at as-of; a stay breaches when longer than its category's target, else its level's. Compliance = 1 − breached / stays.",
          "Séjours terminés sur la période ou en cours à l'arrêté ; un séjour est hors délai s'il dépasse la cible de sa catégorie, sinon celle de son niveau. Respect = 1 − hors délai / séjours."
        )
        : l.t(
          "Stays ended in the period or open at as-of; a stay breaches when longer than its level's target. Compliance = 1 − breached / stays.",
          "Séjours terminés sur la période ou en cours à l'arrêté ; un séjour est hors délai s'il dépasse la cible de son niveau. Respect = 1 − hors délai / séjours."
        ),
      row: 1, column: 0, style: .note)
    // With business targets (--calendar): the clock of each target; with pauses in the log:
    // the paused time of the stays checked, in both clocks (docs/metrics.md#pauses).
    let clocks = sla.targets.hasBusinessTarget
    let paused = sla.hasPauses
    let extra =
      (clocks ? [l.t("Clock", "Horloge")] : [])
      + (paused
        ? [l.t("Paused", "En pause"), l.t("Paused (business)", "En pause (heures ouvrées)")] : [])
    for i in 0..<extra.count { s.setColumnWidth(7 + i, 18) }
    try headers(
      s,
      [
        l.category, l.level, l.t("Target h", "Cible h"), l.t("Stays", "Séjours"),
        l.t("Breached", "Hors délai"), l.t("Compliance", "Respect"),
        l.t("Tickets over SLA", "Tickets hors délai"),
      ] + extra, row: 3)
    var r = 4
    let minimum = c.dashboard.targets.slaComplianceMin
    // Rows without stays are left out, except the total's.
    for row in sla.rows where row.stays > 0 || row.group == .total {
      let bold: CellStyle? = row.group == .total ? CellStyle(bold: true) : nil
      try s.write(row.group.label(lang), row: r, column: 0, style: bold)
      try s.write(integer: row.level.rawValue, row: r, column: 1, style: ReportWriter.centered)
      if let target = row.target {
        try s.write(hours: Double(target) / 3600, row: r, column: 2)
      } else {
        try s.write(l.t("by category", "selon catégorie"), row: r, column: 2)
      }
      try s.write(integer: row.stays, row: r, column: 3)
      try s.write(integer: row.breaches, row: r, column: 4)
      var style = CellStyle.percent
      if let m = minimum, let v = row.compliance, v < m {
        style = style.with(fill: CellStyle.alertFill)
      }
      try s.write(percent: row.compliance, row: r, column: 5, style: style)
      try s.write(integer: row.ticketsBreached, row: r, column: 6)
      var k = 7
      if clocks {
        try s.write(
          row.clock == .business
            ? l.t("business hours", "heures ouvrées") : l.t("calendar", "calendaire"),
          row: r, column: k)
        k += 1
      }
      if paused {
        try duration(s, row.pausedSeconds.map(Double.init), row: r, column: k)
        try duration(s, row.pausedBusinessSeconds.map(Double.init), row: r, column: k + 1)
      }
      r += 1
    }
    s.freezePanes(row: 4, column: 1)
    r += 1
    r = try slaTrend(s, row: r)
    if let atRisk = sla.atRisk { try slaAtRisk(s, atRisk, window: sla.atRiskWindow, row: r + 1) }
  }

  /// With a calendar: the open stays that breach soonest after the as-of (docs/metrics.md#sla),
  /// as `metrics --table at-risk` lists them.
  func slaAtRisk(_ s: Worksheet, _ rows: [SLAAtRiskRow], window: Int64?, row: Int)
    throws(XLSXError)
  {
    let w =
      window.map { MetricsRenderer.plainHours($0) + " h" }
      ?? l.t("25 % of the target", "25 % de la cible")
    try s.write(
      l.t("At risk at as-of (target left ≤ \(w))", "À risque à l'arrêté (reste ≤ \(w))"),
      row: row, column: 0, style: .title)
    try headers(
      s,
      [
        l.ticket, l.category, l.level, l.t("Stay since", "Séjour depuis"),
        l.t("Time at level", "Durée au niveau"), l.t("Business time", "Temps ouvré"),
        l.t("Target", "Cible"), l.t("Left", "Reste"), l.t("Breaches at", "Hors délai le"),
      ], row: row + 1)
    var r = row + 2
    if rows.isEmpty {
      try s.write(
        l.t("(no open stay at risk)", "(aucun séjour en cours à risque)"), row: r, column: 0)
      return
    }
    for a in rows {
      try s.write(a.ticket, row: r, column: 0)
      try s.write(a.group.label(lang), row: r, column: 1)
      try s.write(integer: a.level.rawValue, row: r, column: 2, style: ReportWriter.centered)
      try date(s, a.stayStart, r, 3)
      try duration(s, Double(a.calendarSeconds), row: r, column: 4)
      try duration(s, Double(a.businessSeconds), row: r, column: 5)
      let unit = a.clock == .business ? l.t(" bh", " ho") : " h"
      try s.write(MetricsRenderer.plainHours(a.target) + unit, row: r, column: 6)
      try s.write(MetricsRenderer.plainHours(a.remaining) + unit, row: r, column: 7)
      try date(s, a.breachAt, r, 8)
      r += 1
    }
  }

  /// `1 = 24 h, 2 = 48 h`: each level's target; then each category's own targets,
  /// `; Guidance acquisition: 1 = 4 h`.
  func targetsText(_ t: SLATargets) -> String {
    func items(_ seconds: [Int64?]) -> String {
      Level.all.compactMap { lv in
        seconds[lv.index].map { "\(lv.rawValue) = \(MetricsRenderer.plainHours($0)) h" }
      }.joined(separator: ", ")
    }
    var text = items(t.seconds)
    for key in CategoryKey.allCases where t.hasCategoryTargets {
      let own = t.categorySeconds[key.index]
      guard own.contains(where: { $0 != nil }) else { continue }
      text += (text.isEmpty ? "" : "; ") + RowGroup.category(key).label(lang) + ": " + items(own)
    }
    return text
  }

  /// The monthly SLA compliance, with a line chart; returns the first row free below both.
  func slaTrend(_ s: Worksheet, row: Int) throws(XLSXError) -> Int {
    try headers(
      s,
      [
        l.month, l.t("Stays", "Séjours"), l.t("Breached", "Hors délai"),
        l.t("Compliance", "Respect"),
      ], row: row)
    var r = row + 1
    for t in c.trend {
      try s.write(l.monthYear(t.month), row: r, column: 0)
      try s.write(integer: t.slaStays, row: r, column: 1)
      try s.write(integer: t.slaBreaches, row: r, column: 2)
      try s.write(percent: t.slaCompliance, row: r, column: 3)
      r += 1
    }
    guard r > row + 1 else { return r }
    let chart = try workbook.addChart(.line)
    try chart.addSeries(
      sheet: s, categories: .column(0, rows: (row + 1)...(r - 1)),
      values: .column(3, rows: (row + 1)...(r - 1)), nameCell: (row, 3), color: 0x4472C4)
    chart.setTitle(l.t("SLA compliance per month", "Respect des délais par mois"))
    chart.setValueAxisNumberFormat("0%")
    chart.setValueAxisRange(minimum: 0, maximum: 1)
    chart.setLegend(.none)
    try s.insert(chart, row: row, column: 5, xScale: 1.3, yScale: 1.0)
    // The chart is 288 px high: 15 rows of 20 px from `row`.
    return max(r, row + ReportWorkbook.rowsUnderChart(height: 288))
  }
}
