import CSVImport
import Foundation
import Testing

@testable import EscalationKit

/// Writes `bytes` to a temporary file, reads it back with `CSVReader`, returns the records as
/// strings, the first line of each record, and the dialect.
private func readBack(_ bytes: [UInt8]) throws -> (
  records: [[String]], lines: [Int], dialect: CSVDialect?
) {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "sample-\(UUID().uuidString).csv")
  try Data(bytes).write(to: url)
  defer { try? FileManager.default.removeItem(at: url) }
  let reader = try CSVReader(path: url.path)
  var records: [[String]] = []
  var lines: [Int] = []
  try reader.forEachRecord { r in
    records.append(r.strings)
    lines.append(r.line)
  }
  return (records, lines, reader.dialect)
}

@Suite struct SampleCSVTests {
  @Test func fieldsAreQuotedOnlyWhenNeeded() {
    func enc(_ s: String, _ d: UInt8 = 0x2C) -> String {
      String(decoding: CSVField.encode(s, delimiter: d), as: UTF8.self)
    }
    #expect(enc("plain text") == "plain text")
    #expect(enc("a,b") == "\"a,b\"")
    #expect(enc("a,b", 0x3B) == "a,b")
    #expect(enc("a;b", 0x3B) == "\"a;b\"")
    #expect(enc("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(enc("two\nlines") == "\"two\nlines\"")
    #expect(enc("cr\rhere") == "\"cr\rhere\"")
    #expect(enc(" padded") == "\" padded\"")
  }

  @Test func datesAreFormattedByHandInEachStyle() {
    // 2026-10-03 is day 20729 since 1970; 14:05 is minute 845 of the day.
    let minute = CivilDate.days(year: 2026, month: 10, day: 3) * 1440
    func text(_ o: SampleOptions, _ m: Int64) -> String {
      var w = SampleCSVWriter(options: o, sink: ByteArraySink())
      w.appendDate(m)
      return String(decoding: w.row, as: UTF8.self)
    }
    #expect(text(SampleOptions(), minute + 845) == "2026-10-03 14:05:00")
    #expect(text(SampleOptions(language: .fr), minute + 845) == "03/10/2026 14:05")
    #expect(text(SampleOptions(layout: .tickets), minute + 845) == "10/03/26 2:05 PM")
    #expect(text(SampleOptions(layout: .tickets), minute + 5) == "10/03/26 12:05 AM")
    #expect(text(SampleOptions(layout: .tickets), minute + 720) == "10/03/26 12:00 PM")
    #expect(text(SampleOptions(layout: .tickets), minute + 10 * 60 + 59) == "10/03/26 10:59 AM")
  }

  @Test func cleanEventsReadBackAsTheEventsMeant() throws {
    let g = try SampleGenerator(options: SampleOptions(tickets: 300, seed: 8))
    let (bytes, report) = g.csv()
    let truth = g.events()
    #expect(bytes.prefix(3) != [0xEF, 0xBB, 0xBF])
    let (records, _, dialect) = try readBack(bytes)
    #expect(dialect?.delimiter == 0x2C)
    #expect(records[0] == ["Ticket", "Timestamp", "Event", "Level", "Category", "Owner", "Note"])
    #expect(records.count == truth.count + 1)
    #expect(report.records == truth.count && report.events == truth.count)
    #expect(report.expectedAccounting == RecordAccounting(read: truth.count, used: truth.count))
    let words = ["opened", "escalated", "de-escalated", "resolved", "reopened"]
    for (r, e) in zip(records.dropFirst(), truth) {
      #expect(r[0] == e.ticket)
      #expect(
        r[1] == CivilDate.iso8601UTC(e.time).replacingOccurrences(of: "T", with: " ").dropLast())
      #expect(r[2] == words[Int(e.kind.rawValue)])
      #expect(r[3] == String(e.level?.rawValue ?? 0))
      #expect(r[4] == e.category?.label(.en))
      #expect(r[5] == e.owner)
      #expect((r.count > 6 ? r[6] : "") == e.note)
    }
  }

  @Test func frenchEventsAreAnExcelExportWithDayFirstDates() throws {
    let g = try SampleGenerator(options: SampleOptions(tickets: 200, seed: 3, language: .fr))
    let (bytes, _) = g.csv()
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
    #expect(
      text.hasPrefix(
        "N° de ticket;Horodatage;Événement;Niveau;Catégorie;Responsable;Commentaire\r\n"))
    let (records, _, dialect) = try readBack(bytes)
    #expect(dialect?.delimiter == 0x3B)
    let truth = g.events()
    #expect(records.count == truth.count + 1)
    // Day-first: DD/MM/YYYY HH:MM, and the file proves it with a first field above 12.
    let first = records[1][1]
    #expect(
      first.count == 16 && first.dropFirst(2).hasPrefix("/") && first.dropFirst(5).hasPrefix("/"))
    #expect(records.dropFirst().contains { Int($0[1].prefix(2))! > 12 })
    let l = LocalDateTime(secondsAsIfUTC: truth[0].time)
    let expected = String(
      format: "%02d/%02d/%04d %02d:%02d", l.day, l.month, l.year, l.hour, l.minute)
    #expect(first == expected)
    #expect(records[1][4] == truth[0].category?.label(.fr))
    #expect(
      Set(records.dropFirst().map { $0[2] }).isSubset(of: [
        "ouvert", "remonté", "rétrogradé", "résolu", "rouvert",
      ]))
  }

  @Test func messyEventsCarryTheirMessAndAddUp() throws {
    let g = try SampleGenerator(options: SampleOptions(tickets: 3000, seed: 6, messy: true))
    let (bytes, report) = g.csv()
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let (records, _, dialect) = try readBack(bytes)
    #expect(dialect?.delimiter == 0x3B)
    #expect(
      records[0] == [
        "Issue ID", "Date/Time", "Status", "Escalation level", "Issue type", "Assigned to",
        "Comment",
      ])
    let m = report.mess
    let truth = g.events()
    // Every kind of mess happened at least once at this size.
    #expect(m.duplicates > 0 && m.unreadableDates > 0 && m.misspelledCategories > 0)
    #expect(
      m.looseCategoryLabels > 0 && m.levelsAsRoles > 0 && m.levelVariants > 0 && m.outOfOrder > 0)
    #expect(m.multilineNotes > 0 && m.eventSynonyms > 0)
    // Records: the events meant, their duplicates, the junk rows; blank lines are not records.
    #expect(report.events == truth.count)
    #expect(records.count - 1 == truth.count + m.duplicates + m.rejected)
    #expect(report.records == records.count - 1)
    let a = report.expectedAccounting
    #expect(a.read == a.used + a.rejected + a.duplicates && a.used == truth.count)
    // The junk is findable: rows whose date is a word, rows whose category is misspelt.
    let junk = Set(SampleVocabulary.unreadableDates(.en))
    #expect(records.dropFirst().filter { junk.contains($0[1]) }.count == m.unreadableDates)
    let typos = Set(SampleVocabulary.misspelledCategories(.en))
    #expect(records.dropFirst().filter { typos.contains($0[4]) }.count == m.misspelledCategories)
    // Exact duplicate records (ignoring the trailing empty field Excel adds).
    var seen = Set<[String]>()
    var copies = 0
    for r in records.dropFirst() where !seen.insert(r).inserted { copies += 1 }
    #expect(copies >= m.duplicates)
    // US dates; some second field above 12 proves month-first.
    #expect(
      records.dropFirst().contains { r in
        let p = r[1].split(separator: "/")
        return p.count == 3 && (Int(p[1]) ?? 0) > 12
      })
    // Rows out of order: some ticket's rows are not in date order in the file.
    func minutes(_ t: String) -> Int? {
      let p = t.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == ":" })
      guard p.count == 6, let mo = Int(p[0]), let d = Int(p[1]), let y = Int(p[2]),
        let h = Int(p[3]),
        let mi = Int(p[4])
      else { return nil }
      let h24 = h % 12 + (p[5] == "PM" ? 12 : 0)
      return Int(CivilDate.days(year: 2000 + y, month: mo, day: d)) * 1440 + h24 * 60 + mi
    }
    var lastSeen: [String: Int] = [:]
    var backwards = 0
    for r in records.dropFirst() {
      guard let t = minutes(r[1]) else { continue }
      if let p = lastSeen[r[0]], t < p { backwards += 1 }
      lastSeen[r[0]] = t
    }
    #expect(backwards > 0)
  }

  @Test func misspeltAndLooseLabelsAreWhatTheyClaim() {
    for lang in Language.allCases {
      let labels = CategoryKey.allCases.flatMap { [$0.label(.en), $0.label(.fr), $0.rawValue] }
      for typo in SampleVocabulary.misspelledCategories(lang) {
        #expect(!labels.contains { LabelNormalizer.same($0, typo) }, "\(typo) must match no label")
      }
      for c in CategoryKey.allCases {
        for v in SampleVocabulary.looseCategoryLabels(c, lang) {
          #expect(LabelNormalizer.same(v, c.label(.en)) || LabelNormalizer.same(v, c.label(.fr)))
          #expect(v != c.label(lang))
        }
      }
    }
  }

  @Test func ticketsLayoutIsASmartsheetExportWithUSDates() throws {
    let g = try SampleGenerator(options: SampleOptions(tickets: 250, seed: 7, layout: .tickets))
    let (bytes, report) = g.csv()
    let (records, _, dialect) = try readBack(bytes)
    #expect(dialect?.delimiter == 0x2C)
    #expect(
      records[0] == [
        "Ticket ID", "Category", "Date raised", "Escalated to L2", "Escalated to L3",
        "Escalated to L4",
        "Date resolved", "Current level", "Status", "Owner", "Note",
      ])
    #expect(records.count == 251 && report.records == 250)
    let truth = g.events()
    #expect(report.events == truth.count)
    // Row 1 against its events: the open date and every escalation date in its column.
    let row = records[1]
    let mine = truth.filter { $0.ticket == row[0] }
    func us(_ t: Int64) -> String {
      let l = LocalDateTime(secondsAsIfUTC: t)
      let h = l.hour % 12 == 0 ? 12 : l.hour % 12
      return String(
        format: "%02d/%02d/%02d %d:%02d %@", l.month, l.day, l.year % 100, h, l.minute,
        l.hour < 12 ? "AM" : "PM")
    }
    #expect(row[2] == us(mine[0].time))
    for e in mine where e.kind == .escalate { #expect(row[1 + e.level!.rawValue] == us(e.time)) }
    if let r = mine.first(where: { $0.kind == .resolve }) {
      #expect(row[6] == us(r.time) && row[8] == "Resolved")
    } else {
      #expect(row[6] == "")
    }
    // Every row's escalation columns match the events of its ticket.
    let escalations = records.dropFirst().reduce(0) { n, r in
      n + (3...5).filter { r[$0] != "" }.count
    }
    #expect(escalations == truth.filter { $0.kind == .escalate }.count)
  }

  @Test func streamingToAFileGivesTheSameBytes() throws {
    let g = try SampleGenerator(options: SampleOptions(tickets: 500, seed: 9, messy: true))
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sample-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    let report = try g.write(to: OutputWriter(path: url.path))
    let (bytes, memoryReport) = g.csv()
    #expect(try Data(contentsOf: url) == Data(bytes))
    #expect(report == memoryReport)
  }
}
