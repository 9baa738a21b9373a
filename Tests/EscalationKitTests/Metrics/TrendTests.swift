import EscalationKit
import Testing

/// Hand-worked logs for the monthly trend: docs/metrics.md#trend. Every expected value is derived
/// in the comment next to it.
@Suite struct TrendTests: MetricsFixtures {
  @Test func trendRowsUseEachMonthsOwnEnd() {
    // U opened 30 Sep, escalated 2 Oct: September's row counts it opened but not escalated
    // (by 30 Sep's end it was at 1); October has the move. V resolved 30 Sep, reopened 1 Oct:
    // resolved in September's row, not in October's.
    var b = LogBuilder()
    b.add("U", -12, .open, 1)
    b.add("U", 30, .escalate, 2)
    b.add("V", -20, .open, 1)
    b.add("V", -10, .resolve)
    b.add("V", 5, .reopen)
    let r = report(b, october)
    #expect(r.trend.map(\.month.description) == ["2026-09", "2026-10"])
    let sep = r.trend[0]
    #expect((sep.opened, sep.escalated, sep.escalationMoves, sep.resolved) == (2, 0, 0, 1))
    #expect(sep.medianTimeToResolution == 36_000.0)
    let oct = r.trend[1]
    #expect((oct.opened, oct.escalated, oct.escalationMoves, oct.resolved) == (0, 0, 1, 0))
    #expect(oct.shareEscalated == nil)
  }

  @Test func trendNeverUsesEventsAtOrAfterAnEarlierAsOf() {
    // V: open 20 Sep (−264 h), escalate 2 on 25 Sep (−144 h), resolved 20 Oct (456 h).
    // W: open 1 Oct (0 h), escalate 2 on 21 Oct (480 h), resolved 23 Oct (528 h).
    // October as of 15 Oct 00:00 (336 h): opened 1 (W, at 1 then: share 0), no move, nothing
    // resolved, backlog V and W. The trend's October row says the same (events after the
    // as-of are not used); September's row keeps its own end: V opened, escalated, 1 move.
    // Without --as-of, October's row: opened 1, escalated 1, 1 move (W), resolved 2 with
    // TTR V 456 + 264 = 720 h and W 528 h → median 624 h.
    var b = LogBuilder()
    b.add("V", -264, .open, 1)
    b.add("V", -144, .escalate, 2)
    b.add("V", 456, .resolve)
    b.add("W", 0, .open, 1)
    b.add("W", 480, .escalate, 2)
    b.add("W", 528, .resolve)
    let r = report(b, october, asOf: b.base + h(336))
    #expect(r.headline.opened == 1 && r.headline.shareEscalated == 0)
    #expect(r.headline.escalationMoves == 0 && r.headline.resolved == 0)
    #expect(r.backlog.map(\.ticket) == ["V", "W"])
    #expect(r.trend.map(\.month.description) == ["2026-09", "2026-10"])
    let sep = r.trend[0]
    #expect((sep.opened, sep.escalated, sep.escalationMoves, sep.resolved) == (1, 1, 1, 0))
    let oct = r.trend[1]
    #expect((oct.opened, oct.escalated, oct.escalationMoves, oct.resolved) == (1, 0, 0, 0))
    #expect(oct.medianTimeToResolution == nil)
    let full = report(b, october).trend[1]
    #expect((full.opened, full.escalated, full.escalationMoves, full.resolved) == (1, 1, 1, 2))
    #expect(full.medianTimeToResolution == Double(h(624)))
    // --from 2026-10-01 --to 2026-10-14: as-of 15 Oct 00:00 again, so the same October row
    // (a report for those days is the same whenever it is produced).
    let days = report(
      b,
      .days(
        from: LocalDateTime(year: 2026, month: 10, day: 1),
        to: LocalDateTime(year: 2026, month: 10, day: 14)))
    #expect(days.period.asOf == b.base + h(336))
    #expect(days.trend == r.trend)
  }
}
