// The per-ticket table: docs/metrics.md#time-at-level (per ticket), #resolution and #sla
//
// The tickets in scope (opened, escalated or resolved in P, or open at the as-of), by
// opening time: each one's category, times, levels, seconds at each level (open stays up to
// the as-of), time to resolution, number of stays over their SLA target and whether the last
// stay (open, or at resolution) is over it.

/// The tickets in scope, from the moves in P the single pass marked.
struct TicketTable {
  let rec: Reconstruction
  let period: ResolvedPeriod
  let sla: SLAJudge?
  var owners: [String] = []
  /// `--exclude-paused`: seconds at level without paused time.
  var excludePaused = false

  /// The rows; `movedInP[t]` tells whether ticket `t` had an upward move in P.
  func rows(movedInP: [Bool], id: (Int) -> String) -> [MetricsTicketRow] {
    let ps = period.start
    let pe = period.end
    var scope: [Int] = []
    for t in 0..<rec.ticketCount {
      let s = rec.start[t]
      guard s != Reconstruction.never else { continue }
      let r = rec.resolvedAt[t]
      if (s >= ps && s < pe) || movedInP[t] || r == Reconstruction.never || (r >= ps && r < pe) {
        scope.append(t)
      }
    }
    scope.sort { a, b in rec.start[a] != rec.start[b] ? rec.start[a] < rec.start[b] : a < b }
    return scope.map { t in
      let r = rec.resolvedAt[t]
      let resolved = r == Reconstruction.never ? nil : r
      var row = MetricsTicketRow(
        ticket: id(t), group: RowGroup(index: Int(rec.category[t])), opened: rec.start[t],
        resolved: resolved,
        highestLevel: Level(rawValue: Int(rec.highest[t])) ?? Level.all[0],
        levelAtResolution: resolved == nil ? nil : Level(rawValue: Int(rec.level[t])),
        secondsAtLevel: rec.secondsAtLevel(
          of: t, asOf: period.asOf, excludePaused: excludePaused),
        timeToResolution: resolved.map { $0 - rec.start[t] },
        slaBreaches: breaches(of: t), owner: OwnerFigures.name(t, rec, owners))
      row.slaLastStayBreached = lastStayBreached(t)
      return row
    }
  }

  /// Whether ticket `t`'s last stay, an open one up to the as-of, is over its target; `nil`
  /// without targets or without a target for that stay.
  func lastStayBreached(_ t: Int) -> Bool? {
    let range = rec.stays(of: t)
    guard let sla, !range.isEmpty else { return nil }
    let s = range.upperBound - 1
    guard sla.target(stay: s, ticket: t, rec) != nil else { return nil }
    return sla.breaches(stay: s, ticket: t, to: rec.stayEnd(s, asOf: period.asOf), rec)
  }

  /// Stays of ticket `t` over their level's target, open stays up to the as-of.
  func breaches(of t: Int) -> Int {
    guard let sla else { return 0 }
    var n = 0
    for s in rec.stays(of: t) {
      if sla.breaches(stay: s, ticket: t, to: rec.stayEnd(s, asOf: period.asOf), rec) { n += 1 }
    }
    return n
  }
}
