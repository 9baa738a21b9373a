// SLA: docs/metrics.md#sla
//
// With targets per level, the stays that ended in P, or are still open at the as-of (counted
// up to it), per category and level with a target: how many, and how many breach (last
// strictly longer than the target, in the target's clock), and how many tickets have at least
// one breaching stay there. A stay that started before P and ends in P counts. With a
// calendar, also: per group the tickets ever breached and breached on their last stay, and the
// open stays at risk. With pauses (docs/metrics.md#pauses), a stay's SLA clock leaves out its
// paused time (in the target's clock), the paused seconds are summed per group and level,
// and a stay paused at the as-of is never at risk.

/// The stays checked against the SLA targets, collected ticket by ticket.
struct SLAFigures {
  let judge: SLAJudge
  /// The at-risk window (seconds, in each target's clock); `nil`: a quarter of the target.
  let atRiskWindow: Int64?
  /// Stays checked, per group and level.
  private(set) var stays = PerGroupLevel(0)
  /// Of them, those that breach.
  private(set) var breaches = PerGroupLevel(0)
  /// Tickets with a breached stay, per group and level.
  private(set) var ticketsBreached = PerGroupLevel(0)
  /// With a calendar: tickets with a stay checked; of them ever breached; breached on the last.
  private(set) var ticketsChecked = PerGroup(0)
  private(set) var ticketsEver = PerGroup(0)
  private(set) var ticketsLast = PerGroup(0)
  /// With a calendar: the open stays at risk (ticket, stay, breach instant, remaining).
  private(set) var atRisk: [(ticket: Int, stay: Int, breachAt: Int64, remaining: Int64)] = []
  /// With pauses: the paused seconds of the stays checked, calendar and (with a calendar)
  /// business, per group and level.
  private(set) var paused = PerGroupLevel(0)
  private(set) var businessPaused = PerGroupLevel(0)
  /// With `collectStays` (`--table stays`): every stay checked, as (ticket, stay).
  var collectStays = false
  private(set) var checkedStays: [(ticket: Int, stay: Int)] = []

  var detailed: Bool { judge.index != nil }

  init(judge: SLAJudge, atRiskWindow: Int64? = nil) {
    self.judge = judge
    self.atRiskWindow = atRiskWindow
  }

  /// The stays of ticket `t`, in group `g`; whether one of them breaches.
  @inline(__always) mutating func count(
    ticket t: Int, in g: GroupSlot, _ rec: Reconstruction, period: ResolvedPeriod
  ) -> Bool {
    let range = rec.stays(of: t)
    var levelsBreached: UInt8 = 0
    var checked = false
    var lastBreached = false
    for s in range {
      let end = rec.stayEnd[s]
      let l = Int(rec.stayLevel[s])
      // The stays the owners count (``OwnerFigures/countedEnd(_:_:_:)``) that have a target:
      // the owners' "breached" is this judgement.
      guard let target = judge.target(stay: s, ticket: t, rec),
        let to = OwnerFigures.countedEnd(s, rec, period)
      else { continue }
      stays.add(1, to: g, level: l)
      if collectStays { checkedStays.append((t, s)) }
      checked = true
      let elapsed = judge.elapsed(stay: s, ticket: t, to: to, rec)
      if rec.hasPauses { countPaused(stay: s, level: l, to: to, in: g, rec) }
      let breached = elapsed > target
      if breached {
        breaches.add(1, to: g, level: l)
        levelsBreached |= 1 << (l - 1)
      }
      if s == range.upperBound - 1 { lastBreached = breached }
      if detailed && !breached && end == Reconstruction.never {
        checkAtRisk(
          ticket: t, stay: s, target: target, remaining: target - elapsed, rec)
      }
    }
    for l in 1...4 where levelsBreached & (1 << (l - 1)) != 0 {
      ticketsBreached.add(1, to: g, level: l)
    }
    guard detailed && checked else { return levelsBreached != 0 }
    ticketsChecked.add(1, to: g)
    if levelsBreached != 0 { ticketsEver.add(1, to: g) }
    if lastBreached { ticketsLast.add(1, to: g) }
    return levelsBreached != 0
  }

  /// An open stay with `remaining` seconds of its target left at the as-of: at risk when that
  /// is within the window, unless it is paused at the as-of (it cannot breach while paused).
  mutating func checkAtRisk(
    ticket t: Int, stay s: Int, target: Int64, remaining: Int64, _ rec: Reconstruction
  ) {
    guard remaining <= (atRiskWindow ?? target / 4) else { return }
    // The instant the stay's clock runs out, unpaused spans walked; `nil` when a pause still
    // running at the as-of comes first (a paused stay cannot breach).
    if let at = judge.breachInstant(stay: s, ticket: t, rec) {
      atRisk.append((t, s, at, remaining))
    }
  }

  /// Adds the paused seconds of stay `s` (up to `to`) to group `g`, level `l`.
  mutating func countPaused(
    stay s: Int, level l: Int, to: Int64, in g: GroupSlot, _ rec: Reconstruction
  ) {
    paused.add(Int(rec.pausedSeconds(ofStay: s, to: to)), to: g, level: l)
    if let index = judge.index {
      businessPaused.add(Int(rec.pausedSeconds(ofStay: s, to: to, index: index)), to: g, level: l)
    }
  }

  /// Every stay checked, and every breach.
  var totalStays: Int { stays.row(.total).reduce(0, +) }
  var totalBreaches: Int { breaches.row(.total).reduce(0, +) }

  func section(
    _ slots: [GroupSlot], _ rec: Reconstruction, asOf: Int64, id: (Int) -> String
  ) -> SLASection {
    let targets = judge.targets
    var rows: [SLARow] = []
    for g in slots {
      for l in Level.all where targets.hasTarget(l) {
        // A category without a target at this level has no row there; the total's target
        // is `nil` when categories have different ones.
        let target = targets.target(l, for: g.rowGroup)
        if target == nil && g != .total { continue }
        rows.append(
          SLARow(
            group: g.rowGroup, level: l, target: target?.seconds,
            stays: stays[g, level: l.rawValue], breaches: breaches[g, level: l.rawValue],
            clock: target?.clock ?? targets.clock(l),
            ticketsBreached: ticketsBreached[g, level: l.rawValue]))
        if rec.hasPauses {
          rows[rows.count - 1].pausedSeconds = Int64(paused[g, level: l.rawValue])
          if detailed {
            rows[rows.count - 1].pausedBusinessSeconds = Int64(businessPaused[g, level: l.rawValue])
          }
        }
      }
    }
    var section = SLASection(targets: targets, rows: rows)
    section.hasPauses = rec.hasPauses
    if collectStays { section.stays = stayRows(rec, asOf: asOf, id: id) }
    guard detailed else { return section }
    section.tickets = slots.map { g in
      SLATicketRow(
        group: g.rowGroup, tickets: ticketsChecked[g], everBreached: ticketsEver[g],
        breachedOnLastStay: ticketsLast[g])
    }
    section.atRiskWindow = atRiskWindow
    let sorted = atRisk.sorted { a, b in
      a.breachAt != b.breachAt ? a.breachAt < b.breachAt : a.ticket < b.ticket
    }
    section.atRisk = sorted.map { r in
      let l = Int(rec.stayLevel[r.stay])
      let c = Int(rec.category[r.ticket])
      let start = rec.stayStart[r.stay]
      let to = max(asOf, start)
      return SLAAtRiskRow(
        ticket: id(r.ticket), group: RowGroup(index: Int(rec.category[r.ticket])),
        level: Level(rawValue: l) ?? Level.all[0], stayStart: start,
        calendarSeconds: max(asOf - start, 0),
        businessSeconds: judge.index?.businessSeconds(from: start, to: asOf) ?? 0,
        target: targets.seconds(level: l, category: c) ?? 0,
        clock: targets.clock(level: l, category: c),
        remaining: r.remaining, breachAt: r.breachAt,
        pausedSeconds: rec.pausedSeconds(ofStay: r.stay, to: to),
        pausedBusinessSeconds: judge.index.map {
          rec.pausedSeconds(ofStay: r.stay, to: to, index: $0)
        } ?? 0)
    }
    return section
  }
}
