import EscalationKit
import Testing

/// The built-in holiday sets against the official lists, written out date by date.
@Suite struct HolidayTests {
  func dates(_ set: HolidaySet, _ year: Int) -> [String] {
    set.holidays(year: year).map { String($0.description.prefix(10)) }
  }

  /// The 11 jours fériés of France (service-public.fr, "Jours fériés"; Easter Monday, Ascension
  /// and Whit Monday from the published Easter dates 2024-03-31, 2025-04-20, 2026-04-05,
  /// 2027-03-28, 2028-04-16, 2029-04-01, 2030-04-21: Monday = Easter + 1 day,
  /// Ascension = Easter + 39, Whit Monday = Easter + 50, each counted on a calendar by hand).
  static let france: [Int: [String]] = [
    2024: [
      "2024-01-01", "2024-04-01", "2024-05-01", "2024-05-08", "2024-05-09", "2024-05-20",
      "2024-07-14", "2024-08-15", "2024-11-01", "2024-11-11", "2024-12-25",
    ],
    2025: [
      "2025-01-01", "2025-04-21", "2025-05-01", "2025-05-08", "2025-05-29", "2025-06-09",
      "2025-07-14", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25",
    ],
    2026: [
      "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
      "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25",
    ],
    2027: [
      "2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08", "2027-05-17",
      "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25",
    ],
    2028: [
      "2028-01-01", "2028-04-17", "2028-05-01", "2028-05-08", "2028-05-25", "2028-06-05",
      "2028-07-14", "2028-08-15", "2028-11-01", "2028-11-11", "2028-12-25",
    ],
    2029: [
      "2029-01-01", "2029-04-02", "2029-05-01", "2029-05-08", "2029-05-10", "2029-05-21",
      "2029-07-14", "2029-08-15", "2029-11-01", "2029-11-11", "2029-12-25",
    ],
    2030: [
      "2030-01-01", "2030-04-22", "2030-05-01", "2030-05-08", "2030-05-30", "2030-06-10",
      "2030-07-14", "2030-08-15", "2030-11-01", "2030-11-11", "2030-12-25",
    ],
  ]

  @Test(arguments: 2024...2030) func frenchHolidaysMatchTheOfficialList(year: Int) {
    #expect(dates(.fr, year) == HolidayTests.france[year])
  }

  @Test func easterSundays() {
    // Published Easter dates, including the earliest (22 March) and latest (25 April) possible.
    let known: [(Int, Int, Int)] = [
      (1818, 3, 22), (1961, 4, 2), (2000, 4, 23), (2008, 3, 23), (2019, 4, 21), (2024, 3, 31),
      (2025, 4, 20), (2038, 4, 25), (2285, 3, 22),
    ]
    for (y, m, d) in known {
      let e = HolidaySet.easter(year: y)
      #expect(e.month == m && e.day == d, "Easter \(y)")
    }
  }

  @Test func unitedStatesFederalHolidays2026() {
    // OPM's 2026 list: Independence Day, a Saturday, observed on Friday 3 July.
    #expect(
      dates(.us, 2026) == [
        "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03",
        "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
      ])
  }

  @Test func unitedStatesObservedDays() {
    // 2021 (OPM): Juneteenth's first year, 19 June a Saturday → Friday 18; 4 July a Sunday →
    // Monday 5; Christmas a Saturday → Friday 24.
    #expect(
      dates(.us, 2021) == [
        "2021-01-01", "2021-01-18", "2021-02-15", "2021-05-31", "2021-06-18", "2021-07-05",
        "2021-09-06", "2021-10-11", "2021-11-11", "2021-11-25", "2021-12-24",
      ])
    // New Year's Day 2022, a Saturday, is observed on Friday 31 December 2021.
    #expect(dates(.us, 2022).first == "2021-12-31")
    #expect(HolidaySet.us.contains(day: CivilDate.days(year: 2021, month: 12, day: 31)))
    // Before 2021 no Juneteenth: 10 holidays in 2020.
    #expect(HolidaySet.us.holidays(year: 2020).count == 10)
    // A calendar with the US set has 31 December 2021 off, though only 2021 is asked for.
    let cal = BusinessCalendar(
      zone: CalendarFixtures.newYork, week: Array(repeating: [.wholeDay], count: 7),
      holidaySets: [.us])
    let idx = BusinessTimeIndex(calendar: cal, years: 2021...2021)
    let dec31 = CalendarFixtures.at(CalendarFixtures.newYork, 2021, 12, 31)
    #expect(idx.businessSeconds(from: dec31, to: dec31 + 86_400) == 0)
    #expect(idx.businessSeconds(from: dec31 - 86_400, to: dec31) == 86_400)
  }

  @Test func setCodes() {
    #expect(HolidaySet(code: "fr") == .fr)
    #expect(HolidaySet(code: "US") == .us)
    #expect(HolidaySet(code: "DE") == nil)
  }
}
