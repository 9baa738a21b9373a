import CSVImport
import EscalationKit
import Foundation
import Testing
import XLSXExport
import XLSXTestSupport

/// "Nothing lost, proven" (issue 6): over generated messy logs, every record read is used,
/// rejected or a duplicate — each one positioned on its own line — and every ticket of the used
/// events is on the report's Tickets sheet exactly once.
@Suite struct NothingLostTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var options: SampleOptions
    var testDescription: String {
      let o = options
      return "\(o.layout.rawValue) \(o.language) \(o.timeZone) \(o.tickets) tickets seed \(o.seed)"
    }
  }

  /// Both layouts × both languages × two zones, small sizes, varied seeds and spans.
  static let cases: [Case] = {
    var out: [Case] = []
    var seed: UInt64 = 11
    for layout in SampleOptions.Layout.allCases {
      for language in [Language.en, .fr] {
        for (zone, tickets) in [("UTC", 60), ("Europe/Paris", 400)] {
          seed = seed &* 6_364_136_223_846_793_005 &+ 1
          let s = seed >> 40
          out.append(
            Case(
              options: SampleOptions(
                tickets: tickets, months: 1 + Int(s % 6), seed: s, layout: layout,
                language: language, messy: true, timeZone: zone)))
        }
      }
    }
    return out
  }()

  /// Lines of every record under the header, read with the CSV layer alone.
  static func recordLines(_ bytes: [UInt8]) throws -> [Int] {
    var lines: [Int] = []
    var header = true
    try CSVReader(bytes: bytes, name: "sample").forEachRecord { r in
      if header {
        header = false
      } else {
        lines.append(r.line)
      }
    }
    return lines
  }

  @Test(arguments: cases) func everyRecordAndTicketIsAccountedFor(_ c: Case) throws {
    let o = c.options
    let (bytes, _) = try SampleGenerator(options: o).csv()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "nothing-lost-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let csv = dir.appendingPathComponent("log.csv").path
    try Data(bytes).write(to: URL(fileURLWithPath: csv))

    var io = LogImportOptions(zone: ZoneRules(identifier: o.timeZone) ?? .utc)
    // Small logs may prove no day/month order; the order the sample writes is given.
    switch o.dateStyle {
    case .iso, .isoUTC: break
    case .dayFirst: io.dateOrder = .dmy
    case .monthFirst: io.dateOrder = .mdy
    }
    let log = try LogImporter.load(path: csv, options: io)
    let a = log.accounting

    // 1. read = used + rejected + duplicates, and read is every record of the file.
    let records = try Self.recordLines(bytes)
    #expect(a.read == records.count)
    #expect(a.read == a.used + a.rejected + a.duplicates)
    // The mess is there to be accounted for: the larger logs all have rejections.
    #expect(o.tickets < 400 || a.rejected > 0, "\(a.line)")

    // 2. Each record is on exactly one side, by its line: the lines of the used events, of the
    // error findings (one per rejected record) and of the duplicate warnings are disjoint and
    // together are the lines of the records.
    let used = Set(log.events.map { Int($0.line) })
    let errors = log.findings.filter { $0.severity == .error }
    let rejected = Set(errors.compactMap(\.line))
    let duplicates = Set(log.findings.filter { $0.code == LogCode.duplicate }.compactMap(\.line))
    #expect(errors.allSatisfy { $0.line != nil && $0.column != nil })
    #expect(used.count == a.used)
    #expect(rejected.count == a.rejected)
    #expect(duplicates.count == a.duplicates)
    #expect(used.isDisjoint(with: rejected) && used.isDisjoint(with: duplicates))
    #expect(rejected.isDisjoint(with: duplicates))
    #expect(used.union(rejected).union(duplicates) == Set(records))

    // 3. The whole log's report: the Tickets sheet holds every ticket of the used events once.
    let content = MetricsEngine.compute(
      log, options: MetricsOptions(period: .all, zone: io.zone, includeTickets: true))
    let out = dir.appendingPathComponent("report.xlsx").path
    try ReportWorkbook.write(
      ReportWorkbookInput(
        content: content, language: o.language, matrix: .canonical(o.language),
        files: [ReportInputFile(name: "log.csv", accounting: a)], importFindings: log.findings),
      to: out, inputs: [csv])
    let x = try XLSXReader(path: out)
    guard let sheet = x.sheetNames.firstIndex(of: "Tickets") else {
      Issue.record("no Tickets sheet: \(x.sheetNames)")
      return
    }
    #expect(!x.sheetNames.contains("Tickets (2)"))
    let cells = x.cells(sheet: sheet)
    var listed: [String] = []
    for row in 2...(cells.count + 1) {
      guard case .string(let id)? = cells["A\(row)"] else { break }
      listed.append(id)
    }
    let expected = Set(log.events.map { log.ticketIDs[Int($0.ticket)] })
    #expect(listed.count == expected.count, "a ticket listed twice or missing")
    #expect(Set(listed) == expected)
  }
}
