// SLA: docs/metrics.md#sla
//
// With targets per level, the stays that ended in P, or are still open at the as-of (counted
// up to it), per category and level with a target: how many, and how many breach (last
// strictly longer than the target), and how many tickets have at least one breaching stay
// there. A stay that started before P and ends in P counts.

/// The stays checked against the SLA targets, collected ticket by ticket.
struct SLAFigures {
  let targets: SLATargets
  /// Stays checked, per group and level.
  private(set) var stays = PerGroupLevel(0)
  /// Of them, those that breach.
  private(set) var breaches = PerGroupLevel(0)
  /// Tickets with at least one of them.
  private(set) var tickets = PerGroupLevel(0)

  init(targets: SLATargets) { self.targets = targets }

  /// The stays of ticket `t`, in group `g`.
  @inline(__always) mutating func count(
    ticket t: Int, in g: GroupSlot, _ rec: Reconstruction, period: ResolvedPeriod
  ) {
    var breached: UInt8 = 0  // bit l - 1: a breach at level l
    for s in rec.stays(of: t) {
      let end = rec.stayEnd[s]
      let l = Int(rec.stayLevel[s])
      guard targets.seconds[l - 1] != nil else { continue }
      let d: Int64
      if end == Reconstruction.never {
        d = max(period.asOf - rec.stayStart[s], 0)
      } else if end >= period.start && end < period.end {
        d = end - rec.stayStart[s]
      } else {
        continue
      }
      stays.add(1, to: g, level: l)
      if targets.breaches(level: l, duration: d) {
        breaches.add(1, to: g, level: l)
        breached |= 1 << (l - 1)
      }
    }
    guard breached != 0 else { return }
    for l in 1...4 where breached & (1 << (l - 1)) != 0 { tickets.add(1, to: g, level: l) }
  }

  /// Every stay checked, and every breach.
  var totalStays: Int { stays.row(.total).reduce(0, +) }
  var totalBreaches: Int { breaches.row(.total).reduce(0, +) }

  func section(_ slots: [GroupSlot]) -> SLASection {
    var rows: [SLARow] = []
    for g in slots {
      for l in Level.all {
        guard let target = targets.target(l) else { continue }
        rows.append(
          SLARow(
            group: g.rowGroup, level: l, target: target, stays: stays[g, level: l.rawValue],
            breaches: breaches[g, level: l.rawValue],
            ticketsBreached: tickets[g, level: l.rawValue]))
      }
    }
    return SLASection(targets: targets, rows: rows)
  }
}
