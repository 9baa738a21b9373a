/// Summary statistics of durations, as docs/metrics.md#percentiles-and-empty-rates defines them.
///
/// Percentiles interpolate linearly between the closest ranks, like Excel `PERCENTILE.INC`
/// and numpy's default: the `p` percentile of n sorted values x₀…xₙ₋₁ sits at rank p·(n−1).
package enum Statistics {
  /// The `p` percentile (0…1) of `sorted` (ascending); `nil` for no values.
  package static func percentile(_ p: Double, sorted: [Int64]) -> Double? {
    guard !sorted.isEmpty else { return nil }
    let rank = min(max(p, 0), 1) * Double(sorted.count - 1)
    let lo = Int(rank.rounded(.down))
    let hi = min(lo + 1, sorted.count - 1)
    let frac = rank - Double(lo)
    let a = Double(sorted[lo])
    let b = Double(sorted[hi])
    return a + frac * (b - a)
  }

  /// Sorts durations ascending: an LSD radix sort (11-bit digits, as many passes as the
  /// largest value needs) for large arrays of non-negative values, else the standard sort.
  package static func sortDurations(_ v: inout [Int64]) {
    guard v.count > 256 else {
      v.sort()
      return
    }
    var lo = Int64.max
    var hi = Int64.min
    for x in v {
      if x < lo { lo = x }
      if x > hi { hi = x }
    }
    guard lo >= 0 else {
      v.sort()
      return
    }
    let n = v.count
    var scratch = [Int64](repeating: 0, count: n)
    var shift: Int64 = 0
    var counts = [Int](repeating: 0, count: 2048)
    while shift < 64 && (hi >> shift) > 0 {
      v.withUnsafeMutableBufferPointer { src in
        scratch.withUnsafeMutableBufferPointer { dst in
          counts.withUnsafeMutableBufferPointer { c in
            for i in 0..<2048 { c[i] = 0 }
            for x in src { c[Int((x >> shift) & 2047)] += 1 }
            var sum = 0
            for i in 0..<2048 {
              let k = c[i]
              c[i] = sum
              sum += k
            }
            for x in src {
              let d = Int((x >> shift) & 2047)
              dst[c[d]] = x
              c[d] += 1
            }
          }
        }
      }
      swap(&v, &scratch)
      shift += 11
    }
  }

  /// What `percentile(0.5, sorted:)` gives for `v` sorted, found by selection instead of a
  /// sort (`v` is reordered); `nil` for no values.
  package static func median(selecting v: inout [Int64]) -> Double? {
    percentile(0.5, selecting: &v)
  }

  /// What `percentile(p, sorted:)` gives for `v` sorted, found by selection instead of a sort
  /// (`v` is reordered); `nil` for no values.
  package static func percentile(_ p: Double, selecting v: inout [Int64]) -> Double? {
    let n = v.count
    guard n > 64 else {
      v.sort()
      return percentile(p, sorted: v)
    }
    let rank = min(max(p, 0), 1) * Double(n - 1)
    let lo = Int(rank.rounded(.down))
    let frac = rank - Double(lo)
    guard v.withUnsafeMutableBufferPointer({ select($0, lo) }) else {
      sortDurations(&v)
      return percentile(p, sorted: v)
    }
    // Every value after `lo` is at least v[lo]: the next order statistic is their minimum.
    var next = v[lo]
    if lo + 1 < n {
      next = v[lo + 1]
      for x in v[(lo + 2)...] where x < next { next = x }
    }
    let a = Double(v[lo])
    let b = Double(next)
    return a + frac * (b - a)
  }

  /// Moves the `k`-th smallest value of `a` to `a[k]`, the smaller ones before it and the
  /// larger after (Wirth's FIND, median-of-three pivot); `false` when it takes more than
  /// about 3·log₂(n) rounds (`a` is then a permutation of what it was).
  private static func select(_ a: UnsafeMutableBufferPointer<Int64>, _ k: Int) -> Bool {
    var l = 0
    var r = a.count - 1
    var budget = 3 * (Int.bitWidth - a.count.leadingZeroBitCount) + 8
    while l < r {
      guard budget > 0 else { return false }
      budget -= 1
      let m = l + (r - l) / 2
      let x = max(min(a[l], a[m]), min(max(a[l], a[m]), a[r]))
      var i = l
      var j = r
      repeat {
        while a[i] < x { i += 1 }
        while x < a[j] { j -= 1 }
        if i <= j {
          a.swapAt(i, j)
          i += 1
          j -= 1
        }
      } while i <= j
      if j < k { l = i }
      if k < i { r = j }
    }
    return true
  }

  /// Mean of `values`; `nil` for no values.
  package static func mean(_ values: [Int64]) -> Double? {
    guard !values.isEmpty else { return nil }
    // Sum in Double: an Int64 sum of many long durations could overflow.
    var s = 0.0
    for v in values { s += Double(v) }
    return s / Double(values.count)
  }
}

/// Count, mean, median, 90th percentile and maximum of a set of durations in seconds.
///
/// Every figure is `nil` when there are no values (shown empty, never as 0).
public struct DurationStats: Sendable, Equatable, Codable {
  public var count: Int
  public var mean: Double?
  public var median: Double?
  public var p90: Double?
  public var max: Int64?

  public init(
    count: Int = 0, mean: Double? = nil, median: Double? = nil, p90: Double? = nil,
    max: Int64? = nil
  ) {
    self.count = count
    self.mean = mean
    self.median = median
    self.p90 = p90
    self.max = max
  }

  /// The statistics of `values` (any order; sorted in place).
  public init(values: inout [Int64]) {
    Statistics.sortDurations(&values)
    self.init(
      count: values.count, mean: Statistics.mean(values),
      median: Statistics.percentile(0.5, sorted: values),
      p90: Statistics.percentile(0.9, sorted: values), max: values.last)
  }

  /// The statistics of `values` (any order) by selection: the same figures as sorting them
  /// first, in linear time; `values` is reordered. (The mean is a sum of whole seconds, exact
  /// in any order below 2⁵³.)
  public init(selecting values: inout [Int64]) {
    guard let first = values.first else {
      self.init()
      return
    }
    var top = first
    for x in values where x > top { top = x }
    let median = Statistics.percentile(0.5, selecting: &values)
    let p90 = Statistics.percentile(0.9, selecting: &values)
    self.init(
      count: values.count, mean: Statistics.mean(values), median: median, p90: p90, max: top)
  }

  /// The statistics of `sorted` (ascending).
  public init(sorted: [Int64]) {
    self.init(
      count: sorted.count, mean: Statistics.mean(sorted),
      median: Statistics.percentile(0.5, sorted: sorted),
      p90: Statistics.percentile(0.9, sorted: sorted), max: sorted.last)
  }

  /// The statistics of `values` (any order).
  public init(_ values: [Int64]) {
    var v = values
    self.init(values: &v)
  }

  public static let empty = DurationStats()
}
