import EscalationKit

/// One input file of a report, with what became of its records.
public struct ReportInputFile: Sendable {
  /// The name as given on the command line.
  public var name: String
  public var accounting: RecordAccounting
  public init(name: String, accounting: RecordAccounting) {
    self.name = name
    self.accounting = accounting
  }
}

/// Everything the monthly report workbook shows.
public struct ReportWorkbookInput: Sendable {
  /// The period's figures (the metrics engine's content, tickets included for the Tickets sheet).
  public var content: ReportContent
  /// The previous period's figures, for the change column of the summary (`nil`: not shown).
  public var previous: ReportContent?
  /// The language of labels and sheet names.
  public var language: Language
  /// The matrix in use (changed cells are marked against the canonical one).
  public var matrix: Matrix
  /// The input files with their record counts.
  public var files: [ReportInputFile]
  /// Every rejected record and warning of the import; the Data quality sheet lists them, then
  /// the reconstruction's warnings (`content.findings`).
  public var importFindings: [Finding]

  public init(
    content: ReportContent, previous: ReportContent? = nil, language: Language, matrix: Matrix,
    files: [ReportInputFile], importFindings: [Finding]
  ) {
    self.content = content
    self.previous = previous
    self.language = language
    self.matrix = matrix
    self.files = files
    self.importFindings = importFindings
  }
}

/// The monthly escalation report as an XLSX workbook (see docs/report.md): Summary, Escalation
/// rates, Time at level, Trend, Backlog, Tickets, Matrix, Data quality, with native charts.
///
/// Written in constant-memory mode (rows go to disk as they are written, so a log of any size
/// fits in a few MiB), hence tables are autofilters with banding by conditional format, and
/// every sheet is written top to bottom. The document's creation time is the as-of time:
/// the same inputs give a byte-identical file.
public enum ReportWorkbook {
  /// Writes the report to `path` (temporary file + rename; never over one of `inputs`).
  public static func write(_ input: ReportWorkbookInput, to path: String, inputs: [String] = [])
    throws(XLSXError)
  {
    let l = Labels(input.language)
    let wb = try Workbook(
      path: path,
      options: .init(
        constantMemory: true, created: input.content.period.asOf, inputs: inputs,
        title: "\(l.title) \(input.content.period.label)", author: "escalation"))
    let w = Writer(input: input, workbook: wb, l: l)
    try w.summary()
    try w.rates()
    try w.timeAtLevel()
    try w.trend()
    try w.backlog()
    try w.tickets()
    try MatrixWorkbook.addSheet(
      MatrixWorkbookInput(matrix: input.matrix, language: input.language), to: wb)
    try w.dataQuality()
    try wb.close()
  }

  /// The number of default-height rows (20 pixels) a chart `height` pixels high covers.
  static func rowsUnderChart(height: Double) -> Int { Int((height / 20).rounded(.up)) }

  /// Names of the sheets in `language`, in order (Tickets and Data quality may continue on
  /// further sheets past 1,048,576 rows).
  public static func sheetNames(_ language: Language) -> [String] {
    let l = Labels(language)
    return [
      l.summary, l.ratesSheet, l.timeSheet, l.trendSheet, l.backlogSheet, l.ticketsSheet,
      language == .en ? "Matrix" : "Matrice", l.qualitySheet,
    ]
  }
}

/// The report's labels in one language.
struct Labels {
  let en: Bool
  init(_ language: Language) { en = language == .en }
  func t(_ english: String, _ french: String) -> String { en ? english : french }

  var title: String { t("Escalation report", "Rapport des remontées") }
  var summary: String { t("Summary", "Synthèse") }
  var ratesSheet: String { t("Escalation rates", "Taux de remontée") }
  var timeSheet: String { t("Time at level", "Temps par niveau") }
  var trendSheet: String { t("Trend", "Tendance") }
  var backlogSheet: String { t("Backlog", "En cours") }
  var ticketsSheet: String { "Tickets" }
  var qualitySheet: String { t("Data quality", "Qualité des données") }
  var category: String { t("Category", "Catégorie") }
  var level: String { t("Level", "Niveau") }
  var role: String { t("Role", "Rôle") }
  var tickets: String { t("Tickets", "Tickets") }
  var opened: String { t("Opened", "Ouverts") }
  var yes: String { t("yes", "oui") }
  func severity(_ s: Severity) -> String {
    switch s {
    case .error: return t("error", "erreur")
    case .warning: return t("warning", "avertissement")
    case .note: return t("note", "remarque")
    }
  }
  func levelName(_ n: Int) -> String { t("Level \(n)", "Niveau \(n)") }
}

/// Writes the sheets of one report.
private struct Writer {
  let input: ReportWorkbookInput
  let workbook: Workbook
  let l: Labels
  let zone: ZoneRules
  /// The import's findings, then the reconstruction's.
  let findings: [Finding]

  init(input: ReportWorkbookInput, workbook: Workbook, l: Labels) {
    self.input = input
    self.workbook = workbook
    self.l = l
    zone = ZoneRules(identifier: input.content.zone) ?? .utc
    findings = input.importFindings + input.content.findings
  }

  var c: ReportContent { input.content }
  var lang: Language { input.language }

  func hours(_ seconds: Double?) -> Double? { seconds.map { $0 / 3600 } }
  func hours(_ seconds: Int64?) -> Double? { seconds.map { Double($0) / 3600 } }

  func date(
    _ s: Worksheet, _ t: Int64?, _ row: Int, _ column: Int, style: CellStyle = .dateTime
  ) throws(XLSXError) {
    try s.write(
      date: t, offset: t.map { zone.offset(atUTC: $0) } ?? 0, row: row, column: column,
      style: style)
  }

  func headers(_ s: Worksheet, _ names: [String], row: Int, from column: Int = 0) throws(XLSXError)
  {
    try s.writeHeaderRow(names, row: row, from: column)
  }

  /// A small whole number such as a level, centred (it sits between text columns).
  static let centered = CellStyle(horizontal: .center)

  /// Category rows first, the total last (as the content orders them).
  func categoryRows<T>(_ rows: [T], group: (T) -> RowGroup) -> (categories: [T], total: T?) {
    (rows.filter { group($0) != .total }, rows.first { group($0) == .total })
  }

  // MARK: Summary

  func summary() throws(XLSXError) {
    let s = try workbook.addWorksheet(l.summary)
    try s.setPrintLayout()
    // Fixed widths, set first: the header rows below are laid out against them.
    for (column, width) in [42.0, 20, 20, 14, 14].enumerated() { s.setColumnWidth(column, width) }
    try s.writeMerged(
      "\(l.title) — \(c.period.label)", row: 0, firstColumn: 0, lastColumn: 4, style: .title)
    var r = 2
    let bold = CellStyle(bold: true)
    // Left-aligned like the texts above and below them.
    let left = CellStyle(numberFormat: CellStyle.dateTimeFormat, horizontal: .left)
    try s.write(l.t("Period", "Période"), row: r, column: 0, style: bold)
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
    r += 2

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
    r += 1

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
    let h = c.headline
    let p = input.previous?.headline
    enum Kind { case count, percent, hours }
    let figures: [(String, Kind, Double?, Double?)] =
      [
        (
          l.t("Tickets opened", "Tickets ouverts"), .count, Double(h.opened),
          p.map { Double($0.opened) }
        ),
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
      + (h.slaBreaches.map { b in
        [
          (
            l.t("SLA breaches", "Dépassements de SLA"), Kind.count, Double(b),
            p?.slaBreaches.map { Double($0) }
          )
        ]
      } ?? [])
    for (label, kind, now, before) in figures {
      try s.write(label, row: r, column: 0)
      let style: CellStyle
      let change: CellStyle
      switch kind {
      case .count:
        style = .integer
        change = CellStyle(numberFormat: "+#,##0;-#,##0;0")
      case .percent:
        style = .percent
        change = CellStyle(numberFormat: "+0.0%;-0.0%;0.0%")
      case .hours:
        style = .hours
        change = CellStyle(numberFormat: "+0.0;-0.0;0.0")
      }
      try s.write(number: now, row: r, column: 1, style: style)
      try s.write(number: before, row: r, column: 2, style: style)
      if let now, let before { try s.write(number: now - before, row: r, column: 3, style: change) }
      r += 1
    }
    r += 1
    let counts = findings.counts
    try s.write(
      l.t("Data-quality findings", "Remarques sur les données"), row: r, column: 0, style: bold)
    try s.writeLink(
      l.t(
        "\(findings.count): \(counts.errors) errors (rejected records), \(counts.warnings) warnings, "
          + "\(counts.notes) notes; see the sheet",
        "\(findings.count)\u{00A0}: \(counts.errors) erreurs (lignes rejetées), \(counts.warnings) "
          + "avertissements, \(counts.notes) notes\u{00A0}; voir la feuille"),
      toSheet: l.qualitySheet, row: r, column: 1)
  }

  // MARK: Escalation rates

  func rates() throws(XLSXError) {
    let s = try workbook.addWorksheet(l.ratesSheet)
    try s.setPrintLayout(headerRows: 0...0)
    s.autofitColumns(minimum: 8, maximum: 48)
    let names = [
      l.category, l.opened, l.t("Reached ≥ 2", "Atteint ≥ 2"), l.t("Reached ≥ 3", "Atteint ≥ 3"),
      l.t("Reached 4", "Atteint 4"), l.t("Rate ≥ 2", "Taux ≥ 2"), l.t("Rate ≥ 3", "Taux ≥ 3"),
      l.t("Rate 4", "Taux 4"), l.t("Step 1→2", "Passage 1→2"), l.t("Step 2→3", "Passage 2→3"),
      l.t("Step 3→4", "Passage 3→4"),
    ]
    try headers(s, names, row: 0)
    var r = 1
    let (cats, total) = categoryRows(c.rates) { $0.group }
    for row in cats + (total.map { [$0] } ?? []) {
      let style: CellStyle? = row.group == .total ? CellStyle(bold: true) : nil
      try s.write(row.group.label(lang), row: r, column: 0, style: style)
      try s.write(integer: row.opened, row: r, column: 1)
      try s.write(integer: row.reached2, row: r, column: 2)
      try s.write(integer: row.reached3, row: r, column: 3)
      try s.write(integer: row.reached4, row: r, column: 4)
      for (i, v) in [row.rate2, row.rate3, row.rate4, row.step12, row.step23, row.step34]
        .enumerated()
      {
        try s.write(percent: v, row: r, column: 5 + i)
      }
      r += 1
    }
    s.freezePanes(row: 1, column: 1)
    guard !cats.isEmpty else { return }
    let last = cats.count
    try s.dataBars(CellRange(firstRow: 1, firstColumn: 5, lastRow: last, lastColumn: 7))
    let chart = try workbook.addChart(.bar)
    for (i, color) in [0x4472C4, 0xED7D31, 0xA5A5A5].enumerated() {
      try chart.addSeries(
        sheet: s, categories: .column(0, rows: 1...last), values: .column(5 + i, rows: 1...last),
        nameCell: (0, 5 + i), color: UInt32(color))
    }
    chart.setTitle(l.t("Escalation rates by category", "Taux de remontée par catégorie"))
    chart.setValueAxisNumberFormat("0%")
    chart.setValueAxisRange(minimum: 0)
    chart.reverseCategories()
    chart.setLegend(.bottom)
    try s.insert(chart, row: r + 1, column: 0, xScale: 2, yScale: 1.6)
  }

  // MARK: Time at level

  func timeAtLevel() throws(XLSXError) {
    let s = try workbook.addWorksheet(l.timeSheet)
    try s.setPrintLayout()
    s.autofitColumns(minimum: 9, maximum: 48)
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
    r += 1

    // 2. The full figures, category × level. The hour columns C–G line up with those of the
    // time-to-resolution table below; the role, a long text, goes last so that it does not
    // widen a column of figures.
    let figures = [
      l.tickets, l.t("Mean h", "Moyenne h"), l.t("Median h", "Médiane h"), l.t("P90 h", "P90 h"),
      l.t("Max h", "Max h"),
    ]
    try headers(s, [l.category, l.level] + figures + [l.role], row: r)
    r += 1
    let first = r
    for row in c.timeAtLevel {
      let bold: CellStyle? = row.group == .total ? CellStyle(bold: true) : nil
      try s.write(row.group.label(lang), row: r, column: 0, style: bold)
      try s.write(integer: row.level.rawValue, row: r, column: 1, style: Writer.centered)
      try statistics(s, row.stats, row: r, from: 2)
      try s.write(
        row.level.index < c.roles.count ? c.roles[row.level.index] : "", row: r, column: 7,
        style: CellStyle(indent: 1))
      r += 1
    }
    if r > first { try s.colorScale(.column(4, rows: first...(r - 1))) }
    r += 1

    // 3. Time to resolution (no level column: B stays empty so the figures stay aligned).
    try s.write(
      l.t(
        "Time to resolution (tickets resolved in the period)",
        "Délai de résolution (tickets résolus dans la période)"),
      row: r, column: 0, style: CellStyle(bold: true))
    r += 1
    try headers(s, [l.category, ""] + figures, row: r)
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

  // MARK: Trend

  func trend() throws(XLSXError) {
    let s = try workbook.addWorksheet(l.trendSheet)
    try s.setPrintLayout(headerRows: 0...0)
    s.autofitColumns(minimum: 8, maximum: 30)
    try headers(
      s,
      [
        l.t("Month", "Mois"), l.opened, l.t("Escalated (≥ 2)", "Remontés (≥ 2)"),
        l.t("Share escalated", "Part remontée"), l.t("Escalations", "Remontées"),
        l.t("Resolved", "Résolus"),
        l.t("Median time to resolution h", "Délai médian de résolution h"),
      ], row: 0)
    var r = 1
    for row in c.trend {
      try s.write(row.month.description, row: r, column: 0)
      try s.write(integer: row.opened, row: r, column: 1)
      try s.write(integer: row.escalated, row: r, column: 2)
      try s.write(percent: row.shareEscalated, row: r, column: 3)
      try s.write(integer: row.escalationMoves, row: r, column: 4)
      try s.write(integer: row.resolved, row: r, column: 5)
      try s.write(hours: hours(row.medianTimeToResolution), row: r, column: 6)
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
    try s.insert(counts, row: 1, column: 8, xScale: 1.6, yScale: 1.2)
    let share = try workbook.addChart(.line)
    try share.addSeries(
      sheet: s, categories: .column(0, rows: months), values: .column(3, rows: months),
      nameCell: (0, 3),
      color: 0xC00000)
    share.setTitle(l.t("Share escalated per month", "Part remontée par mois"))
    share.setValueAxisNumberFormat("0%")
    share.setValueAxisRange(minimum: 0)
    share.setLegend(.none)
    try s.insert(share, row: 20, column: 8, xScale: 1.6, yScale: 1.2)
  }

  // MARK: Backlog

  func backlog() throws(XLSXError) {
    let names = [
      l.t("Ticket", "Ticket"), l.category, l.level, l.role, l.t("Opened", "Ouvert le"),
      l.t("Hours at level", "Heures au niveau"), l.t("Age (days)", "Âge (jours)"),
      l.t("SLA breach", "Dépassement SLA"),
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
      try s.write(integer: b.level.rawValue, row: r, column: 2, style: Writer.centered)
      try s.write(b.role, row: r, column: 3)
      try date(s, b.opened, r, 4)
      try s.write(hours: Double(b.timeAtLevel) / 3600, row: r, column: 5)
      try s.write(
        number: Double(b.age) / 86_400, row: r, column: 6, style: CellStyle(numberFormat: "0.0"))
      try s.write(b.slaBreach == true ? l.yes : "", row: r, column: 7, style: Writer.centered)
    }
    try series.finish()
  }

  // MARK: Tickets

  func tickets() throws(XLSXError) {
    let names =
      [
        l.t("Ticket", "Ticket"), l.category, l.t("Opened", "Ouvert le"),
        l.t("Resolved", "Résolu le"),
        l.t("Highest level", "Niveau le plus haut"),
        l.t("Level at resolution", "Niveau à la résolution"),
      ] + (1...4).map { l.t("Hours at level \($0)", "Heures au niveau \($0)") } + [
        l.t("Time to resolution h", "Délai de résolution h"),
        l.t("SLA breaches", "Dépassements SLA"),
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
      try s.write(integer: t.highestLevel.rawValue, row: r, column: 4, style: Writer.centered)
      try s.write(
        integer: t.levelAtResolution?.rawValue, row: r, column: 5, style: Writer.centered)
      for i in 0..<4 {
        let v = i < t.secondsAtLevel.count ? t.secondsAtLevel[i] : nil
        try s.write(hours: hours(v), row: r, column: 6 + i)
      }
      try s.write(hours: hours(t.timeToResolution), row: r, column: 10)
      try s.write(integer: t.slaBreaches, row: r, column: 11)
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
      (sheet) throws(XLSXError) in sheet.setColumnWidth(5, Writer.messageWidth)
    }
    // Every cell aligned to the top, as a long message wraps onto further lines.
    let top = CellStyle(alignTop: true)
    let number = CellStyle(alignTop: true, horizontal: .center)
    let message = CellStyle(wrap: true, alignTop: true)
    for f in findings {
      let (s, r) = try series.nextRow()
      let lines = Writer.lines(f.message, width: Int(Writer.messageWidth))
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
