import EscalationKit
import Testing

/// Hand-worked logs for the time at level and the duration statistics:
/// docs/metrics.md#time-at-level. Every expected value is derived in the comment next to it.
@Suite struct TimeAtLevelTests: MetricsFixtures {
  @Test func reEnteredLevelsAreSummed() {
    // A: open L1 at 0 h, → L2 at 2 h, back to L1 at 5 h, → L2 at 6 h, resolved at 10 h.
    // L1 = (2−0) + (6−5) = 3 h; L2 = (5−2) + (10−6) = 7 h; time-to-resolution = 10 h.
    var b = LogBuilder()
    b.add("A", 0, .open, 1)
    b.add("A", 2, .escalate, 2)
    b.add("A", 5, .deescalate, 1)
    b.add("A", 6, .escalate, 2)
    b.add("A", 10, .resolve)
    let r = report(b, october)
    let a = row(r, "A")
    #expect(a?.secondsAtLevel == [h(3), h(7), nil, nil])
    #expect(a?.timeToResolution == h(10))
    #expect(a?.highestLevel.rawValue == 2)
    #expect(a?.levelAtResolution?.rawValue == 2)
    // Time at level, resolved in P: one ticket, its L1 total 3 h and L2 total 7 h.
    let l1 = r.timeAtLevel.first {
      $0.group == .category(.operationalChallenges) && $0.level.rawValue == 1
    }
    let l2 = r.timeAtLevel.first { $0.group == .total && $0.level.rawValue == 2 }
    #expect(
      l1?.stats
        == DurationStats(count: 1, mean: 3 * 3600, median: 3 * 3600, p90: 3 * 3600, max: h(3)))
    #expect(l2?.stats.max == h(7))
    // Two upward moves to level 2 (at 2 h and 6 h); the open at level 1 is not a move.
    #expect(r.escalations.last?.toLevel == [2, 0, 0])
    #expect(r.headline.escalationMoves == 2)
    #expect(r.findings.isEmpty)
  }

  @Test func percentileInterpolatesOnFourValues() {
    // PERCENTILE.INC of 1, 2, 3, 4 h: p90 at rank 0.9 × 3 = 2.7 → 3 + 0.7 × (4 − 3) = 3.7 h;
    // median at rank 1.5 → 2.5 h; mean 2.5 h; max 4 h.
    #expect(Statistics.percentile(0.9, sorted: [1, 2, 3, 4]) == 3.7)
    var b = LogBuilder()
    for (i, d) in [4.0, 1, 3, 2].enumerated() {
      b.add("P\(i)", Double(i), .open, 1)
      b.add("P\(i)", Double(i) + d, .resolve)
    }
    let s = report(b, october).timeToResolution.last!.stats
    #expect(s.count == 4)
    #expect(abs(s.p90! - 3.7 * 3600) < 1e-6)
    #expect(s.median == 2.5 * 3600)
    #expect(s.mean == 2.5 * 3600)
    #expect(s.max == h(4))
    // One value: every percentile is that value; none: nil.
    #expect(Statistics.percentile(0.9, sorted: [7]) == 7)
    #expect(Statistics.percentile(0.5, sorted: []) == nil)
  }
}
