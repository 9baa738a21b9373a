// The paused time of `escalation metrics` (docs/metrics.md#pauses): per category and level,
// the paused hours of the stays counted in the time at level, in calendar hours and (with a
// calendar) business hours. Rendered only when the log has pauses, so that a log without
// any renders exactly as before.

extension ReportContent {
  /// Whether the log has pause events in the stays reconstructed.
  public var hasPauses: Bool { timeAtLevel.first?.pausedSeconds != nil }
}

extension MetricsRenderer {
  /// The paused hours per category and level of the resolved tickets' stays.
  func pausedText(color: Bool) -> String {
    let business = content.businessTimeAtLevel
    var header = [l.category, l.level, l.tickets, l.t("Paused h", "En pause h")]
    if business != nil { header.append(l.t("Paused bh", "En pause ho")) }
    var cells: [[String]] = []
    for (i, r) in content.timeAtLevel.enumerated() where r.stats.count > 0 || r.group == .total {
      var row = [
        groupLabel(r.group), String(r.level.rawValue), String(r.stats.count),
        hours(r.pausedSeconds),
      ]
      if let business, i < business.count { row.append(hours(business[i].pausedSeconds)) }
      cells.append(row)
    }
    return heading(
      l.t(
        "Paused time at level (tickets resolved in the period)",
        "Temps en pause par niveau (tickets résolus sur la période)"),
      color: color)
      + MetricsRenderer.table(header, cells, leftColumns: 1, color: color)
  }
}
