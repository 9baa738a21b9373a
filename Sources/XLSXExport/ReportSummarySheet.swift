import EscalationKit

// The Summary sheet of the report: the period, the input files, the headline figures
// (docs/metrics.md) against the previous period, and the data-quality count.

extension ReportWriter {
  // MARK: Summary

  func summary() throws(XLSXError) {
    let s = try workbook.addWorksheet(l.summarySheet)
    try s.setPrintLayout()
    // Fixed widths, set first: the header rows below are laid out against them.
    for (column, width) in [42.0, 20, 20, 14, 14].enumerated() { s.setColumnWidth(column, width) }
    try s.writeMerged(
      "\(l.title) — \(l.periodName(c.period))", row: 0, firstColumn: 0, lastColumn: 4, style: .title
    )
    var r = try summaryPeriod(s, row: 2)
    r = try summaryFiles(s, row: r + 1)
    r = try summaryFigures(s, row: r + 1)
    try summaryFindings(s, row: r + 1)
  }

  /// The period's rows from `row`; returns the next row. Dates are written out ("1 October
  /// 2026"), the end as the last day included, the as-of time with its hour.
  func summaryPeriod(_ s: Worksheet, row: Int) throws(XLSXError) -> Int {
    var r = row
    let bold = CellStyle(bold: true)
    let rows: [(String, String)] = [
      (l.period, l.periodName(c.period)),
      (l.t("From", "Du"), l.longDate(zone.local(c.period.start))),
      (
        l.t("To", "Au"),
        l.t(
          "\(l.longDate(zone.local(c.period.end - 1))) (included)",
          "\(l.longDate(zone.local(c.period.end - 1))) inclus")
      ),
      (l.t("As of", "Arrêté au"), l.longDateTime(zone.local(c.period.asOf))),
      (l.t("Time zone", "Fuseau horaire"), c.zone),
    ]
    for (label, value) in rows {
      try s.write(label, row: r, column: 0, style: bold)
      try s.write(value, row: r, column: 1)
      r += 1
    }
    return r
  }

  /// The input files with their record counts from `row`; returns the next row.
  func summaryFiles(_ s: Worksheet, row: Int) throws(XLSXError) -> Int {
    var r = row
    try headers(
      s,
      [
        l.t("Input file", "Fichier"), l.t("Records read", "Lignes lues"), l.t("Used", "Utilisées"),
        l.t("Rejected", "Rejetées"), l.t("Duplicates", "Doublons"),
      ], row: r)
    r += 1
    for f in input.files {
      try s.write(f.name, row: r, column: 0)
      try s.write(integer: f.accounting.read, row: r, column: 1)
      try s.write(integer: f.accounting.used, row: r, column: 2)
      try s.write(integer: f.accounting.rejected, row: r, column: 3)
      try s.write(integer: f.accounting.duplicates, row: r, column: 4)
      r += 1
    }
    return r
  }

  /// How a headline figure is shown.
  enum FigureKind {
    case count, percent, hours

    /// The style of the figure, and that of its change.
    var styles: (value: CellStyle, change: CellStyle) {
      switch self {
      case .count: return (.integer, CellStyle(numberFormat: "+#,##0;\"−\"#,##0;0"))
      // A change in a rate is in percentage points: the difference × 100, "−13.9 pts".
      case .percent:
        return (.percent, CellStyle(numberFormat: "+0.0\" pts\";\"−\"0.0\" pts\";0.0\" pts\""))
      case .hours: return (.hoursGrouped, CellStyle(numberFormat: "+#,##0.0;\"−\"#,##0.0;0.0"))
      }
    }
  }

  /// The headline figures: label, kind, this period's value, the previous period's.
  func headlineFigures() -> [(String, FigureKind, Double?, Double?)] {
    let h = c.headline
    let p = comparable ? input.previous?.headline : nil
    var figures: [(String, FigureKind, Double?, Double?)] = [
      (l.ticketsOpened, .count, Double(h.opened), p.map { Double($0.opened) }),
      (
        l.t("Share escalated (level ≥ 2)", "Part remontée (niveau ≥ 2)"), .percent,
        h.shareEscalated, p?.shareEscalated
      ),
      (
        l.t("Escalations (upward moves)", "Remontées (passages au niveau supérieur)"), .count,
        Double(h.escalationMoves), p.map { Double($0.escalationMoves) }
      ),
      (
        l.t("Tickets resolved", "Tickets résolus"), .count, Double(h.resolved),
        p.map { Double($0.resolved) }
      ),
      (
        l.t("Median time to resolution (hours)", "Délai médian de résolution (heures)"), .hours,
        hours(h.medianTimeToResolution), hours(p?.medianTimeToResolution)
      ),
      (
        l.t("Backlog at as-of", "En cours à la date d’arrêté"), .count, Double(h.backlog),
        p.map { Double($0.backlog) }
      ),
    ]
    if let b = h.slaBreaches {
      figures.append(
        (
          c.sla.map(slaLabel) ?? l.t("SLA breaches", "Dépassements de SLA"), .count, Double(b),
          p?.slaBreaches.map { Double($0) }
        ))
    }
    figures += calendarSLAFigures()
    return figures
  }

  /// Whether the previous period is compared: there is one, and the log reaches into it (a
  /// previous period that ends at or before the log's first event shows "n/a", not zeros).
  var comparable: Bool {
    guard let p = input.previous else { return false }
    guard let first = input.firstEvent else { return true }
    return p.period.end > first
  }

  /// The headline figures against the previous period from `row`; returns the next row.
  func summaryFigures(_ s: Worksheet, row: Int) throws(XLSXError) -> Int {
    var r = row
    try headers(
      s,
      [
        l.t("Figure", "Indicateur"),
        l.t("This period", "Cette période") + " (\(l.periodName(c.period)))",
        l.t("Previous period", "Période précédente")
          + (input.previous.map { " (\(l.periodName($0.period)))" } ?? ""),
        l.t("Change", "Évolution"),
      ], row: r)
    r += 1
    for (label, kind, now, before) in headlineFigures() {
      try s.write(label, row: r, column: 0)
      let (style, change) = kind.styles
      try s.write(number: now, row: r, column: 1, style: style)
      let na = l.t("n/a", "n.d.")
      let right = CellStyle(horizontal: .right)
      if comparable {
        try s.write(number: before, row: r, column: 2, style: style)
      } else {
        try s.write(na, row: r, column: 2, style: right)
      }
      if let now, let before {
        try s.write(
          number: kind == .percent ? (now - before) * 100 : now - before, row: r, column: 3,
          style: change)
      } else {
        try s.write(na, row: r, column: 3, style: right)
      }
      r += 1
    }
    return r
  }

  /// The count of data-quality findings, linked to their sheet, at `row`.
  func summaryFindings(_ s: Worksheet, row r: Int) throws(XLSXError) {
    let counts = findings.counts
    try s.write(
      l.t("Data-quality findings", "Remarques sur les données"), row: r, column: 0,
      style: CellStyle(bold: true))
    let lang = input.language
    let breakdown =
      "\(Labels.count(counts.errors, .error, lang)) "
      + l.t("(rejected records)", "(lignes rejetées)")
      + ", \(Labels.count(counts.warnings, .warning, lang)), \(Labels.count(counts.notes, .note, lang))"
    try s.writeLink(
      l.t(
        "\(Labels.count(findings.count, .finding, lang)): \(breakdown) — see the sheet",
        "\(Labels.count(findings.count, .finding, lang))\u{00A0}: \(breakdown) — voir la feuille"),
      toSheet: l.qualitySheet, row: r, column: 1)
  }
}
