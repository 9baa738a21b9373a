import Testing

@testable import EscalationKit

@Suite struct CivilTimeTests {
  @Test func daysRoundTrip() {
    #expect(CivilDate.days(year: 1970, month: 1, day: 1) == 0)
    #expect(CivilDate.days(year: 2000, month: 3, day: 1) == 11_017)
    #expect(CivilDate.days(year: 1899, month: 12, day: 30) == -25_569)
    for d in stride(from: Int64(-800_000), to: 800_000, by: 997) {
      let (y, m, dd) = CivilDate.civil(days: d)
      #expect(CivilDate.days(year: y, month: m, day: dd) == d)
    }
  }

  @Test func iso() {
    #expect(CivilDate.iso8601UTC(0) == "1970-01-01T00:00:00Z")
    #expect(CivilDate.iso8601UTC(1_791_151_200) == "2026-10-04T22:00:00Z")
    #expect(CivilDate.iso8601UTC(-1) == "1969-12-31T23:59:59Z")
  }

  @Test func parisSpringForwardGapMovesForward() {
    let z = ZoneRules(identifier: "Europe/Paris")!
    let (t, r) = z.utc(LocalDateTime(year: 2026, month: 3, day: 29, hour: 2, minute: 30))
    #expect(r == .gap(seconds: 3600))
    // 02:30 does not exist; 03:30 CEST = 01:30 UTC.
    #expect(CivilDate.iso8601UTC(t) == "2026-03-29T01:30:00Z")
  }

  @Test func parisFallBackTakesFirstOccurrence() {
    let z = ZoneRules(identifier: "Europe/Paris")!
    let (t, r) = z.utc(LocalDateTime(year: 2026, month: 10, day: 25, hour: 2, minute: 30))
    #expect(r == .ambiguous)
    #expect(CivilDate.iso8601UTC(t) == "2026-10-25T00:30:00Z")
    let (t2, r2) = z.utc(LocalDateTime(year: 2026, month: 10, day: 25, hour: 3, minute: 30))
    #expect(r2 == .exact)
    #expect(CivilDate.iso8601UTC(t2) == "2026-10-25T02:30:00Z")
  }

  @Test func monthBoundariesInZone() {
    let z = ZoneRules(identifier: "Europe/Paris")!
    #expect(CivilDate.iso8601UTC(z.startOfMonth(year: 2026, month: 10)) == "2026-09-30T22:00:00Z")
    #expect(CivilDate.iso8601UTC(z.startOfMonth(year: 2026, month: 11)) == "2026-10-31T23:00:00Z")
    #expect(
      z.local(z.startOfMonth(year: 2026, month: 11)) == LocalDateTime(year: 2026, month: 11, day: 1)
    )
    #expect(ZoneRules(identifier: "Not/AZone") == nil)
  }
}
