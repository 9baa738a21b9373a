/// The UTC offsets of a zone over a span of instants, as segments of constant offset, found with
/// `ZoneRules.offset(atUTC:)` so that they agree with every other local/UTC conversion.
struct ZoneSegments {
  /// Segment `k` runs from `starts[k]` to `starts[k + 1]` (the last one without end).
  private(set) var starts: [Int64]
  /// Its offset from UTC, in seconds.
  private(set) var offsets: [Int64]

  /// Offsets are sampled every 6 hours and each change is bisected to its 15-minute bucket
  /// (`ZoneRules` reads offsets per quarter hour). A change and its reversal within 6 hours
  /// would be missed; no zone has had one since the tz database began keeping them.
  init(zone: ZoneRules, from lower: Int64, to upper: Int64) {
    let step: Int64 = 6 * 3600
    var t = lower
    var o = Int64(zone.offset(atUTC: t))
    starts = [lower]
    offsets = [o]
    guard !zone.isUTC else { return }
    while t < upper {
      let n = min(t + step, upper)
      guard Int64(zone.offset(atUTC: n)) != o else {
        t = n
        continue
      }
      var lo = ZoneSegments.bucket(t)
      var hi = ZoneSegments.bucket(n)
      while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2
        if Int64(zone.offset(atUTC: mid * 900)) == o { lo = mid } else { hi = mid }
      }
      t = hi * 900
      o = Int64(zone.offset(atUTC: t))
      starts.append(t)
      offsets.append(o)
    }
  }

  private static func bucket(_ t: Int64) -> Int64 { t >= 0 ? t / 900 : (t - 899) / 900 }

  var count: Int { starts.count }

  func end(of k: Int) -> Int64 { k + 1 < starts.count ? starts[k + 1] : Int64.max }
}

extension BusinessCalendar {
  /// The UTC intervals of working time of the local dates `days` (day numbers), sorted,
  /// disjoint, touching ones joined.
  ///
  /// Each local working interval [L1, L2) becomes the set of instants `t` whose wall-clock
  /// reading `t + offset(t)` lies in it: per segment of constant offset `o`, the instants
  /// [L1 − o, L2 − o) inside the segment. A wall-clock time that does not exist (spring
  /// forward) is never read, so it holds no working time; one that is read twice (fall back)
  /// counts both times, as real seconds elapse both times.
  func utcWorkingIntervals(days: ClosedRange<Int64>) -> [(start: Int64, end: Int64)] {
    let margin: Int64 = 2 * 86_400
    let segments = ZoneSegments(
      zone: zone, from: days.lowerBound * 86_400 - margin,
      to: (days.upperBound + 1) * 86_400 + margin
    )
    let y0 = CivilDate.civil(days: days.lowerBound).year
    let y1 = CivilDate.civil(days: days.upperBound).year
    let holidays = holidayDays(years: y0...y1)
    // Offsets lie within ±18 h: a segment ending before L1 − 18 h is behind every later interval.
    let reach: Int64 = 18 * 3600
    var pieces: [(start: Int64, end: Int64)] = []
    var p = 0
    for day in days {
      for iv in intervals(onDay: day, holidays: holidays) {
        let l1 = day * 86_400 + Int64(iv.start)
        let l2 = day * 86_400 + Int64(iv.end)
        while p + 1 < segments.count && segments.starts[p + 1] <= l1 - reach { p += 1 }
        var k = p
        while k < segments.count && segments.starts[k] < l2 + reach {
          let a = max(segments.starts[k], l1 - segments.offsets[k])
          let b = min(segments.end(of: k), l2 - segments.offsets[k])
          if a < b { pieces.append((a, b)) }
          k += 1
        }
      }
    }
    // After a fall back, pieces of two intervals of a day can interleave: sort, then join.
    pieces.sort { $0.start < $1.start }
    var out: [(start: Int64, end: Int64)] = []
    out.reserveCapacity(pieces.count)
    for piece in pieces {
      if let last = out.last, piece.start <= last.end {
        out[out.count - 1].end = max(last.end, piece.end)
      } else {
        out.append(piece)
      }
    }
    return out
  }
}
