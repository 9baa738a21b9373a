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

  /// What `percentile(0.5, sorted:)` gives for `v` sorted, without sorting it (``summary(count:parts:percentiles:)``);
  /// `nil` for no values. (`v` is left as it is; `inout` for the callers that give it up.)
  package static func median(selecting v: inout [Int64]) -> Double? {
    median(of: v)
  }

  /// What `percentile(0.5, sorted:)` gives for `v` sorted, without sorting it.
  package static func median(of v: [Int64]) -> Double? {
    v.withUnsafeBufferPointer { median(of: $0) }
  }

  /// The same for values in a buffer (a slice of a larger array: ``UnsafeBufferPointer/init(rebasing:)``).
  package static func median(of v: UnsafeBufferPointer<Int64>) -> Double? {
    summary(count: v.count, parts: { body in body(v) }, percentiles: [0.5]).percentiles[0]
  }

  /// What `percentile(p, sorted:)` gives for `v` sorted, without sorting it; `nil` for no
  /// values.
  package static func percentile(_ p: Double, selecting v: inout [Int64]) -> Double? {
    summary(count: v.count, parts: { body in v.withUnsafeBufferPointer(body) }, percentiles: [p])
      .percentiles[0]
  }

  /// Count, mean, maximum and the `percentiles` (each as `percentile(_:sorted:)` gives it for
  /// the values sorted) of the `count` values that `parts` hands over, part by part (it is
  /// called twice; the parts are not changed, nor copied into one array).
  ///
  /// Without sorting: one pass counts the values per ``logBucket(_:)``, which tells each rank's
  /// bucket; a second copies out the values of those buckets (at most two per percentile, a
  /// bucket spanning 1/64 of a power of two), and each rank is selected among those. Below
  /// 257 values, or with a negative one, the values are gathered and sorted instead.
  package static func summary(
    count n: Int, parts: ((UnsafeBufferPointer<Int64>) -> Void) -> Void, percentiles ps: [Double]
  ) -> (count: Int, mean: Double?, max: Int64?, percentiles: [Double?]) {
    guard n > 0 else { return (0, nil, nil, ps.map { _ in nil }) }
    // Each percentile's two ranks (rank p·(n−1), rounded down, and the next) and weight.
    let ranks = ps.map { p -> (lo: Int, hi: Int, frac: Double) in
      let rank = min(max(p, 0), 1) * Double(n - 1)
      let lo = Int(rank.rounded(.down))
      return (lo, min(lo + 1, n - 1), rank - Double(lo))
    }
    func interpolate(_ value: (Int) -> Int64) -> [Double?] {
      ranks.map { r in
        let a = Double(value(r.lo))
        let b = Double(value(r.hi))
        return a + r.frac * (b - a)
      }
    }
    var counts: [Int] = []
    var top = Int64.min
    var sum: Int64 = 0
    var overflow = false
    var negative = false
    if n > 256 {
      counts = [Int](repeating: 0, count: logBuckets + 1)
      counts.withUnsafeMutableBufferPointer { c in
        parts { b in
          for x in b {
            if x > top { top = x }
            let (s, o) = sum.addingReportingOverflow(x)
            sum = s
            overflow = overflow || o
            if x < 0 { negative = true } else { c[logBucket(x)] += 1 }
          }
        }
      }
    }
    // All the values in one array, sorted: for few values, a negative one, and the mean
    // of sums past 2⁵³ (below).
    func gatheredSorted() -> [Int64] {
      var all: [Int64] = []
      all.reserveCapacity(n)
      parts { all.append(contentsOf: $0) }
      sortDurations(&all)
      return all
    }
    guard n > 256 && !negative else {
      let all = gatheredSorted()
      return (n, mean(all), all.last, interpolate { all[$0] })
    }
    // counts[b] becomes the rank of bucket b's first value; counts[logBuckets] = n.
    var first = 0
    for b in 0...logBuckets {
      let k = counts[b]
      counts[b] = first
      first += k
    }
    func bucket(ofRank r: Int) -> Int {
      var a = 0
      var z = logBuckets  // counts[a] <= r < counts[z]
      while z - a > 1 {
        let m = (a + z) / 2
        if counts[m] <= r { a = m } else { z = m }
      }
      return a
    }
    // The buckets holding the ranks, each copied out once; one of values below 128 holds a
    // single value (the bucket's number) and is not copied.
    var wanted: [Int] = []
    for r in ranks {
      for rank in [r.lo, r.hi] {
        let b = bucket(ofRank: rank)
        if b >= 128 && !wanted.contains(b) { wanted.append(b) }
      }
    }
    var copies: [[Int64]] = wanted.map { b in
      var v: [Int64] = []
      v.reserveCapacity(counts[b + 1] - counts[b])
      return v
    }
    if !wanted.isEmpty {
      var slot = [Int8](repeating: -1, count: logBuckets)
      for (k, b) in wanted.enumerated() { slot[b] = Int8(k) }
      slot.withUnsafeBufferPointer { slot in
        parts { b in
          for x in b {
            let k = Int(slot[logBucket(x)])
            if k >= 0 { copies[k].append(x) }
          }
        }
      }
    }
    // The mean: a sum of whole seconds, the same in Double in any order while below 2⁵³
    // (the Int64 sum is then exact); above (285 million years), Double sums depend on the
    // order: the values are gathered and sorted, and summed in that order, as for few values.
    var mean = Double(sum) / Double(n)
    if overflow || sum > 1 << 53 { mean = Statistics.mean(gatheredSorted())! }
    return (
      n, mean, top,
      interpolate { rank in
        let b = bucket(ofRank: rank)
        guard let k = wanted.firstIndex(of: b) else { return Int64(b) }
        return copies[k].withUnsafeMutableBufferPointer { orderStatistic($0, rank - counts[b]) }
      }
    )
  }

  /// The number of ``logBucket(_:)`` values: 0…3711.
  static let logBuckets = 3712

  /// The bucket of a value ≥ 0 on a logarithmic scale: a value below 128 is its own bucket;
  /// above, a bucket spans 1/64 of a power of two (its number: the bit length, then the 6 bits
  /// after the leading one). A larger value never has a smaller bucket.
  @inline(__always) static func logBucket(_ x: Int64) -> Int {
    let w = Int64.bitWidth - x.leadingZeroBitCount
    guard w > 7 else { return Int(x) }
    return ((w - 6) << 6) | Int((x >> (w - 7)) & 63)
  }

  /// The `k`-th smallest value of `a` (reordered): by selection, or by sorting when small or
  /// when selection takes too many rounds.
  private static func orderStatistic(_ a: UnsafeMutableBufferPointer<Int64>, _ k: Int) -> Int64 {
    var a = a
    if a.count <= 64 || !select(a, k) { a.sort() }
    return a[k]
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

  /// The statistics of `values` (any order) without sorting them: the same figures as
  /// sorting them first (``Statistics/summary(count:parts:percentiles:)``). `values` is left
  /// as it is (`inout` for the callers that give it up).
  public init(selecting values: inout [Int64]) {
    let v = values
    self.init(count: v.count, parts: { body in v.withUnsafeBufferPointer(body) })
  }

  /// The statistics of the values of all `parts` together (none is changed or copied).
  package init(parts: [[Int64]]) {
    self.init(
      count: parts.reduce(0) { $0 + $1.count },
      parts: { body in for p in parts { p.withUnsafeBufferPointer(body) } })
  }

  /// The statistics of the `count` values `parts` hands over (see
  /// ``Statistics/summary(count:parts:percentiles:)``).
  init(count: Int, parts: ((UnsafeBufferPointer<Int64>) -> Void) -> Void) {
    let s = Statistics.summary(count: count, parts: parts, percentiles: [0.5, 0.9])
    self.init(
      count: s.count, mean: s.mean, median: s.percentiles[0], p90: s.percentiles[1], max: s.max)
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
