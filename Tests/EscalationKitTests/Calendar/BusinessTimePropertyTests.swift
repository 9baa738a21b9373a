import EscalationKit
import PropertyBased
import Testing

/// Properties of business time over random stays in 2025–2027 (both DST changes of each year).
@Suite struct BusinessTimePropertyTests {
  typealias F = CalendarFixtures
  static let lower = F.utc(2025, 1, 1)
  static let upper = F.utc(2028, 1, 1)
  static let issue = BusinessTimeIndex(calendar: F.issue, years: 2025...2027)
  static let ny = BusinessTimeIndex(calendar: F.newYorkOffice, years: 2025...2027)
  /// Night and weekend work around both changes: Sunday 00:00-04:00 and 22:00-24:00,
  /// Saturday 01:30-02:30, Monday 00:00-24:00.
  static let nights = [F.paris, F.newYork].map { zone in
    BusinessTimeIndex(
      calendar: BusinessCalendar(
        zone: zone,
        week: [
          [.wholeDay], [], [], [], [], [WorkingInterval(hours: 1, 30, to: 2, 30)!],
          [WorkingInterval(hours: 0, 0, to: 4, 0)!, WorkingInterval(hours: 22, 0, to: 24, 0)!],
        ]),
      years: 2025...2027)
  }
  static var all: [BusinessTimeIndex] { [issue, ny] + nights }

  /// A stay: a start in 2025–2027 and a length up to 40 days (seconds).
  static let startRange = lower...(upper - 41 * 86_400)
  static let lengthRange = Int64(0)...(40 * 86_400)

  @Test func twentyFourSevenEqualsCalendarTime() async {
    let always = [F.paris, F.newYork, ZoneRules.utc].map {
      BusinessTimeIndex(calendar: .twentyFourSeven(zone: $0), years: 2025...2027)
    }
    await propertyCheck(
      count: 300, input: Gen.int64(in: BusinessTimePropertyTests.startRange),
      Gen.int64(in: BusinessTimePropertyTests.lengthRange)
    ) {
      start, length in
      for idx in always {
        #expect(idx.businessSeconds(from: start, to: start + length) == length)
        // Also past the index, in 2028–2029.
        let later = start + 3 * 366 * 86_400
        #expect(idx.businessSeconds(from: later, to: later + length) == length)
      }
    }
  }

  @Test func neverMoreThanCalendarTime() async {
    await propertyCheck(
      count: 300, input: Gen.int64(in: BusinessTimePropertyTests.startRange),
      Gen.int64(in: BusinessTimePropertyTests.lengthRange)
    ) {
      start, length in
      for idx in BusinessTimePropertyTests.all {
        let b = idx.businessSeconds(from: start, to: start + length)
        #expect(b >= 0 && b <= length)
      }
    }
  }

  @Test func splittingAStayKeepsTheSum() async {
    await propertyCheck(
      count: 300, input: Gen.int64(in: BusinessTimePropertyTests.startRange),
      Gen.int64(in: BusinessTimePropertyTests.lengthRange),
      Gen.int64(in: 0...(40 * 86_400))
    ) { start, length, cut in
      let mid = start + min(cut, length)
      for idx in BusinessTimePropertyTests.all {
        let whole = idx.businessSeconds(from: start, to: start + length)
        let parts =
          idx.businessSeconds(from: start, to: mid)
          + idx.businessSeconds(from: mid, to: start + length)
        #expect(whole == parts)
      }
    }
  }

  @Test func instantAfterInvertsBusinessSeconds() async {
    await propertyCheck(
      count: 300, input: Gen.int64(in: Self.lower...(Self.upper - 90 * 86_400)),
      Gen.int64(in: 1...(200 * 3600))
    ) { start, target in
      for idx in BusinessTimePropertyTests.all {
        guard let t = idx.instant(afterBusinessSeconds: target, from: start) else {
          Issue.record("no instant for \(target) s from \(start)")
          continue
        }
        #expect(idx.businessSeconds(from: start, to: t) == target)
        // The earliest such instant: one second before, one second is still missing.
        #expect(idx.businessSeconds(from: start, to: t - 1) == target - 1)
      }
    }
  }

  @Test func indexAgreesWithTheWallClockMinuteByMinute() async {
    // Whole minutes, stays up to 2 days, near the 2026 changes of both zones.
    let windows = [F.utc(2026, 3, 6), F.utc(2026, 3, 27), F.utc(2026, 10, 23), F.utc(2026, 10, 30)]
    await propertyCheck(
      count: 50, input: Gen.int(in: 0...3), Gen.int64(in: 0...(4 * 1440)),
      Gen.int64(in: 0...(2 * 1440))
    ) { w, startMinute, lengthMinutes in
      let a = windows[w] + startMinute * 60
      let b = a + lengthMinutes * 60
      for idx in BusinessTimePropertyTests.all {
        #expect(idx.businessSeconds(from: a, to: b) == F.bruteForce(idx.calendar, from: a, to: b))
      }
    }
  }

  @Test func smallIndexAgreesWithLargeOneOutsideItsSpan() async {
    // An index over one week answers stays anywhere in 2025–2027 as the one over three years.
    let week = F.utc(2026, 6, 1)...F.utc(2026, 6, 8)
    let small = [F.issue, F.newYorkOffice].map { BusinessTimeIndex(calendar: $0, covering: week) }
    let large = [BusinessTimePropertyTests.issue, BusinessTimePropertyTests.ny]
    await propertyCheck(
      count: 100, input: Gen.int64(in: BusinessTimePropertyTests.startRange),
      Gen.int64(in: BusinessTimePropertyTests.lengthRange)
    ) {
      start, length in
      for (s, l) in zip(small, large) {
        #expect(
          s.businessSeconds(from: start, to: start + length)
            == l.businessSeconds(from: start, to: start + length))
        #expect(
          s.instant(afterBusinessSeconds: length / 4 + 1, from: start)
            == l.instant(afterBusinessSeconds: length / 4 + 1, from: start))
        // The clock's differences are business seconds, inside and outside the span.
        #expect(
          s.businessClock(at: start + length) - s.businessClock(at: start)
            == l.businessSeconds(from: start, to: start + length))
        #expect(
          l.businessClock(at: start + length) - l.businessClock(at: start)
            == l.businessSeconds(from: start, to: start + length))
      }
    }
  }
}
