import EscalationKit
import Testing

/// `metrics --table stays` and the ticket table's last-stay flag (docs/metrics.md#sla): every
/// stay checked, with its clocks, breach instant and time left, hand-worked on PauseTests's
/// calendar (UTC, Monday to Friday 09:00-18:00; hour 0 = Thursday 1 October 2026 00:00 UTC,
/// Thu 09:00 = h 9, Fri 09:00 = h 33, Mon 5 Oct 09:00 = h 105, Tue 09:00 = h 129).
@Suite struct SLAStaysTests: MetricsFixtures {
  func compute(_ b: LogBuilder, sla: String, asOf: Int64? = nil, calendar: Bool = true) throws
    -> ReportContent
  {
    var o = MetricsOptions(
      period: october, asOf: asOf, sla: try SLATargets.parse(sla), includeTickets: true)
    if calendar { o.calendar = BusinessSLATests.office }
    o.includeStays = true
    return MetricsEngine.compute(b.log, options: o)
  }

  @Test func aPausedStayBreachesWhenItsUnpausedTimePassesTheTarget() throws {
    // P: L1 [h 9, h 39), paused [h 11, h 34) (PauseTests.pauseInsideAStay), then L2 until
    // h 41 (no target at L2: not listed). Business: 15 h, paused 8 h, SLA clock 7 h > 6 bh.
    // The clock runs Thu 09-11 (2 h, 4 h left), stops until Fri 10:00, and the 4 h left run
    // out at Fri 14:00 (h 38): breached at h 38, before the stay ends at h 39.
    let b = PauseTests().pauseInsideAStay
    let r = try compute(b, sla: "1=6bh")
    let stays = try #require(r.sla?.stays)
    #expect(stays.count == 1)
    let s = try #require(stays.first)
    #expect(s.ticket == "P" && s.level.rawValue == 1 && s.start == b.base + h(9))
    #expect(s.end == b.base + h(39) && s.calendarSeconds == 108_000)
    #expect(s.businessSeconds == 54_000 && s.pausedSeconds == 82_800)
    #expect(s.pausedBusinessSeconds == 28_800 && s.slaSeconds == 25_200)
    #expect(s.target == 21_600 && s.clock == .business && s.breached)
    #expect(s.breachAt == b.base + h(38) && s.remaining == nil)
    // In calendar time, 1=6.5h: 2 h before the pause (4.5 h left) from Fri 10:00: h 38.5.
    let c = try #require(try compute(b, sla: "1=6.5h", calendar: false).sla?.stays?.first)
    #expect(c.breached && c.breachAt == b.base + h(38.5) && c.slaSeconds == 25_200)
    #expect(c.businessSeconds == nil && c.pausedBusinessSeconds == nil)
    // Within 8 bh: not breached, no breach instant (the stay ended).
    let ok = try #require(try compute(b, sla: "1=8bh").sla?.stays?.first)
    #expect(!ok.breached && ok.breachAt == nil)
    // P's last stay is at L2, which has no target.
    #expect(row(r, "P")?.slaLastStayBreached == nil && row(r, "P")?.slaBreaches == 1)
  }

  @Test func openStaysCarryTheirTimeLeft() throws {
    // As-of Tue 6 Oct 17:00 (h 137), 1=6bh (PauseTests.aPauseRunningAtAsOfIsNeverAtRisk).
    // S: open Mon 09:00, paused Mon 12:00 and never resumed: clock 3 h (3 h left), paused at
    // the as-of: no breach instant. T: open Tue 09:00, paused 10:00-13:00: clock 5 h, 1 h
    // left, breaching Wed 09:00 (h 153). U: open Mon 09:00 (h 105), never paused: 17 h > 6 h,
    // breached Mon 15:00 (h 111), 11 h over: left −11 h.
    var b = PauseTests().runningAndEndedPauses
    b.add("U", 105, .open, 1)
    let r = try compute(b, sla: "1=6bh", asOf: b.base + h(137))
    let stays = try #require(r.sla?.stays)
    // By start: S and U at h 105 (S first in the log), then T.
    #expect(stays.map(\.ticket) == ["S", "U", "T"])
    #expect(stays.allSatisfy { $0.end == nil })
    #expect(stays[0].slaSeconds == 10_800 && stays[0].remaining == 10_800)
    #expect(stays[0].breachAt == nil && !stays[0].breached)
    #expect(stays[1].breached && stays[1].breachAt == b.base + h(111))
    #expect(stays[1].slaSeconds == 61_200 && stays[1].remaining == -39_600)
    #expect(stays[2].remaining == 3_600 && stays[2].breachAt == b.base + h(153))
    // The ticket table: U's last (open) stay is over its target, S's and T's are not.
    #expect(row(r, "U")?.slaLastStayBreached == true)
    #expect(row(r, "S")?.slaLastStayBreached == false)
    #expect(row(r, "T")?.slaLastStayBreached == false)
    // Without includeStays, no list.
    var o = MetricsOptions(period: october, asOf: b.base + h(137), sla: try .parse("1=6bh"))
    o.calendar = BusinessSLATests.office
    #expect(MetricsEngine.compute(b.log, options: o).sla?.stays == nil)
  }
}
