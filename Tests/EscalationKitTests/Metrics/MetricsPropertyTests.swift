import EscalationKit
import PropertyBased
import Testing

/// Properties of the figures over generated logs (random lives, anomalies, shuffled input).
@Suite struct MetricsPropertyTests {
  static let paris = ZoneRules(identifier: "Europe/Paris")!

  @Test func timeAtLevelsAddsUpToTimeToResolution() async {
    await propertyCheck(count: 60, input: Gen.uint64()) { seed in
      let log = generatedLog(seed: seed, tickets: 60)
      let order = TicketOrder(log)
      let rec = Reconstruction(order: order, cutoff: Int64.max)
      for t in 0..<rec.ticketCount where rec.resolvedAt[t] != Reconstruction.never {
        let atLevels = rec.secondsAtLevel(of: t, asOf: rec.resolvedAt[t]).reduce(Int64(0)) {
          $0 + ($1 ?? 0)
        }
        // Time spent resolved between a resolution and the reopen that followed it.
        var resolvedGaps: Int64 = 0
        for k in 0..<rec.resolutionTime.count
        where Int(rec.resolutionTicket[k]) == t && rec.reopenTime[k] != Reconstruction.never {
          resolvedGaps += rec.reopenTime[k] - rec.resolutionTime[k]
        }
        let ttr = rec.resolvedAt[t] - rec.start[t]
        // Never reopened: the levels alone make the time-to-resolution.
        #expect(atLevels + resolvedGaps == ttr, "ticket \(log.ticketIDs[t])")
      }
    }
  }

  @Test func ratesLieInZeroOneAndStepRatesChain() async {
    await propertyCheck(count: 60, input: Gen.uint64(), Gen.int(in: 9...12)) { seed, month in
      let log = generatedLog(seed: seed, tickets: 80)
      let r = MetricsEngine.compute(
        log,
        options: MetricsOptions(
          period: .month(year: 2026, month: month), zone: MetricsPropertyTests.paris))
      for row in r.rates {
        for v in [row.rate2, row.rate3, row.rate4, row.step12, row.step23, row.step34] {
          if let v { #expect(v >= 0 && v <= 1) }
        }
        // Empty exactly when the denominator is 0.
        #expect((row.rate2 == nil) == (row.opened == 0))
        #expect((row.step23 == nil) == (row.reached2 == 0))
        #expect((row.step34 == nil) == (row.reached3 == 0))
        // share ≥ 3 = share ≥ 2 × step 2→3 (when there are tickets at 2).
        if let r2 = row.rate2, let r3 = row.rate3, let s23 = row.step23 {
          #expect(abs(r3 - r2 * s23) < 1e-12)
        }
        #expect(
          row.opened >= row.reached2 && row.reached2 >= row.reached3 && row.reached3 >= row.reached4
        )
      }
      // Categories add up to the total.
      let cats = r.rates.dropLast()
      #expect(cats.reduce(0) { $0 + $1.opened } == r.rates.last!.opened)
      if let sla = r.sla {
        for row in sla.rows { if let s = row.share { #expect(s >= 0 && s <= 1) } }
      }
    }
  }

  @Test func trendRowForMonthEqualsTheMonthsReport() async {
    await propertyCheck(count: 25, input: Gen.uint64()) { seed in
      let log = generatedLog(seed: seed, tickets: 70)
      let zone = MetricsPropertyTests.paris
      let order = TicketOrder(log)
      // The trend of a report for the log's last month covers every month.
      let lastMonth = MonthKey(order.timeRange!.last, zone: zone)
      let full = MetricsEngine.compute(
        log, order: order,
        options: MetricsOptions(
          period: .month(year: lastMonth.year, month: lastMonth.month), zone: zone))
      #expect(full.trend.last?.month == lastMonth)
      for row in full.trend {
        let m = MetricsEngine.compute(
          log, order: order,
          options: MetricsOptions(
            period: .month(year: row.month.year, month: row.month.month), zone: zone,
            includeTrend: false))
        #expect(row.opened == m.headline.opened, "\(row.month)")
        #expect(row.shareEscalated == m.headline.shareEscalated, "\(row.month)")
        #expect(row.escalationMoves == m.headline.escalationMoves, "\(row.month)")
        #expect(row.resolved == m.headline.resolved, "\(row.month)")
        #expect(row.medianTimeToResolution == m.headline.medianTimeToResolution, "\(row.month)")
        #expect(row.start == m.period.start && row.end == m.period.end)
      }
      // The trend of an earlier month's report is a prefix of it.
      if full.trend.count > 2 {
        let mid = full.trend[1].month
        let r = MetricsEngine.compute(
          log, order: order,
          options: MetricsOptions(period: .month(year: mid.year, month: mid.month), zone: zone))
        #expect(r.trend == Array(full.trend.prefix(2)))
      }
    }
  }

  @Test func inputOrderOfDifferentTimesDoesNotMatter() async {
    // Shuffling events of different times (same-time events keep their order) gives the
    // same report: events are sorted per ticket by time.
    await propertyCheck(count: 30, input: Gen.uint64()) { seed in
      let log = generatedLog(seed: seed, tickets: 40, shuffle: false)
      var shuffled = log
      var rng = SplitMix64(state: seed ^ 0xABCD)
      shuffled.events.shuffle(using: &rng)
      // Restore the relative order of same-ticket same-time events.
      var groups: [String: [Event]] = [:]
      for e in log.events { groups["\(e.ticket)/\(e.time)", default: []].append(e) }
      var next: [String: Int] = [:]
      for i in shuffled.events.indices {
        let k = "\(shuffled.events[i].ticket)/\(shuffled.events[i].time)"
        let n = next[k, default: 0]
        shuffled.events[i] = groups[k]![n]
        next[k] = n + 1
      }
      let opts = MetricsOptions(period: .month(year: 2026, month: 10), includeTickets: true)
      let a = MetricsEngine.compute(log, options: opts)
      let b = MetricsEngine.compute(shuffled, options: opts)
      #expect(a.rates == b.rates)
      #expect(a.timeAtLevel == b.timeAtLevel)
      #expect(a.tickets == b.tickets)
      #expect(a.trend == b.trend)
      #expect(a.findings.map(\.code) == b.findings.map(\.code))
    }
  }
}

@Suite struct MetricsStatisticsTests {
  @Test func radixSortAgreesWithTheStandardSort() async {
    await propertyCheck(count: 40, input: Gen.int64(in: 0...(Int64(1) << 40)).array(of: 0...3000)) {
      values in
      var a = values
      Statistics.sortDurations(&a)
      #expect(a == values.sorted())
    }
    // Negative values fall back to the standard sort.
    var b: [Int64] = (0..<500).map { Int64(250 - $0) }
    Statistics.sortDurations(&b)
    #expect(b == (0..<500).map { Int64($0 - 249) })
  }

  @Test func statisticsBySelectionAgreeWithThoseOfTheSortedValues() async {
    // Count, mean, median, p90 and max by selection (the figures' way) and from the sorted
    // values: the same, for sizes on both sides of 64, many ties and wide values.
    for range in [Int64(0)...5, Int64(0)...(Int64(1) << 40)] {
      await propertyCheck(count: 30, input: Gen.int64(in: range).array(of: 0...700)) { values in
        var v = values
        #expect(DurationStats(selecting: &v) == DurationStats(sorted: values.sorted()))
        #expect(v.sorted() == values.sorted())
      }
    }
    // Worked by hand: 1…100 → mean 50.5, median 50.5, p90 at rank 89.1: 90 + 0.1 = 90.1, max 100.
    var up = (1...100).reversed().map { Int64($0) }
    let s = DurationStats(selecting: &up)
    #expect(s.count == 100 && s.mean == 50.5 && s.median == 50.5 && s.max == 100)
    #expect(abs(s.p90! - 90.1) < 1e-9)
    var none: [Int64] = []
    #expect(DurationStats(selecting: &none) == .empty)
  }

  @Test func statisticsOfPartsAgreeWithThoseOfTheSortedWhole() async {
    // Several parts taken together (a table's total row) without gathering or sorting them:
    // the same count, mean, median, p90 and max as the sorted concatenation. Values of every
    // magnitude (a random bit length each: durations are heavy-tailed), few distinct values
    // (all in one bucket), many zeros, and sizes on both sides of the 256 where counting by
    // bucket starts; a negative value takes the sorting way.
    await propertyCheck(count: 80, input: Gen.uint64()) { seed in
      var rng = SplitMix64(state: seed)
      let kind = Int(rng.next() % 5)
      var parts: [[Int64]] = []
      for _ in 0..<Int(rng.next() % 4 + 1) {
        let n = Int(rng.next() % 900)
        parts.append(
          (0..<n).map { _ in
            switch kind {
            case 0: return Int64(rng.next() % 6)
            case 1: return Int64(rng.next() >> UInt64(rng.next() % 64 | 24))
            case 2: return rng.next() % 3 == 0 ? 0 : Int64(rng.next() % 100_000)
            case 3: return 3_600 + Int64(rng.next() % 5)
            default: return Int64(rng.next() % 2_000) - 10
            }
          })
      }
      let whole = parts.flatMap { $0 }.sorted()
      #expect(DurationStats(parts: parts) == DurationStats(sorted: whole), "seed \(seed)")
    }
    // Worked by hand: 0…999 in two parts (even, odd numbers): mean 499.5, median at rank
    // 499.5 → 499.5, p90 at rank 899.1 → 899.1, max 999; the buckets of 499 and 899 span
    // 4 and 8 values (bit lengths 9 and 10).
    let s = DurationStats(
      parts: [
        stride(from: 0, to: 1_000, by: 2).map { Int64($0) },
        stride(from: 1, to: 1_000, by: 2).reversed().map { Int64($0) },
      ])
    #expect(s.count == 1_000 && s.mean == 499.5 && s.median == 499.5 && s.max == 999)
    #expect(abs(s.p90! - 899.1) < 1e-9)
    #expect(DurationStats(parts: [[], []]) == .empty)
    // Past 2⁵³ a Double sum depends on its order: the mean is the sorted values' as well.
    // 2⁵³ then 300 ones: summed in that order each one is lost to rounding; sorted, the ones
    // come first and count.
    let big = [Int64(1) << 53] + [Int64](repeating: 1, count: 300)
    let sortedBig = DurationStats(sorted: big.sorted())
    #expect(DurationStats(parts: [big]) == sortedBig)
    #expect(sortedBig.mean == (9_007_199_254_740_992.0 + 300) / 301)
    let wrapping = (0..<1_000).map { Int64($0 % 7) * (Int64.max / 7) }  // overflows Int64
    #expect(DurationStats(parts: [wrapping]) == DurationStats(sorted: wrapping.sorted()))
  }

  @Test func medianBySelectionAgreesWithThePercentileOfTheSortedValues() async {
    // Few distinct values (many ties) and wide ones, odd and even counts, both sides of 64.
    for range in [Int64(0)...5, Int64(0)...(Int64(1) << 40), Int64(-1000)...1000] {
      await propertyCheck(count: 30, input: Gen.int64(in: range).array(of: 0...700)) { values in
        var v = values
        let median = Statistics.median(selecting: &v)
        #expect(median == Statistics.percentile(0.5, sorted: values.sorted()))
        #expect(v.sorted() == values.sorted())
      }
    }
    // Worked by hand: 1…100 ascending, descending, all equal.
    var up = (1...100).map { Int64($0) }
    #expect(Statistics.median(selecting: &up) == 50.5)
    var down = (1...101).reversed().map { Int64($0) }
    #expect(Statistics.median(selecting: &down) == 51)
    var same = [Int64](repeating: 7, count: 99)
    #expect(Statistics.median(selecting: &same) == 7)
  }
}
