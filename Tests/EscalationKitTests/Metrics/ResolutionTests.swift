import EscalationKit
import Testing

/// Hand-worked logs for the resolution figures (time to resolution, highest level, level at
/// resolution): docs/metrics.md#resolution. Every expected value is derived in the comment next to
/// it.
@Suite struct ResolutionTests: MetricsFixtures {
  @Test func reopenAndResolvedThenReopenedBeforeAsOf() {
    // B: open L1 at 0 h, resolved 4 h, reopened 10 h (no level → L1, where it was resolved),
    // → L2 at 12 h, resolved 15 h. TTR = last resolution − first open = 15 h.
    // L1 = 4 + (12−10) = 6 h, L2 = 3 h; time resolved (4 h → 10 h) is at no level.
    var b = LogBuilder()
    b.add("B", 0, .open, 1)
    b.add("B", 4, .resolve)
    b.add("B", 10, .reopen)
    b.add("B", 12, .escalate, 2)
    b.add("B", 15, .resolve)
    let full = report(b, october)
    #expect(row(full, "B")?.secondsAtLevel == [h(6), h(3), nil, nil])
    #expect(row(full, "B")?.timeToResolution == h(15))
    #expect(full.headline.resolved == 1)
    // As of 11 h: resolved at 4 h then reopened at 10 h, so not resolved in P; it is in the
    // backlog at L1 for 1 h, aged 11 h.
    let early = report(b, october, asOf: b.base + h(11))
    #expect(early.headline.resolved == 0)
    #expect(early.backlog.count == 1)
    #expect(early.backlog.first?.level.rawValue == 1)
    #expect(early.backlog.first?.timeAtLevel == h(1))
    #expect(early.backlog.first?.age == h(11))
    // As of 8 h: resolved at 4 h, in P, TTR 4 h.
    let mid = report(b, october, asOf: b.base + h(8))
    #expect(mid.headline.resolved == 1)
    #expect(mid.timeToResolution.last?.stats.median == 14_400.0)
  }

  @Test func resolveOnAResolvedTicketKeepsTheFirstResolution() {
    // E: open 1 on 30 Oct 00:00 (696 h), resolved 700 h, resolved again 702 h (MET008) and
    // on 1 Nov 06:00 (750 h, MET008). The first resolution stands: October TTR = 4 h (not
    // 6 h); November has nothing resolved (the resolution in force is October's).
    var b = LogBuilder()
    b.add("E", 696, .open, 1)
    b.add("E", 700, .resolve)
    b.add("E", 702, .resolve)
    b.add("E", 750, .resolve)
    let oct = report(b, october)
    #expect(oct.headline.resolved == 1)
    #expect(oct.headline.medianTimeToResolution == 14_400)
    #expect(oct.findings.map(\.code) == ["MET008"])  // the 750 h one is after October's as-of
    let nov = report(b, .month(year: 2026, month: 11))
    #expect(nov.headline.resolved == 0)
    #expect(nov.backlog.isEmpty)
    #expect(ticket(oct, "E")?.resolved == b.base + h(700))
    #expect(nov.findings.map(\.code) == ["MET008", "MET008"])
  }

  @Test func aTicketStartingWithAResolveStartsAndEndsThere() {
    // I: first event a resolve at level 3 at 10 h (MET004): it starts at 3 at 10 h and is
    // resolved at once: a zero-length stay at 3, TTR 0, highest 3 (reached 2 and 3), resolved
    // at 3, no move (a starting level is not a move).
    var b = LogBuilder()
    b.add("I", 10, .resolve, 3)
    let r = report(b, october)
    #expect(r.findings.map(\.code) == ["MET004"])
    #expect(r.headline.opened == 1 && r.headline.resolved == 1)
    #expect(r.headline.medianTimeToResolution == 0)
    let t = r.rates.last!
    #expect((t.reached2, t.reached3, t.reached4) == (1, 1, 0))
    #expect(r.headline.escalationMoves == 0)
    #expect(tal(r, .total, 3)?.count == 1 && tal(r, .total, 3)?.max == 0)
    #expect(r.levelAtResolution.last?.counts == [0, 0, 1, 0])
  }

  @Test func resolvedInPUsesTheLastResolutionAndExcludesReopened() {
    // N: open 20 Sep (−264 h), resolved 25 Sep (−144 h), reopened (no level → 1) 5 Oct (96 h),
    // resolved 10 Oct (216 h).
    //   September: resolved in P (the reopen is after its as-of), TTR 120 h.
    //   October: resolved in P by its last resolution; TTR = 216 + 264 = 480 h; level 1 time
    //   = 120 h + (216 − 96) h = 240 h; not in October's intake.
    // O: open 2 Oct (24 h), resolved 20 Oct (456 h), reopened 25 Oct (576 h): not resolved in
    // October; backlog at 1, time at level 744 − 576 = 168 h, age 744 − 24 = 720 h.
    var b = LogBuilder()
    b.add("N", -264, .open, 1)
    b.add("N", -144, .resolve)
    b.add("N", 96, .reopen)
    b.add("N", 216, .resolve)
    b.add("O", 24, .open, 1)
    b.add("O", 456, .resolve)
    b.add("O", 576, .reopen)
    let sep = report(b, .month(year: 2026, month: 9))
    #expect(sep.headline.resolved == 1)
    #expect(sep.headline.medianTimeToResolution == Double(h(120)))
    let oct = report(b, october)
    #expect(oct.headline.resolved == 1)
    #expect(oct.headline.opened == 1)
    #expect(oct.headline.medianTimeToResolution == Double(h(480)))
    #expect(tal(oct, .total, 1)?.max == h(240))
    #expect(oct.backlog.map(\.ticket) == ["O"])
    #expect(oct.backlog.first?.timeAtLevel == h(168))
    #expect(oct.backlog.first?.age == h(720))
    // The trend agrees: September 1 resolved (N, 120 h), October 1 (N, 480 h).
    #expect(oct.trend.map(\.resolved) == [1, 1])
    #expect(oct.trend.map(\.medianTimeToResolution) == [Double(h(120)), Double(h(480))])
  }

  @Test func resolvedFiguresPerLevelAndDistributions() {
    // Four tickets resolved in October (operational challenges):
    //   P1: 1 [0,2) → L1 2 h; TTR 2 h; highest 1; resolved at 1.
    //   P2: 1 [0,4), 2 [4,4) → L1 4 h, L2 0 (zero-length, counted); TTR 4 h; highest 2; at 2.
    //   P3: opened at 2 [0,6) → L2 6 h, no L1 stay; TTR 6 h; highest 2; at 2.
    //   P4: 1 [0,1), 2 [1,2), 1 [2,3) → L1 2 h, L2 1 h; TTR 3 h; highest 2; at 1.
    // L1 values [2, 2, 4] h: count 3, mean 8/3 h, median 2 h, p90 rank 1.8 → 2 + 0.8 × 2 =
    // 3.6 h, max 4 h. L2 values [0, 1, 6] h: count 3, mean 7/3 h, median 1 h, p90 rank 1.8 →
    // 1 + 0.8 × 5 = 5 h, max 6 h. L3, L4: no ticket, every figure empty.
    // TTR [2, 3, 4, 6] h: mean 3.75 h, median rank 1.5 → 3.5 h, p90 rank 2.7 → 4 + 0.7 × 2 =
    // 5.4 h, max 6 h. Highest [1, 3, 0, 0]; at resolution [2, 2, 0, 0].
    // Opened 4, reached 2: P2 P3 P4 = 3. Moves → 2: P2, P4 (P3's start is not a move).
    var b = LogBuilder()
    b.add("P1", 0, .open, 1)
    b.add("P1", 2, .resolve)
    b.add("P2", 0, .open, 1)
    b.add("P2", 4, .escalate, 2)
    b.add("P2", 4, .resolve)
    b.add("P3", 0, .open, 2)
    b.add("P3", 6, .resolve)
    b.add("P4", 0, .open, 1)
    b.add("P4", 1, .escalate, 2)
    b.add("P4", 2, .deescalate, 1)
    b.add("P4", 3, .resolve)
    let r = report(b, october)
    let oc = RowGroup.category(.operationalChallenges)
    func close(_ a: Double?, _ hours: Double) -> Bool {
      a.map { abs($0 - hours * 3600) < 1e-6 } ?? false
    }
    let l1 = tal(r, oc, 1)!
    #expect(l1.count == 3 && l1.max == h(4))
    #expect(close(l1.mean, 8.0 / 3) && close(l1.median, 2) && close(l1.p90, 3.6))
    let l2 = tal(r, .total, 2)!
    #expect(l2.count == 3 && l2.max == h(6))
    #expect(close(l2.mean, 7.0 / 3) && close(l2.median, 1) && close(l2.p90, 5))
    #expect(tal(r, .total, 3) == DurationStats.empty && tal(r, .total, 4) == DurationStats.empty)
    let ttr = r.timeToResolution.last!.stats
    #expect(ttr.count == 4 && ttr.max == h(6))
    #expect(close(ttr.mean, 3.75) && close(ttr.median, 3.5) && close(ttr.p90, 5.4))
    #expect(r.highestLevel.last?.counts == [1, 3, 0, 0])
    #expect(r.levelAtResolution.last?.counts == [2, 2, 0, 0])
    #expect(r.rates.last?.reached2 == 3)
    #expect(r.escalations.last?.toLevel == [2, 0, 0])
    // The other categories have no resolved ticket: empty rows, not zeros.
    #expect(r.timeToResolution.first { $0.group == .category(.equipmentPurchase) }?.stats == .empty)
  }
}
