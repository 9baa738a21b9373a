// The CSV tables of `escalation metrics` (RFC 4180, CRLF): one table per run.

extension MetricsRenderer {
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
    switch table {
    case .rates: return ratesCSV()
    case .timeAtLevel: return timeAtLevelCSV()
    case .trend: return trendCSV()
    case .backlog: return backlogCSV()
    case .tickets: return ticketsCSV()
    case .sla: return slaCSV()
    case .atRisk: return atRiskCSV()
    case .stays: return staysCSV()
    case .owners: return ownersCSV()
    case .aging: return agingCSV()
    }
  }

  func ratesCSV() -> String {
    MetricsRenderer.csvLines(
      [
        "category", "label", "opened", "reached_2", "reached_3", "reached_4", "rate_2", "rate_3",
        "rate_4",
        "step_1_2", "step_2_3", "step_3_4",
      ],
      content.rates.map { r in
        [
          r.group.key, r.group.label(language), String(r.opened), String(r.reached2),
          String(r.reached3),
          String(r.reached4),
        ] + [r.rate2, r.rate3, r.rate4, r.step12, r.step23, r.step34].map(MetricsRenderer.plain)
      })
  }

  /// With a calendar, the business columns follow; with pauses in the log, the paused hours
  /// (summed over the rows' tickets, calendar then business: docs/metrics.md#pauses).
  func timeAtLevelCSV() -> String {
    let c = content
    let business = businessTimeAtLevelCSV()
    let paused = c.timeAtLevel.contains { $0.pausedSeconds != nil }
    let businessRows = c.businessTimeAtLevel ?? []
    var header = [
      "category", "label", "level", "tickets", "mean_hours", "median_hours", "p90_hours",
      "max_hours",
    ]
    header += business?.header ?? []
    if paused {
      header += ["paused_hours"] + (business != nil ? ["business_paused_hours"] : [])
    }
    return MetricsRenderer.csvLines(
      header,
      c.timeAtLevel.enumerated().map { i, r in
        var row =
          [r.group.key, r.group.label(language), String(r.level.rawValue), String(r.stats.count)]
          + [r.stats.mean, r.stats.median, r.stats.p90].map(MetricsRenderer.csvHours)
          + [MetricsRenderer.csvHours(r.stats.max)] + (business?.cells[i] ?? [])
        if paused {
          row.append(MetricsRenderer.csvHours(r.pausedSeconds ?? 0))
          if business != nil {
            row.append(
              MetricsRenderer.csvHours(
                i < businessRows.count ? businessRows[i].pausedSeconds ?? 0 : 0))
          }
        }
        return row
      })
  }

  func trendCSV() -> String {
    MetricsRenderer.csvLines(
      [
        "month", "opened", "escalated", "share_escalated", "escalation_moves", "resolved",
        "median_ttr_hours", "backlog", "sla_stays", "sla_breaches", "sla_compliance",
      ],
      content.trend.map { r in
        [
          r.month.description, String(r.opened), String(r.escalated),
          MetricsRenderer.plain(r.shareEscalated),
          String(r.escalationMoves), String(r.resolved),
          MetricsRenderer.csvHours(r.medianTimeToResolution), String(r.backlog),
          r.slaStays.map { String($0) } ?? "", r.slaBreaches.map { String($0) } ?? "",
          MetricsRenderer.plain(r.slaCompliance),
        ]
      })
  }

  func backlogCSV() -> String {
    MetricsRenderer.csvLines(
      [
        "ticket", "category", "label", "level", "role", "opened", "hours_at_level", "age_hours",
        "sla_breach", "owner",
      ],
      content.backlog.map { b in
        [
          b.ticket, b.group.key, b.group.label(language), String(b.level.rawValue), b.role,
          localFull(b.opened),
          MetricsRenderer.csvHours(b.timeAtLevel), MetricsRenderer.csvHours(b.age),
          b.slaBreach.map { $0 ? "true" : "false" } ?? "", b.owner,
        ]
      })
  }

  /// With SLA targets, a last column tells whether the last stay is over its target.
  func ticketsCSV() -> String {
    let last = content.sla != nil
    var header: [String] = [
      "ticket", "category", "label", "opened", "resolved", "highest_level",
      "level_at_resolution", "hours_level_1",
      "hours_level_2", "hours_level_3", "hours_level_4", "ttr_hours", "sla_breaches", "owner",
    ]
    if last { header.append("sla_last_stay_breached") }
    let rows = (content.tickets ?? []).map { r -> [String] in
      var cells: [String] = [
        r.ticket, r.group.key, r.group.label(language), localFull(r.opened),
        r.resolved.map(localFull) ?? "",
        String(r.highestLevel.rawValue), r.levelAtResolution.map { String($0.rawValue) } ?? "",
      ]
      cells += r.secondsAtLevel.map(MetricsRenderer.csvHours)
      cells += [MetricsRenderer.csvHours(r.timeToResolution), String(r.slaBreaches), r.owner]
      if last { cells.append(r.slaLastStayBreached.map { $0 ? "true" : "false" } ?? "") }
      return cells
    }
    return MetricsRenderer.csvLines(header, rows)
  }
}
