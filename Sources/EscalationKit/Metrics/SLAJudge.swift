/// Judges stays against the SLA targets, each in its own clock (docs/metrics.md#sla): a
/// calendar target on wall-clock seconds, a business target on the business seconds of the
/// calendar's index (docs/calendar.md#business-time). Without an index every target is
/// judged in calendar time (the command line refuses business targets without a calendar).
struct SLAJudge {
  let targets: SLATargets
  let index: BusinessTimeIndex?

  /// Whether level `l` (1…4) is judged in business time.
  @inline(__always) func isBusiness(_ l: Int) -> Bool {
    index != nil && targets.clocks[l - 1] == .business
  }

  /// The seconds of [from, to) in level `l`'s clock (0 when `to ≤ from`).
  @inline(__always) func elapsed(level l: Int, from: Int64, to: Int64) -> Int64 {
    if isBusiness(l), let index { return index.businessSeconds(from: from, to: to) }
    return max(to - from, 0)
  }

  /// Whether a stay at level `l` over [from, to) is strictly longer than its target.
  @inline(__always) func breaches(level l: Int, from: Int64, to: Int64) -> Bool {
    guard (1...4).contains(l), let t = targets.seconds[l - 1] else { return false }
    return elapsed(level: l, from: from, to: to) > t
  }

  /// The instant a stay at level `l` started at `from` breaches: a stay ending at `E` has
  /// breached if and only if `E` is after it. `nil` without a target, or when the calendar
  /// never gives that much working time.
  func breachInstant(level l: Int, from: Int64) -> Int64? {
    guard (1...4).contains(l), let t = targets.seconds[l - 1] else { return nil }
    if isBusiness(l), let index { return index.breachInstant(target: t, from: from) }
    return from + t
  }

  /// The SLA clock of stay `s` of `rec` up to `to`: its seconds in level `l`'s clock minus
  /// its paused seconds in the same clock (docs/metrics.md#pauses).
  @inline(__always) func elapsed(stay s: Int, level l: Int, to: Int64, _ rec: Reconstruction)
    -> Int64
  {
    let from = rec.stayStart[s]
    let whole = elapsed(level: l, from: from, to: to)
    guard rec.hasPauses else { return whole }
    return whole - rec.pausedSeconds(ofStay: s, to: to, index: isBusiness(l) ? index : nil)
  }

  /// Whether stay `s` of `rec`, counted up to `to`, is strictly longer than its target
  /// (paused time excluded).
  @inline(__always) func breaches(stay s: Int, to: Int64, _ rec: Reconstruction) -> Bool {
    let l = Int(rec.stayLevel[s])
    guard (1...4).contains(l), let t = targets.seconds[l - 1] else { return false }
    return elapsed(stay: s, level: l, to: to, rec) > t
  }

  /// The instant an open, unpaused stay at level `l` with `remaining` seconds of its target
  /// left at `asOf` breaches, if it is not paused again.
  func breachInstant(level l: Int, remaining: Int64, from asOf: Int64) -> Int64? {
    if isBusiness(l), let index { return index.breachInstant(target: remaining, from: asOf) }
    return asOf + remaining
  }
}
