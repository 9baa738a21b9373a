import EscalationKit
import Testing

/// Business seconds of stays worked out by hand on the calendar of issue 11 (Paris, Mon 8 h in
/// two parts, Tue–Thu 09:00-18:00, Fri 09:00-17:00, French holidays, 2026-12-24 off,
/// 2026-12-31 09:00-12:00) and on a New York office calendar (Mon–Fri 09:00-18:00, US).
@Suite struct BusinessTimeTests {
  typealias F = CalendarFixtures
  static let index = BusinessTimeIndex(calendar: F.issue, years: 2026...2027)
  static let ny = BusinessTimeIndex(calendar: F.newYorkOffice, years: 2026...2026)

  func seconds(_ a: Int64, _ b: Int64) -> Int64 {
    BusinessTimeTests.index.businessSeconds(from: a, to: b)
  }

  @Test func stayOverAWeekend() {
    // Fri 2026-11-20 16:00 → Mon 2026-11-23 10:30 (CET): Friday 16:00-17:00 = 3600,
    // Saturday and Sunday 0, Monday 09:00-10:30 = 5400; 9000 in all.
    let a = F.at(F.paris, 2026, 11, 20, 16)
    let b = F.at(F.paris, 2026, 11, 23, 10, 30)
    #expect(seconds(a, b) == 9000)
    // Calendar time: 2 days 18.5 h = 239,400 s.
    #expect(b - a == 239_400)
  }

  @Test func stayOverAHoliday() {
    // Tue 2026-11-10 17:00 → Thu 2026-11-12 10:00: Tuesday 17:00-18:00 = 3600, Wednesday
    // 11 November (Armistice, FR set) 0, Thursday 09:00-10:00 = 3600; 7200.
    #expect(seconds(F.at(F.paris, 2026, 11, 10, 17), F.at(F.paris, 2026, 11, 12, 10)) == 7200)
    // Wed 2026-12-23 17:00 → Mon 2026-12-28 09:30: Wednesday 17:00-18:00 = 3600, Thursday 24
    // (listed date) 0, Friday 25 (Noël) 0, weekend 0, Monday 09:00-09:30 = 1800; 5400.
    #expect(seconds(F.at(F.paris, 2026, 12, 23, 17), F.at(F.paris, 2026, 12, 28, 9, 30)) == 5400)
  }

  @Test func halfDayAndYearBoundary() {
    // Thu 2026-12-31 08:00 → Mon 2027-01-04 10:00: the half-day 09:00-12:00 = 10,800, Friday
    // 1 January (FR) 0, weekend 0, Monday 09:00-10:00 = 3600; 14,400.
    let a = F.at(F.paris, 2026, 12, 31, 8)
    let b = F.at(F.paris, 2027, 1, 4, 10)
    #expect(seconds(a, b) == 14_400)
    // An index over 2026 only answers the same (the part in 2027 is computed outside it).
    let only2026 = BusinessTimeIndex(calendar: F.issue, years: 2026...2026)
    #expect(only2026.businessSeconds(from: a, to: b) == 14_400)
    // The half-day's afternoon is not working time: 12:00 → 18:00 gives 0.
    #expect(seconds(F.at(F.paris, 2026, 12, 31, 12), F.at(F.paris, 2026, 12, 31, 18)) == 0)
  }

  @Test func stayEntirelyOutsideHours() {
    // Saturday 10:00 → Sunday 20:00; Tuesday 19:00 → Wednesday 08:00; Monday's lunch break.
    #expect(seconds(F.at(F.paris, 2026, 11, 21, 10), F.at(F.paris, 2026, 11, 22, 20)) == 0)
    #expect(seconds(F.at(F.paris, 2026, 11, 17, 19), F.at(F.paris, 2026, 11, 18, 8)) == 0)
    #expect(seconds(F.at(F.paris, 2026, 11, 23, 12, 45), F.at(F.paris, 2026, 11, 23, 13, 15)) == 0)
    // And a zero-length or reversed stay.
    let t = F.at(F.paris, 2026, 11, 23, 10)
    #expect(seconds(t, t) == 0)
    #expect(seconds(t + 60, t) == 0)
  }

  @Test func mondayWithItsBreak() {
    // Monday 2026-11-23 08:00 → 20:00: 09:00-12:30 (12,600) + 13:30-18:00 (16,200) = 28,800.
    #expect(seconds(F.at(F.paris, 2026, 11, 23, 8), F.at(F.paris, 2026, 11, 23, 20)) == 28_800)
    // A whole ordinary week, Mon 2026-11-16 00:00 → Mon 2026-11-23 00:00: 8 + 9 × 3 + 8 = 43 h.
    #expect(seconds(F.at(F.paris, 2026, 11, 16), F.at(F.paris, 2026, 11, 23)) == 43 * 3600)
  }

  @Test func parisWeekendOfTheSpringChange() {
    // Fri 2026-03-27 16:00 CET → Mon 2026-03-30 10:00 CEST (clocks go forward on Sunday 29):
    // Friday 16:00-17:00 = 3600 and Monday 09:00-10:00 = 3600; 7200. Calendar time is one hour
    // less than the wall clocks' 66 h: 15:00Z Friday → 08:00Z Monday = 65 h.
    let a = F.at(F.paris, 2026, 3, 27, 16)
    let b = F.at(F.paris, 2026, 3, 30, 10)
    #expect(seconds(a, b) == 7200)
    #expect(b - a == 65 * 3600)
  }

  @Test func newYorkWeekendOfTheFallChange() {
    // Fri 2026-10-30 17:30 EDT → Mon 2026-11-02 09:30 EST (clocks go back on Sunday 1):
    // Friday 17:30-18:00 = 1800, Monday 09:00-09:30 = 1800; 3600. Calendar: 21:30Z → 14:30Z
    // three days later = 65 h (the wall clocks say 64 h).
    let a = F.at(F.newYork, 2026, 10, 30, 17, 30)
    let b = F.at(F.newYork, 2026, 11, 2, 9, 30)
    #expect(BusinessTimeTests.ny.businessSeconds(from: a, to: b) == 3600)
    #expect(b - a == 65 * 3600)
  }

  @Test func newYorkFederalHolidays() {
    // Thu 2026-07-02 17:00 → Mon 2026-07-06 10:00: Thursday 17:00-18:00 = 3600, Friday 3 July
    // (Independence Day, a Saturday, observed on Friday) 0, weekend 0, Monday 09:00-10:00 =
    // 3600; 7200. Thanksgiving week: Wed 2026-11-25 09:00 → Fri 2026-11-27 09:00 = Wednesday
    // 9 h (32,400), Thursday 26 (Thanksgiving) 0.
    let ny = BusinessTimeTests.ny
    #expect(
      ny.businessSeconds(from: F.at(F.newYork, 2026, 7, 2, 17), to: F.at(F.newYork, 2026, 7, 6, 10))
        == 7200)
    #expect(
      ny.businessSeconds(
        from: F.at(F.newYork, 2026, 11, 25, 9), to: F.at(F.newYork, 2026, 11, 27, 9)) == 32_400)
  }

  @Test func breachedAt() throws {
    let idx = BusinessTimeTests.index
    // 8 business hours from Fri 2026-11-20 16:00: Friday 16:00-17:00 (1 h, 7 h left), Monday
    // 09:00-12:30 (3.5 h left), 13:30-17:00 → Monday 2026-11-23 17:00 CET = 16:00Z.
    let t = try #require(
      idx.instant(afterBusinessSeconds: 8 * 3600, from: F.at(F.paris, 2026, 11, 20, 16)))
    #expect(CivilDate.iso8601UTC(t) == "2026-11-23T16:00:00Z")
    // 3.5 h from Monday 09:00 ends at 12:30 (the earliest instant), not after lunch at 13:30.
    let noon = try #require(
      idx.instant(afterBusinessSeconds: 12_600, from: F.at(F.paris, 2026, 11, 23, 9)))
    #expect(noon == F.at(F.paris, 2026, 11, 23, 12, 30))
    // From Saturday: 1 s of business time is Monday 09:00:01.
    #expect(
      idx.instant(afterBusinessSeconds: 1, from: F.at(F.paris, 2026, 11, 21, 12))
        == F.at(F.paris, 2026, 11, 23, 9, 0, 1))
    // 0 s: the start itself.
    #expect(idx.instant(afterBusinessSeconds: 0, from: 12_345) == 12_345)
    // Past the index (built for 2026–2027): 1 h from Fri 2027-12-31 16:30 (a Friday) is
    // 16:30-17:00 then Monday 2028-01-03 09:00-09:30 → 09:30 CET.
    #expect(
      idx.instant(afterBusinessSeconds: 3600, from: F.at(F.paris, 2027, 12, 31, 16, 30))
        == F.at(F.paris, 2028, 1, 3, 9, 30))
  }

  @Test func breachInstantUnderTheStrictRule() throws {
    let idx = BusinessTimeTests.index
    // A 1 h target from Fri 2026-11-20 16:00 is used up at 17:00; the time goes over it with
    // the first working second after, Monday 2026-11-23 09:00:00 (08:00Z).
    let start = F.at(F.paris, 2026, 11, 20, 16)
    let breach = try #require(idx.breachInstant(target: 3600, from: start))
    #expect(CivilDate.iso8601UTC(breach) == "2026-11-23T08:00:00Z")
    // A stay ending on Saturday, or at Monday 09:00:00, has exactly 3600 s: not breached; one
    // ending a second later has 3601 s: breached. Breached ⇔ end > breachInstant.
    for end in [F.at(F.paris, 2026, 11, 21, 12), breach, breach + 1] {
      #expect((idx.businessSeconds(from: start, to: end) > 3600) == (end > breach))
    }
  }

  @Test func calendarWithoutWorkingTimeNeverBreaches() {
    var cal = BusinessCalendar(zone: F.paris, week: [])
    let idx0 = BusinessTimeIndex(calendar: cal, years: 2026...2026)
    #expect(idx0.instant(afterBusinessSeconds: 1, from: F.utc(2026, 6, 1)) == nil)
    // Only one listed working Saturday: 3 h there, then nothing.
    cal.setIntervals([WorkingInterval(hours: 9, 0, to: 12, 0)!], forDay: F.day(2026, 12, 5))
    let idx = BusinessTimeIndex(calendar: cal, years: 2026...2026)
    #expect(
      idx.instant(afterBusinessSeconds: 3 * 3600, from: F.utc(2026, 6, 1))
        == F.at(F.paris, 2026, 12, 5, 12))
    #expect(idx.instant(afterBusinessSeconds: 3 * 3600 + 1, from: F.utc(2026, 6, 1)) == nil)
  }

  @Test func farTargetsPastTheIndex() {
    // 24×7 in UTC, index over 2026: 100 years of business time from 2026-06-01 is exactly
    // 100 years of calendar time later.
    let idx = BusinessTimeIndex(calendar: .twentyFourSeven(), years: 2026...2026)
    let from = F.utc(2026, 6, 1)
    let century = Int64(36_524 * 86_400)
    #expect(idx.instant(afterBusinessSeconds: century, from: from) == from + century)
    #expect(idx.businessSeconds(from: from, to: from + century) == century)
    // From 9990-01-01, 20 years of 24×7 time end after year 9999: nil.
    let late = BusinessTimeIndex(calendar: .twentyFourSeven(), years: 9990...9990)
    let from9990 = F.utc(9990, 1, 1)
    #expect(late.instant(afterBusinessSeconds: 20 * 366 * 86_400, from: from9990) == nil)
    #expect(late.instant(afterBusinessSeconds: 86_400, from: from9990) == from9990 + 86_400)
  }

  @Test func isWorking() {
    let idx = BusinessTimeTests.index
    #expect(idx.isWorking(at: F.at(F.paris, 2026, 11, 23, 9)))
    #expect(!idx.isWorking(at: F.at(F.paris, 2026, 11, 23, 12, 30)))
    #expect(idx.isWorking(at: F.at(F.paris, 2026, 11, 23, 12, 29, 59)))
    #expect(!idx.isWorking(at: F.at(F.paris, 2026, 11, 11, 10)))
  }
}
