import EscalationKit

// The sheets of one row per item, continued past 1,048,576 rows: Backlog
// (docs/metrics.md#backlog), Tickets and Data quality.

extension ReportWriter {
  // MARK: Backlog

  func backlog() throws(XLSXError) {
    let names = [
      l.ticket, l.category, l.level, l.role, l.t("Opened", "Ouvert le"),
      l.t("Hours at level", "Heures au niveau"), l.t("Age (days)", "Âge (jours)"),
      l.t("SLA breach", "Dépassement SLA"), l.owner,
    ]
    // The whole row of a ticket past its SLA target.
    let breach = SheetSeries.Highlight(
      columns: 0...(names.count - 1), formula: "=$H2<>\"\"",
      style: CellStyle(fill: CellStyle.alertFill))
    let series = try SheetSeries(
      workbook: workbook, name: l.backlogSheet, headers: names, highlights: [breach])
    for b in c.backlog {
      let (s, r) = try series.nextRow()
      try s.write(b.ticket, row: r, column: 0)
      try s.write(b.group.label(lang), row: r, column: 1)
      try s.write(integer: b.level.rawValue, row: r, column: 2, style: ReportWriter.centered)
      try s.write(b.role, row: r, column: 3)
      try date(s, b.opened, r, 4)
      try s.write(hours: Double(b.timeAtLevel) / 3600, row: r, column: 5)
      try s.write(
        number: Double(b.age) / 86_400, row: r, column: 6, style: CellStyle(numberFormat: "0.0"))
      try s.write(b.slaBreach == true ? l.yes : "", row: r, column: 7, style: ReportWriter.centered)
      try s.write(MetricsRenderer.ownerName(b.owner, l), row: r, column: 8)
    }
    try series.finish()
  }

  // MARK: Tickets

  func tickets() throws(XLSXError) {
    let names =
      [
        l.ticket, l.category, l.t("Opened", "Ouvert le"),
        l.t("Resolved", "Résolu le"),
        l.t("Highest level", "Niveau le plus haut"),
        l.t("Level at resolution", "Niveau à la résolution"),
      ] + (1...4).map { l.t("Hours at level \($0)", "Heures au niveau \($0)") } + [
        l.t("Time to resolution h", "Délai de résolution h"),
        l.t("SLA breaches", "Dépassements SLA"), l.owner,
      ]
    // The count of SLA breaches, where there are any.
    let breaches = SheetSeries.Highlight(
      columns: 11...11, formula: "=$L2>0", style: CellStyle(fill: CellStyle.alertFill))
    let series = try SheetSeries(
      workbook: workbook, name: l.ticketsSheet, headers: names, highlights: [breaches])
    for t in c.tickets ?? [] {
      let (s, r) = try series.nextRow()
      try s.write(t.ticket, row: r, column: 0)
      try s.write(t.group.label(lang), row: r, column: 1)
      try date(s, t.opened, r, 2)
      try date(s, t.resolved, r, 3)
      try s.write(integer: t.highestLevel.rawValue, row: r, column: 4, style: ReportWriter.centered)
      try s.write(
        integer: t.levelAtResolution?.rawValue, row: r, column: 5, style: ReportWriter.centered)
      for i in 0..<4 {
        let v = i < t.secondsAtLevel.count ? t.secondsAtLevel[i] : nil
        try s.write(hours: hours(v), row: r, column: 6 + i)
      }
      try s.write(hours: hours(t.timeToResolution), row: r, column: 10)
      try s.write(integer: t.slaBreaches, row: r, column: 11)
      try s.write(MetricsRenderer.ownerName(t.owner, l), row: r, column: 12)
    }
    try series.finish()
  }

  // MARK: Data quality

  func dataQuality() throws(XLSXError) {
    let names = [
      l.t("File", "Fichier"), l.t("Line", "Ligne"), l.t("Column", "Colonne"),
      l.t("Severity", "Gravité"),
      l.t("Code", "Code"), l.t("Message", "Message"),
    ]
    let series = try SheetSeries(workbook: workbook, name: l.qualitySheet, headers: names) {
      (sheet) throws(XLSXError) in sheet.setColumnWidth(5, ReportWriter.messageWidth)
    }
    // Every cell aligned to the top, as a long message wraps onto further lines.
    let top = CellStyle(alignTop: true)
    let number = CellStyle(alignTop: true, horizontal: .center)
    let message = CellStyle(wrap: true, alignTop: true)
    for f in findings {
      let (s, r) = try series.nextRow()
      let lines = ReportWriter.lines(f.message, width: Int(ReportWriter.messageWidth))
      if lines > 1 { try s.setRowHeight(r, min(409, Double(lines) * 15)) }
      try s.write(f.file, row: r, column: 0, style: top)
      try s.write(integer: f.line, row: r, column: 1, style: number)
      try s.write(integer: f.column, row: r, column: 2, style: number)
      try s.write(l.severity(f.severity), row: r, column: 3, style: top)
      try s.write(f.code, row: r, column: 4, style: top)
      try s.write(f.message, row: r, column: 5, style: message)
    }
    try series.finish()
  }

  /// The width of the message column of the data-quality sheet, in character widths.
  static let messageWidth = 100.0

  /// The lines `text` takes wrapped in a column `width` characters wide (an estimate that
  /// errs on the generous side: proportional text is narrower than the digits Excel counts).
  static func lines(_ text: String, width: Int) -> Int {
    let count = text.unicodeScalars.count
    return max(1, (count + width - 1) / max(1, width))
  }
}
