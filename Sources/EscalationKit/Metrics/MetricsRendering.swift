/// Output formats of `escalation metrics`.
public enum MetricsFormat: String, CaseIterable, Sendable {
  case text
  case json
  case csv
}

/// The tables `--table` can select.
public enum MetricsTable: String, CaseIterable, Sendable {
  case rates
  case timeAtLevel = "time-at-level"
  case trend
  case backlog
  case tickets
}

/// Renders a ``ReportContent`` as terminal text, JSON or CSV. Every number comes from the
/// content; nothing is recomputed here.
public struct MetricsRenderer: Sendable {
  public var content: ReportContent
  public var language: Language
  /// The zone in which times are shown (the report's zone).
  public var zone: ZoneRules
  /// Rows of the backlog shown in the full text report (all with `--table backlog`).
  public var backlogPreview = 20

  public init(content: ReportContent, language: Language, zone: ZoneRules) {
    self.content = content
    self.language = language
    self.zone = zone
  }

  /// Renders in `format`; `table` selects one table (CSV defaults to `rates`).
  public func render(_ format: MetricsFormat, table: MetricsTable?, color: Bool = false) -> String {
    switch format {
    case .text: return text(table: table, color: color)
    case .json: return json(table: table).serialized() + "\n"
    case .csv: return csv(table: table ?? .rates)
    }
  }

  // MARK: - Formatting helpers

  private func tr(_ en: String, _ fr: String) -> String { language == .en ? en : fr }

  /// `x` with `decimals` decimals, half away from zero, no formatter.
  static func fixed(_ x: Double, _ decimals: Int, comma: Bool = false) -> String {
    guard x.isFinite else { return "" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let v = (abs(x) * scale).rounded()
    guard v < 9e17 else { return String(x) }
    let n = Int64(v)
    let p = Int64(scale)
    var s = String(n / p)
    if decimals > 0 {
      let f = String(n % p)
      s += (comma ? "," : ".") + String(repeating: "0", count: decimals - f.count) + f
    }
    return (x < 0 && n != 0 ? "-" : "") + s
  }

  /// Up to 6 decimals, trailing zeros trimmed (CSV numbers).
  static func plain(_ x: Double?) -> String {
    guard let x else { return "" }
    var s = fixed(x, 6)
    if s.contains(".") {
      while s.hasSuffix("0") { s.removeLast() }
      if s.hasSuffix(".") { s.removeLast() }
    }
    return s == "-0" ? "0" : s
  }

  /// Hours with one decimal (text).
  func hours(_ seconds: Double?) -> String {
    guard let seconds else { return "" }
    return MetricsRenderer.fixed(seconds / 3600, 1, comma: language == .fr)
  }

  func hours(_ seconds: Int64?) -> String { hours(seconds.map(Double.init)) }

  /// A percentage with one decimal (text); empty for `nil`.
  func percent(_ r: Double?) -> String {
    guard let r else { return "" }
    let v = MetricsRenderer.fixed(r * 100, 1, comma: language == .fr)
    return language == .en ? v + "%" : v + " %"
  }

  /// A local time `YYYY-MM-DD HH:MM` (`:SS` when not zero).
  func local(_ t: Int64) -> String {
    let l = zone.local(t).description  // YYYY-MM-DDTHH:MM:SS
    let s = l.replacingFirst("T", with: " ")
    return s.hasSuffix(":00") ? String(s.dropLast(3)) : s
  }

  /// A local time `YYYY-MM-DD HH:MM:SS` (CSV).
  func localFull(_ t: Int64) -> String { zone.local(t).description.replacingFirst("T", with: " ") }

  // MARK: - Text

  /// An aligned table: first `leftColumns` columns left-aligned, the others right-aligned.
  static func table(_ header: [String], _ rows: [[String]], leftColumns: Int = 1, color: Bool)
    -> String
  {
    var widths = header.map(\.count)
    for r in rows {
      for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) }
    }
    func line(_ cells: [String]) -> String {
      var out = ""
      for (i, c) in cells.enumerated() {
        let pad = String(repeating: " ", count: max(0, widths[i] - c.count))
        if i > 0 { out += "  " }
        out += i < leftColumns ? c + pad : pad + c
      }
      while out.hasSuffix(" ") { out.removeLast() }
      return out
    }
    var out = ""
    let h = line(header)
    out += (color ? "\u{1B}[1m" + h + "\u{1B}[0m" : h) + "\n"
    for r in rows { out += line(r) + "\n" }
    return out
  }

  func heading(_ s: String, color: Bool) -> String {
    color
      ? "\u{1B}[1;4m" + s + "\u{1B}[0m\n" : s + "\n" + String(repeating: "-", count: s.count) + "\n"
  }

  func groupLabel(_ g: RowGroup) -> String { g.label(language) }

  /// The full report, or one table.
  public func text(table: MetricsTable?, color: Bool) -> String {
    if let table {
      switch table {
      case .rates: return ratesText(color: color)
      case .timeAtLevel: return timeAtLevelText(color: color)
      case .trend: return trendText(color: color)
      case .backlog: return backlogText(limit: nil, color: color)
      case .tickets: return ticketsText(color: color)
      }
    }
    var out = headerText(color: color) + "\n" + headlineText(color: color)
    out += "\n" + ratesText(color: color)
    out += "\n" + escalationsText(color: color)
    out += "\n" + timeAtLevelText(color: color)
    out += "\n" + resolutionText(color: color)
    out += "\n" + backlogText(limit: backlogPreview, color: color)
    if content.sla != nil { out += "\n" + slaText(color: color) }
    if !content.trend.isEmpty { out += "\n" + trendText(color: color) }
    out += "\n" + findingsText(color: color)
    return out
  }

  func periodLine() -> String {
    let p = content.period
    let name: String
    switch p.spec {
    case .all: name = tr("all events", "tous les événements")
    default: name = p.label
    }
    // Without a period, P ends just after the last event: show that event's time.
    let end = p.kind == "all" ? p.asOf : p.end
    return
      "\(tr("Period", "Période")): \(name) (\(local(p.start)) → \(local(end)), \(content.zone)); "
      + "\(tr("as of", "au")) \(local(p.asOf))"
  }

  func headerText(color: Bool) -> String {
    let title = tr("Escalation metrics", "Indicateurs de remontée") + " — " + content.source
    var out = (color ? "\u{1B}[1m" + title + "\u{1B}[0m" : title) + "\n"
    out += periodLine() + "\n"
    if content.accounting.read > 0 { out += content.accounting.line + "\n" }
    return out
  }

  func headlineText(color: Bool) -> String {
    let h = content.headline
    var rows: [[String]] = [
      [tr("Tickets opened", "Tickets ouverts"), String(h.opened)],
      [tr("Escalated (level ≥ 2)", "Remontés (niveau ≥ 2)"), percent(h.shareEscalated)],
      [tr("Escalations in period", "Remontées sur la période"), String(h.escalationMoves)],
      [tr("Resolved", "Résolus"), String(h.resolved)],
      [
        tr("Median time to resolution (h)", "Délai médian de résolution (h)"),
        hours(h.medianTimeToResolution),
      ],
      [tr("Backlog at as-of", "En cours à la date d'arrêté"), String(h.backlog)],
    ]
    if let b = h.slaBreaches, let s = h.slaStays {
      let share = percent(RateRow.ratio(b, s))
      rows.append([
        tr("SLA breaches (stays)", "Dépassements de délai (séjours)"),
        "\(b) / \(s)" + (share.isEmpty ? "" : " (\(share))"),
      ])
    }
    var out = heading(tr("Headline", "Chiffres clés"), color: color)
    for r in rows {
      out += "  " + r[0] + String(repeating: " ", count: max(1, 34 - r[0].count)) + r[1] + "\n"
    }
    return out
  }

  func ratesText(color: Bool) -> String {
    let header = [
      tr("Category", "Catégorie"), tr("Opened", "Ouverts"), "≥2", "≥3", "=4",
      tr("Rate ≥2", "Taux ≥2"),
      tr("Rate ≥3", "Taux ≥3"), tr("Rate 4", "Taux 4"), "1→2", "2→3", "3→4",
    ]
    let rows = content.rates.map { r in
      [
        groupLabel(r.group), String(r.opened), String(r.reached2), String(r.reached3),
        String(r.reached4),
        percent(r.rate2), percent(r.rate3), percent(r.rate4), percent(r.step12), percent(r.step23),
        percent(r.step34),
      ]
    }
    return heading(
      tr(
        "Escalation rates (tickets opened in the period)",
        "Taux de remontée (tickets ouverts sur la période)"), color: color)
      + MetricsRenderer.table(header, rows, color: color)
  }

  func escalationsText(color: Bool) -> String {
    let header = [tr("Category", "Catégorie"), "→ 2", "→ 3", "→ 4", "Total"]
    let rows = content.escalations.map { r in
      [groupLabel(r.group)] + r.toLevel.map { String($0) } + [String(r.total)]
    }
    return heading(
      tr(
        "Escalations in the period (upward moves by target level)",
        "Remontées sur la période (par niveau atteint)"), color: color)
      + MetricsRenderer.table(header, rows, color: color)
  }

  func statsCells(_ s: DurationStats) -> [String] {
    [String(s.count), hours(s.mean), hours(s.median), hours(s.p90), hours(s.max)]
  }

  func timeAtLevelText(color: Bool) -> String {
    let header = [
      tr("Category", "Catégorie"), tr("Level", "Niveau"), tr("Tickets", "Tickets"),
      tr("Mean h", "Moy. h"),
      tr("Median h", "Méd. h"), "P90 h", "Max h",
    ]
    // Rows without tickets are left out of the text (they are in JSON and CSV).
    let rows = content.timeAtLevel.filter { $0.stats.count > 0 || $0.group == .total }.map { r in
      [groupLabel(r.group), String(r.level.rawValue)] + statsCells(r.stats)
    }
    return heading(
      tr(
        "Time at level (tickets resolved in the period, hours)",
        "Temps par niveau (tickets résolus sur la période, heures)"), color: color)
      + MetricsRenderer.table(header, rows, leftColumns: 1, color: color)
  }

  func resolutionText(color: Bool) -> String {
    let header = [
      tr("Category", "Catégorie"), tr("Resolved", "Résolus"), tr("Mean h", "Moy. h"),
      tr("Median h", "Méd. h"),
      "P90 h", "Max h", tr("Highest L1", "Max N1"), "L2", "L3", "L4",
      tr("At res. L1", "À la rés. N1"), "L2", "L3", "L4",
    ]
    var rows: [[String]] = []
    for (i, r) in content.timeToResolution.enumerated() {
      let hi = content.highestLevel[i].counts.map { String($0) }
      let at = content.levelAtResolution[i].counts.map { String($0) }
      rows.append([groupLabel(r.group)] + statsCells(r.stats) + hi + at)
    }
    return heading(
      tr(
        "Time to resolution and levels (tickets resolved in the period)",
        "Délai de résolution et niveaux (tickets résolus sur la période)"), color: color)
      + MetricsRenderer.table(header, rows, color: color)
  }

  func backlogText(limit: Int?, color: Bool) -> String {
    let hasSLA = content.sla != nil
    var header = [
      tr("Ticket", "Ticket"), tr("Category", "Catégorie"), tr("Level", "Niveau"),
      tr("Owner role", "Rôle responsable"),
      tr("Opened", "Ouvert le"), tr("At level h", "Au niveau h"), tr("Age h", "Âge h"),
    ]
    if hasSLA { header.append("SLA") }
    let shown = limit.map { Array(content.backlog.prefix($0)) } ?? content.backlog
    let rows = shown.map { b in
      var r = [
        b.ticket, groupLabel(b.group), String(b.level.rawValue), b.role, local(b.opened),
        hours(b.timeAtLevel), hours(b.age),
      ]
      if hasSLA { r.append(b.slaBreach == true ? tr("breach", "dépassé") : "") }
      return r
    }
    var out = heading(
      tr(
        "Backlog at as-of (oldest first)", "En cours à la date d'arrêté (les plus anciens d'abord)"),
      color: color)
    if rows.isEmpty { return out + tr("(no open ticket)", "(aucun ticket ouvert)") + "\n" }
    out += MetricsRenderer.table(header, rows, leftColumns: 5, color: color)
    if content.backlog.count > shown.count {
      out +=
        tr(
          "… \(content.backlog.count - shown.count) more; see --table backlog",
          "… \(content.backlog.count - shown.count) de plus ; voir --table backlog") + "\n"
    }
    return out
  }

  func slaText(color: Bool) -> String {
    guard let sla = content.sla else { return "" }
    let header = [
      tr("Category", "Catégorie"), tr("Level", "Niveau"), tr("Target h", "Cible h"),
      tr("Stays", "Séjours"), tr("Breaches", "Dépassements"), "%",
    ]
    let rows = sla.rows.filter { $0.stays > 0 || $0.group == .total }.map { r in
      [
        groupLabel(r.group), String(r.level.rawValue), hours(r.target), String(r.stays),
        String(r.breaches), percent(r.share),
      ]
    }
    return heading(
      tr(
        "SLA (stays ended in the period or open at as-of): ",
        "Délais (séjours terminés sur la période ou en cours) : ") + sla.targets.description,
      color: color)
      + MetricsRenderer.table(header, rows, color: color)
  }

  func trendText(color: Bool) -> String {
    let header = [
      tr("Month", "Mois"), tr("Opened", "Ouverts"), tr("Escalated", "Remontés"), "%",
      tr("Escalations", "Remontées"),
      tr("Resolved", "Résolus"), tr("Median TTR h", "Délai méd. h"),
    ]
    let rows = content.trend.map { r in
      [
        r.month.description, String(r.opened), String(r.escalated), percent(r.shareEscalated),
        String(r.escalationMoves),
        String(r.resolved), hours(r.medianTimeToResolution),
      ]
    }
    return heading(
      tr("Trend (each month as of its own end)", "Tendance (chaque mois arrêté à sa fin)"),
      color: color)
      + MetricsRenderer.table(header, rows, color: color)
  }

  func ticketsText(color: Bool) -> String {
    let header = [
      tr("Ticket", "Ticket"), tr("Category", "Catégorie"), tr("Opened", "Ouvert le"),
      tr("Resolved", "Résolu le"),
      tr("Highest", "Max"), tr("At res.", "À la rés."), "L1 h", "L2 h", "L3 h", "L4 h",
      tr("TTR h", "Délai h"), "SLA",
    ]
    let rows = (content.tickets ?? []).map { r in
      [
        r.ticket, groupLabel(r.group), local(r.opened), r.resolved.map(local) ?? "",
        String(r.highestLevel.rawValue),
        r.levelAtResolution.map { String($0.rawValue) } ?? "",
      ] + r.secondsAtLevel.map { hours($0) } + [hours(r.timeToResolution), String(r.slaBreaches)]
    }
    return heading(tr("Tickets in scope", "Tickets de la période"), color: color)
      + MetricsRenderer.table(header, rows, leftColumns: 4, color: color)
  }

  func findingsText(color: Bool) -> String {
    let counts = content.findingCounts
    let total = counts.reduce(0) { $0 + $1.count }
    var out = heading(tr("Data quality", "Qualité des données"), color: color)
    if total == 0 { return out + tr("no findings", "aucune remarque") + "\n" }
    for c in counts {
      var tag = "\(c.severity.rawValue)[\(c.code)]"
      if color {
        let code = c.severity == .error ? "1;31" : (c.severity == .warning ? "1;33" : "1;36")
        tag = "\u{1B}[\(code)m\(tag)\u{1B}[0m"
      }
      out += "  \(tag) ×\(c.count): \(c.summary)\n"
    }
    // A log read from standard input is named `<stdin>`: the command to suggest reads `-`.
    let source = content.source == "<stdin>" ? "- < LOG" : content.source
    out +=
      tr(
        "Run `escalation import \(source)` for the details (file, line, message).",
        "Lancez `escalation import \(source)` pour le détail (fichier, ligne, message).")
      + "\n"
    return out
  }

  // MARK: - JSON

  static func levels<T>(_ values: [T], from first: Int = 1, _ f: (T) -> JSON) -> JSON {
    .object(values.enumerated().map { (String($0.offset + first), f($0.element)) })
  }

  static func statsJSON(_ s: DurationStats) -> [(String, JSON)] {
    [
      ("tickets", .int(s.count)), ("meanSeconds", .optional(s.mean)),
      ("medianSeconds", .optional(s.median)),
      ("p90Seconds", .optional(s.p90)), ("maxSeconds", s.max.map { .int(Int($0)) } ?? .null),
    ]
  }

  static func time(_ t: Int64) -> JSON { .string(CivilDate.iso8601UTC(t)) }

  /// The report as JSON (schema in the README); `table` keeps only that table.
  public func json(table: MetricsTable? = nil) -> JSON {
    let c = content
    let p = c.period
    var o: [(String, JSON)] = [
      ("tool", .string("escalation")),
      ("version", .string(FindingsReport.toolVersion)),
      ("command", .string("metrics")),
      ("source", .string(c.source)),
      ("zone", .string(c.zone)),
      (
        "period",
        .object([
          ("kind", .string(p.kind)), ("label", .string(p.label)),
          ("start", MetricsRenderer.time(p.start)),
          ("end", MetricsRenderer.time(p.end)), ("asOf", MetricsRenderer.time(p.asOf)),
          ("startLocal", .string(zone.local(p.start).description)),
          ("endLocal", .string(zone.local(p.end).description)),
          ("asOfLocal", .string(zone.local(p.asOf).description)),
        ])
      ),
      (
        "accounting",
        .object([
          ("read", .int(c.accounting.read)), ("used", .int(c.accounting.used)),
          ("rejected", .int(c.accounting.rejected)),
          ("duplicates", .int(c.accounting.duplicates)),
        ])
      ),
    ]
    let rates = JSON.array(
      c.rates.map { r in
        .object([
          ("category", .string(r.group.key)), ("opened", .int(r.opened)),
          (
            "reached",
            .object([("2", .int(r.reached2)), ("3", .int(r.reached3)), ("4", .int(r.reached4))])
          ),
          (
            "rate",
            .object([
              ("2", .optional(r.rate2)), ("3", .optional(r.rate3)), ("4", .optional(r.rate4)),
            ])
          ),
          (
            "stepRate",
            .object([
              ("1-2", .optional(r.step12)), ("2-3", .optional(r.step23)),
              ("3-4", .optional(r.step34)),
            ])
          ),
        ])
      })
    var byGroup: [RowGroup: [TimeAtLevelRow]] = [:]
    var groupOrder: [RowGroup] = []
    for r in c.timeAtLevel {
      if byGroup[r.group] == nil { groupOrder.append(r.group) }
      byGroup[r.group, default: []].append(r)
    }
    let timeAtLevel = JSON.array(
      groupOrder.map { g in
        .object([
          ("category", .string(g.key)),
          (
            "levels",
            .object(
              byGroup[g]!.map {
                (String($0.level.rawValue), .object(MetricsRenderer.statsJSON($0.stats)))
              })
          ),
        ])
      })
    let trend = JSON.array(
      c.trend.map { r in
        .object([
          ("month", .string(r.month.description)), ("start", MetricsRenderer.time(r.start)),
          ("end", MetricsRenderer.time(r.end)),
          ("opened", .int(r.opened)), ("escalated", .int(r.escalated)),
          ("shareEscalated", .optional(r.shareEscalated)),
          ("escalationMoves", .int(r.escalationMoves)), ("resolved", .int(r.resolved)),
          ("medianTimeToResolutionSeconds", .optional(r.medianTimeToResolution)),
        ])
      })
    let backlog = JSON.array(
      c.backlog.map { b in
        .object([
          ("ticket", .string(b.ticket)), ("category", .string(b.group.key)),
          ("level", .int(b.level.rawValue)),
          ("role", .string(b.role)), ("opened", MetricsRenderer.time(b.opened)),
          ("timeAtLevelSeconds", .int(Int(b.timeAtLevel))), ("ageSeconds", .int(Int(b.age))),
          ("slaBreach", b.slaBreach.map { .bool($0) } ?? .null),
        ])
      })
    if let table {
      switch table {
      case .rates: o.append(("rates", rates))
      case .timeAtLevel: o.append(("timeAtLevel", timeAtLevel))
      case .trend: o.append(("trend", trend))
      case .backlog: o.append(("backlog", backlog))
      case .tickets: o.append(("tickets", ticketsJSON()))
      }
      return .object(o)
    }
    let h = c.headline
    o.append(
      (
        "headline",
        .object([
          ("opened", .int(h.opened)), ("shareEscalated", .optional(h.shareEscalated)),
          ("escalationMoves", .int(h.escalationMoves)), ("resolved", .int(h.resolved)),
          ("medianTimeToResolutionSeconds", .optional(h.medianTimeToResolution)),
          ("backlog", .int(h.backlog)),
          ("slaBreaches", .optional(h.slaBreaches)), ("slaStays", .optional(h.slaStays)),
        ])
      ))
    o.append(("roles", MetricsRenderer.levels(c.roles) { .string($0) }))
    o.append(("rates", rates))
    o.append(
      (
        "escalations",
        .array(
          c.escalations.map { r in
            .object([
              ("category", .string(r.group.key)),
              ("toLevel", MetricsRenderer.levels(r.toLevel, from: 2) { .int($0) }),
              ("total", .int(r.total)),
            ])
          })
      ))
    o.append(("timeAtLevel", timeAtLevel))
    o.append(
      (
        "timeToResolution",
        .array(
          c.timeToResolution.map { r in
            .object([("category", .string(r.group.key))] + MetricsRenderer.statsJSON(r.stats))
          })
      ))
    func dist(_ rows: [LevelDistributionRow]) -> JSON {
      .array(
        rows.map { r in
          .object([
            ("category", .string(r.group.key)),
            ("levels", MetricsRenderer.levels(r.counts) { .int($0) }),
          ])
        })
    }
    o.append(("highestLevel", dist(c.highestLevel)))
    o.append(("levelAtResolution", dist(c.levelAtResolution)))
    o.append(("backlog", backlog))
    if let sla = c.sla {
      o.append(
        (
          "sla",
          .object([
            (
              "targets",
              MetricsRenderer.levels(sla.targets.seconds) { s in s.map { .int(Int($0)) } ?? .null }
            ),
            (
              "rows",
              .array(
                sla.rows.map { r in
                  .object([
                    ("category", .string(r.group.key)), ("level", .int(r.level.rawValue)),
                    ("targetSeconds", .int(Int(r.target))), ("stays", .int(r.stays)),
                    ("breaches", .int(r.breaches)),
                    ("share", .optional(r.share)),
                  ])
                })
            ),
          ])
        ))
    } else {
      o.append(("sla", .null))
    }
    o.append(("trend", trend))
    if c.tickets != nil { o.append(("tickets", ticketsJSON())) }
    o.append(
      (
        "findings",
        .array(
          c.findingCounts.map { f in
            .object([
              ("code", .string(f.code)), ("severity", .string(f.severity.rawValue)),
              ("count", .int(f.count)),
              ("summary", .string(f.summary)),
            ])
          })
      ))
    return .object(o)
  }

  func ticketsJSON() -> JSON {
    .array(
      (content.tickets ?? []).map { r in
        .object([
          ("ticket", .string(r.ticket)), ("category", .string(r.group.key)),
          ("opened", MetricsRenderer.time(r.opened)),
          ("resolved", r.resolved.map(MetricsRenderer.time) ?? .null),
          ("highestLevel", .int(r.highestLevel.rawValue)),
          ("levelAtResolution", .optional(r.levelAtResolution?.rawValue)),
          (
            "secondsAtLevel",
            MetricsRenderer.levels(r.secondsAtLevel) { s in s.map { .int(Int($0)) } ?? .null }
          ),
          ("timeToResolutionSeconds", r.timeToResolution.map { .int(Int($0)) } ?? .null),
          ("slaBreaches", .int(r.slaBreaches)),
        ])
      })
  }

  // MARK: - CSV

  static func csvField(_ s: String) -> String {
    CSVField.string(s, delimiter: 0x2C, quoteEdgeWhitespace: false)
  }

  static func csvLines(_ header: [String], _ rows: [[String]]) -> String {
    var out = header.joined(separator: ",") + "\r\n"
    for r in rows { out += r.map(csvField).joined(separator: ",") + "\r\n" }
    return out
  }

  static func csvHours(_ s: Double?) -> String { plain(s.map { $0 / 3600 }) }
  static func csvHours(_ s: Int64?) -> String { plain(s.map { Double($0) / 3600 }) }

  /// One table as CSV (RFC 4180, CRLF): stable snake_case headers, category keys with a
  /// label column, rates as fractions, durations in hours, times local to the report's zone.
  public func csv(table: MetricsTable) -> String {
    let c = content
    switch table {
    case .rates:
      return MetricsRenderer.csvLines(
        [
          "category", "label", "opened", "reached_2", "reached_3", "reached_4", "rate_2", "rate_3",
          "rate_4",
          "step_1_2", "step_2_3", "step_3_4",
        ],
        c.rates.map { r in
          [
            r.group.key, r.group.label(language), String(r.opened), String(r.reached2),
            String(r.reached3),
            String(r.reached4),
          ] + [r.rate2, r.rate3, r.rate4, r.step12, r.step23, r.step34].map(MetricsRenderer.plain)
        })
    case .timeAtLevel:
      return MetricsRenderer.csvLines(
        [
          "category", "label", "level", "tickets", "mean_hours", "median_hours", "p90_hours",
          "max_hours",
        ],
        c.timeAtLevel.map { r in
          [r.group.key, r.group.label(language), String(r.level.rawValue), String(r.stats.count)]
            + [r.stats.mean, r.stats.median, r.stats.p90].map(MetricsRenderer.csvHours)
            + [MetricsRenderer.csvHours(r.stats.max)]
        })
    case .trend:
      return MetricsRenderer.csvLines(
        [
          "month", "opened", "escalated", "share_escalated", "escalation_moves", "resolved",
          "median_ttr_hours",
        ],
        c.trend.map { r in
          [
            r.month.description, String(r.opened), String(r.escalated),
            MetricsRenderer.plain(r.shareEscalated),
            String(r.escalationMoves), String(r.resolved),
            MetricsRenderer.csvHours(r.medianTimeToResolution),
          ]
        })
    case .backlog:
      return MetricsRenderer.csvLines(
        [
          "ticket", "category", "label", "level", "role", "opened", "hours_at_level", "age_hours",
          "sla_breach",
        ],
        c.backlog.map { b in
          [
            b.ticket, b.group.key, b.group.label(language), String(b.level.rawValue), b.role,
            localFull(b.opened),
            MetricsRenderer.csvHours(b.timeAtLevel), MetricsRenderer.csvHours(b.age),
            b.slaBreach.map { $0 ? "true" : "false" } ?? "",
          ]
        })
    case .tickets:
      return MetricsRenderer.csvLines(
        [
          "ticket", "category", "label", "opened", "resolved", "highest_level",
          "level_at_resolution", "hours_level_1",
          "hours_level_2", "hours_level_3", "hours_level_4", "ttr_hours", "sla_breaches",
        ],
        (c.tickets ?? []).map { r in
          [
            r.ticket, r.group.key, r.group.label(language), localFull(r.opened),
            r.resolved.map(localFull) ?? "",
            String(r.highestLevel.rawValue), r.levelAtResolution.map { String($0.rawValue) } ?? "",
          ] + r.secondsAtLevel.map(MetricsRenderer.csvHours) + [
            MetricsRenderer.csvHours(r.timeToResolution), String(r.slaBreaches),
          ]
        })
    }
  }
}

extension String {
  /// The string with the first `target` replaced by `replacement` (no Foundation).
  func replacingFirst(_ target: Character, with replacement: String) -> String {
    guard let i = firstIndex(of: target) else { return self }
    return String(self[..<i]) + replacement + String(self[index(after: i)...])
  }
}
