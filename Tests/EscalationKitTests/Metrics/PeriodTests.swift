import EscalationKit
import Testing

/// Hand-worked logs for the period, its month boundaries and the as-of:
/// docs/metrics.md#period-and-as-of. Every expected value is derived in the comment next to it.
@Suite struct PeriodTests: MetricsFixtures {
  @Test func eventsAtOrAfterAsOfAreIgnored() {
    // C opened 2026-10-30 10:00 UTC at L1; escalated and resolved exactly at 2026-11-01 00:00,
    // the end of October: not before the as-of, so not used. October: 1 opened, none
    // escalated (rate 0, not empty), nothing resolved, C in the backlog at L1.
    var b = LogBuilder()
    b.add("C", 29 * 24 + 10, .open, 1)
    b.add("C", 31 * 24, .escalate, 2)
    b.add("C", 31 * 24, .resolve)
    let r = report(b, october)
    #expect(r.period.asOf == LocalDateTime(year: 2026, month: 11, day: 1).secondsAsIfUTC)
    #expect(r.headline.opened == 1)
    #expect(r.rates.last?.reached2 == 0)
    #expect(r.rates.last?.rate2 == 0)
    #expect(r.headline.escalationMoves == 0)
    #expect(r.headline.resolved == 0)
    #expect(r.backlog.map(\.ticket) == ["C"])
    // Age: 31 days × 24 h − (29 × 24 + 10) h = 38 h.
    #expect(r.backlog.first?.age == h(38))
    // November sees the move and the resolution (C was opened in October: not in its intake).
    let nov = report(b, .month(year: 2026, month: 11))
    #expect(nov.headline.escalationMoves == 1)
    #expect(nov.headline.resolved == 1)
    #expect(nov.headline.opened == 0)
    #expect(nov.headline.shareEscalated == nil)
  }

  @Test func monthBoundaryInParisAcrossTheOctoberDSTChange() throws {
    // Europe/Paris: October 2026 runs from 2026-10-01 00:00 CEST (UTC+2) = 2026-09-30T22:00Z
    // to 2026-11-01 00:00 CET (UTC+1) = 2026-10-31T23:00Z; DST ends on 25 October, so the
    // month lasts 31 × 24 + 1 = 745 h.
    let paris = try #require(ZoneRules(identifier: "Europe/Paris"))
    let start = LocalDateTime(year: 2026, month: 9, day: 30, hour: 22).secondsAsIfUTC
    let end = LocalDateTime(year: 2026, month: 10, day: 31, hour: 23).secondsAsIfUTC
    var b = LogBuilder(base: 0)
    b.at("early", start - 1800, .open, 1)  // 30 Sep 23:30 Paris: September
    b.at("first", start, .open, 1)  // 1 Oct 00:00 Paris: October, open all month
    b.at("late", end - 1800, .open, 1)  // 31 Oct 23:30 Paris: October
    b.at("late", end - 600, .escalate, 2)  // 31 Oct 23:50: an October move
    b.at("nov", end, .open, 1)  // 1 Nov 00:00 Paris: November
    b.at("nov", end + 60, .escalate, 2)
    let r = report(b, october, zone: paris)
    #expect(r.period.start == start && r.period.end == end && r.period.asOf == end)
    #expect(r.headline.opened == 2)
    #expect(r.headline.escalationMoves == 1)
    #expect(r.rates.last?.rate2 == 0.5)
    // "first" has been open the whole month: 745 h.
    #expect(r.backlog.first { $0.ticket == "first" }?.age == h(745))
    #expect(r.backlog.map(\.ticket) == ["early", "first", "late"])
    // In UTC, "early" (21:30Z) and "first" (22:00Z on 30 Sep) fall in September, and "nov"
    // (23:00Z on 31 Oct) in October with its move a minute later.
    let utc = report(b, october, zone: .utc)
    #expect(utc.headline.opened == 2)
    #expect(utc.headline.escalationMoves == 2)
    #expect(utc.backlog.map(\.ticket) == ["early", "first", "late", "nov"])
    // The trend in Paris: September (early), October (first, late).
    let trend = report(b, october, zone: paris).trend
    #expect(trend.map(\.month.description) == ["2026-09", "2026-10"])
    #expect(trend.map(\.opened) == [1, 2])
  }

  @Test func withoutPeriodEveryEventIsUsed() {
    // No period: P covers all events, as-of = last event's time (the resolve at 5 h is used).
    var b = LogBuilder()
    b.add("I", 0, .open, 1)
    b.add("I", 5, .resolve)
    b.add("J", 2, .open, 1)
    let r = report(b)
    #expect(r.period.asOf == b.base + h(5))
    #expect(r.headline.resolved == 1)
    #expect(r.headline.opened == 2)
    // J is open at as-of, aged 3 h.
    #expect(r.backlog.first?.age == h(3))
  }

  @Test func resolutionAtMidnightParisIsNotInOctoberAndToDayIsIncluded() {
    // Paris: October ends 2026-11-01 00:00 CET = 2026-10-31T23:00Z.
    // K: open 31 Oct 10:00Z, resolved at 23:00Z exactly → not before as-of: still open in
    // October (backlog, age 13 h); November sees it resolved, TTR 13 h.
    // L: open 10:00Z, resolved 22:59:59Z → resolved in October, TTR 12 h 59 min 59 s = 46 799 s.
    let end = LocalDateTime(year: 2026, month: 10, day: 31, hour: 23).secondsAsIfUTC
    var b = LogBuilder(base: 0)
    b.at("K", end - h(13), .open, 1)
    b.at("K", end, .resolve)
    b.at("L", end - h(13), .open, 1)
    b.at("L", end - 1, .resolve)
    let oct = report(b, october, zone: Self.paris)
    #expect(oct.period.end == end && oct.period.asOf == end)
    #expect(oct.headline.resolved == 1)
    #expect(oct.headline.medianTimeToResolution == 46_799)
    #expect(oct.backlog.map(\.ticket) == ["K"])
    #expect(oct.backlog.first?.age == h(13))
    let nov = report(b, .month(year: 2026, month: 11), zone: Self.paris)
    #expect(nov.headline.resolved == 1 && nov.headline.opened == 0)
    #expect(nov.headline.medianTimeToResolution == 46_800)
    // --from 2026-10-01 --to 2026-10-31: both days included, so the same period and figures.
    let days = report(
      b,
      .days(
        from: LocalDateTime(year: 2026, month: 10, day: 1),
        to: LocalDateTime(year: 2026, month: 10, day: 31)), zone: Self.paris)
    #expect(days.period.start == oct.period.start && days.period.end == end)
    #expect(days.headline == oct.headline)
  }

  @Test func monthBoundaryInParisAcrossTheMarchDSTChange() {
    // Europe/Paris, March 2026: from 1 Mar 00:00 CET = 2026-02-28T23:00Z to 1 Apr 00:00 CEST
    // = 2026-03-31T22:00Z (DST starts 29 March): 31 × 24 − 1 = 743 h.
    // M0 opened 28 Feb 23:30 Paris (22:30Z): February. M3 opened 1 Mar 00:00 Paris (23:00Z on
    // 28 Feb): March, open all month (age 743 h). M1 opened 31 Mar 23:30 Paris (21:30Z):
    // March. M2 opened 1 Apr 00:00 Paris (22:00Z): April, after as-of.
    let start = LocalDateTime(year: 2026, month: 2, day: 28, hour: 23).secondsAsIfUTC
    let end = LocalDateTime(year: 2026, month: 3, day: 31, hour: 22).secondsAsIfUTC
    var b = LogBuilder(base: 0)
    b.at("M0", start - 1800, .open, 1)
    b.at("M3", start, .open, 1)
    b.at("M1", end - 1800, .open, 1)
    b.at("M2", end, .open, 1)
    let r = report(b, .month(year: 2026, month: 3), zone: Self.paris)
    #expect(r.period.start == start && r.period.end == end)
    #expect(end - start == h(743))
    #expect(r.headline.opened == 2)
    #expect(r.backlog.map(\.ticket) == ["M0", "M3", "M1"])
    #expect(r.backlog.first { $0.ticket == "M3" }?.age == h(743))
    #expect(r.backlog.first { $0.ticket == "M1" }?.age == 1800)
    #expect(r.trend.map(\.month.description) == ["2026-02", "2026-03"])
    #expect(r.trend.map(\.opened) == [1, 2])
  }
}
