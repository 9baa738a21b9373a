// Trend: docs/metrics.md#trend
//
// One row per calendar month (in the report's zone) from the log's first month up to P's
// month, each computed as the report for that month alone would: tickets opened in the month,
// of them those at level ≥ 2 by the month's end, upward moves in the month, tickets resolved
// in the month (not reopened by its end) and their median time to resolution. Each month's
// as-of is its own end, or the report's as-of when that is earlier. Each row also gives the
// backlog at its as-of and, with SLA targets, the stays the month's report checks (ended in
// the month, or open at its as-of) and how many breach.

/// The monthly trend, from one reconstruction up to the last month's end (facts carry their
/// times, so it answers every month).
enum TrendFigures {
  /// The months from `firstTime`'s up to P's, each with its start; `bounds` has one more
  /// entry, the end of the last month.
  static func months(from firstTime: Int64, period: ResolvedPeriod, zone: ZoneRules)
    -> (months: [MonthKey], bounds: [Int64])
  {
    let first = MonthKey(firstTime, zone: zone)
    let last = MonthKey(period.end > period.start ? period.end - 1 : period.start, zone: zone)
    guard first <= last else { return ([], []) }
    var months: [MonthKey] = []
    var bounds: [Int64] = []
    var m = first
    while m <= last {
      months.append(m)
      bounds.append(m.start(in: zone))
      m = m.next
    }
    bounds.append(m.start(in: zone))
    return (months, bounds)
  }

  /// The reconstruction the trend reads: `rec` itself unless an event lies between its
  /// cut-off and the trend's.
  static func reconstruction(
    order: TicketOrder, rec: Reconstruction, trendCutoff: Int64, stays: Bool = false
  ) -> Reconstruction {
    guard differs(order: order, cutoff: rec.cutoff, trendCutoff: trendCutoff) else { return rec }
    return Reconstruction(
      order: order, cutoff: trendCutoff, collectWarnings: false, recordStays: stays)
  }

  /// Whether the trend needs a reconstruction of its own: an event lies between the report's
  /// cut-off and the trend's.
  static func differs(order: TicketOrder, cutoff: Int64, trendCutoff: Int64) -> Bool {
    let lo = min(trendCutoff, cutoff)
    let hi = max(trendCutoff, cutoff)
    return lo != hi && order.contains(where: { $0.time >= lo && $0.time < hi })
  }

  /// The trend's cut-off for a report of `period` reconstructed up to `cutoff`: the end of its
  /// last month, or `cutoff` when earlier (no row uses an event at or after the report's own
  /// cut-off: with an `--as-of` inside the last month, that month's row is what the report
  /// itself says); `nil` when the trend has no month.
  static func cutoff(period: ResolvedPeriod, zone: ZoneRules, firstTime: Int64, cutoff: Int64)
    -> Int64?
  {
    months(from: firstTime, period: period, zone: zone).bounds.last.map { min($0, cutoff) }
  }

  /// Whether the trend of a report of `period` reconstructed up to `cutoff` reads the events
  /// again (``reconstruction(order:rec:period:zone:firstTime:stays:)`` makes one of its own).
  static func readsEvents(
    order: TicketOrder, period: ResolvedPeriod, zone: ZoneRules, firstTime: Int64, cutoff: Int64
  ) -> Bool {
    self.cutoff(period: period, zone: zone, firstTime: firstTime, cutoff: cutoff).map {
      differs(order: order, cutoff: cutoff, trendCutoff: $0)
    } ?? false
  }

  /// Per month, the tickets open at its as-of: started, less those whose resolution in force
  /// then (resolved before it, reopened at or after it) — a difference array over the months.
  static func backlog(_ r: Reconstruction, _ bounds: [Int64]) -> [Int] {
    let n = bounds.count - 1
    let months = MonthLocator(bounds)
    var diff = [Int](repeating: 0, count: n + 1)
    for t in 0..<r.ticketCount {
      if let i = months.index(r.start[t]) { diff[i] += 1 }
    }
    for k in 0..<r.resolutionTime.count {
      guard let a = months.index(r.resolutionTime[k]) else { continue }
      diff[a] -= 1
      let reopen = r.reopenTime[k]
      if reopen != Reconstruction.never, let b = months.index(reopen) { diff[b] += 1 }
    }
    var out = [Int](repeating: 0, count: n)
    var running = 0
    for i in 0..<n {
      running += diff[i]
      out[i] = running
    }
    return out
  }

  /// Per month, the stays its report checks against `sla` and those that breach: ended in the
  /// month, or open at its as-of (`asOf[i]`, measured up to it).
  /// Judged in each target's clock (`sla` carries the calendar's index when there is one).
  static func sla(_ r: Reconstruction, _ bounds: [Int64], asOf: [Int64], _ sla: SLAJudge)
    -> (stays: [Int], breaches: [Int])
  {
    let n = bounds.count - 1
    let months = MonthLocator(bounds)
    var stays = [Int](repeating: 0, count: n)
    var breaches = [Int](repeating: 0, count: n)
    for t in 0..<r.ticketCount {
      for s in r.stays(of: t) {
        guard sla.target(stay: s, ticket: t, r) != nil, let first = months.index(r.stayStart[s])
        else { continue }
        let st = r.stayStart[s]
        let en = r.stayEnd[s]
        let endMonth = en == Reconstruction.never ? nil : months.index(en)
        // Open at the as-of of each month before the one it ends in.
        for i in first..<(endMonth ?? n) {
          stays[i] += 1
          if sla.breaches(stay: s, ticket: t, to: max(asOf[i], st), r) { breaches[i] += 1 }
        }
        if let e = endMonth {
          stays[e] += 1
          if sla.breaches(stay: s, ticket: t, to: en, r) { breaches[e] += 1 }
        }
      }
    }
    return (stays, breaches)
  }

  static func rows(
    order: TicketOrder, rec: Reconstruction, period: ResolvedPeriod, zone: ZoneRules,
    firstTime: Int64, sla: SLAJudge? = nil
  ) -> [TrendRow] {
    let r = reconstruction(
      order: order, rec: rec, period: period, zone: zone, firstTime: firstTime, stays: sla != nil)
    return rows(r, period: period, zone: zone, firstTime: firstTime, sla: sla)
  }

  /// The reconstruction the rows read for a report of `period` whose own is `rec` (`stays`:
  /// with the stays, for the SLA): the only step of the trend that reads the events.
  static func reconstruction(
    order: TicketOrder, rec: Reconstruction, period: ResolvedPeriod, zone: ZoneRules,
    firstTime: Int64, stays: Bool
  ) -> Reconstruction {
    guard
      let trendCutoff = cutoff(
        period: period, zone: zone, firstTime: firstTime, cutoff: rec.cutoff)
    else { return rec }
    return reconstruction(order: order, rec: rec, trendCutoff: trendCutoff, stays: stays)
  }

  /// The rows from the trend's reconstruction `r` (``reconstruction(order:rec:period:zone:firstTime:stays:)``).
  static func rows(
    _ r: Reconstruction, period: ResolvedPeriod, zone: ZoneRules, firstTime: Int64,
    sla: SLAJudge? = nil
  ) -> [TrendRow] {
    let (months, bounds) = self.months(from: firstTime, period: period, zone: zone)
    guard !months.isEmpty else { return [] }
    let n = months.count
    let locator = MonthLocator(bounds)
    func index(_ t: Int64) -> Int? { locator.index(t) }
    let backlog = TrendFigures.backlog(r, bounds)
    // Each month's as-of: its end, the last one's the report's as-of when earlier.
    var asOf = Array(bounds[1...])
    asOf[n - 1] = min(asOf[n - 1], period.asOf)
    let checked = sla.map { TrendFigures.sla(r, bounds, asOf: asOf, $0) }
    var opened = [Int](repeating: 0, count: n)
    var escalated = [Int](repeating: 0, count: n)
    var catOpened = [Int](repeating: 0, count: n * GroupSlot.count)
    var catEscalated = [Int](repeating: 0, count: n * GroupSlot.count)
    var moves = [Int](repeating: 0, count: n)
    var ttr = [[Int64]](repeating: [], count: n)
    for t in 0..<r.ticketCount {
      let s = r.start[t]
      guard s != Reconstruction.never, let i = index(s) else { continue }
      opened[i] += 1
      let g = i * GroupSlot.count + Int(r.category[t])
      catOpened[g] += 1
      if r.reached2At[t] < bounds[i + 1] {
        escalated[i] += 1
        catEscalated[g] += 1
      }
    }
    for k in 0..<r.moveTime.count {
      if let i = index(r.moveTime[k]) { moves[i] += 1 }
    }
    for k in 0..<r.resolutionTime.count {
      let rt = r.resolutionTime[k]
      guard let i = index(rt), r.reopenTime[k] >= bounds[i + 1] else { continue }
      ttr[i].append(rt - r.start[Int(r.resolutionTicket[k])])
    }
    return (0..<n).map { i in
      var row = TrendRow(
        month: months[i], start: bounds[i], end: bounds[i + 1], opened: opened[i],
        escalated: escalated[i], escalationMoves: moves[i], resolved: ttr[i].count,
        medianTimeToResolution: Statistics.median(of: ttr[i]), backlog: backlog[i],
        slaStays: checked?.stays[i], slaBreaches: checked?.breaches[i])
      let k = GroupSlot.count
      row.categoryOpened = Array(catOpened[(i * k)..<(i * k + k)])
      row.categoryEscalated = Array(catEscalated[(i * k)..<(i * k + k)])
      row.categoryOpened[GroupSlot.total.index] = opened[i]
      row.categoryEscalated[GroupSlot.total.index] = escalated[i]
      return row
    }
  }
}

/// The month of an instant among month bounds (month i is [bounds[i], bounds[i+1])) in
/// constant time: a table gives the month each day (86,400 s from the first bound) starts in,
/// then at most a step forward (a bound can fall inside such a day: zone offsets and summer
/// time move it off the day's start; a month is longer than a day). The trend looks up
/// every ticket, move and resolution, millions of times; a binary search over the bounds was
/// most of its time.
struct MonthLocator {
  private let bounds: [Int64]
  /// The month each day starts in; empty for a span over ``maxDays`` (binary search then).
  private let dayMonth: [UInt32]
  private static let day: Int64 = 86_400
  static let maxDays = 1 << 20

  init(_ bounds: [Int64]) {
    self.bounds = bounds
    let n = bounds.count - 1
    guard n > 0 else {
      dayMonth = []
      return
    }
    let span = bounds[n] - bounds[0]
    let days = span / Self.day + 1
    guard days <= Self.maxDays else {
      dayMonth = []
      return
    }
    var table = [UInt32](repeating: 0, count: Int(days))
    var m = 0
    for d in 0..<Int(days) {
      let start = bounds[0] + Int64(d) * Self.day
      while m + 1 < n && bounds[m + 1] <= start { m += 1 }
      table[d] = UInt32(m)
    }
    dayMonth = table
  }

  @inline(__always) func index(_ t: Int64) -> Int? {
    let n = bounds.count - 1
    guard n > 0, t >= bounds[0] && t < bounds[n] else { return nil }
    guard !dayMonth.isEmpty else { return search(t) }
    var i = Int(dayMonth[Int((t - bounds[0]) / Self.day)])
    while t >= bounds[i + 1] { i += 1 }
    return i
  }

  private func search(_ t: Int64) -> Int {
    var a = 0
    var b = bounds.count - 1  // bounds[a] <= t < bounds[b]
    while b - a > 1 {
      let mid = (a + b) / 2
      if bounds[mid] <= t { a = mid } else { b = mid }
    }
    return a
  }
}
