import EscalationKit
import Foundation
import ProfileTOML
import Testing

/// Profile-driven imports of tracker exports made for these tests (no real company data):
/// a ServiceNow-style snapshot log (one row per update) and a Jira-style one-row-per-ticket
/// export. Every expected event is worked out by hand from the fixture rows: Europe/Paris is
/// UTC+2 until 25 October 2026 (03:00 local), UTC+1 after.
@Suite struct ProfileImportTests {
  static func fixture(_ name: String) -> String {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures/profiles/\(name)").path
  }

  /// Import options as the CLI builds them from a profile alone.
  static func options(_ profile: Profile) throws -> LogImportOptions {
    var o = LogImportOptions()
    o.profile = profile
    o.layout = profile.layout
    o.dateOrder = profile.dateOrder
    o.zone = profile.zone ?? .utc
    o.delimiter = profile.delimiter
    for (f, h) in profile.columns {
      if h.isEmpty { o.absentFields.insert(f) } else { o.headerMap[f.rawValue] = h }
    }
    o.values = try ValueMap(profile: profile)
    return o
  }

  static func load(_ log: String, _ profile: String) throws -> EventLog {
    let p = try ProfileReader.load(path: fixture(profile))
    return try LogImporter.load(path: fixture(log), options: options(p))
  }

  @Test func serviceNowSnapshotLog() throws {
    let log = try Self.load("servicenow-snapshot.csv", "servicenow.toml")
    #expect(
      LogTest.rows(log) == [
        // 09:00 Paris = 07:00Z; "3 - Moderate" = 2 by [levels]; Network = performance-issues.
        "INC0010001 2026-10-05T07:00:00Z open 2 performance-issues 2",
        "INC0010001 2026-10-05T07:30:00Z update 2 performance-issues 3",
        "INC0010001 2026-10-05T09:00:00Z update 3 performance-issues 4",
        "INC0010001 2026-10-06T06:00:00Z escalate 4 performance-issues 5",
        "INC0010001 2026-10-06T08:00:00Z escalate 4 performance-issues 6",
        "INC0010001 2026-10-07T14:00:00Z resolve 4 performance-issues 7",
        "INC0010001 2026-10-14T14:00:00Z resolve 4 performance-issues 8",
        // "Category 53" by [categories]; "Awaiting User Info" is a pause by [events].
        "INC0010002 2026-10-08T12:00:00Z open 1 equipment-purchase 9",
        "INC0010002 2026-10-08T13:00:00Z pause 1 equipment-purchase 10",
        "INC0010002 2026-10-09T07:00:00Z update 1 equipment-purchase 12",
        // "Software" is listed nowhere: the "*" catch-all.
        "INC0010003 2026-10-10T08:00:00Z open 3 operational-challenges 13",
        "INC0010003 2026-10-10T10:00:00Z pause 3 operational-challenges 14",
        "INC0010003 2026-10-12T16:00:00Z resolve 3 operational-challenges 15",
        // After the change to winter time: 08:00 Paris = 07:00Z.
        "INC0010005 2026-10-26T07:00:00Z open 2 performance-issues 19",
      ])
    // Line 11 repeats line 10's state at the same time (its note differs): a duplicate.
    // Lines 16-17: "5 - Planning" is not in [levels]; line 18: the date "-" is a null.
    #expect(log.accounting == RecordAccounting(read: 18, used: 14, rejected: 3, duplicates: 1))
    #expect(
      LogTest.codes(log, .error) == ["16:LOG015", "17:LOG015", "18:LOG011"])
    let planning = log.findings.first { $0.line == 16 }
    #expect(planning?.column == 4)
    #expect(
      planning?.message.hasPrefix(
        "\"5 - Planning\" is a priority, not a level: say which level it means in a profile's [levels] table"
      ) == true)
    #expect(LogTest.codes(log, .warning) == ["11:LOG020"])
    // "NULL" owners are blank: the owner table holds the four real names only.
    #expect(log.owners == ["Alice Martin", "Bob Chen", "Chloé Dubois", "Dev Team"])
    let inc3 = log.events.filter { log.ticketIDs[Int($0.ticket)] == "INC0010003" }
    #expect(inc3.map(\.owner) == [0, 0, 4])
    // A snapshot log: repeated states and resolve-then-close are no ticket warnings.
    let warnings = Reconstruction(log: log, cutoff: Reconstruction.never)
      .findings(source: log.source, ids: log.ticketIDs)
    #expect(warnings.isEmpty)
  }

  @Test func jiraOneRowPerTicketExport() throws {
    let log = try Self.load("jira-tickets.csv", "jira.toml")
    #expect(
      LogTest.rows(log) == [
        // No escalation date column: each ticket opens at its priority's level.
        "OPS-101 2026-10-05T07:15:00Z open 3 equipment-purchase 3",
        "OPS-101 2026-10-07T15:40:00Z resolve - equipment-purchase 3",
        "OPS-102 2026-10-06T09:00:00Z open 2 schedule-adjustments 4",
        "OPS-103 2026-10-13T14:30:00Z open 4 subscription-cancellations 5",
        "OPS-103 2026-10-15T07:45:00Z resolve - subscription-cancellations 5",
        "OPS-104 2026-10-14T06:00:00Z open 1 performance-issues 6",
        "OPS-104 2026-10-14T10:00:00Z resolve - performance-issues 6",
      ])
    // Line 1 is a title; line 7's priority P9 is in no [levels] entry.
    #expect(log.accounting == RecordAccounting(read: 5, used: 4, rejected: 1, duplicates: 0))
    #expect(LogTest.codes(log, .error) == ["7:LOG015"])
    #expect(log.findings.contains { $0.code == LogCode.titleSkipped && $0.line == 1 })
    // "Updated" is a time column, not a field of the tickets layout.
    #expect(log.findings.contains { $0.code == LogCode.unusedColumn && $0.column == 7 })
  }

  @Test func starterProfileOfTheServiceNowLog() throws {
    let draft = try ProfileDraft.read(path: Self.fixture("servicenow-snapshot.csv"))
    let text = draft.text()
    #expect(draft.layout == .events)
    let lines = text.split(separator: "\n").map(String.init)
    for expected in [
      "layout = \"events\"   # ticket ids repeat: one row per event or update",
      "ticket = \"number\"", "time = \"sys_updated_at\"", "status = \"incident_state\"",
      "level = \"priority\"", "category = \"category\"", "owner = \"assigned_to\"",
      "#   G \"short_description\"", "#   H \"opened_at\"",
      // Priorities read most urgent first, counted over the 18 records.
      "\"3 - Moderate\" = 2   # 4 rows; a guess", "\"1 - Critical\" = 4   # 4 rows; a guess",
      "\"5 - Planning\" = 1   # 2 rows; a guess",
      "# \"Network\" = \"\"   # ? 11 rows", "# \"Category 53\" = \"\"   # ? 4 rows",
      "\"New\" = \"open\"   # 6 rows", "\"Escalated\" = \"escalate\"   # 2 rows",
      "\"Awaiting User Info\" = \"pause\"   # 2 rows",
      "\"In Progress\" = \"update\"   # 3 rows; a guess", "\"Closed\" = \"resolve\"   # 1 row",
    ] {
      #expect(lines.contains(expected), "\(expected)")
    }
    // The starter is valid TOML the reader accepts as it is.
    _ = try ProfileReader.parse(bytes: Array(text.utf8), path: "draft.toml")
  }

  @Test func starterProfileOfTheJiraExport() throws {
    let draft = try ProfileDraft.read(path: Self.fixture("jira-tickets.csv"))
    let lines = draft.text().split(separator: "\n").map(String.init)
    #expect(draft.layout == .tickets)
    for expected in [
      "layout = \"tickets\"   # each ticket id once and an opening date: one row per ticket",
      "ticket = \"Issue key\"", "category = \"Issue Type\"", "opened = \"Created\"",
      "resolved = \"Resolved\"", "level = \"Priority\"", "status = \"Status\"",
      "owner = \"Assignee\"", "#   B \"Summary\"", "#   G \"Updated\"",
      "\"P2\" = 3   # 1 row; a guess", "\"P9\" = 1   # 1 row; a guess",
      "\"Done\" = \"resolve\"   # 2 rows", "\"In Progress\" = \"update\"   # 1 row; a guess",
      "\"Waiting for customer\" = \"pause\"   # 1 row",
      "# \"Purchase\" = \"\"   # ? 1 row",
    ] {
      #expect(lines.contains(expected), "\(expected)")
    }
    _ = try ProfileReader.parse(bytes: Array(draft.text().utf8), path: "draft.toml")
  }
}
