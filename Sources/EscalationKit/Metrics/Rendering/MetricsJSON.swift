// The JSON of `escalation metrics` (schema in the README): stable keys, category keys,
// seconds and fractions, times in UTC and local. One member per figure family
// (docs/metrics.md), in the order of the text report.

extension MetricsRenderer {
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
    var o = headerJSON()
    if let table {
      switch table {
      case .rates: o.append(("rates", ratesJSON()))
      case .timeAtLevel: o.append(("timeAtLevel", timeAtLevelJSON()))
      case .trend: o.append(("trend", trendJSON()))
      case .backlog: o.append(("backlog", backlogJSON()))
      case .tickets: o.append(("tickets", ticketsJSON()))
      case .sla, .atRisk: o.append(("sla", slaJSON()))
      case .stays: o.append(("slaStays", staysJSON()))
      case .owners: o.append(("owners", ownersJSON()))
      case .aging: o.append(("aging", agingJSON()))
      }
      return .object(o)
    }
    let c = content
    o.append(("headline", headlineJSON()))
    o.append(("dashboard", dashboardJSON()))
    o.append(("roles", MetricsRenderer.levels(c.roles) { .string($0) }))
    o.append(("rates", ratesJSON()))
    o.append(("escalations", escalationsJSON()))
    o.append(("flow", flowJSON()))
    o.append(("timeAtLevel", timeAtLevelJSON()))
    if c.businessTimeAtLevel != nil {
      o.append(("businessTimeAtLevel", businessTimeAtLevelJSON()))
    }
    o.append(
      (
        "timeToResolution",
        .array(
          c.timeToResolution.map { r in
            .object([("category", .string(r.group.key))] + MetricsRenderer.statsJSON(r.stats))
          })
      ))
    o.append(("highestLevel", distributionJSON(c.highestLevel)))
    o.append(("levelAtResolution", distributionJSON(c.levelAtResolution)))
    o.append(("backlog", backlogJSON()))
    o.append(("aging", agingJSON()))
    o.append(("owners", ownersJSON()))
    o.append(("sla", slaJSON()))
    o.append(("trend", trendJSON()))
    if c.tickets != nil { o.append(("tickets", ticketsJSON())) }
    o.append(("findings", findingsJSON()))
    return .object(o)
  }

  /// The members every JSON output starts with: the tool, the source, the period and what
  /// became of the records.
  func headerJSON() -> [(String, JSON)] {
    let c = content
    let p = c.period
    return [
      ("tool", .string("escalation")),
      ("version", .string(FindingsReport.toolVersion)),
      ("schemaVersion", .int(FindingsReport.schemaVersion)),
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
  }

  func headlineJSON() -> JSON {
    let h = content.headline
    return .object([
      ("opened", .int(h.opened)), ("shareEscalated", .optional(h.shareEscalated)),
      ("escalationMoves", .int(h.escalationMoves)), ("resolved", .int(h.resolved)),
      ("medianTimeToResolutionSeconds", .optional(h.medianTimeToResolution)),
      ("backlog", .int(h.backlog)),
      ("slaBreaches", .optional(h.slaBreaches)), ("slaStays", .optional(h.slaStays)),
    ])
  }

  /// docs/metrics.md#intake-and-escalation-rates
  func ratesJSON() -> JSON {
    .array(
      content.rates.map { r in
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
  }

  /// docs/metrics.md#escalations-in-the-period
  func escalationsJSON() -> JSON {
    .array(
      content.escalations.map { r in
        .object([
          ("category", .string(r.group.key)),
          ("toLevel", MetricsRenderer.levels(r.toLevel, from: 2) { .int($0) }),
          ("total", .int(r.total)),
        ])
      })
  }

  /// docs/metrics.md#time-at-level: one object per group, its levels inside.
  func timeAtLevelJSON() -> JSON {
    var byGroup: [RowGroup: [TimeAtLevelRow]] = [:]
    var groupOrder: [RowGroup] = []
    for r in content.timeAtLevel {
      if byGroup[r.group] == nil { groupOrder.append(r.group) }
      byGroup[r.group, default: []].append(r)
    }
    return .array(
      groupOrder.map { g in
        .object([
          ("category", .string(g.key)),
          (
            "levels",
            .object(
              byGroup[g]!.map {
                (
                  String($0.level.rawValue),
                  .object(
                    MetricsRenderer.statsJSON($0.stats)
                      + MetricsRenderer.pausedJSON($0.pausedSeconds, "pausedSeconds"))
                )
              })
          ),
        ])
      })
  }

  /// docs/metrics.md#resolution: tickets per level.
  func distributionJSON(_ rows: [LevelDistributionRow]) -> JSON {
    .array(
      rows.map { r in
        .object([
          ("category", .string(r.group.key)),
          ("levels", MetricsRenderer.levels(r.counts) { .int($0) }),
        ])
      })
  }

  /// docs/metrics.md#backlog
  func backlogJSON() -> JSON {
    let backlog = content.backlog
    return .rows(count: backlog.count) { i in
      let b = backlog[i]
      return .object([
        ("ticket", .string(b.ticket)), ("category", .string(b.group.key)),
        ("level", .int(b.level.rawValue)),
        ("role", .string(b.role)), ("owner", .string(b.owner)),
        ("opened", MetricsRenderer.time(b.opened)),
        ("timeAtLevelSeconds", .int(Int(b.timeAtLevel))), ("ageSeconds", .int(Int(b.age))),
        ("slaBreach", b.slaBreach.map { .bool($0) } ?? .null),
      ])
    }
  }

  /// docs/metrics.md#sla; `null` without targets.
  func slaJSON() -> JSON {
    guard let sla = content.sla else { return .null }
    let head: [(String, JSON)] =
      [
        (
          "targets",
          MetricsRenderer.levels(sla.targets.seconds) { s in s.map { .int(Int($0)) } ?? .null }
        )
      ] + Self.categoryTargetsJSON(sla.targets)
    if sla.tickets != nil { return .object(head + slaCalendarJSON(sla)) }
    return .object(head + [("rows", .array(sla.rows.map { Self.slaRowJSON($0, clock: false) }))])
  }

  /// One SLA row; `clock`: with its clock (a calendar is in use). Paused seconds only when the
  /// log has pauses, business ones only with a calendar.
  static func slaRowJSON(_ r: SLARow, clock: Bool) -> JSON {
    .object(
      [
        ("category", .string(r.group.key)), ("level", .int(r.level.rawValue)),
        ("targetSeconds", r.target.map { .int(Int($0)) } ?? .null),
      ] + (clock ? [("clock", .string(r.clock.rawValue))] : []) + [
        ("stays", .int(r.stays)), ("breaches", .int(r.breaches)),
        ("share", .optional(r.share)), ("compliance", .optional(r.compliance)),
        ("ticketsBreached", .int(r.ticketsBreached)),
      ]
        + MetricsRenderer.pausedJSON(r.pausedSeconds, "pausedSeconds")
        + MetricsRenderer.pausedJSON(r.pausedBusinessSeconds, "pausedBusinessSeconds"))
  }

  /// `categoryTargets`, when some category has targets of its own: per category key, the
  /// levels it sets, each with its seconds and clock (docs/metrics.md#sla).
  static func categoryTargetsJSON(_ t: SLATargets) -> [(String, JSON)] {
    guard t.hasCategoryTargets else { return [] }
    let members: [(String, JSON)] = CategoryKey.allCases.compactMap { key in
      let own = Level.all.compactMap { lv -> (String, JSON)? in
        guard let s = t.categorySeconds[key.index][lv.index] else { return nil }
        let clock = t.categoryClocks[key.index][lv.index]
        return (
          String(lv.rawValue),
          .object([("seconds", .int(Int(s))), ("clock", .string(clock.rawValue))])
        )
      }
      return own.isEmpty ? nil : (key.rawValue, .object(own))
    }
    return [("categoryTargets", .object(members))]
  }

  /// docs/metrics.md#trend
  func trendJSON() -> JSON {
    .array(
      content.trend.map { r in
        .object([
          ("month", .string(r.month.description)), ("start", MetricsRenderer.time(r.start)),
          ("end", MetricsRenderer.time(r.end)),
          ("opened", .int(r.opened)), ("escalated", .int(r.escalated)),
          ("shareEscalated", .optional(r.shareEscalated)),
          ("escalationMoves", .int(r.escalationMoves)), ("resolved", .int(r.resolved)),
          ("medianTimeToResolutionSeconds", .optional(r.medianTimeToResolution)),
          ("backlog", .int(r.backlog)), ("slaStays", .optional(r.slaStays)),
          ("slaBreaches", .optional(r.slaBreaches)), ("slaCompliance", .optional(r.slaCompliance)),
        ])
      })
  }

  func findingsJSON() -> JSON {
    .array(
      content.findingCounts.map { f in
        .object([
          ("code", .string(f.code)), ("severity", .string(f.severity.rawValue)),
          ("count", .int(f.count)),
          ("summary", .string(f.summary)),
        ])
      })
  }

  func ticketsJSON() -> JSON {
    let tickets = content.tickets ?? []
    let sla = content.sla != nil
    return .rows(count: tickets.count) { i in
      let r = tickets[i]
      return .object(
        [
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
          ("slaBreaches", .int(r.slaBreaches)), ("owner", .string(r.owner)),
        ]
          + (!sla
            ? [] : [("slaLastStayBreached", r.slaLastStayBreached.map { .bool($0) } ?? .null)]))
    }
  }
}
