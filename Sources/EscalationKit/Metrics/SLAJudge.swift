/// Judges stays against the SLA targets, each in its own clock (docs/metrics.md#sla): a
/// calendar target on wall-clock seconds, a business target on the business seconds of the
/// calendar's index (docs/calendar.md#business-time). A stay's target is its ticket's
/// category's own when the category has one, else its level's. Without an index every target
/// is judged in calendar time (the command line refuses business targets without a calendar).
struct SLAJudge {
  let targets: SLATargets
  let index: BusinessTimeIndex?

  /// The target of level `l` (1…4) for category `c` (0…7, or 8: no category).
  @inline(__always) func target(level l: Int, category c: Int) -> Int64? {
    guard (1...4).contains(l) else { return nil }
    return targets.seconds(level: l, category: c)
  }

  /// The target of stay `s` of ticket `t`.
  @inline(__always) func target(stay s: Int, ticket t: Int, _ rec: Reconstruction) -> Int64? {
    target(level: Int(rec.stayLevel[s]), category: Int(rec.category[t]))
  }

  /// Whether level `l`'s target for category `c` is judged in business time.
  @inline(__always) func isBusiness(_ l: Int, _ c: Int) -> Bool {
    index != nil && targets.clock(level: l, category: c) == .business
  }

  /// The seconds of [from, to) in the clock of level `l`, category `c` (0 when `to ≤ from`).
  @inline(__always) func elapsed(level l: Int, category c: Int, from: Int64, to: Int64) -> Int64 {
    if isBusiness(l, c), let index { return index.businessSeconds(from: from, to: to) }
    return max(to - from, 0)
  }

  /// The SLA clock of stay `s` of ticket `t` up to `to`: its seconds in its target's clock
  /// minus its paused seconds in the same clock (docs/metrics.md#pauses).
  @inline(__always) func elapsed(stay s: Int, ticket t: Int, to: Int64, _ rec: Reconstruction)
    -> Int64
  {
    let l = Int(rec.stayLevel[s])
    let c = Int(rec.category[t])
    let from = rec.stayStart[s]
    let whole = elapsed(level: l, category: c, from: from, to: to)
    guard rec.hasPauses else { return whole }
    return whole - rec.pausedSeconds(ofStay: s, to: to, index: isBusiness(l, c) ? index : nil)
  }

  /// Whether stay `s` of ticket `t`, counted up to `to`, is strictly longer than its target
  /// (paused time excluded).
  @inline(__always) func breaches(stay s: Int, ticket t: Int, to: Int64, _ rec: Reconstruction)
    -> Bool
  {
    guard let target = target(stay: s, ticket: t, rec) else { return false }
    return elapsed(stay: s, ticket: t, to: to, rec) > target
  }

  /// The instant stay `s` of ticket `t` breaches: the SLA clock runs over the stay's unpaused
  /// spans, in its target's clock, and the stay has breached at an instant `E` if and only if
  /// `E` is after it. `nil` without a target, when a pause still running at the as-of comes
  /// first, or when the calendar never gives that much working time.
  func breachInstant(stay s: Int, ticket t: Int, _ rec: Reconstruction) -> Int64? {
    let l = Int(rec.stayLevel[s])
    let c = Int(rec.category[t])
    guard var left = target(level: l, category: c) else { return nil }
    var from = rec.stayStart[s]
    for p in rec.pauses(ofStay: s) {
      let a = max(rec.pauseStart[p], from)
      let run = elapsed(level: l, category: c, from: from, to: a)
      if run > left { break }
      left -= run
      guard rec.pauseEnd[p] != Reconstruction.never else { return nil }
      from = max(from, rec.pauseEnd[p])
    }
    return breachInstant(level: l, category: c, remaining: left, from: from)
  }

  /// The instant a stay at level `l`, category `c`, with `remaining` seconds of its target
  /// left at `asOf` and unpaused from then on breaches.
  func breachInstant(level l: Int, category c: Int, remaining: Int64, from asOf: Int64) -> Int64? {
    if isBusiness(l, c), let index { return index.breachInstant(target: remaining, from: asOf) }
    return asOf + remaining
  }
}
