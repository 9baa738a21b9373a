// The terminal text of `escalation metrics`: a heading and an aligned table per figure
// family (docs/metrics.md), labels from ``Labels``.

extension MetricsRenderer {
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
      case .sla: return slaText(color: color)
      case .atRisk: return content.sla.map { atRiskText($0, color: color) } ?? ""
      case .stays: return staysText(color: color)
      case .owners: return ownersText(color: color)
      case .aging: return agingText(color: color)
      }
    }
    var out = headerText(color: color) + "\n" + headlineText(color: color)
    out += "\n" + dashboardText(color: color)
    out += "\n" + ratesText(color: color)
    out += "\n" + escalationsText(color: color)
    out += "\n" + flowText(color: color)
    out += "\n" + timeAtLevelText(color: color)
    if content.businessTimeAtLevel != nil { out += "\n" + businessTimeAtLevelText(color: color) }
    if content.hasPauses { out += "\n" + pausedText(color: color) }
    out += "\n" + resolutionText(color: color)
    out += "\n" + backlogText(limit: backlogPreview, color: color)
    out += "\n" + agingText(color: color)
    out += "\n" + ownersText(color: color)
    if content.sla != nil { out += "\n" + slaText(color: color) }
    if !content.trend.isEmpty { out += "\n" + trendText(color: color) }
    out += "\n" + findingsText(color: color)
    return out
  }

  func periodLine() -> String {
    let p = content.period
    let name: String
    switch p.spec {
    case .all: name = l.t("all events", "tous les événements")
    default: name = p.label
    }
    // Without a period, P ends just after the last event: show that event's time.
    let end = p.kind == "all" ? p.asOf : p.end
    return
      "\(l.period): \(name) (\(local(p.start)) → \(local(end)), \(content.zone)); "
      + "\(l.t("as of", "au")) \(local(p.asOf))"
  }

  func headerText(color: Bool) -> String {
    let title = l.t("Escalation metrics", "Indicateurs de remontée") + " — " + content.source
    var out = (color ? "\u{1B}[1m" + title + "\u{1B}[0m" : title) + "\n"
    out += periodLine() + "\n"
    if content.accounting.read > 0 { out += content.accounting.line + "\n" }
    return out
  }

  func headlineText(color: Bool) -> String {
    let h = content.headline
    var rows: [[String]] = [
      [l.ticketsOpened, String(h.opened)],
      [l.t("Escalated (level ≥ 2)", "Remontés (niveau ≥ 2)"), percent(h.shareEscalated)],
      [l.t("Escalations in period", "Remontées sur la période"), String(h.escalationMoves)],
      [l.resolved, String(h.resolved)],
      [
        l.t("Median time to resolution (h)", "Délai médian de résolution (h)"),
        hours(h.medianTimeToResolution),
      ],
      [l.t("Backlog at as-of", "En cours à la date d'arrêté"), String(h.backlog)],
    ]
    if let b = h.slaBreaches, let s = h.slaStays {
      let share = percent(RateRow.ratio(b, s))
      rows.append([
        l.t("SLA breaches (stays)", "Dépassements de délai (séjours)"),
        "\(b) / \(s)" + (share.isEmpty ? "" : " (\(share))"),
      ])
    }
    var out = heading(l.t("Headline", "Chiffres clés"), color: color)
    for r in rows {
      out += "  " + r[0] + String(repeating: " ", count: max(1, 34 - r[0].count)) + r[1] + "\n"
    }
    return out
  }

  func ratesText(color: Bool) -> String {
    let header = [
      l.category, l.opened, "≥2", "≥3", "=4",
      l.t("Rate ≥2", "Taux ≥2"),
      l.t("Rate ≥3", "Taux ≥3"), l.t("Rate 4", "Taux 4"), "1→2", "2→3", "3→4",
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
      l.t(
        "Escalation rates (tickets opened in the period)",
        "Taux de remontée (tickets ouverts sur la période)"), color: color)
      + MetricsRenderer.table(header, rows, color: color)
  }

  func escalationsText(color: Bool) -> String {
    let header = [l.category, "→ 2", "→ 3", "→ 4", "Total"]
    let rows = content.escalations.map { r in
      [groupLabel(r.group)] + r.toLevel.map { String($0) } + [String(r.total)]
    }
    return heading(
      l.t(
        "Escalations in the period (upward moves by target level)",
        "Remontées sur la période (par niveau atteint)"), color: color)
      + MetricsRenderer.table(header, rows, color: color)
  }

  func statsCells(_ s: DurationStats) -> [String] {
    [String(s.count), hours(s.mean), hours(s.median), hours(s.p90), hours(s.max)]
  }

  func timeAtLevelText(color: Bool) -> String {
    let header = [
      l.category, l.level, l.tickets,
      l.t("Mean h", "Moy. h"),
      l.t("Median h", "Méd. h"), "P90 h", "Max h",
    ]
    // Rows without tickets are left out of the text (they are in JSON and CSV).
    let rows = content.timeAtLevel.filter { $0.stats.count > 0 || $0.group == .total }.map { r in
      [groupLabel(r.group), String(r.level.rawValue)] + statsCells(r.stats)
    }
    return heading(
      l.t(
        "Time at level (tickets resolved in the period, hours)",
        "Temps par niveau (tickets résolus sur la période, heures)"), color: color)
      + MetricsRenderer.table(header, rows, leftColumns: 1, color: color)
  }

  func resolutionText(color: Bool) -> String {
    let header = [
      l.category, l.resolved, l.t("Mean h", "Moy. h"),
      l.t("Median h", "Méd. h"),
      "P90 h", "Max h", l.t("Highest L1", "Max N1"), "L2", "L3", "L4",
      l.t("At res. L1", "À la rés. N1"), "L2", "L3", "L4",
    ]
    var rows: [[String]] = []
    for (i, r) in content.timeToResolution.enumerated() {
      let hi = content.highestLevel[i].counts.map { String($0) }
      let at = content.levelAtResolution[i].counts.map { String($0) }
      rows.append([groupLabel(r.group)] + statsCells(r.stats) + hi + at)
    }
    return heading(
      l.t(
        "Time to resolution and levels (tickets resolved in the period)",
        "Délai de résolution et niveaux (tickets résolus sur la période)"), color: color)
      + MetricsRenderer.table(header, rows, color: color)
  }

  func backlogText(limit: Int?, color: Bool) -> String {
    let hasSLA = content.sla != nil
    var header = [
      l.ticket, l.category, l.level,
      l.t("Owner role", "Rôle responsable"), l.owner,
      l.t("Opened", "Ouvert le"), l.t("At level h", "Au niveau h"), l.t("Age h", "Âge h"),
    ]
    if hasSLA { header.append("SLA") }
    let shown = limit.map { Array(content.backlog.prefix($0)) } ?? content.backlog
    let rows = shown.map { b in
      var r = [
        b.ticket, groupLabel(b.group), String(b.level.rawValue), b.role,
        MetricsRenderer.ownerName(b.owner, l), local(b.opened),
        hours(b.timeAtLevel), hours(b.age),
      ]
      if hasSLA { r.append(b.slaBreach == true ? l.t("breach", "dépassé") : "") }
      return r
    }
    var out = heading(
      l.t(
        "Backlog at as-of (oldest first)", "En cours à la date d'arrêté (les plus anciens d'abord)"),
      color: color)
    if rows.isEmpty { return out + l.t("(no open ticket)", "(aucun ticket ouvert)") + "\n" }
    out += MetricsRenderer.table(header, rows, leftColumns: 6, color: color)
    if content.backlog.count > shown.count {
      out +=
        l.t(
          "… \(content.backlog.count - shown.count) more; see --table backlog",
          "… \(content.backlog.count - shown.count) de plus ; voir --table backlog") + "\n"
    }
    return out
  }

  func slaText(color: Bool) -> String {
    guard let sla = content.sla else { return "" }
    if sla.tickets != nil { return slaCalendarText(sla, color: color) }
    let header = [
      l.category, l.level, l.t("Target h", "Cible h"),
      l.t("Stays", "Séjours"), l.t("Breaches", "Dépassements"), "%",
      l.t("Compliance", "Respect"), l.tickets,
    ]
    let rows = sla.rows.filter { $0.stays > 0 || $0.group == .total }.map { r in
      [
        groupLabel(r.group), String(r.level.rawValue),
        r.target.map { hours($0) } ?? l.t("by category", "selon catégorie"), String(r.stays),
        String(r.breaches), percent(r.share), percent(r.compliance), String(r.ticketsBreached),
      ]
    }
    return heading(
      l.t(
        "SLA (stays ended in the period or open at as-of): ",
        "Délais (séjours terminés sur la période ou en cours) : ") + sla.targets.description,
      color: color)
      + MetricsRenderer.table(header, rows, color: color)
  }

  func trendText(color: Bool) -> String {
    let header =
      [
        l.month, l.opened, l.t("Escalated", "Remontés"), "%",
        l.escalations,
        l.resolved, l.t("Median TTR h", "Délai méd. h"), l.t("Backlog", "En cours"),
      ]
      + (content.sla != nil
        ? [l.t("SLA stays", "Séjours"), l.t("Breached", "Hors délai"), "SLA %"] : [])
    let rows = content.trend.map { r in
      [
        r.month.description, String(r.opened), String(r.escalated), percent(r.shareEscalated),
        String(r.escalationMoves),
        String(r.resolved), hours(r.medianTimeToResolution), String(r.backlog),
      ]
        + (content.sla != nil
          ? [
            r.slaStays.map { String($0) } ?? "", r.slaBreaches.map { String($0) } ?? "",
            percent(r.slaCompliance),
          ] : [])
    }
    return heading(
      l.t("Trend (each month as of its own end)", "Tendance (chaque mois arrêté à sa fin)"),
      color: color)
      + MetricsRenderer.table(header, rows, color: color)
  }

  func ticketsText(color: Bool) -> String {
    let header =
      [
        l.ticket, l.category, l.t("Opened", "Ouvert le"),
        l.t("Resolved", "Résolu le"),
        l.t("Highest", "Max"), l.t("At res.", "À la rés."), "L1 h", "L2 h", "L3 h", "L4 h",
        l.t("TTR h", "Délai h"), "SLA",
      ] + (content.sla == nil ? [] : [l.t("Last over", "Dernier hors délai")])
    let last = content.sla != nil
    let rows = (content.tickets ?? []).map { r -> [String] in
      var cells: [String] = [
        r.ticket, groupLabel(r.group), local(r.opened), r.resolved.map(local) ?? "",
        String(r.highestLevel.rawValue),
        r.levelAtResolution.map { String($0.rawValue) } ?? "",
      ]
      cells += r.secondsAtLevel.map { hours($0) }
      cells += [hours(r.timeToResolution), String(r.slaBreaches)]
      if last { cells.append(r.slaLastStayBreached == true ? l.yes : "") }
      return cells
    }
    return heading(l.t("Tickets in scope", "Tickets de la période"), color: color)
      + MetricsRenderer.table(header, rows, leftColumns: 4, color: color)
  }

  func findingsText(color: Bool) -> String {
    let counts = content.findingCounts
    let total = counts.reduce(0) { $0 + $1.count }
    var out = heading(l.dataQuality, color: color)
    if total == 0 { return out + l.t("no findings", "aucune remarque") + "\n" }
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
    let command = content.importCommand ?? "escalation import \(source)"
    out +=
      l.t(
        "Run `\(command)` for the details (file, line, message).",
        "Lancez `\(command)` pour le détail (fichier, ligne, message).")
      + "\n"
    return out
  }
}
