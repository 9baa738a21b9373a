// SLA stays: docs/metrics.md#sla (`metrics --table stays`)
//
// Every stay the SLA checks (ended in P, or open at the as-of and counted up to it, at a
// level where its ticket has a target), one row each, by start time (ties: ticket, then
// stay): its calendar and business seconds, paused seconds, target and clock, SLA clock,
// whether it breached, the instant it breached or will breach, and an open stay's time left.

extension SLAFigures {
  /// The rows of the stays checked, by start.
  func stayRows(_ rec: Reconstruction, asOf: Int64, id: (Int) -> String) -> [SLAStayRow] {
    let sorted = checkedStays.sorted { a, b in
      let x = rec.stayStart[a.stay]
      let y = rec.stayStart[b.stay]
      return x != y ? x < y : a.ticket != b.ticket ? a.ticket < b.ticket : a.stay < b.stay
    }
    return sorted.map { row(ticket: $0.ticket, stay: $0.stay, rec, asOf: asOf, id: id) }
  }

  func row(ticket t: Int, stay s: Int, _ rec: Reconstruction, asOf: Int64, id: (Int) -> String)
    -> SLAStayRow
  {
    let l = Int(rec.stayLevel[s])
    let c = Int(rec.category[t])
    let start = rec.stayStart[s]
    let open = rec.stayEnd[s] == Reconstruction.never
    let to = rec.stayEnd(s, asOf: asOf)
    let target = judge.target(level: l, category: c) ?? 0
    let sla = judge.elapsed(stay: s, ticket: t, to: to, rec)
    let breached = sla > target
    var breachAt: Int64? = nil
    if breached || open { breachAt = judge.breachInstant(stay: s, ticket: t, rec) }
    return SLAStayRow(
      ticket: id(t), group: RowGroup(index: c), level: Level(rawValue: l) ?? Level.all[0],
      start: start, end: open ? nil : to, calendarSeconds: to - start,
      businessSeconds: judge.index?.businessSeconds(from: start, to: to),
      pausedSeconds: rec.pausedSeconds(ofStay: s, to: to),
      pausedBusinessSeconds: judge.index.map { rec.pausedSeconds(ofStay: s, to: to, index: $0) },
      target: target, clock: judge.targets.clock(level: l, category: c), slaSeconds: sla,
      breached: breached, breachAt: breachAt, remaining: open ? target - sla : nil)
  }
}
