import CSVImport
import EscalationKit
import Foundation
import Testing

/// Logs as trackers write them: blank levels, snapshot rows, export headers, title lines,
/// leading blank lines, priorities and close dates (issue 10, sections 3 and 4).
@Suite struct TrackerLogTests {
  static func warnings(_ log: EventLog) -> [String] {
    Reconstruction(log: log, cutoff: Reconstruction.never)
      .findings(source: log.source, ids: log.ticketIDs).map { "\($0.line ?? 0):\($0.code)" }
  }

  @Test func statusOnlyLogMovesOneLevelPerBlankEscalation() throws {
    let log = try LogTest.load(
      """
      Ticket,Date,Status
      A,2026-10-01 08:00,Open
      A,2026-10-01 09:00,Escalated
      A,2026-10-01 09:00,Escalated
      A,2026-10-01 10:00,De-escalated
      A,2026-10-01 11:00,Escalated
      """)
    // Line 4 is an exact duplicate of line 3 (same ticket, time, kind, blank level).
    #expect(log.accounting == RecordAccounting(read: 5, used: 4, rejected: 0, duplicates: 1))
    let r = Reconstruction(log: log, cutoff: Reconstruction.never)
    // 1 → 2 (line 3), 2 → 1 (line 5), 1 → 2 (line 6): highest 2, current 2.
    #expect(r.highest[0] == 2)
    #expect(r.level[0] == 2)
  }

  @Test func snapshotRowsRepeatingTheStateAreNoWarnings() throws {
    let log = try LogTest.load(
      """
      Ticket,Date,Status,Level,Category
      S,2026-10-01 08:00,New,1,Equipment purchase
      S,2026-10-01 09:00,New,1,Equipment purchase
      S,2026-10-01 10:00,Escalated,2,Equipment purchase
      S,2026-10-01 11:00,Escalated,2,Equipment purchase
      S,2026-10-01 12:00,Escalated,2,Equipment purchase
      S,2026-10-02 08:00,Resolved,2,Equipment purchase
      S,2026-10-09 08:00,Closed,2,Equipment purchase
      T,2026-10-01 08:00,New,1,Equipment purchase
      T,2026-10-01 09:00,Escalated,1,Equipment purchase
      T,2026-10-02 09:00,Resolved,,Equipment purchase
      T,2026-10-03 09:00,Reopened,,Equipment purchase
      T,2026-10-04 09:00,Resolved,,Equipment purchase
      T,2026-10-05 09:00,Resolved,,Equipment purchase
      """)
    #expect(log.accounting.used == 13)
    // S: every repeat changes nothing and says nothing; its resolution is line 7's.
    // T: line 10 escalates to the level it is at (not a repeat: a warning); lines 13-14
    // resolve twice in a row: the second repeats the state.
    #expect(Self.warnings(log) == ["10:MET009"])
    let r = Reconstruction(log: log, cutoff: Reconstruction.never)
    #expect(r.resolvedAt[0] == log.events[5].time)
    #expect(r.highest[0] == 2)
  }

  @Test func exportHeadersOfServiceNowJiraAndZendesk() throws {
    let sn = try LogTest.load(
      "number,incident_state,sys_updated_at,assigned_to\nINC1,New,2026-10-01 08:00:00,Ann\n")
    #expect(LogTest.rows(sn) == ["INC1 2026-10-01T08:00:00Z open - - 2"])
    #expect(sn.owners == ["Ann"])
    let jira = try LogTest.load(
      "Issue key,Status,Created,Updated,Resolved,Assignee\nOPS-1,Done,2026-10-01,2026-10-03,2026-10-02,Bo\n"
    )
    #expect(
      LogTest.rows(jira) == [
        "OPS-1 2026-10-01T00:00:00Z open 1 - 2", "OPS-1 2026-10-02T00:00:00Z resolve - - 2",
      ])
    let zendesk = try LogTest.load(
      "Id,Status,Created at,Updated at,Solved at,Assignee\n7,Solved,2026-10-01,2026-10-02,2026-10-02,Cy\n"
    )
    #expect(LogTest.rows(zendesk).count == 2)
  }

  @Test func missingFieldsAreAllNamedWithTheClosestHeaders() throws {
    do {
      _ = try LogTest.load("Tickt,Dat,Level\nX,2026-10-01,1\n")
      Issue.record("expected LOG001")
    } catch let e as LogImportError {
      guard case .missingField(_, let fields, _, _) = e else {
        Issue.record("unexpected \(e)")
        return
      }
      #expect(fields == [.ticket, .time])
      #expect(e.message.contains("closest header in the file: \"Tickt\""))
      #expect(e.message.contains("closest header in the file: \"Dat\""))
      #expect(e.message.contains("--map ticket=\"Tickt\" --map time=\"Dat\""))
    }
  }

  @Test func aTitleLineAboveTheHeaderIsSkippedWithANote() throws {
    let log = try LogTest.load(
      "Escalations export October 2026\nTicket,Date,Event\nA,2026-10-01,open\n")
    #expect(LogTest.rows(log) == ["A 2026-10-01T00:00:00Z open - - 3"])
    #expect(LogTest.codes(log, .note).contains("1:LOG041"))
  }

  @Test func delimiterDetectedOnTheFirstNonBlankLine() throws {
    let log = try LogTest.load("\n\nTicket;Date;Event\nA;2026-10-01;open\n")
    #expect(LogTest.rows(log) == ["A 2026-10-01T00:00:00Z open - - 4"])
  }

  @Test func ticketsLayoutUsesTheCloseDateWhenTheResolutionIsBlank() throws {
    let log = try LogTest.load(
      """
      Ticket,Opened,Escalated to L2,Resolved,Closed
      A,2026-10-01,2026-10-02,2026-10-03,2026-10-05
      B,2026-10-01,,,2026-10-04
      """)
    #expect(
      LogTest.rows(log) == [
        "A 2026-10-01T00:00:00Z open 1 - 2", "A 2026-10-02T00:00:00Z escalate 2 - 2",
        "A 2026-10-03T00:00:00Z resolve - - 2", "B 2026-10-01T00:00:00Z open 1 - 3",
        "B 2026-10-04T00:00:00Z resolve - - 3",
      ])
    #expect(LogTest.codes(log, .note).contains("3:LOG040"))
  }

  @Test func prioritiesWithoutALevelsTableSayHowToMapThem() throws {
    let log = try LogTest.load("Ticket,Date,Event,Priority\nA,2026-10-01,open,P2\n")
    let e = log.findings.first { $0.code == LogCode.unknownLevel }
    #expect(
      e?.message
        == "\"P2\" is a priority, not a level: say which level it means in a profile's [levels] "
        + "table, e.g. \"P2\" = 2 (escalation profile LOG writes one to edit); the record is not used"
    )
  }
}
