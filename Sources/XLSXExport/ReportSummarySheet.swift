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
      "\(l.title) — \(c.period.label)", row: 0, firstColumn: 0, lastColumn: 4, style: .title)
    var r = try summaryPeriod(s, row: 2)
    r = try summaryFiles(s, row: r + 1)
    r = try summaryFigures(s, row: r + 1)
    try summaryFindings(s, row: r + 1)
  }

  /// The period's rows from `row`; returns the next row.
  func summaryPeriod(_ s: Worksheet, row: Int) throws(XLSXError) -> Int {
    var r = row
    let bold = CellStyle(bold: true)
    // Left-aligned like the texts above and below them.
    let left = CellStyle(numberFormat: CellStyle.dateTimeFormat, horizontal: .left)
    try s.write(l.period, row: r, column: 0, style: bold)
    try s.write(c.period.label, row: r, column: 1)
    r += 1
    try s.write(l.t("From", "Du"), row: r, column: 0, style: bold)
    try date(s, c.period.start, r, 1, style: left)
    r += 1
    try s.write(l.t("To (excluded)", "Au (exclu)"), row: r, column: 0, style: bold)
    try date(s, c.period.end, r, 1, style: left)
    r += 1
    try s.write(l.t("As of", "Arrêté au"), row: r, column: 0, style: bold)
    try date(s, c.period.asOf, r, 1, style: left)
    r += 1
    try s.write(l.t("Time zone", "Fuseau horaire"), row: r, column: 0, style: bold)
    try s.write(c.zone, row: r, column: 1)
    return r + 1
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
      case .count: return (.integer, CellStyle(numberFormat: "+#,##0;-#,##0;0"))
      case .percent: return (.percent, CellStyle(numberFormat: "+0.0%;-0.0%;0.0%"))
      case .hours: return (.hours, CellStyle(numberFormat: "+0.0;-0.0;0.0"))
      }
    }
  }

  /// The headline figures: label, kind, this period's value, the previous period's.
  func headlineFigures() -> [(String, FigureKind, Double?, Double?)] {
    let h = c.headline
    let p = input.previous?.headline
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

  /// The headline figures against the previous period from `row`; returns the next row.
  func summaryFigures(_ s: Worksheet, row: Int) throws(XLSXError) -> Int {
    var r = row
    try headers(
      s,
      [
        l.t("Figure", "Indicateur"),
        l.t("This period", "Cette période") + " (\(c.period.label))",
        l.t("Previous period", "Période précédente")
          + (input.previous.map { " (\($0.period.label))" } ?? ""),
        l.t("Change", "Évolution"),
      ], row: r)
    r += 1
    for (label, kind, now, before) in headlineFigures() {
      try s.write(label, row: r, column: 0)
      let (style, change) = kind.styles
      try s.write(number: now, row: r, column: 1, style: style)
      try s.write(number: before, row: r, column: 2, style: style)
      if let now, let before { try s.write(number: now - before, row: r, column: 3, style: change) }
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
    try s.writeLink(
      l.t(
        "\(findings.count): \(counts.errors) errors (rejected records), \(counts.warnings) warnings, "
          + "\(counts.notes) notes; see the sheet",
        "\(findings.count)\u{00A0}: \(counts.errors) erreurs (lignes rejetées), \(counts.warnings) "
          + "avertissements, \(counts.notes) notes\u{00A0}; voir la feuille"),
      toSheet: l.qualitySheet, row: r, column: 1)
  }
}
