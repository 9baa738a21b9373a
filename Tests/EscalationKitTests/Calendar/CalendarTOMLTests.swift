import EscalationKit
import Foundation
import TOMLKit
import Testing

/// Reading calendars from TOML, and the messages for mistakes (kind, line, what to write).
@Suite struct CalendarTOMLTests {
  typealias F = CalendarFixtures

  func failure(_ text: String, defaultZone: ZoneRules? = nil) -> CalendarError? {
    do {
      _ = try BusinessCalendar.parse(toml: text, file: "cal.toml", defaultZone: defaultZone)
      return nil
    } catch {
      return error
    }
  }

  @Test func issueExample() {
    let cal = F.issue
    #expect(cal.zone.identifier == "Europe/Paris")
    #expect(cal.intervals(of: .mon).map(\.description) == ["09:00-12:30", "13:30-18:00"])
    #expect(cal.intervals(of: .tue).map(\.description) == ["09:00-18:00"])
    #expect(cal.intervals(of: .fri).map(\.description) == ["09:00-17:00"])
    #expect(cal.intervals(of: .sat).isEmpty && cal.intervals(of: .sun).isEmpty)
    #expect(cal.holidaySets == [.fr])
    #expect(cal.holidayDates == [F.day(2026, 12, 24)])
    #expect(cal.intervals(onDay: F.day(2026, 12, 31)).map(\.description) == ["09:00-12:00"])
    #expect(cal.intervals(onDay: F.day(2026, 12, 24)).isEmpty)
    #expect(cal.intervals(onDay: F.day(2026, 11, 11)).isEmpty)
    #expect(cal.intervals(onDay: F.day(2026, 11, 12)).map(\.description) == ["09:00-18:00"])
  }

  @Test func keysAtTheTopLevelAndTOMLDates() throws {
    // A file without [calendar]; a holiday as a TOML date; 24×7 days; a date off.
    let cal = try BusinessCalendar.parse(
      toml: """
        tz = "America/New_York"
        mon = ["00:00-24:00"]
        sun = [ "8:00 - 12:00" ]
        holidays = ["us", 2026-12-24]
        [days]
        "2026-12-28" = []
        """, file: "cal.toml")
    #expect(cal.zone.identifier == "America/New_York")
    #expect(cal.intervals(of: .mon) == [.wholeDay])
    #expect(cal.intervals(of: .sun).map(\.description) == ["08:00-12:00"])
    #expect(cal.holidaySets == [.us] && cal.holidayDates == [F.day(2026, 12, 24)])
    #expect(cal.intervals(onDay: F.day(2026, 12, 28)).isEmpty)
  }

  @Test func fromAProfileTable() throws {
    // The profile reads its file and hands over its [calendar] table, with the text for lines.
    let text = "[events]\n\"On hold\" = \"pause\"\n\n[calendar]\nwed = [\"09:00-18:00\"]\n"
    let root = try TOMLTable(string: text)
    let table = try #require(root["calendar"]?.table)
    let cal = try BusinessCalendar.parse(
      table: table, source: CalendarSource(file: "team.toml", text: text, defaultZone: F.paris))
    #expect(cal.zone.identifier == "Europe/Paris")
    #expect(cal.intervals(of: .wed).map(\.description) == ["09:00-18:00"])
    // Without a default zone, tz is required; the message points at the table.
    let e = #expect(throws: CalendarError.self) {
      try BusinessCalendar.parse(
        table: table, source: CalendarSource(file: "team.toml", text: text))
    }
    #expect(e?.kind == .badZone && e?.line == 4)
  }

  @Test func reversedInterval() {
    let e = failure("[calendar]\ntz = \"UTC\"\nfri = [\"09:00-12:00\",\n       \"18:00-09:00\"]\n")
    #expect(e?.kind == .badInterval)
    #expect(e?.line == 4 && e?.column == 8)
    #expect(
      e?.description
        == "cal.toml:4:8: error[CAL006]: fri: \"18:00-09:00\" ends before it starts; an interval "
        + "cannot cross midnight: write \"18:00-24:00\" on this day and \"00:00-09:00\" on the next"
    )
  }

  @Test func overlappingIntervals() {
    let e = failure("[calendar]\ntz = \"UTC\"\n\nmon = [\"09:00-12:00\", \"11:00-13:00\"]\n")
    #expect(e?.kind == .overlappingIntervals && e?.line == 4)
    #expect(e?.message.contains("\"09:00-13:00\"") == true)
  }

  @Test func unreadableIntervals() {
    for bad in ["9-18", "09:00", "09:60-10:00", "24:00-24:00", "08:00-25:00", "ab:cd-10:00"] {
      let e = failure("[calendar]\ntz = \"UTC\"\ntue = [\"\(bad)\"]\n")
      #expect(e?.kind == .badInterval && e?.line == 3, "\(bad)")
      #expect(e?.message.contains("write \"HH:MM-HH:MM\"") == true, "\(bad)")
    }
    let empty = failure("[calendar]\ntz = \"UTC\"\ntue = [\"10:00-10:00\"]\n")
    #expect(empty?.message.contains("is empty") == true)
    let notAList = failure("[calendar]\ntz = \"UTC\"\ntue = \"09:00-18:00\"\n")
    #expect(notAList?.kind == .wrongType && notAList?.line == 3)
    #expect(notAList?.message.contains("tue = [\"09:00-18:00\"]") == true)
  }

  @Test func unknownWeekdayKey() {
    let e = failure("[calendar]\ntz = \"UTC\"\nmon = []\nmonday = [\"09:00-18:00\"]\n")
    #expect(e?.kind == .unknownKey && e?.line == 4 && e?.column == 1)
    #expect(e?.message.contains("write mon = […]") == true)
    let other = failure("[calendar]\n  timezone = \"UTC\"\n")
    #expect(other?.kind == .unknownKey && other?.line == 2 && other?.column == 3)
    #expect(other?.message.contains("tz = \"Europe/Paris\"") == true)
  }

  @Test func unknownHolidaySet() {
    let e = failure("[calendar]\ntz = \"UTC\"\nholidays = [\n  \"FR\",\n  \"DE\",\n]\n")
    #expect(e?.kind == .unknownHolidaySet && e?.line == 5 && e?.column == 3)
    #expect(e?.message.contains("the built-in sets are \"FR\", \"US\"") == true)
  }

  @Test func badDates() {
    let holiday = failure("[calendar]\ntz = \"UTC\"\nholidays = [\"2026-02-30\"]\n")
    #expect(holiday?.kind == .badDate && holiday?.line == 3)
    #expect(holiday?.message.contains("write a real date as YYYY-MM-DD") == true)
    let day = failure(
      "[calendar]\ntz = \"UTC\"\n[calendar.days]\n\"2026-12-31\" = []\n\"31/12/2026\" = []\n")
    #expect(day?.kind == .badDate && day?.line == 5 && day?.column == 1)
  }

  @Test func badZoneAndSyntax() {
    let zone = failure("[calendar]\n\ntz = \"Europe/Parsi\"\n")
    #expect(zone?.kind == .badZone && zone?.line == 3)
    #expect(zone?.message.contains("\"America/New_York\"") == true)
    let syntax = failure("[calendar]\ntz = \"UTC\"\nmon = [\"09:00-18:00\"\n")
    #expect(syntax?.kind == .syntax && syntax?.line != nil)
    let none = failure("[profile]\nname = \"x\"\n")
    #expect(none?.kind == .noCalendar && none?.exitStatus == 1)
    #expect(none?.diagnostic?.summary.isEmpty == false && none?.diagnostic?.code == "CAL002")
  }

  @Test func unreadableFile() throws {
    let e = #expect(throws: CalendarError.self) {
      try BusinessCalendar.load(path: "/nonexistent/calendar.toml")
    }
    #expect(e?.kind == .unreadable && e?.exitCode == 2 && e?.exitStatus == 2)
    #expect(e?.diagnostic?.code == "IO001")
    // A real file, with a BOM.
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "calendar-\(getpid()).toml"
    ).path
    try ("\u{FEFF}" + F.issueTOML).write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let cal = try BusinessCalendar.load(path: path)
    #expect(cal.holidaySets == [.fr] && cal.intervals(of: .thu).count == 1)
  }
}
