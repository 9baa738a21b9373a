// `metrics --table stays`: every stay the SLA checks (docs/metrics.md#sla), as text, JSON and
// CSV. Business columns only with a calendar, paused columns only when the log has pauses.

extension MetricsRenderer {
  var slaStays: [SLAStayRow] { content.sla?.stays ?? [] }
  var staysHaveBusiness: Bool { content.calendarZone != nil }
  var staysHavePauses: Bool { content.sla?.hasPauses == true }

  func staysText(color: Bool) -> String {
    let business = staysHaveBusiness
    let paused = staysHavePauses
    var header = [
      l.ticket, l.category, l.level, l.t("Start", "Début"), l.t("End", "Fin"), "h",
    ]
    if business { header.append(l.t("bh", "ho")) }
    if paused { header.append(l.t("Paused h", "En pause h")) }
    header += [
      l.t("Target", "Cible"), l.t("SLA clock", "Décompte"), l.t("Breached", "Hors délai"),
      l.t("Breaches at", "Dépassement à"), l.t("Left", "Reste"),
    ]
    let rows = slaStays.map { r in
      var cells = [
        r.ticket, groupLabel(r.group), String(r.level.rawValue), local(r.start),
        r.end.map(local) ?? l.t("(open)", "(en cours)"), hours(r.calendarSeconds),
      ]
      if business { cells.append(hours(r.businessSeconds)) }
      if paused { cells.append(hours(r.pausedSeconds)) }
      cells += [
        targetCell(r.target, r.clock), targetCell(r.slaSeconds, r.clock),
        r.breached ? l.yes : "", r.breachAt.map(local) ?? "",
        r.remaining.map { targetCell($0, r.clock) } ?? "",
      ]
      return cells
    }
    return heading(
      l.t(
        "SLA stays (ended in the period or open at as-of)",
        "Séjours soumis aux délais (terminés sur la période ou en cours)"), color: color)
      + MetricsRenderer.table(header, rows, leftColumns: 2, color: color)
  }

  func staysJSON() -> JSON {
    let stays = slaStays
    let paused = staysHavePauses
    return .rows(count: stays.count) { i in
      let r = stays[i]
      var o: [(String, JSON)] = [
        ("ticket", .string(r.ticket)), ("category", .string(r.group.key)),
        ("level", .int(r.level.rawValue)), ("start", MetricsRenderer.time(r.start)),
        ("end", r.end.map(MetricsRenderer.time) ?? .null),
        ("calendarSeconds", .int(Int(r.calendarSeconds))),
      ]
      if let b = r.businessSeconds { o.append(("businessSeconds", .int(Int(b)))) }
      if paused {
        o.append(("pausedSeconds", .int(Int(r.pausedSeconds))))
        if let p = r.pausedBusinessSeconds { o.append(("pausedBusinessSeconds", .int(Int(p)))) }
      }
      o += [
        ("targetSeconds", .int(Int(r.target))), ("clock", .string(r.clock.rawValue)),
        ("slaSeconds", .int(Int(r.slaSeconds))), ("breached", .bool(r.breached)),
        ("breachAt", r.breachAt.map(MetricsRenderer.time) ?? .null),
        ("remainingSeconds", r.remaining.map { .int(Int($0)) } ?? .null),
      ]
      return .object(o)
    }
  }

  func staysCSV() -> String {
    let business = staysHaveBusiness
    let paused = staysHavePauses
    var header = [
      "ticket", "category", "label", "level", "start", "end", "calendar_hours",
    ]
    if business { header.append("business_hours") }
    if paused { header += ["paused_hours"] + (business ? ["paused_business_hours"] : []) }
    header += [
      "target_hours", "clock", "sla_hours", "breached", "breach_at", "remaining_hours",
    ]
    return MetricsRenderer.csvLines(
      header,
      slaStays.map { r in
        var cells = [
          r.ticket, r.group.key, r.group.label(language), String(r.level.rawValue),
          localFull(r.start), r.end.map(localFull) ?? "",
          MetricsRenderer.csvHours(r.calendarSeconds),
        ]
        if business { cells.append(MetricsRenderer.csvHours(r.businessSeconds)) }
        if paused {
          cells.append(MetricsRenderer.csvHours(r.pausedSeconds))
          if business { cells.append(MetricsRenderer.csvHours(r.pausedBusinessSeconds)) }
        }
        cells += [
          MetricsRenderer.csvHours(r.target), r.clock.rawValue,
          MetricsRenderer.csvHours(r.slaSeconds), r.breached ? "true" : "false",
          r.breachAt.map(localFull) ?? "", MetricsRenderer.csvHours(r.remaining),
        ]
        return cells
      })
  }
}
