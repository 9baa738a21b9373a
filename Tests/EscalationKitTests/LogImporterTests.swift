import Foundation
import Testing

@testable import EscalationKit

@Suite struct LogImporterTests {
  @Test func eventsLayoutEnglishAliases() throws {
    // Second alias family of each field; times without offset are UTC by default.
    let log = try LogTest.load(
      """
      Ticket ID,Event time,Action,Escalation level,Issue type,Assignee,Comment
      T-1,2026-10-03 14:05,Opened,1,Performance issues,Alice,first
      T-1,2026-10-03T16:00:00+02:00,Escalated,Level 2 escalation,,Bob,
      T-1,2026-10-04 09:00,de-escalated,L1,,Bob,
      T-1,2026-10-05 09:00,Fixed,,,,
      T-1,2026-10-06 09:00,Re-opened,N3,,,
      """)
    #expect(
      LogTest.rows(log) == [
        "T-1 2026-10-03T14:05:00Z open 1 performance-issues 2",
        "T-1 2026-10-03T14:00:00Z escalate 2 - 3",  // 16:00+02:00 is 14:00Z; input order is kept
        "T-1 2026-10-04T09:00:00Z de-escalate 1 - 4",
        "T-1 2026-10-05T09:00:00Z resolve - - 5",
        "T-1 2026-10-06T09:00:00Z reopen 3 - 6",
      ])
    #expect(log.owners == ["Alice", "Bob"])
    #expect(log.notes == ["first"])
    #expect(log.events[0].owner == 1 && log.events[0].note == 1 && log.events[1].owner == 2)
    #expect(log.accounting == RecordAccounting(read: 5, used: 5, rejected: 0, duplicates: 0))
  }

  @Test func eventsLayoutFrenchFixture() throws {
    // BOM, ';', CRLF, French headers and words, day-first proved by 13/10.
    let log = try LogImporter.load(
      path: LogTest.fixture("events-fr.csv"), options: LogImportOptions())
    #expect(
      LogTest.rows(log) == [
        "F-1 2026-10-03T09:00:00Z open 1 equipment-purchase 2",
        "F-1 2026-10-13T17:45:00Z escalate 2 - 3",
        "F-1 2026-10-14T08:00:00Z resolve - - 4",
      ])
    #expect(log.owners == ["Chloé"])
    #expect(log.notes == ["urgent", "client rappelé; ok"])
    #expect(LogTest.codes(log).contains("3:LOG031"))  // day-first decided from line 3
  }

  @Test func statusColumnServesAsEventColumn() throws {
    let log = try LogTest.load(
      """
      Issue,Date/Time,Status,Level,Category
      A,2026-10-01 09:00,New,1,guidance-acquisition
      A,2026-10-01 10:00,In progress,2,
      A,2026-10-01 11:00,In progress,3,
      A,2026-10-01 12:00,En attente,3,
      A,2026-10-01 13:00,Closed,,
      """)
    #expect(log.events.map(\.kind) == [.open, .update, .update, .update, .resolve])
    // Each other word is noted once: "In progress" (line 3) and "En attente" (line 5).
    #expect(
      LogTest.codes(log, .note).filter { $0.hasSuffix("LOG032") } == ["3:LOG032", "5:LOG032"])
  }

  @Test func withoutEventColumnTheFirstRowByTimeOpens() throws {
    let log = try LogTest.load(
      """
      Case,Timestamp,Level,Category
      B,2026-10-02 09:00,2,
      B,2026-10-01 09:00,1,Achat de matériel
      C,2026-10-03 09:00,1,Equipment purchase
      """)
    // B's earliest event is line 3: it opens; events keep their input order.
    #expect(
      LogTest.rows(log) == [
        "B 2026-10-02T09:00:00Z update 2 - 2",
        "B 2026-10-01T09:00:00Z open 1 equipment-purchase 3",
        "C 2026-10-03T09:00:00Z open 1 equipment-purchase 4",
      ])
    #expect(LogTest.codes(log, .warning) == ["1:LOG023"])  // said once
  }

  @Test func ticketsLayoutUSDatesAndRejectedRow() throws {
    let log = try LogImporter.load(
      path: LogTest.fixture("tickets-en.csv"), options: LogImportOptions())
    // 10/13/2026 proves month-first; S-3 has an unreadable level-3 date: rejected whole.
    #expect(
      LogTest.rows(log) == [
        "S-1 2026-10-03T14:05:00Z open 1 performance-issues 2",
        "S-1 2026-10-04T09:00:00Z escalate 2 performance-issues 2",
        "S-1 2026-10-05T17:30:00Z resolve - performance-issues 2",
        "S-2 2026-10-13T08:00:00Z open 1 schedule-adjustments 3",
        "S-2 2026-10-13T10:00:00Z escalate 2 schedule-adjustments 3",
        "S-2 2026-10-14T10:00:00Z escalate 3 schedule-adjustments 3",
      ])
    #expect(log.ticketIDs == ["S-1", "S-2"])
    #expect(log.accounting == RecordAccounting(read: 3, used: 2, rejected: 1, duplicates: 0))
    let bad = log.findings.first { $0.code == LogCode.unreadableDate }
    #expect(bad?.line == 4 && bad?.column == 5)
    #expect(bad?.message.contains("\"not yet\"") == true)
  }

  @Test func ticketsLayoutFrenchHeadersAndDuplicateRow() throws {
    let log = try LogTest.load(
      """
      N° de ticket;Type de problème;Date d'ouverture;Remontée niveau 2;Date niveau 3;Date N4;Date de résolution
      X;Défis opérationnels;2026-10-01;2026-10-02;2026-10-03;2026-10-04;2026-10-05
      X;Défis opérationnels;2026-10-01;2026-10-02;2026-10-03;2026-10-04;2026-10-05
      """)
    #expect(log.events.map(\.kind) == [.open, .escalate, .escalate, .escalate, .resolve])
    #expect(log.events.map(\.levelRaw) == [1, 2, 3, 4, 0])
    #expect(log.accounting == RecordAccounting(read: 2, used: 1, rejected: 0, duplicates: 1))
    #expect(LogTest.codes(log, .warning) == ["3:LOG020"])
  }

  @Test func forcedLayoutAndMap() throws {
    let text = """
      Réf.,Quand,Niveau,Resolved
      R1,2026-10-01 08:00,1,
      """
    // "Resolved" makes it look like the tickets layout, which has no opened column.
    #expect(throws: LogImportError.self) {
      _ = try LogTest.load(text, LogImportOptions(headerMap: ["ticket": "Réf."]))
    }
    let log = try LogTest.load(
      text, LogImportOptions(layout: .events, headerMap: ["ticket": "réf", "time": "Quand"]))
    // --map matches headers like labels ("réf" finds "Réf."); no event column: the row opens.
    #expect(LogTest.rows(log) == ["R1 2026-10-01T08:00:00Z open 1 - 2"])
    // The Resolved column is not a field of the events layout: a note says so.
    #expect(log.findings.contains { $0.code == LogCode.unusedColumn && $0.column == 4 })
  }

  @Test func missingRequiredFieldListsKnownFieldsAndHeaders() throws {
    do {
      _ = try LogTest.load("Foo,Date,Level\nX,2026-10-01,1\n")
      Issue.record("expected an error")
    } catch let e as LogImportError {
      #expect(e.code == "LOG001")
      #expect(e.message.contains("'ticket'"))
      #expect(e.message.contains("\"Ticket ID\""))
      #expect(e.message.contains("headers found: A \"Foo\", B \"Date\", C \"Level\""))
      #expect(e.message.contains("--map ticket=HEADER"))
    }
    #expect(throws: LogImportError.unknownMapField(name: "tiket")) {
      _ = try LogTest.load(
        "Ticket,Date\nX,2026-10-01\n", LogImportOptions(headerMap: ["tiket": "Ticket"]))
    }
  }

  @Test func wholeAmbiguousColumnStops() throws {
    let text = "Ticket,Date,Event,Level\nX,03/10/2026,open,1\nX,04/10/2026 10:00,escalate,2\n"
    do {
      _ = try LogTest.load(text)
      Issue.record("an all-ambiguous column must stop the import")
    } catch let e as LogImportError {
      guard case .ambiguousDateOrder(_, let line, let first, let count) = e else {
        Issue.record("unexpected \(e)")
        return
      }
      // The first ambiguous value is quoted, with the count of slashed dates.
      #expect(line == 2 && first == "03/10/2026" && count == 2)
      #expect(e.code == "LOG004" && e.message.contains("--date-order dmy"))
    }
  }

  @Test func ambiguousColumnWithDateOrder() throws {
    let text = "Ticket,Date,Event,Level\nX,03/10/2026,open,1\nX,04/10/2026 10:00,escalate,2\n"
    let dmy = try LogTest.load(text, LogImportOptions(dateOrder: .dmy))
    #expect(
      dmy.events.map { CivilDate.iso8601UTC($0.time) } == [
        "2026-10-03T00:00:00Z", "2026-10-04T10:00:00Z",
      ])
    let mdy = try LogTest.load(text, LogImportOptions(dateOrder: .mdy))
    #expect(
      mdy.events.map { CivilDate.iso8601UTC($0.time) } == [
        "2026-03-10T00:00:00Z", "2026-04-10T10:00:00Z",
      ])
  }

  @Test func conflictingOrdersStopUnlessForced() throws {
    let text = "Ticket,Date,Level\nX,13/10/2026,1\nY,10/14/2026,1\nZ,01/02/2026,1\n"
    #expect(throws: LogImportError.self) { _ = try LogTest.load(text) }
    // Forced day-first: 10/14/2026 (month 14) is rejected with LOG013, the others are used.
    let log = try LogTest.load(text, LogImportOptions(dateOrder: .dmy))
    #expect(
      LogTest.rows(log) == [
        "X 2026-10-13T00:00:00Z open 1 - 2", "Z 2026-02-01T00:00:00Z open 1 - 4",
      ])
    #expect(LogTest.codes(log, .error) == ["3:LOG013"])
    #expect(log.ticketIDs == ["X", "Z"])  // Y lost its only record
    #expect(log.accounting == RecordAccounting(read: 3, used: 2, rejected: 1, duplicates: 0))
  }

  @Test func timeZoneAcrossDaylightSavingChanges() throws {
    let log = try LogTest.load(
      """
      Ticket,Date,Event,Level
      P,2026-03-29 01:30,open,1
      P,2026-03-29 02:30,escalate,2
      P,2026-03-29 03:30,escalate,3
      Q,2026-10-25 02:30,open,1
      Q,2026-10-25 03:30,resolve,
      R,2026-03-29 02:30Z,open,1
      """, LogImportOptions(zone: ZoneRules(identifier: "Europe/Paris")!))
    #expect(
      log.events.map { CivilDate.iso8601UTC($0.time) } == [
        "2026-03-29T00:30:00Z",  // CET +1
        "2026-03-29T01:30:00Z",  // 02:30 does not exist: read as 03:30 CEST
        "2026-03-29T01:30:00Z",  // 03:30 CEST
        "2026-10-25T00:30:00Z",  // occurs twice: first occurrence, CEST
        "2026-10-25T02:30:00Z",  // CET
        "2026-03-29T02:30:00Z",  // an explicit Z ignores --tz
      ])
    // No category column; the gap.
    #expect(LogTest.codes(log, .warning) == ["1:LOG024", "3:LOG021"])
    #expect(LogTest.codes(log, .note).contains("5:LOG035"))
  }

  @Test func messyLogAccountsForEveryRecord() throws {
    let log = try LogImporter.load(path: LogTest.fixture("messy.csv"), options: LogImportOptions())
    // 13 records (the blank line 13 is none): 6 used, 6 rejected, 1 duplicate. Line 9, an
    // escalation with a blank level, is used: it moves one level (metrics.md, decided cases).
    #expect(log.accounting == RecordAccounting(read: 13, used: 6, rejected: 6, duplicates: 1))
    let a = log.accounting
    #expect(a.read == a.used + a.rejected + a.duplicates)
    #expect(a.line == "records read: 13 = used 6 + rejected 6 + duplicates 1")
    #expect(
      LogTest.codes(log, .error) == [
        "4:LOG010", "5:LOG011", "6:LOG012", "7:LOG014", "8:LOG015", "10:LOG017",
      ])
    #expect(LogTest.codes(log, .warning) == ["3:LOG020"])
    let cat = log.findings.first { $0.code == "LOG017" }
    #expect(cat?.message.contains("did you mean \"Performance issues\"?") == true)
    #expect(cat?.column == 5)
    #expect(!log.findings.contains { $0.code == "LOG016" })
    #expect(log.events.map(\.line) == [2, 9, 11, 12, 14, 15])
    #expect(log.events.map(\.kind) == [.open, .escalate, .update, .update, .resolve, .open])
    #expect(log.events[1].levelRaw == 0)
  }

  @Test func roleAsLevelThroughAnEditedMatrix() throws {
    var m = Matrix.canonical(.en)
    m.roles = ["Duty officer", "Team lead", "Service owner", "Director"]
    let text = """
      Ticket,Date,Event,Level
      X,2026-10-01,open,Duty officer
      X,2026-10-02,escalate,team  lead
      X,2026-10-03,escalate,Gestionnaire de compte
      X,2026-10-04,escalate,Sales lead
      X,2026-10-05,escalate,Boss
      """
    let log = try LogTest.load(text, LogImportOptions(matrix: m))
    // Renamed roles resolve through the matrix in use; canonical roles of both languages too.
    #expect(log.events.map(\.levelRaw) == [1, 2, 3, 4])
    #expect(LogTest.codes(log, .error) == ["6:LOG015"])
    // With the canonical matrix, "Team lead" is unknown.
    let canonical = try LogTest.load(text)
    #expect(LogTest.codes(canonical, .error) == ["2:LOG015", "3:LOG015", "6:LOG015"])
  }

  @Test func levelAndCategoryForms() throws {
    let r = LevelResolver(matrix: .canonical(.fr))
    for (text, level) in [
      ("1", 1), ("2.0", 2), ("L2", 2), ("n3", 3), ("Level 2", 2), ("Niveau 4", 4),
      ("Level 2 escalation", 2),
      ("Remontée de niveau\u{00A0}3", 3), ("Escalation level 4", 4), ("Cheffe de projet", 2),
      ("Project manager", 2),
      ("Chef de projet", 2),
    ] {
      switch r.resolve(text) {
      case .level(let l), .role(let l, _): #expect(l.rawValue == level, "\(text)")
      case .unknown: Issue.record("\(text) not resolved")
      }
    }
    #expect(r.resolve("5") == .unknown(suggestion: nil))
    let c = CategoryResolver()
    #expect(try c.resolve("subscription-cancellations").get() == .subscriptionCancellations)
    // ' for ’
    #expect(try c.resolve("Résiliation d'abonnements").get() == .subscriptionCancellations)
    #expect(try c.resolve("  PERFORMANCE   issues ").get() == .performanceIssues)
    #expect(throws: CategoryMiss(suggestion: "Achat de matériel")) {
      try c.resolve("Achat de materiels").get()
    }
  }

  @Test func headerAliasFamilies() throws {
    // Each row: a header line that must be read with the given columns.
    let cases: [(String, LogLayout, [LogField: Int])] = [
      (
        "Ticket,Timestamp,Event,Level,Category,Owner,Note", .events,
        [.ticket: 0, .time: 1, .event: 2, .level: 3, .category: 4, .owner: 5, .note: 6]
      ),
      (
        "Issue,Date,Type,Niveau,Catégorie,Responsable,Commentaire", .events,
        [.ticket: 0, .time: 1, .event: 2, .level: 3, .category: 4, .owner: 5, .note: 6]
      ),
      (
        "NUMÉRO,date / heure,Statut,niveau de remontee,type de probleme,Assigné à", .events,
        [.ticket: 0, .time: 1, .status: 2, .level: 3, .category: 4, .owner: 5]
      ),
      ("Problème,Date de l’événement,Événement", .events, [.ticket: 0, .time: 1, .event: 2]),
      (
        "ID,Category,Opened,Escalated to L2,Level 3 date,Escalated to level 4,Closed,State,Assigned to",
        .tickets,
        [
          // "Closed" is the close date: the resolution when no resolution date is given.
          .ticket: 0, .category: 1, .opened: 2, .escalated2: 3, .escalated3: 4, .escalated4: 5,
          .closed: 6, .status: 7, .owner: 8,
        ]
      ),
      (
        "Identifiant,Catégorie,Date d'ouverture,Remonté au niveau 2,Remonté au niveau 3,Remonté au niveau 4,Date de résolution,Niveau actuel",
        .tickets,
        [
          .ticket: 0, .category: 1, .opened: 2, .escalated2: 3, .escalated3: 4, .escalated4: 5,
          .resolved: 6, .level: 7,
        ]
      ),
    ]
    for (line, layout, columns) in cases {
      let headers = line.split(separator: ",").map(String.init)
      let h = try LogHeader.detect(headers: headers, file: "f", map: [:], forced: nil)
      #expect(h.layout == layout, "\(line)")
      #expect(h.columns == columns, "\(line)")
    }
  }
}
