import EscalationKit
import Foundation
import Testing
import XLSXTestSupport

@testable import XLSXExport

@Suite("Report workbook")
struct ReportWorkbookTests {
  /// A small October 2026 report in UTC: two categories and the total, three months of trend,
  /// one open ticket breaching its SLA, three tickets, one import warning.
  static func content(opened: Int = 10, sla: Bool = true) -> ReportContent {
    let period = ResolvedPeriod.resolve(.month(year: 2026, month: 10), zone: .utc, eventTimes: nil)
    let h: Double = 3600
    let rates = [
      RateRow(
        group: .category(.operationalChallenges), opened: 6, reached2: 3, reached3: 1, reached4: 0),
      RateRow(
        group: .category(.equipmentPurchase), opened: 4, reached2: 1, reached3: 1, reached4: 1),
      RateRow(group: .total, opened: opened, reached2: 4, reached3: 2, reached4: 1),
    ]
    let tal = [
      TimeAtLevelRow(
        group: .category(.operationalChallenges), level: Level(rawValue: 1)!,
        stats: DurationStats(count: 5, mean: 4 * h, median: 3 * h, p90: 8 * h, max: Int64(9 * h))),
      TimeAtLevelRow(
        group: .category(.operationalChallenges), level: Level(rawValue: 2)!,
        stats: DurationStats(
          count: 2, mean: 10 * h, median: 10 * h, p90: 12 * h, max: Int64(12 * h))),
      TimeAtLevelRow(
        group: .category(.equipmentPurchase), level: Level(rawValue: 1)!,
        stats: DurationStats(count: 3, mean: 2 * h, median: 1.5 * h, p90: 3 * h, max: Int64(3 * h))),
      TimeAtLevelRow(
        group: .total, level: Level(rawValue: 1)!,
        stats: DurationStats(
          count: 8, mean: 3.25 * h, median: 2.5 * h, p90: 8 * h, max: Int64(9 * h))),
    ]
    let ttr = [
      ResolutionRow(
        group: .total,
        stats: DurationStats(
          count: 8, mean: 20 * h, median: 12 * h, p90: 40 * h, max: Int64(50 * h)))
    ]
    let trend = [(8, 5, 1), (9, 7, 3), (10, opened, 4)].map { (m, o, e) in
      TrendRow(
        month: MonthKey(year: 2026, month: m), start: 0, end: 0, opened: o, escalated: e,
        escalationMoves: e,
        resolved: o - 1, medianTimeToResolution: 12 * h)
    }
    let backlog = [
      BacklogRow(
        ticket: "T-9", group: .category(.equipmentPurchase), level: Level(rawValue: 2)!,
        role: "Project manager",
        opened: period.start + 86_400, timeAtLevel: Int64(30 * h), age: 20 * 86_400, slaBreach: true
      )
    ]
    let tickets = (1...3).map { i in
      MetricsTicketRow(
        ticket: "=T\(i)", group: .category(.operationalChallenges),
        opened: period.start + Int64(i) * 3600,
        resolved: i == 3 ? nil : period.start + Int64(i) * 7200, highestLevel: Level(rawValue: i)!,
        levelAtResolution: i == 3 ? nil : Level(rawValue: i)!,
        secondsAtLevel: [3600, i > 1 ? 1800 : nil, nil, nil],
        timeToResolution: i == 3 ? nil : Int64(i) * 3600, slaBreaches: i == 2 ? 1 : 0)
    }
    return ReportContent(
      source: "log.csv", zone: "UTC", period: period,
      accounting: RecordAccounting(read: 40, used: 38, rejected: 2),
      roles: Matrix.canonical(.en).roles,
      headline: Headline(
        opened: opened, shareEscalated: 0.4, escalationMoves: 5, resolved: 8,
        medianTimeToResolution: 12 * h,
        backlog: 1, slaBreaches: nil, slaStays: nil),
      rates: rates, escalations: [], timeAtLevel: tal, timeToResolution: ttr, highestLevel: [],
      levelAtResolution: [],
      backlog: backlog,
      sla: sla
        ? SLASection(targets: SLATargets(seconds: [86_400, 172_800, nil, nil]), rows: []) : nil,
      trend: trend, tickets: tickets, warnings: [], ticketIDs: [],
      findingCounts: [])
  }

  static func input(_ language: Language = .en) -> ReportWorkbookInput {
    ReportWorkbookInput(
      content: content(), previous: content(opened: 7), language: language,
      matrix: .canonical(language),
      files: [
        ReportInputFile(
          name: "log.csv", accounting: RecordAccounting(read: 40, used: 38, rejected: 2))
      ],
      importFindings: [
        Finding(
          code: "LOG004", severity: .error, file: "log.csv", line: 7, column: 3, message: "bad date"
        ),
        Finding(
          code: "LOG101", severity: .warning, file: "log.csv", line: 9, column: 2,
          message: "loose label"),
      ])
  }

  @Test func sheetsChartsAndCells() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/escalations-2026-10.xlsx"
    try ReportWorkbook.write(Self.input(), to: path)
    let x = try XLSXReader(path: path)
    #expect(x.sheetNames == ReportWorkbook.sheetNames(.en, sla: true))
    #expect(
      x.sheetNames == [
        "Dashboard", "Summary", "Escalation rates", "Escalation flow", "Time at level", "SLA",
        "Trend", "Backlog", "Aging", "Owners", "Tickets", "Matrix", "Data quality",
        "Data quality detail",
      ])
    // Dashboard trend line, rates bar chart, flow funnel bar, stacked bar of medians, the SLA
    // sheet's monthly compliance line, two trend lines, aging stacked columns.
    #expect(x.partNames(under: "xl/charts/").count == 8)
    let charts = x.partNames(under: "xl/charts/").compactMap { x.text($0) }
    #expect(charts.filter { $0.contains("<c:barChart>") }.count == 4)
    #expect(charts.filter { $0.contains("<c:lineChart>") }.count == 4)
    #expect(charts.contains { $0.contains("<c:grouping val=\"stacked\"/>") })

    let summary = x.cells(sheet: 1)
    #expect(summary["A1"] == .string("Escalation report — October 2026"))
    // The period written out: October 2026 is 1 October 00:00 to 1 November 00:00 (excluded),
    // that is up to 31 October included; as-of is the end of the period.
    #expect(summary["B3"] == .string("October 2026"))
    #expect(summary["B4"] == .string("1 October 2026"))
    #expect(summary["B5"] == .string("31 October 2026 (included)"))
    #expect(summary["B6"] == .string("1 November 2026, 00:00"))
    // Opened 10 against 7: change +3.
    let opened = summary.first { $0.value == .string("Tickets opened") }?.key
    let row = opened.map { String($0.dropFirst()) } ?? "?"
    #expect(summary["B" + row] == .number(10))
    #expect(summary["C" + row] == .number(7))
    #expect(summary["D" + row] == .number(3))
    #expect(x.sheetElements(1, named: "hyperlink").first?["location"] == "'Data quality'!A1")

    let rates = x.cells(sheet: 2)
    #expect(rates["A2"] == .string("Operational challenges"))
    #expect(rates["F2"] == .number(0.5))  // 3 of 6 reached level 2
    #expect(rates["A4"] == .string("Total"))
    #expect(x.sheetElements(2, named: "cfRule").first?["type"] == "dataBar")

    let time = x.cells(sheet: 4)
    // Median at level 2 for operational challenges: 10 h, written as days (Excel's unit).
    #expect(time["C3"] == .number(10.0 / 24))
    #expect(x.sheetElements(4, named: "cfRule").contains { $0["type"] == "colorScale" })

    // Tickets: text ids that look like formulas stay text; filter and frozen header.
    let tickets = x.cells(sheet: 10)
    #expect(tickets["A2"] == .string("=T1"))
    #expect(tickets["D4"] == .blank)  // T3 is open: no resolution date (a formatted blank)
    #expect(x.sheetElements(10, named: "autoFilter").first?["ref"] == "A1:M4")
    #expect(x.sheetElements(10, named: "pane").first?["topLeftCell"] == "A2")

    #expect(x.cells(sheet: 11)["B1"] == .string("Level 1 escalation"))
    // Grouped: one row per code and message pattern (severity, code, count, file, lines).
    let quality = x.cells(sheet: 12)
    #expect(quality["B2"] == .string("LOG004"))
    #expect(quality["C2"] == .number(1))
    #expect(quality["E2"] == .string("7"))
    #expect(quality["B3"] == .string("LOG101"))
    // Detail: one row per finding, the column as a letter (3 → C) as the user's sheet shows.
    let detail = x.cells(sheet: 13)
    #expect(detail["E2"] == .string("LOG004"))
    #expect(detail["C2"] == .string("C"))
    #expect(detail["B3"] == .number(9))
    #expect(detail["C3"] == .string("B"))
  }

  @Test func summaryChangesInPointsAndNotApplicableBeforeTheLog() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // Previous period: share escalated 0.25 against 0.4 now: +15.0 points (not +60 %).
    var input = Self.input()
    input.previous?.headline.shareEscalated = 0.25
    try ReportWorkbook.write(input, to: dir + "/a.xlsx")
    var x = try XLSXReader(path: dir + "/a.xlsx")
    var summary = x.cells(sheet: 1)
    let row =
      summary.first { $0.value == .string("Share escalated (level ≥ 2)") }.map {
        String($0.key.dropFirst())
      } ?? "?"
    #expect(summary["C" + row] == .number(0.25))
    if case .number(let change)? = summary["D" + row] {
      #expect(abs(change - 15) < 1e-9)
    } else {
      Issue.record("no change: \(String(describing: summary["D" + row]))")
    }
    let styles = try #require(x.text("xl/styles.xml"))
    #expect(styles.contains("formatCode=\"+0.0&quot; pts&quot;;&quot;−&quot;0.0&quot; pts&quot;"))
    // The findings line: 2 findings, 1 error, 1 warning, 0 notes; in French 0 remarque.
    #expect(
      summary.values.contains(
        .string("2 findings: 1 error (rejected records), 1 warning, 0 notes — see the sheet")))

    // The log starts on 2026-10-01 (September lies before it): n/a, never 0 or a huge change.
    input = Self.input(.fr)
    input.previous?.period = ResolvedPeriod.resolve(
      .month(year: 2026, month: 9), zone: .utc, eventTimes: nil)
    input.firstEvent = input.content.period.start
    try ReportWorkbook.write(input, to: dir + "/b.xlsx")
    x = try XLSXReader(path: dir + "/b.xlsx")
    summary = x.cells(sheet: 1)
    let opened =
      summary.first { $0.value == .string("Tickets ouverts") }.map { String($0.key.dropFirst()) }
      ?? "?"
    #expect(summary["B" + opened] == .number(10))
    #expect(summary["C" + opened] == .string("n.d."))
    #expect(summary["D" + opened] == .string("n.d."))
    #expect(summary["B4"] == .string("1er octobre 2026"))
    #expect(summary["B5"] == .string("31 octobre 2026 inclus"))
    #expect(summary["B6"] == .string("1er novembre 2026 à 00:00"))
    #expect(
      summary.values.contains(
        .string(
          "2 constats\u{00A0}: 1 erreur (lignes rejetées), 1 avertissement, 0 remarque — voir la feuille"
        )))
    // Trend months in French.
    #expect(x.cells(sheet: 6)["A2"] == .string("août 2026"))
  }

  @Test func withoutSLATheBacklogAndTicketsHaveNoSLAColumn() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var input = Self.input()
    input.content = Self.content(sla: false)
    try ReportWorkbook.write(input, to: dir + "/a.xlsx")
    let x = try XLSXReader(path: dir + "/a.xlsx")
    #expect(x.cells(sheet: 6)["G1"] == .string("Age (days)"))
    #expect(x.cells(sheet: 6)["H1"] == .string("Owner"))  // right after the age: no SLA column
    #expect(x.cells(sheet: 9)["K1"] == .string("Time to resolution"))
    #expect(x.cells(sheet: 9)["L1"] == .string("Owner"))
    #expect(x.sheetElements(6, named: "cfRule").count == 1)  // the banding only
  }

  @Test func identicalWarningsAreOneRowWithACount() {
    // 7 duplicates of different lines: one group, 7, the first five lines and an ellipsis.
    let dupes = (1...7).map { i in
      Finding(
        code: "LOG020", severity: .warning, file: "log.csv", line: 10 * i, column: nil,
        message: "exact duplicate of line \(10 * i - 1); not used")
    }
    let other = Finding(
      code: "LOG017", severity: .error, file: "log.csv", line: 3, column: 5,
      message: "unknown category \"Perf\"; did you mean \"Performance issues\"?")
    let groups = ReportWriter.groups(dupes + [other])
    #expect(groups.count == 2)
    #expect(groups[0].count == 7)
    #expect(groups[0].lines == [10, 20, 30, 40, 50, 60])
    #expect(ReportWriter.pattern(other.message) == "unknown category \"…\"; did you mean \"…\"?")
    #expect(ReportWriter.lineList(groups[0], Labels(.en)) == "10, 20, 30, 40, 50…")
    #expect(ReportWriter.lineList(groups[1], Labels(.en)) == "3")
    #expect(ReportWriter.formatted(5_278, Labels(.en)) == "5,278")
    #expect(ReportWriter.formatted(5_278, Labels(.fr)) == "5\u{202F}278")
  }

  @Test func frenchSheetNames() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/r.xlsx"
    try ReportWorkbook.write(Self.input(.fr), to: path)
    let x = try XLSXReader(path: path)
    #expect(
      x.sheetNames == [
        "Tableau de bord", "Synthèse", "Taux de remontée", "Flux de remontée", "Temps par niveau",
        "Délais", "Tendance", "En cours", "Ancienneté", "Responsables", "Tickets", "Matrice",
        "Qualité des données", "Détail qualité des données",
      ])
  }

  @Test func reproducible() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try ReportWorkbook.write(Self.input(), to: dir + "/a.xlsx")
    try ReportWorkbook.write(Self.input(), to: dir + "/b.xlsx")
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: dir + "/a.xlsx"))
        == Data(contentsOf: URL(fileURLWithPath: dir + "/b.xlsx")))
  }

  @Test func unwritableTargetLeavesNothing() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(throws: XLSXError.self) {
      try ReportWorkbook.write(Self.input(), to: dir + "/missing/r.xlsx")
    }
    #expect(listing(dir) == [])
  }
}

@Suite("Report workbook from the sample log")
struct ReportWorkbookSampleTests {
  /// Samples/escalations-2026-fr.csv, the French sample export, at the repository's root.
  static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Samples/escalations-2026-fr.csv").path

  @Test func marchReportFromTheEngine() throws {
    let zone = try #require(ZoneRules(identifier: "Europe/Paris"))
    let log = try LogImporter.load(
      path: Self.sample, options: LogImportOptions(matrix: .canonical(.fr), zone: zone))
    var options = MetricsOptions(
      period: .month(year: 2026, month: 3), zone: zone, matrix: .canonical(.fr),
      includeTickets: true)
    let content = MetricsEngine.compute(log, options: options)
    options.period = .month(year: 2026, month: 2)
    let previous = MetricsEngine.compute(log, options: options)
    let input = ReportWorkbookInput(
      content: content, previous: previous, language: .fr, matrix: .canonical(.fr),
      files: [ReportInputFile(name: "escalations-2026-fr.csv", accounting: log.accounting)],
      importFindings: log.findings)
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try ReportWorkbook.write(input, to: dir + "/a.xlsx", inputs: [Self.sample])
    try ReportWorkbook.write(input, to: dir + "/b.xlsx", inputs: [Self.sample])
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: dir + "/a.xlsx"))
        == Data(contentsOf: URL(fileURLWithPath: dir + "/b.xlsx")))
    let x = try XLSXReader(path: dir + "/a.xlsx")
    #expect(x.sheetNames == ReportWorkbook.sheetNames(.fr))
    // The Tickets sheet holds the engine's tickets in scope, one row each under the header.
    let tickets = try #require(content.tickets)
    #expect(!tickets.isEmpty)
    let ticketCells = x.cells(sheet: 9)
    #expect(ticketCells["A\(tickets.count + 1)"] == .string(tickets[tickets.count - 1].ticket))
    #expect(ticketCells["A\(tickets.count + 2)"] == nil)
    // The total row of the rates sheet repeats the headline's tickets opened.
    let rates = x.cells(sheet: 2)
    let total = rates.first { $0.value == .string("Total") }?.key.dropFirst() ?? ""
    #expect(rates["B\(total)"] == .number(Double(content.headline.opened)))
    // The data-quality detail sheet lists every finding: import, then reconstruction.
    let quality = x.cells(sheet: 12)
    let findings = log.findings.count + content.findings.count
    #expect(quality["E\(findings + 1)"] != nil)
    #expect(quality["E\(findings + 2)"] == nil)
  }
}
