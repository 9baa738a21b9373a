import EscalationKit
import Foundation
import Testing
import XLSXTestSupport

@testable import XLSXExport

/// `ReportRun` as a library function (no process): the default file name and one report.
@Suite struct ReportRunTests {
  @Test func defaultPathNamesTheLogAndThePeriod() {
    #expect(
      ReportRun.defaultPath(log: "exports/jan.csv", period: "2026-10") == "Reports/jan-2026-10.xlsx"
    )
    #expect(
      ReportRun.defaultPath(log: "a.b.csv", period: "2026-10-01..2026-10-31")
        == "Reports/a.b-2026-10-01_2026-10-31.xlsx")
    #expect(
      ReportRun.defaultPath(log: "-", period: "2026-10") == "Reports/escalations-2026-10.xlsx")
    #expect(
      ReportRun.defaultPath(log: ".hidden", period: "2026-10") == "Reports/.hidden-2026-10.xlsx")
  }

  @Test func writesTheWorkbookAndSaysWhat() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "report-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let log = dir.appendingPathComponent("log.csv").path
    // T1 opened and resolved in October, T2 opened in October and still open at its end.
    try Data(
      """
      Ticket,Timestamp,Event,Level,Category
      T1,2026-10-01 09:00,open,1,Performance issues
      T1,2026-10-02 09:00,resolve,1,Performance issues
      T2,2026-10-03 09:00,open,1,Performance issues

      """.utf8
    ).write(to: URL(fileURLWithPath: log))
    let out = dir.appendingPathComponent("r.xlsx").path
    var steps: [ReportRun.Step] = []
    let outcome = try ReportRun.run(
      ReportRun.Request(
        log: log, importing: LogImportOptions(),
        options: MetricsOptions(period: try PeriodSpec.parseMonth("2026-10"), includeTickets: true),
        hasPeriod: true, language: .en, output: out, inputs: [log], now: 0),
      progress: { steps.append($0) })
    // Then one step per sheet: no --sla, so the 13 sheets of ReportWorkbook.sheetNames, in order.
    let names = ReportWorkbook.sheetNames(.en)
    #expect(names.count == 13)
    #expect(
      steps
        == [.reading(log), .computing, .writing(out)]
        + names.enumerated().map {
          .writingSheet(path: out, name: $0.element, position: $0.offset + 1, count: 13)
        })
    #expect(
      outcome.statusLine
        == "wrote \(out): 2026-10 (UTC), 2 tickets opened, 1 open at as-of; records read: 3 = used 3 + rejected 0 + duplicates 0"
    )
    let x = try XLSXReader(path: out)
    #expect(x.sheetNames.prefix(2) == ["Dashboard", "Summary"])
  }
}
