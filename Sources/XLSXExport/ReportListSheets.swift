import EscalationKit

// The sheets of one row per item, continued past 1,048,576 rows: Backlog
// (docs/metrics.md#backlog) and Tickets.

extension ReportWriter {
  // MARK: Backlog

  func backlog() throws(XLSXError) {
    // The SLA column only when targets were given (`--sla`): empty, it would say nothing.
    let withSLA = c.sla != nil
    let names =
      [
        l.ticket, l.category, l.level, l.role, l.t("Opened", "Ouvert le"),
        l.t("Time at level", "Durée au niveau"), l.t("Age (days)", "Âge (jours)"),
      ] + (withSLA ? [l.t("SLA breach", "Dépassement SLA")] : []) + [l.owner]
    // The whole row of a ticket past its SLA target.
    let breach = SheetSeries.Highlight(
      columns: 0...(names.count - 1), formula: "=$H2<>\"\"",
      style: CellStyle(fill: CellStyle.alertFill))
    let series = try SheetSeries(
      workbook: workbook, name: l.backlogSheet, headers: names,
      highlights: withSLA ? [breach] : [])
    // Formats resolved once for the whole table.
    let plain = try workbook.format(nil)
    let centered = try workbook.format(ReportWriter.centered)
    let dateTime = try workbook.format(dateTimeStyle)
    let duration = try workbook.format(durationStyle)
    let days = try workbook.format(.hoursGrouped)
    for b in c.backlog {
      let (s, r) = try series.nextRow()
      try s.write(b.ticket, row: r, column: 0, format: plain)
      try s.write(b.group.label(lang), row: r, column: 1, format: plain)
      try s.write(number: Double(b.level.rawValue), row: r, column: 2, format: centered)
      try s.write(b.role, row: r, column: 3, format: plain)
      try date(s, b.opened, r, 4, format: dateTime)
      try self.duration(s, Double(b.timeAtLevel), row: r, column: 5, format: duration)
      try s.write(number: Double(b.age) / 86_400, row: r, column: 6, format: days)
      if withSLA {
        try s.write(b.slaBreach == true ? l.yes : "", row: r, column: 7, format: centered)
      }
      let owner = MetricsRenderer.ownerName(b.owner, l)
      try s.write(owner, row: r, column: withSLA ? 8 : 7, format: plain)
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
      ] + (1...4).map { l.t("Time at level \($0)", "Durée au niveau \($0)") } + [
        l.t("Time to resolution", "Délai de résolution")
      ] + (c.sla != nil ? [l.t("SLA breaches", "Dépassements SLA")] : []) + [l.owner]
    // The count of SLA breaches, where there are any.
    let breaches = SheetSeries.Highlight(
      columns: 11...11, formula: "=$L2>0", style: CellStyle(fill: CellStyle.alertFill))
    let series = try SheetSeries(
      workbook: workbook, name: l.ticketsSheet, headers: names,
      highlights: c.sla != nil ? [breaches] : [])
    // Formats resolved once for the whole table.
    let plain = try workbook.format(nil)
    let centered = try workbook.format(ReportWriter.centered)
    let dateTime = try workbook.format(dateTimeStyle)
    let duration = try workbook.format(durationStyle)
    for t in c.tickets ?? [] {
      let (s, r) = try series.nextRow()
      try s.write(t.ticket, row: r, column: 0, format: plain)
      try s.write(t.group.label(lang), row: r, column: 1, format: plain)
      try date(s, t.opened, r, 2, format: dateTime)
      try date(s, t.resolved, r, 3, format: dateTime)
      try s.write(number: Double(t.highestLevel.rawValue), row: r, column: 4, format: centered)
      try s.write(
        number: t.levelAtResolution.map { Double($0.rawValue) }, row: r, column: 5,
        format: centered)
      for i in 0..<4 {
        let v = i < t.secondsAtLevel.count ? t.secondsAtLevel[i] : nil
        try self.duration(s, v.map(Double.init), row: r, column: 6 + i, format: duration)
      }
      try self.duration(
        s, t.timeToResolution.map(Double.init), row: r, column: 10, format: duration)
      // Centred, as a small count, so that it does not run into the owner's name beside it.
      if c.sla != nil {
        try s.write(number: Double(t.slaBreaches), row: r, column: 11, format: centered)
      }
      let owner = MetricsRenderer.ownerName(t.owner, l)
      try s.write(owner, row: r, column: c.sla != nil ? 12 : 11, format: plain)
    }
    try series.finish()
    try series.limitPrintArea(rows: ReportWriter.printedRows)
  }
}
