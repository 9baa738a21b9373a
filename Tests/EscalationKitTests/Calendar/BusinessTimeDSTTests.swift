import EscalationKit
import Testing

/// Working intervals at wall-clock times that a DST change skips or repeats: business time is
/// the real seconds during which the wall clock reads a working interval (docs/calendar.md).
@Suite struct BusinessTimeDSTTests {
  typealias F = CalendarFixtures

  /// A calendar working only on Sundays, in `intervals`.
  func sundays(_ zone: ZoneRules, _ intervals: [WorkingInterval]) -> BusinessTimeIndex {
    BusinessTimeIndex(
      calendar: BusinessCalendar(zone: zone, week: [[], [], [], [], [], [], intervals]),
      years: 2026...2026)
  }

  /// Business seconds of the whole local date `y-m-d`.
  func day(_ idx: BusinessTimeIndex, _ y: Int, _ m: Int, _ d: Int) -> Int64 {
    let z = idx.calendar.zone
    return idx.businessSeconds(from: F.at(z, y, m, d), to: F.at(z, y, m, d + 1))
  }

  @Test func parisSpringForward() {
    // Sunday 2026-03-29: 02:00 CET → 03:00 CEST. Interval 01:00-04:00: the wall clock reads
    // 01:00-02:00 (1 h), then 03:00-04:00 (1 h): 7200 s, not 3 h.
    let idx = sundays(F.paris, [WorkingInterval(hours: 1, 0, to: 4, 0)!])
    #expect(day(idx, 2026, 3, 29) == 7200)
    #expect(day(idx, 2026, 3, 22) == 10_800)
    // 02:15-02:45 is never read that day: 0 (1800 the Sunday before).
    let gap = sundays(F.paris, [WorkingInterval(hours: 2, 15, to: 2, 45)!])
    #expect(day(gap, 2026, 3, 29) == 0)
    #expect(day(gap, 2026, 3, 22) == 1800)
    // 02:30-03:30: only 03:00-03:30 CEST is read: 1800.
    let half = sundays(F.paris, [WorkingInterval(hours: 2, 30, to: 3, 30)!])
    #expect(day(half, 2026, 3, 29) == 1800)
    // The working interval, as UTC: 01:00 CET = 00:00Z to 02:00 CET = 01:00Z, then 03:00 CEST =
    // 01:00Z to 04:00 CEST = 02:00Z, joined into one interval 00:00Z-02:00Z.
    let march = idx.workingIntervals.filter {
      $0.start >= F.utc(2026, 3, 28) && $0.end <= F.utc(2026, 3, 30)
    }
    #expect(march.count == 1)
    #expect(
      march.first?.start == F.utc(2026, 3, 29, 0) && march.first?.end == F.utc(2026, 3, 29, 2))
  }

  @Test func parisFallBack() {
    // Sunday 2026-10-25: 03:00 CEST → 02:00 CET, 02:00-03:00 is read twice. Interval
    // 01:00-04:00: 01:00 → 03:00 CEST (2 h, 23:00Z → 01:00Z), then 02:00 → 04:00 CET (2 h,
    // 01:00Z → 03:00Z): 14,400 s.
    let idx = sundays(F.paris, [WorkingInterval(hours: 1, 0, to: 4, 0)!])
    #expect(day(idx, 2026, 10, 25) == 14_400)
    // 02:30-03:00 is read twice, 30 min each time: 3600 (1800 the Sunday before).
    let doubled = sundays(F.paris, [WorkingInterval(hours: 2, 30, to: 3, 0)!])
    #expect(day(doubled, 2026, 10, 25) == 3600)
    #expect(day(doubled, 2026, 10, 18) == 1800)
    // Two intervals whose pieces interleave: 01:00-02:30 and 02:30-04:00 cover the day from
    // 01:00 to 04:00 as above: 14,400, one UTC interval 23:00Z → 03:00Z.
    let split = sundays(
      F.paris, [WorkingInterval(hours: 1, 0, to: 2, 30)!, WorkingInterval(hours: 2, 30, to: 4, 0)!])
    #expect(day(split, 2026, 10, 25) == 14_400)
    let oct = split.workingIntervals.filter {
      $0.start >= F.utc(2026, 10, 24) && $0.end <= F.utc(2026, 10, 26)
    }
    #expect(oct.count == 1)
    #expect(oct.first?.start == F.utc(2026, 10, 24, 23) && oct.first?.end == F.utc(2026, 10, 25, 3))
    // 24×7 in Paris: the local day of the change lasts 25 h, the spring one 23 h.
    let always = BusinessTimeIndex(calendar: .twentyFourSeven(zone: F.paris), years: 2026...2026)
    #expect(day(always, 2026, 10, 25) == 90_000)
    #expect(day(always, 2026, 3, 29) == 82_800)
  }

  @Test func newYorkSpringForward() {
    // Sunday 2026-03-08: 02:00 EST → 03:00 EDT. Interval 01:30-02:30: 01:30-02:00 EST only,
    // 1800 s. Interval 00:00-04:00: 00:00-02:00 and 03:00-04:00, 3 h = 10,800.
    let idx = sundays(F.newYork, [WorkingInterval(hours: 1, 30, to: 2, 30)!])
    #expect(day(idx, 2026, 3, 8) == 1800)
    #expect(day(idx, 2026, 3, 1) == 3600)
    let night = sundays(F.newYork, [WorkingInterval(hours: 0, 0, to: 4, 0)!])
    #expect(day(night, 2026, 3, 8) == 10_800)
  }

  @Test func newYorkFallBack() {
    // Sunday 2026-11-01: 02:00 EDT → 01:00 EST, 01:00-02:00 read twice. Interval 00:00-03:00:
    // 00:00 → 02:00 EDT (04:00Z → 06:00Z) then 01:00 → 03:00 EST (06:00Z → 08:00Z): 14,400.
    let idx = sundays(F.newYork, [WorkingInterval(hours: 0, 0, to: 3, 0)!])
    #expect(day(idx, 2026, 11, 1) == 14_400)
    #expect(day(idx, 2026, 10, 25) == 10_800)
    // A stay starting in the second 01:30 (06:30Z) counts from there only: 06:30Z → 08:00Z = 5400.
    #expect(idx.businessSeconds(from: F.utc(2026, 11, 1, 6, 30), to: F.utc(2026, 11, 2)) == 5400)
    // 24×7 in New York: 25 h on 1 November, 23 h on 8 March.
    let always = BusinessTimeIndex(calendar: .twentyFourSeven(zone: F.newYork), years: 2026...2026)
    #expect(day(always, 2026, 11, 1) == 90_000)
    #expect(day(always, 2026, 3, 8) == 82_800)
  }
}
