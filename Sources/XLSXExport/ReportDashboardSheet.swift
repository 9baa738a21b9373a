import EscalationKit

// The Dashboard sheet, first of the report: docs/metrics.md#dashboard

extension ReportWriter {
  /// Green and red of a met or missed target (fill, font).
  static let metStyle = CellStyle(bold: true, fontColor: 0x006100, fill: 0xC6EFCE)
  static let missedStyle = CellStyle(bold: true, fontColor: 0x9C0006, fill: 0xFFC7CE)
  static let naStyle = CellStyle(fontColor: 0x808080, horizontal: .right)

  // MARK: Dashboard

  func dashboard() throws(XLSXError) {
    let d = c.dashboard
    let s = try workbook.addWorksheet(l.dashboardSheet)
    try s.setPrintLayout()
    // Wide enough for the longest category and role of the ticket lists below (written out,
    // not cut: "Préoccupations concernant les détails du service").
    for (i, w) in [30.0, 44, 16, 36, 22, 14, 16, 16, 16].enumerated() { s.setColumnWidth(i, w) }
    try s.write("\(l.title) — \(l.periodName(c.period))", row: 0, column: 0, style: .title)
    try s.write(
      "\(l.t("As of", "Arrêté au")) \(l.longDateTime(zone.local(c.period.asOf))) (\(c.zone))",
      row: 1, column: 0, style: .note)
    let prev = d.previousMonth.map { " (\(l.monthYear($0)))" } ?? ""
    let year = d.lastYearMonth.map { " (\(l.monthYear($0)))" } ?? ""
    try headers(
      s,
      [
        l.t("Key figure", "Indicateur"), l.periodName(c.period),
        l.t("Previous month", "Mois précédent") + prev, l.t("Year before", "Un an avant") + year,
        l.t("Target", "Cible"), l.t("Status", "État"),
      ], row: 3)
    var r = 4
    for f in d.figures {
      try s.write(MetricsRenderer.dashboardLabel(f.key, l), row: r, column: 0)
      let status = f.status.map { $0 == .met ? ReportWriter.metStyle : ReportWriter.missedStyle }
      try figure(s, f.key, f.value, r, 1, status: status)
      try figure(s, f.key, f.previous, r, 2)
      try figure(s, f.key, f.lastYear, r, 3)
      if let t = f.target {
        try figure(s, f.key, t, r, 4, prefix: f.higherIsBetter ? "≥ " : "≤ ")
      }
      if let st = f.status, let status {
        try s.write(
          st == .met ? l.t("On target", "Atteint") : l.t("Off target", "Non atteint"), row: r,
          column: 5, style: status.with(numberFormat: nil))
      }
      r += 1
    }
    r += 1
    try trendChart(s, row: r)
    r += ReportWriter.rowsUnderChart + 1
    try s.write(
      l.t("Oldest open tickets", "Tickets en cours les plus anciens"), row: r, column: 0,
      style: CellStyle(bold: true, fontSize: 12))
    r += 1
    r = try ticketList(s, d.oldest.map { ($0, nil) }, row: r)
    guard c.sla != nil else { return }
    r += 1
    try s.write(
      l.t("Open tickets furthest over SLA", "Tickets en cours les plus hors délai"), row: r,
      column: 0, style: CellStyle(bold: true, fontSize: 12))
    r += 1
    if d.worstBreaching.isEmpty {
      try s.write(l.t("(none)", "(aucun)"), row: r, column: 0, style: .note)
      return
    }
    _ = try ticketList(s, d.worstBreaching.map { ($0.ticket, $0) }, row: r)
  }

  static let rowsUnderChart = 15

  /// A key figure's value in its format, "n/a" when missing.
  func figure(
    _ s: Worksheet, _ k: DashboardFigure.Key, _ v: Double?, _ r: Int, _ col: Int,
    status: CellStyle? = nil, prefix: String? = nil
  ) throws(XLSXError) {
    guard let v else {
      try s.write(l.notAvailable, row: r, column: col, style: ReportWriter.naStyle)
      return
    }
    if let prefix {
      let text: String
      switch k {
      case .shareEscalated, .slaCompliance: text = "\(Int((v * 100).rounded())) %"
      case .medianTimeToResolution: text = "\(Int((v / 3600).rounded())) h"
      default: text = String(Int(v))
      }
      try s.write(prefix + text, row: r, column: col, style: CellStyle(horizontal: .right))
      return
    }
    let base = status ?? CellStyle()
    switch k {
    case .shareEscalated, .slaCompliance:
      try s.write(
        percent: v, row: r, column: col, style: base.with(numberFormat: CellStyle.percentFormat))
    case .medianTimeToResolution:
      try s.write(
        hours: v / 3600, row: r, column: col, style: base.with(numberFormat: CellStyle.hoursFormat))
    default:
      try s.write(integer: Int(v), row: r, column: col, style: base.with(numberFormat: "#,##0"))
    }
  }

  /// The last 12 months' opened, escalated and resolved, from the Trend sheet.
  func trendChart(_ s: Worksheet, row: Int) throws(XLSXError) {
    let n = c.trend.count
    guard n > 0 else { return }
    let months = max(1, n - 11)...n
    let chart = try workbook.addChart(.line)
    for (column, color) in [(1, 0x4472C4), (2, 0xED7D31), (5, 0x70AD47)] {
      try chart.addSeries(
        sheetNamed: l.trendSheet, categories: .column(0, rows: months),
        values: .column(column, rows: months), nameCell: (0, column), color: UInt32(color))
    }
    chart.setTitle(
      l.t(
        "Opened, escalated and resolved — last 12 months",
        "Ouverts, remontés et résolus — 12 derniers mois"))
    chart.setValueAxisRange(minimum: 0)
    chart.setLegend(.bottom)
    // As wide as the tables above and below (about 1,300 pixels).
    try s.insert(chart, row: row, column: 0, xScale: 2.6, yScale: 1.0)
  }

  /// A list of open tickets with owner and role; with a breach, the time over the SLA target:
  /// in days when every target is in calendar time, else in hours of each target's clock,
  /// with the clock beside it. Returns the row after it.
  func ticketList(_ s: Worksheet, _ rows: [(BacklogRow, DashboardBreach?)], row: Int)
    throws(XLSXError) -> Int
  {
    let withOver = rows.contains { $0.1 != nil }
    let business = rows.contains { $0.1?.clock == .business }
    var names = [
      l.ticket, l.category, l.level, l.role, l.owner, l.t("Age (days)", "Âge (jours)"),
      l.t("At level (days)", "Au niveau (jours)"),
    ]
    if withOver {
      names.append(
        business
          ? l.t("Over SLA (h)", "Hors délai (h)") : l.t("Over SLA (days)", "Hors délai (jours)"))
    }
    if business { names.append(l.t("Clock", "Horloge")) }
    try headers(s, names, row: row)
    var r = row + 1
    let days = CellStyle(numberFormat: "#,##0.0")
    if rows.isEmpty {
      try s.write(
        l.t("(no open ticket)", "(aucun ticket en cours)"), row: r, column: 0, style: .note)
      return r + 1
    }
    for (b, breach) in rows {
      try s.write(b.ticket, row: r, column: 0)
      try s.write(b.group.label(lang), row: r, column: 1)
      try s.write(integer: b.level.rawValue, row: r, column: 2, style: ReportWriter.centered)
      try s.write(b.role, row: r, column: 3)
      try s.write(MetricsRenderer.ownerName(b.owner, l), row: r, column: 4)
      try s.write(number: Double(b.age) / 86_400, row: r, column: 5, style: days)
      try s.write(number: Double(b.timeAtLevel) / 86_400, row: r, column: 6, style: days)
      if let breach {
        try s.write(
          number: Double(breach.over) / (business ? 3600 : 86_400), row: r, column: 7,
          style: days.with(fill: CellStyle.alertFill))
        if business {
          try s.write(
            breach.clock == .business
              ? l.t("business hours", "heures ouvrées") : l.t("calendar", "calendaire"),
            row: r, column: 8)
        }
      }
      r += 1
    }
    return r
  }
}
