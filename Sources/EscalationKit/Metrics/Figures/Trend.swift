// Trend: docs/metrics.md#trend
//
// One row per calendar month (in the report's zone) from the log's first month up to P's
// month, each computed as the report for that month alone would: tickets opened in the month,
// of them those at level ≥ 2 by the month's end, upward moves in the month, tickets resolved
// in the month (not reopened by its end) and their median time to resolution. Each month's
// as-of is its own end, or the report's as-of when that is earlier.

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
  static func reconstruction(order: TicketOrder, rec: Reconstruction, trendCutoff: Int64)
    -> Reconstruction
  {
    let lo = min(trendCutoff, rec.cutoff)
    let hi = max(trendCutoff, rec.cutoff)
    guard lo != hi, order.events.contains(where: { $0.time >= lo && $0.time < hi }) else {
      return rec
    }
    return Reconstruction(
      order: order, cutoff: trendCutoff, collectWarnings: false, recordStays: false)
  }

  static func rows(
    order: TicketOrder, rec: Reconstruction, period: ResolvedPeriod, zone: ZoneRules,
    firstTime: Int64
  ) -> [TrendRow] {
    let (months, bounds) = self.months(from: firstTime, period: period, zone: zone)
    guard !months.isEmpty else { return [] }
    // No row uses an event at or after the report's own cut-off: with an `--as-of` inside
    // the last month, that month's row is what the report itself says.
    let trendCutoff = min(bounds[bounds.count - 1], rec.cutoff)
    let r = reconstruction(order: order, rec: rec, trendCutoff: trendCutoff)
    let n = months.count
    func index(_ t: Int64) -> Int? {
      guard t >= bounds[0] && t < bounds[n] else { return nil }
      var a = 0
      var b = n  // bounds[a] <= t < bounds[b]
      while b - a > 1 {
        let mid = (a + b) / 2
        if bounds[mid] <= t { a = mid } else { b = mid }
      }
      return a
    }
    var opened = [Int](repeating: 0, count: n)
    var escalated = [Int](repeating: 0, count: n)
    var moves = [Int](repeating: 0, count: n)
    var ttr = [[Int64]](repeating: [], count: n)
    for t in 0..<r.ticketCount {
      let s = r.start[t]
      guard s != Reconstruction.never, let i = index(s) else { continue }
      opened[i] += 1
      if r.reached2At[t] < bounds[i + 1] { escalated[i] += 1 }
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
      var v = ttr[i]
      Statistics.sortDurations(&v)
      return TrendRow(
        month: months[i], start: bounds[i], end: bounds[i + 1], opened: opened[i],
        escalated: escalated[i], escalationMoves: moves[i], resolved: v.count,
        medianTimeToResolution: Statistics.percentile(0.5, sorted: v))
    }
  }
}
