import Testing

@testable import EscalationKit

@Suite struct LatestCompleteMonthTests {
  let paris = ZoneRules(identifier: "Europe/Paris")!

  func instant(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0) -> Int64 {
    paris.utc(LocalDateTime(year: y, month: m, day: d, hour: h)).0
  }

  @Test func firstWorkingDayGivesThePreviousMonth() {
    // Run on Monday 2 November 2026 with events up to that morning: October is complete.
    let p = PeriodSpec.latestCompleteMonth(
      lastEvent: instant(2026, 11, 2, 9), now: instant(2026, 11, 2, 10), zone: paris)
    #expect(p == .month(year: 2026, month: 10))
  }

  @Test func aLogThatEndedEarlierGivesItsLastMonth() {
    let p = PeriodSpec.latestCompleteMonth(
      lastEvent: instant(2026, 6, 3), now: instant(2026, 11, 29), zone: paris)
    #expect(p == .month(year: 2026, month: 6))
  }

  @Test func januaryGivesDecemberOfTheYearBefore() {
    let p = PeriodSpec.latestCompleteMonth(
      lastEvent: instant(2027, 1, 4), now: instant(2027, 1, 4, 12), zone: paris)
    #expect(p == .month(year: 2026, month: 12))
  }

  @Test func monthBoundaryIsLocal() {
    // 31 October 2026 23:30 UTC is already 1 November 00:30 in Paris (CET, +01:00).
    let now = LocalDateTime(year: 2026, month: 10, day: 31, hour: 23, minute: 30).secondsAsIfUTC
    let p = PeriodSpec.latestCompleteMonth(lastEvent: now, now: now, zone: paris)
    #expect(p == .month(year: 2026, month: 10))
    let utc = PeriodSpec.latestCompleteMonth(lastEvent: now, now: now, zone: .utc)
    #expect(utc == .month(year: 2026, month: 9))
  }
}
