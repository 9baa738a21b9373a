import Testing

@testable import EscalationKit

/// The trend's constant-time month look-up (MonthLocator) against a plain scan of the bounds,
/// in zones whose month starts are not at 00:00 UTC and move with summer time.
@Suite struct MonthLocatorTests {
  /// Month starts from 2025-01 to 2027-03 in `zone` (27 months, 28 bounds).
  static func bounds(_ zone: ZoneRules) -> [Int64] {
    var m = MonthKey(year: 2025, month: 1)
    var out: [Int64] = []
    for _ in 0...27 {
      out.append(m.start(in: zone))
      m = m.next
    }
    return out
  }

  /// The month of `t` by scanning: the last bound at or before it, `nil` outside.
  static func scan(_ t: Int64, _ bounds: [Int64]) -> Int? {
    guard t >= bounds[0] && t < bounds[bounds.count - 1] else { return nil }
    return bounds.lastIndex { $0 <= t }
  }

  @Test(arguments: ["UTC", "Europe/Paris", "America/New_York", "Pacific/Chatham"])
  func everyInstantNearABoundAndAcrossTheSpan(zoneID: String) throws {
    let zone = try #require(ZoneRules(identifier: zoneID))
    let bounds = Self.bounds(zone)
    let locator = MonthLocator(bounds)
    var instants: [Int64] = [bounds[0] - 1, bounds[27], bounds[27] + 86_400, Int64.min, Int64.max]
    for b in bounds {
      for d: Int64 in [-3_601, -3_600, -1, 0, 1, 3_599, 3_600, 86_399, 86_400] {
        instants.append(b + d)
      }
    }
    // Every 7,777 s across the span: every hour of the day, both sides of every change.
    var t = bounds[0] - 86_400
    while t < bounds[27] + 86_400 {
      instants.append(t)
      t += 7_777
    }
    for t in instants {
      #expect(locator.index(t) == Self.scan(t, bounds), "instant \(t) in \(zoneID)")
    }
    // The first and last month, by hand: 1 Jan 2025 00:00 is month 0; one second before
    // 1 Apr 2027 00:00 is month 26 (March 2027).
    #expect(locator.index(bounds[0]) == 0)
    #expect(locator.index(bounds[27] - 1) == 26)
    #expect(locator.index(bounds[27]) == nil)
  }

  @Test func noMonthsAndASingleBound() {
    #expect(MonthLocator([]).index(0) == nil)
    #expect(MonthLocator([100]).index(100) == nil)
    let one = MonthLocator([0, 2_678_400])  // January of 1970, 31 days
    #expect(one.index(0) == 0)
    #expect(one.index(2_678_399) == 0)
    #expect(one.index(2_678_400) == nil)
    #expect(one.index(-1) == nil)
  }
}
