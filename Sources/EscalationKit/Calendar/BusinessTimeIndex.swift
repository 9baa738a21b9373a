/// Business-time queries on a calendar, built once over a span of instants: the calendar's
/// working time as sorted UTC intervals with the business seconds before each, and per UTC day
/// the first interval that ends after that day starts. A query inside the span reads one day
/// bucket and bisects the few intervals of that day: O(log k), k = intervals per day.
///
/// Instants are seconds since 1970 (UTC), within years 1 to 9999. Queries outside the span stay
/// exact but build a temporary index for the part outside (O(days outside)); build the index
/// over every instant a report uses (first event to as-of) so that this never happens on the
/// hot path.
public struct BusinessTimeIndex: Sendable {
  public let calendar: BusinessCalendar
  /// The instants where queries are exact through the index.
  public let coverage: ClosedRange<Int64>
  private let starts: [Int64]
  private let ends: [Int64]
  /// `before[i]` = business seconds of intervals `0..<i` (count + 1 entries).
  private let before: [Int64]
  /// UTC day number of bucket 0.
  private let firstDay: Int64
  /// Business seconds from the first indexed interval to the start and end of the coverage.
  private var lowerCumulative: Int64 = 0
  private var upperCumulative: Int64 = 0
  /// `bucket[k]` = first interval ending after the start of UTC day `firstDay + k`.
  private let bucket: [Int32]

  /// An index exact for every instant of `coverage`.
  public init(calendar: BusinessCalendar, covering coverage: ClosedRange<Int64>) {
    self.calendar = calendar
    self.coverage = coverage
    firstDay = BusinessTimeIndex.day(coverage.lowerBound)
    let lastDay = BusinessTimeIndex.day(coverage.upperBound)
    // Local dates reach at most a day either side of the UTC date; 2 days of margin.
    let intervals = calendar.utcWorkingIntervals(days: (firstDay - 2)...(lastDay + 2))
    starts = intervals.map(\.start)
    ends = intervals.map(\.end)
    var sums = [Int64](repeating: 0, count: intervals.count + 1)
    for (i, iv) in intervals.enumerated() { sums[i + 1] = sums[i] + (iv.end - iv.start) }
    before = sums
    var buckets = [Int32](repeating: 0, count: Int(lastDay - firstDay) + 2)
    var i = 0
    for k in 0..<buckets.count {
      let dayStart = (firstDay + Int64(k)) * 86_400
      while i < intervals.count && intervals[i].end <= dayStart { i += 1 }
      buckets[k] = Int32(i)
    }
    bucket = buckets
    lowerCumulative = locate(coverage.lowerBound).cumulative
    upperCumulative = locate(coverage.upperBound).cumulative
  }

  /// An index over the whole of the years `years` (UTC), e.g. the years of a log's events.
  public init(calendar: BusinessCalendar, years: ClosedRange<Int>) {
    let lower = CivilDate.days(year: years.lowerBound, month: 1, day: 1) * 86_400
    let upper = CivilDate.days(year: years.upperBound + 1, month: 1, day: 1) * 86_400
    self.init(calendar: calendar, covering: lower...upper)
  }

  /// The working intervals inside the index, as UTC instants (sorted, disjoint, not touching).
  public var workingIntervals: [(start: Int64, end: Int64)] {
    zip(starts, ends).filter { $0.1 > coverage.lowerBound && $0.0 < coverage.upperBound }
      .map { (start: max($0.0, coverage.lowerBound), end: min($0.1, coverage.upperBound)) }
  }

  /// Business seconds from `from` to `to` (0 when `to ≤ from`): the real seconds in between
  /// during which the calendar's wall clock reads a working interval of its date.
  public func businessSeconds(from: Int64, to: Int64) -> Int64 {
    guard to > from else { return 0 }
    if from >= coverage.lowerBound && to <= coverage.upperBound {
      return cumulative(to) - cumulative(from)
    }
    var total: Int64 = 0
    if from < coverage.lowerBound {
      let end = min(to, coverage.lowerBound)
      total += BusinessTimeIndex(calendar: calendar, covering: from...end)
        .businessSeconds(from: from, to: end)
    }
    let a = max(from, coverage.lowerBound)
    let b = min(to, coverage.upperBound)
    if a < b { total += cumulative(b) - cumulative(a) }
    if to > coverage.upperBound {
      let start = max(from, coverage.upperBound)
      total += BusinessTimeIndex(calendar: calendar, covering: start...to)
        .businessSeconds(from: start, to: to)
    }
    return total
  }

  /// A business-time clock: business seconds from the start of the coverage to `t` (negative
  /// before it). For any `a ≤ b`, `businessClock(at: b) − businessClock(at: a)` is
  /// `businessSeconds(from: a, to: b)`: read it once per event and subtract.
  public func businessClock(at t: Int64) -> Int64 {
    if t < coverage.lowerBound { return -businessSeconds(from: t, to: coverage.lowerBound) }
    if t > coverage.upperBound {
      return upperCumulative - lowerCumulative
        + businessSeconds(from: coverage.upperBound, to: t)
    }
    return locate(t).cumulative - lowerCumulative
  }

  /// Whether `t` is working time (the second starting at `t` counts).
  public func isWorking(at t: Int64) -> Bool { businessSeconds(from: t, to: t + 1) == 1 }

  /// The earliest instant `T ≥ from` with `businessSeconds(from: from, to: T) == seconds`:
  /// when a stay that started at `from` has used `seconds` of business time (a target's
  /// "breached at"). `from` itself for `seconds ≤ 0`; `nil` when the calendar never gives that
  /// much working time after `from` (no weekday has working hours and the listed days run out).
  public func instant(afterBusinessSeconds seconds: Int64, from: Int64) -> Int64? {
    guard seconds > 0 else { return from }
    var need = seconds
    var t = from
    if t < coverage.lowerBound {
      let early = BusinessTimeIndex(calendar: calendar, covering: t...coverage.lowerBound)
      let got = early.businessSeconds(from: t, to: coverage.lowerBound)
      if got >= need { return early.inside(need, at: early.locate(t)) }
      need -= got
      t = coverage.lowerBound
    }
    if t <= coverage.upperBound {
      let here = locate(t)
      let got = upperCumulative - here.cumulative
      if got >= need { return inside(need, at: here) }
      need -= got
      t = coverage.upperBound
    }
    return BusinessTimeIndex.walkForward(calendar, need: need, from: t)
  }

  /// When a stay that started at `from` breaches a business-time `target` under the rule "a
  /// stay breaches when its time is strictly greater than its target": the start of the first
  /// working second past the target. A stay ending at `E` has breached if and only if
  /// `E > breachInstant`. `nil` when the calendar never gives that much working time.
  public func breachInstant(target: Int64, from: Int64) -> Int64? {
    instant(afterBusinessSeconds: max(target, 0) + 1, from: from).map { $0 - 1 }
  }

  /// Instants from year 10000 on are not looked at: `instant(afterBusinessSeconds:from:)` gives
  /// `nil` for a target not reached before then.
  static let end: Int64 = CivilDate.days(year: 10_000, month: 1, day: 1) * 86_400

  /// Past the index: a year at first, then windows twice as long each time (64 years at most),
  /// until enough working time, or none can come, or year 10000.
  private static func walkForward(_ calendar: BusinessCalendar, need: Int64, from: Int64)
    -> Int64?
  {
    var need = need
    var t = from
    var span: Int64 = 366 * 86_400
    while t < BusinessTimeIndex.end {
      let upper = min(t + span, BusinessTimeIndex.end)
      let window = BusinessTimeIndex(calendar: calendar, covering: t...upper)
      let got = window.cumulative(upper) - window.cumulative(t)
      if got >= need { return window.inside(need, at: window.locate(t)) }
      need -= got
      t = upper
      span = min(span * 2, 64 * 366 * 86_400)
      if got == 0 && calendar.weekIsEmpty {
        // Only listed dates give working time; none after the last one.
        guard let last = calendar.lastListedDay, t < (last + 2) * 86_400 else { return nil }
      }
    }
    return nil
  }

  /// `instant(afterBusinessSeconds:from:)` when the answer is inside the coverage, from the
  /// position of the start: a galloping search forward from its interval (the answer is
  /// usually a few intervals on), O(log distance).
  private func inside(_ seconds: Int64, at start: (index: Int, cumulative: Int64)) -> Int64 {
    let target = start.cumulative + seconds
    let last = starts.count - 1
    // Every interval before `lo` ends with less than the target: find the first that reaches it.
    var lo = min(start.index, last)
    var hi = lo
    var step = 1
    while hi < last && before[hi + 1] < target {
      lo = hi + 1
      hi = min(last, hi + step)
      step &*= 2
    }
    while lo < hi {
      let mid = (lo + hi) / 2
      if before[mid + 1] >= target { hi = mid } else { lo = mid + 1 }
    }
    return starts[lo] + (target - before[lo])
  }

  /// Business seconds from the first indexed interval to `t` (t inside the coverage).
  private func cumulative(_ t: Int64) -> Int64 { locate(t).cumulative }

  /// The interval holding `t`, or else the first one after it, and the business seconds from
  /// the first indexed interval to `t` (t inside the coverage).
  private func locate(_ t: Int64) -> (index: Int, cumulative: Int64) {
    let k = Int(BusinessTimeIndex.day(t) - firstDay)
    var lo = Int(bucket[k])
    guard lo < starts.count, starts[lo] <= t else { return (lo, before[lo]) }
    // Candidates: intervals lo...hi; those after hi start after the next day begins.
    var hi = min(Int(bucket[k + 1]), starts.count - 1)
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if starts[mid] <= t { lo = mid } else { hi = mid - 1 }
    }
    return (lo, before[lo] + min(t, ends[lo]) - starts[lo])
  }

  private static func day(_ t: Int64) -> Int64 { t >= 0 ? t / 86_400 : (t - 86_399) / 86_400 }
}
