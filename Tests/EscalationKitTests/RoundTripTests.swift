import CSVImport
import Foundation
import Testing

@testable import EscalationKit

/// Helpers for the sample → CSV → import round trips.
enum RoundTrip {
  /// One event as compared: the fields of ``SampleEvent`` with level and category as numbers.
  struct Row: Comparable, CustomStringConvertible {
    var ticket: String
    var time: Int64
    var kind: UInt8
    var level: Int
    var category: Int
    var owner: String
    var note: String

    static func < (a: Row, b: Row) -> Bool {
      if a.ticket != b.ticket { return a.ticket < b.ticket }
      if a.time != b.time { return a.time < b.time }
      return (a.kind, a.level, a.category, a.owner, a.note)
        < (b.kind, b.level, b.category, b.owner, b.note)
    }

    var description: String {
      "\(ticket) \(CivilDate.iso8601UTC(time)) \(kind) L\(level) C\(category) [\(owner)] [\(note)]"
    }
  }

  /// What one round trip gave.
  struct Outcome {
    var truth: [Row]
    var imported: [Row]
    var log: EventLog
    var report: SampleReport
    /// Lines of the records the generator wrote as junk (unreadable date, misspelt category).
    var junkLines: Set<Int>
  }

  /// The generator's ground truth as rows.
  static func rows(_ events: [SampleEvent]) -> [Row] {
    events.map {
      Row(
        ticket: $0.ticket, time: $0.time, kind: $0.kind.rawValue, level: $0.level?.rawValue ?? 0,
        category: $0.category.map { $0.index + 1 } ?? 0, owner: $0.owner, note: $0.note)
    }
  }

  /// The imported events as rows. In the tickets layout the generator puts the row's owner and
  /// note on the opening only, while the importer gives them to every event of the row: they
  /// are compared on openings only.
  static func rows(_ log: EventLog, layout: SampleOptions.Layout) -> [Row] {
    log.events.map { e in
      let carries = layout == .events || e.kind == .open
      return Row(
        ticket: log.ticketIDs[Int(e.ticket)], time: e.time, kind: e.kind.rawValue,
        level: Int(e.levelRaw), category: Int(e.categoryRaw),
        owner: carries && e.owner > 0 ? log.owners[Int(e.owner) - 1] : "",
        note: carries && e.note > 0 ? log.notes[Int(e.note) - 1] : "")
    }
  }

  /// The import options matching a sample: its zone, and `dateOrder` when asked (small logs
  /// may hold no date that proves the order).
  static func importOptions(_ o: SampleOptions, forceOrder: Bool) -> LogImportOptions {
    var io = LogImportOptions(zone: ZoneRules(identifier: o.timeZone) ?? .utc)
    if forceOrder {
      switch o.dateStyle {
      case .iso, .isoUTC: break
      case .dayFirst: io.dateOrder = .dmy
      case .monthFirst: io.dateOrder = .mdy
      }
    }
    return io
  }

  /// Generates `options`, writes the CSV to a temporary file, imports it.
  static func run(_ options: SampleOptions, forceOrder: Bool = false) throws -> Outcome {
    let g = try SampleGenerator(options: options)
    let (bytes, report) = g.csv()
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "roundtrip-\(UUID().uuidString).csv")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let log = try LogImporter.load(
      path: url.path, options: importOptions(options, forceOrder: forceOrder))
    return Outcome(
      truth: rows(g.events()), imported: rows(log, layout: options.layout), log: log,
      report: report, junkLines: try junkLines(bytes, language: options.language))
  }

  /// Lines of records holding one of the generator's junk dates or misspelt categories, found
  /// by reading the bytes back independently of the importer.
  static func junkLines(_ bytes: [UInt8], language: Language) throws -> Set<Int> {
    let junk = Set(
      SampleVocabulary.unreadableDates(language) + SampleVocabulary.misspelledCategories(language))
    let reader = CSVReader(bytes: bytes, name: "sample")
    var lines = Set<Int>()
    var header = true
    try reader.forEachRecord { r in
      if header {
        header = false
        return
      }
      if r.strings.contains(where: { junk.contains($0) }) { lines.insert(r.line) }
    }
    return lines
  }

  /// Lines of the error findings; every error must have a line.
  static func errorLines(_ log: EventLog) -> [Int?] {
    log.findings.filter { $0.severity == .error }.map(\.line)
  }
}

/// `SampleGenerator.csv()` → file → `LogImporter.load` gives back the events meant.
@Suite struct RoundTripTests {
  /// A named set of sample options (the name shows in the test report).
  struct Case: Sendable, CustomTestStringConvertible {
    var options: SampleOptions
    var testDescription: String {
      let o = options
      return "\(o.layout.rawValue) \(o.language.rawValue) \(o.timeZone) "
        + "\(o.messy ? "messy" : "clean") seed \(o.seed) tickets \(o.tickets)"
        + (o.process == .classic ? "" : " \(o.process.rawValue)")
    }
  }

  /// Every layout × language × zone × clean/messy, two seeds each; messy logs are larger so
  /// that junk rows and duplicates occur.
  static let cases: [Case] = {
    var out: [Case] = []
    for layout in SampleOptions.Layout.allCases {
      for lang in Language.allCases {
        for tz in ["UTC", "Europe/Paris"] {
          for messy in [false, true] {
            for seed: UInt64 in [3, 11] {
              out.append(
                Case(
                  options: SampleOptions(
                    tickets: messy ? 700 : 150, seed: seed, layout: layout, language: lang,
                    messy: messy, timeZone: tz)))
            }
          }
        }
        // The service-desk process adds pause events ("On hold", "En attente client" and,
        // messy, their synonyms): they must read back as pauses.
        for messy in [false, true] {
          out.append(
            Case(
              options: SampleOptions(
                tickets: messy ? 700 : 300, seed: 5, layout: layout, language: lang, messy: messy,
                timeZone: "Europe/Paris", process: .serviceDesk)))
        }
      }
    }
    return out
  }()

  @Test(arguments: cases)
  func importGivesBackTheEventsMeant(_ c: Case) throws {
    let o = c.options
    let r = try RoundTrip.run(o)
    // The events: in order for a clean events log (the importer keeps input order and the
    // sample writes them chronologically); as a multiset otherwise (messy rows are shuffled,
    // and a ticket row's escalation columns are in level order, not time order).
    if o.layout == .events && !o.messy {
      #expect(r.imported == r.truth)
    } else {
      #expect(r.imported.count == r.truth.count)
      #expect(r.imported.sorted() == r.truth.sorted())
    }
    // The first difference, to make a failure readable.
    if let (i, t) = zip(r.imported.sorted(), r.truth.sorted()).first(where: { $0 != $1 }) {
      Issue.record("first difference: imported \(i) vs meant \(t)")
    }
    #expect(r.log.accounting == r.report.expectedAccounting)
    #expect(r.report.events == r.truth.count)
  }

  @Test(arguments: cases.filter { $0.options.messy })
  func everyRejectionIsAJunkRecordFoundOnItsLine(_ c: Case) throws {
    let r = try RoundTrip.run(c.options)
    let a = r.log.accounting
    // At 700 tickets each kind of junk occurs (rates 0.5 % per row for each).
    #expect(a.rejected > 0)
    #expect(a.rejected == r.report.mess.rejected)
    let lines = RoundTrip.errorLines(r.log)
    #expect(!lines.contains(nil))
    // Exactly the junk records, each once however many problems it has.
    #expect(Set(lines.compactMap { $0 }) == r.junkLines)
    #expect(r.junkLines.count == a.rejected)
    // Duplicates: one LOG020 warning per dropped record.
    let dup = r.log.findings.filter { $0.code == LogCode.duplicate }
    #expect(Set(dup.compactMap(\.line)).count == a.duplicates)
    #expect(dup.count == a.duplicates)
    if c.options.layout == .events { #expect(a.duplicates == r.report.mess.duplicates) }
  }

  @Test func cleanLogsHaveNoErrorsOrWarnings() throws {
    for c in Self.cases where !c.options.messy {
      let r = try RoundTrip.run(c.options)
      // A clean sample is exactly what the importer reads without complaint; the US dates of
      // the tickets layout, the French day-first dates: the file proves its own order.
      let loud = r.log.findings.filter { $0.severity != .note }
      #expect(loud.isEmpty, "\(c.testDescription): \(loud.map(\.description))")
      #expect(r.log.accounting == RecordAccounting(read: r.report.records, used: r.report.records))
    }
  }

  @Test func parisTimesAreLocalTimesOneOrTwoHoursAheadOfUTC() throws {
    // The same seed in UTC and in Europe/Paris writes the same local times; imported with the
    // matching --tz, every Paris instant is 1 h (CET) or 2 h (CEST) earlier.
    let utc = try RoundTrip.run(SampleOptions(tickets: 80, seed: 4, language: .fr))
    let paris = try RoundTrip.run(
      SampleOptions(tickets: 80, seed: 4, language: .fr, timeZone: "Europe/Paris"))
    #expect(utc.imported.count == paris.imported.count)
    let shifts = Set(zip(utc.imported, paris.imported).map { $0.time - $1.time })
    #expect(shifts == [3600, 7200])
  }

  @Test func deEscalatedTicketRowIsNoCurrentLevelMismatch() throws {
    // Regression: the clean tickets sample (and Samples/tickets-smartsheet-us.csv) warned
    // LOG026 on every ticket de-escalated before its end. A current level below the highest
    // date filled (A: 2 then back to 1) is a de-escalation this layout cannot date; only a
    // current level above every date filled (B: level 3 with no escalation date) is suspect.
    let log = try LogTest.load(
      """
      Ticket ID,Category,Date raised,Escalated to L2,Escalated to L3,Escalated to L4,\
      Date resolved,Current level,Status
      A,Performance issues,2026-03-23 08:47,2026-03-23 09:03,,,2026-03-25 14:38,1,Resolved
      B,Performance issues,2026-03-24 10:00,,,,,3,Open
      """)
    #expect(LogTest.codes(log, .warning) == ["3:LOG026"])
    let w = log.findings.first { $0.code == LogCode.currentLevelMismatch }
    #expect(w?.column == 8)
    #expect(
      w?.message.hasPrefix("current level 3 is above the last escalation date filled") == true)
    #expect(
      LogTest.rows(log) == [
        "A 2026-03-23T08:47:00Z open 1 performance-issues 2",
        "A 2026-03-23T09:03:00Z escalate 2 performance-issues 2",
        "A 2026-03-25T14:38:00Z resolve - performance-issues 2",
        "B 2026-03-24T10:00:00Z open 1 performance-issues 3",
      ])
  }
}
