import EscalationKit
import ProfileTOML
import Testing

/// A profile's `[calendar]` table (docs/calendar.md): the format of a `--calendar` file, its
/// mistakes reported with their `CAL` code at the profile's line.
@Suite struct ProfileCalendarTests {
  @Test func theIssueExampleInAProfile() throws {
    let p = try ProfileTests.parse(
      """
      tz = "America/New_York"
      [events]
      "Waiting for customer" = "pause"

      [calendar]
      tz = "Europe/Paris"
      mon = ["09:00-12:30", "13:30-18:00"]
      fri = ["09:00-17:00"]
      holidays = ["FR", "2026-12-24"]
      [calendar.days]
      "2026-12-31" = ["09:00-12:00"]
      """)
    let cal = try #require(p.calendar)
    #expect(p.calendarHasZone && cal.zone.identifier == "Europe/Paris")
    #expect(cal.intervals(of: .mon).map(\.description) == ["09:00-12:30", "13:30-18:00"])
    #expect(cal.intervals(of: .tue).isEmpty)
    #expect(cal.holidaySets == [.fr])
    // 2026-12-31 is 20 818 days after 1970-01-01: its own half-day.
    #expect(cal.days[20_818]?.map(\.description) == ["09:00-12:00"])
  }

  @Test func withoutTzTheZoneIsLeftToTheReport() throws {
    let p = try ProfileTests.parse("[calendar]\nwed = [\"09:00-18:00\"]\n")
    #expect(p.calendar != nil && !p.calendarHasZone)
  }

  @Test func mistakesKeepTheirCalendarCodeAndTheProfileLine() {
    // Line 3: the misspelt weekday; CAL003 with the closest key.
    var e = ProfileTests.error("lang = \"en\"\n[calendar]\nmonday = [\"09:00-18:00\"]\n")
    #expect(e?.code == "CAL003" && e?.line == 3 && e?.path == "p.toml")
    #expect(e?.message.contains("mon = [") == true)
    // Line 4: a reversed interval.
    e = ProfileTests.error("[calendar]\ntz = \"UTC\"\n\nfri = [\"18:00-09:00\"]\n")
    #expect(e?.code == "CAL006" && e?.line == 4)
    // [calendar] written as a key.
    e = ProfileTests.error("calendar = \"cal.toml\"\n")
    #expect(e?.code == ProfileCode.wrongType && e?.line == 1)
  }

  @Test func anSLATableWithItsClock() throws {
    // clock = "business": 8h reads as 8 business hours (28 800 s), 90m as 90 business
    // minutes; an explicit bh stays business, and a calendar clock keeps h as calendar hours.
    let p = try ProfileTests.parse(
      "[sla]\nclock = \"business\"\n1 = \"8h\"\n2 = \"90m\"\n4 = \"2bh\"\n")
    let sla = try #require(p.sla)
    #expect(sla.seconds == [28_800, 5_400, nil, 7_200])
    #expect(sla.clocks == [.business, .business, .calendar, .business])
    let q = try ProfileTests.parse("[sla]\n1 = \"24h\"\n2 = \"16bh\"\n")
    #expect(q.sla?.clocks == [.calendar, .business, .calendar, .calendar])
    // Mistakes with their line: a bad clock (line 2), an unknown key (line 3), a target that
    // is no duration (line 2).
    var e = ProfileTests.error("[sla]\nclock = \"office\"\n")
    #expect(e?.code == ProfileCode.badOption && e?.line == 2)
    e = ProfileTests.error("[sla]\n1 = \"8h\"\nfive = \"8h\"\n")
    #expect(e?.code == ProfileCode.unknownKey && e?.line == 3)
    e = ProfileTests.error("[sla]\n1 = \"soon\"\n")
    #expect(e?.code == ProfileCode.badOption && e?.message.contains("[sla]") == true)
  }

  @Test func slaTargetsPerCategory() throws {
    // [sla] clock = "business" carries to the category tables: guidance acquisition's 4h is
    // 4 business hours (14 400 s); a category table with its own clock keeps it (Customer
    // data issues, named by its English label, 2 = "6h" calendar = 21 600 s); the other
    // levels and categories keep the level's targets.
    let p = try ProfileTests.parse(
      """
      [sla]
      clock = "business"
      1 = "8h"
      2 = "16h"
      [sla.guidance-acquisition]
      1 = "4h"
      ["sla"."Customer data issues"]
      clock = "calendar"
      2 = "6h"
      """)
    let sla = try #require(p.sla)
    #expect(sla.seconds == [28_800, 57_600, nil, nil])
    let g = CategoryKey.guidanceAcquisition.index
    let d = CategoryKey.customerDataIssues.index
    #expect(
      sla.seconds(level: 1, category: g) == 14_400 && sla.clock(level: 1, category: g) == .business)
    #expect(sla.seconds(level: 2, category: g) == 57_600)
    #expect(
      sla.seconds(level: 2, category: d) == 21_600 && sla.clock(level: 2, category: d) == .calendar)
    #expect(sla.seconds(level: 1, category: d) == 28_800)
    // Only category tables: the other categories have no target.
    let only = try #require(try ProfileTests.parse("[sla.guidance_acquisition]\n3 = \"2d\"\n").sla)
    #expect(only.seconds == [nil, nil, nil, nil])
    #expect(
      only.seconds(level: 3, category: g) == 172_800 && only.seconds(level: 3, category: 0) == nil)
    // A table that names no category (line 3), with a suggestion; a category table without a
    // target (line 3); an unknown key in a category table (line 4).
    var e = ProfileTests.error("[sla]\n1 = \"8h\"\n[sla.guidance-aquisition]\n1 = \"4h\"\n")
    #expect(e?.code == ProfileCode.unknownKey && e?.line == 3)
    #expect(e?.message.contains("did you mean \"guidance-acquisition\"") == true)
    e = ProfileTests.error("[sla]\n1 = \"8h\"\n[sla.guidance-acquisition]\nclock = \"business\"\n")
    #expect(e?.code == ProfileCode.badOption && e?.message.contains("gives no target") == true)
    e = ProfileTests.error("[sla]\n1 = \"8h\"\n[sla.guidance-acquisition]\nfive = \"4h\"\n")
    #expect(e?.code == ProfileCode.unknownKey && e?.line == 4)
  }
}
