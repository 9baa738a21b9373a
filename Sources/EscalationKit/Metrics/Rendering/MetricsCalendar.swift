// The business-time parts of `escalation metrics` with `--calendar` (docs/metrics.md#sla,
// docs/calendar.md): the time at level in business hours, the SLA per target clock with
// compliance and tickets, and the open stays at risk. Without a calendar none of this is
// rendered, so every output is what it was.

extension MetricsRenderer {
  // MARK: - Text

  /// The time at level in business hours; empty without a calendar.
  func businessTimeAtLevelText(color: Bool) -> String {
    guard let rows = content.businessTimeAtLevel else { return "" }
    let header = [
      l.category, l.level, l.tickets, l.t("Mean bh", "Moy. ho"), l.t("Median bh", "Méd. ho"),
      l.t("P90 bh", "P90 ho"), l.t("Max bh", "Max ho"),
    ]
    let cells = rows.filter { $0.stats.count > 0 || $0.group == .total }.map { r in
      [groupLabel(r.group), String(r.level.rawValue)] + statsCells(r.stats)
    }
    return heading(
      l.t(
        "Time at level in business hours (calendar \(content.calendarZone ?? ""))",
        "Temps par niveau en heures ouvrées (calendrier \(content.calendarZone ?? ""))"),
      color: color)
      + MetricsRenderer.table(header, cells, leftColumns: 1, color: color)
  }

  /// The target of a row: `8.0 bh` for business time, `24.0 h` for calendar time.
  /// `by category` when categories have targets of their own that differ (total rows).
  func targetCell(_ target: Int64?, _ clock: SLAClock) -> String {
    guard let target else { return l.t("by category", "selon catégorie") }
    return hours(target) + (clock == .business ? l.t(" bh", " ho") : " h")
  }

  /// The SLA with a calendar: per clock, compliance, tickets; then tickets and at-risk stays.
  func slaCalendarText(_ sla: SLASection, color: Bool) -> String {
    let header = [
      l.category, l.level, l.t("Target", "Cible"), l.t("Stays", "Séjours"),
      l.t("Breaches", "Dépassements"), l.t("Compliance", "Conformité"),
      l.t("Tickets breached", "Tickets en dépassement"),
    ]
    let rows = sla.rows.filter { $0.stays > 0 || $0.group == .total }.map { r in
      [
        groupLabel(r.group), String(r.level.rawValue), targetCell(r.target, r.clock),
        String(r.stays), String(r.breaches), percent(r.compliance),
        String(r.ticketsBreached),
      ]
    }
    var out =
      heading(
        l.t(
          "SLA (stays ended in the period or open at as-of): ",
          "Délais (séjours terminés sur la période ou en cours) : ") + sla.targets.description,
        color: color) + MetricsRenderer.table(header, rows, color: color)
    let tickets = (sla.tickets ?? []).filter { $0.tickets > 0 || $0.group == .total }.map { r in
      [
        groupLabel(r.group), String(r.tickets), String(r.everBreached),
        String(r.breachedOnLastStay),
      ]
    }
    out +=
      "\n"
      + MetricsRenderer.table(
        [
          l.category, l.tickets, l.t("Ever breached", "Déjà en dépassement"),
          l.t("Breached on last stay", "En dépassement au dernier séjour"),
        ], tickets, color: color)
    out += "\n" + atRiskText(sla, color: color)
    return out
  }

  func atRiskText(_ sla: SLASection, color: Bool) -> String {
    let window =
      sla.atRiskWindow.map { hours($0) + " h" } ?? l.t("25% of the target", "25 % de la cible")
    let rows = (sla.atRisk ?? []).map { r in
      [
        r.ticket, groupLabel(r.group), String(r.level.rawValue), local(r.stayStart),
        hours(r.calendarSeconds), hours(r.businessSeconds), targetCell(r.target, r.clock),
        targetCell(r.remaining, r.clock), local(r.breachAt),
      ] + (sla.hasPauses ? [hours(r.pausedSeconds), hours(r.pausedBusinessSeconds)] : [])
    }
    // With pauses: the paused hours of each stay, both clocks (docs/metrics.md#pauses).
    let paused =
      sla.hasPauses ? [l.t("Paused h", "En pause h"), l.t("Paused bh", "En pause ho")] : []
    return heading(
      l.t("At risk at as-of (target left ≤ \(window))", "À risque (reste ≤ \(window))"),
      color: color)
      + MetricsRenderer.table(
        [
          l.t("Ticket", "Ticket"), l.category, l.level, l.t("Stay since", "Séjour depuis"), "h",
          l.t("bh", "ho"), l.t("Target", "Cible"), l.t("Left", "Reste"),
          l.t("Breaches at", "Dépassement à"),
        ] + paused, rows, leftColumns: 2, color: color)
  }

  // MARK: - JSON

  /// `businessTimeAtLevel`: as `timeAtLevel`, its durations named `…BusinessSeconds`.
  func businessTimeAtLevelJSON() -> JSON {
    guard let rows = content.businessTimeAtLevel else { return .null }
    var groups: [(RowGroup, [TimeAtLevelRow])] = []
    for r in rows {
      if groups.last?.0 == r.group {
        groups[groups.count - 1].1.append(r)
      } else {
        groups.append((r.group, [r]))
      }
    }
    return .array(
      groups.map { g, levels in
        .object([
          ("category", .string(g.key)),
          (
            "levels",
            .object(
              levels.map { r in
                let s = r.stats
                return (
                  String(r.level.rawValue),
                  .object(
                    [
                      ("tickets", .int(s.count)), ("meanBusinessSeconds", .optional(s.mean)),
                      ("medianBusinessSeconds", .optional(s.median)),
                      ("p90BusinessSeconds", .optional(s.p90)),
                      ("maxBusinessSeconds", s.max.map { .int(Int($0)) } ?? .null),
                    ] + MetricsRenderer.pausedJSON(r.pausedSeconds, "pausedBusinessSeconds"))
                )
              })
          ),
        ])
      })
  }

  /// The SLA members added with a calendar: each row's clock, compliance and tickets; the
  /// tickets per group; the at-risk stays with both clocks in seconds.
  func slaCalendarJSON(_ sla: SLASection) -> [(String, JSON)] {
    [
      ("clocks", MetricsRenderer.levels(sla.targets.clocks) { .string($0.rawValue) }),
      (
        "rows",
        .array(
          sla.rows.map { MetricsRenderer.slaRowJSON($0, clock: true) })
      ),
      (
        "tickets",
        .array(
          (sla.tickets ?? []).map { r in
            .object([
              ("category", .string(r.group.key)), ("tickets", .int(r.tickets)),
              ("everBreached", .int(r.everBreached)),
              ("breachedOnLastStay", .int(r.breachedOnLastStay)),
            ])
          })
      ),
      ("atRiskWindowSeconds", sla.atRiskWindow.map { .int(Int($0)) } ?? .null),
      (
        "atRisk",
        .array(
          (sla.atRisk ?? []).map { r in
            .object(
              [
                ("ticket", .string(r.ticket)), ("category", .string(r.group.key)),
                ("level", .int(r.level.rawValue)), ("stayStart", MetricsRenderer.time(r.stayStart)),
                ("calendarSeconds", .int(Int(r.calendarSeconds))),
                ("businessSeconds", .int(Int(r.businessSeconds))),
                ("targetSeconds", .int(Int(r.target))), ("clock", .string(r.clock.rawValue)),
                ("remainingSeconds", .int(Int(r.remaining))),
                ("breachAt", MetricsRenderer.time(r.breachAt)),
              ]
                + (sla.hasPauses
                  ? [
                    ("pausedSeconds", .int(Int(r.pausedSeconds))),
                    ("pausedBusinessSeconds", .int(Int(r.pausedBusinessSeconds))),
                  ] : []))
          })
      ),
    ]
  }

  // MARK: - CSV

  /// The time-at-level CSV's business columns, row for row; `nil` without a calendar.
  func businessTimeAtLevelCSV() -> (header: [String], cells: [[String]])? {
    guard let rows = content.businessTimeAtLevel else { return nil }
    return (
      ["business_mean_hours", "business_median_hours", "business_p90_hours", "business_max_hours"],
      rows.map { r in
        [r.stats.mean, r.stats.median, r.stats.p90].map(MetricsRenderer.csvHours)
          + [MetricsRenderer.csvHours(r.stats.max)]
      }
    )
  }

  /// The SLA table (`--table sla`): one row per category and level with a target.
  func slaCSV() -> String {
    guard let sla = content.sla else {
      return MetricsRenderer.csvLines(["category"], [])
    }
    // With pauses in the log: the paused hours of the stays checked, both clocks.
    let paused = sla.hasPauses ? ["paused_hours", "paused_business_hours"] : []
    return MetricsRenderer.csvLines(
      [
        "category", "label", "level", "target_hours", "clock", "stays", "breaches", "compliance",
        "tickets_breached",
      ] + paused,
      sla.rows.map { r in
        [
          r.group.key, r.group.label(language), String(r.level.rawValue),
          MetricsRenderer.csvHours(r.target), r.clock.rawValue, String(r.stays),
          String(r.breaches), MetricsRenderer.plain(r.compliance),
          String(r.ticketsBreached),
        ]
          + (sla.hasPauses
            ? [
              MetricsRenderer.csvHours(r.pausedSeconds),
              MetricsRenderer.csvHours(r.pausedBusinessSeconds),
            ] : [])
      })
  }

  /// The at-risk table (`--table at-risk`).
  func atRiskCSV() -> String {
    let paused = content.sla?.hasPauses == true
    return MetricsRenderer.csvLines(
      [
        "ticket", "category", "label", "level", "stay_start", "calendar_hours", "business_hours",
        "target_hours", "clock", "remaining_hours", "breach_at",
      ] + (paused ? ["paused_hours", "paused_business_hours"] : []),
      (content.sla?.atRisk ?? []).map { r in
        [
          r.ticket, r.group.key, r.group.label(language), String(r.level.rawValue),
          localFull(r.stayStart), MetricsRenderer.csvHours(r.calendarSeconds),
          MetricsRenderer.csvHours(r.businessSeconds), MetricsRenderer.csvHours(r.target),
          r.clock.rawValue, MetricsRenderer.csvHours(r.remaining), localFull(r.breachAt),
        ]
          + (paused
            ? [
              MetricsRenderer.csvHours(r.pausedSeconds),
              MetricsRenderer.csvHours(r.pausedBusinessSeconds),
            ] : [])
      })
  }
}

extension MetricsRenderer {
  /// `[(key, seconds)]` when the log has pauses (`seconds` given), else nothing: without
  /// pauses the JSON is as it was (docs/metrics.md#pauses).
  static func pausedJSON(_ seconds: Int64?, _ key: String) -> [(String, JSON)] {
    seconds.map { [(key, .int(Int($0)))] } ?? []
  }
}
