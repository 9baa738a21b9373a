import Foundation
import Testing
import XLSXTestSupport

/// `escalation report` end to end: the workbook's numbers are the `metrics` JSON numbers.
@Suite struct ReportCLITests {
  static let frLog = CLI.samples.appendingPathComponent("escalations-2026-fr.csv").path

  func tempDir() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  func json(_ args: [String]) throws -> [String: Any] {
    let r = try CLI.run(args)
    #expect(r.status == 0, "\(r.stderr)")
    return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] ?? [:]
  }

  func number(_ v: XLSXReader.Value?) -> Double? {
    if case .number(let d) = v { return d }
    return nil
  }

  @Test func workbookHoldsTheMetricsNumbers() throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("october.xlsx").path
    let common = [
      Self.frLog, "--tz", "Europe/Paris", "--month", "2026-10", "--sla", "1=24h,2=48h,3=72h,4=120h",
    ]
    let r = try CLI.run(["report"] + common + ["-o", out])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.hasPrefix("wrote \(out): 2026-10 (Europe/Paris)"))
    let m = try json(["metrics"] + common + ["--format", "json"])
    let x = try XLSXReader(path: out)
    #expect(
      x.sheetNames == [
        "Dashboard", "Summary", "Escalation rates", "Escalation flow", "Time at level", "SLA",
        "Trend", "Backlog", "Aging", "Owners", "Tickets", "Matrix", "Data quality",
        "Data quality detail",
      ])

    // Summary: the headline figures.
    let headline = m["headline"] as? [String: Any] ?? [:]
    let summary = x.cells(sheet: 1)
    let labels = summary.filter { $0.key.hasPrefix("A") }
    let openedRow = labels.first { $0.value == .string("Tickets opened") }.map {
      String($0.key.dropFirst())
    }
    #expect(openedRow != nil)
    if let row = openedRow {
      #expect(number(summary["B" + row]) == (headline["opened"] as? Double))
    }

    // Rates: each category row's opened count and rate ≥ 2, in canonical order then Total.
    let rates = m["rates"] as? [[String: Any]] ?? []
    #expect(rates.count == 9)
    let rateCells = x.cells(sheet: 2)
    for (i, row) in rates.enumerated() {
      let r = String(i + 2)
      #expect(number(rateCells["B" + r]) == row["opened"] as? Double)
      let rate2 = (row["rate"] as? [String: Any])?["2"] as? Double
      if let rate2 {
        #expect(abs((number(rateCells["F" + r]) ?? -1) - rate2) < 1e-6)
      } else {
        #expect(number(rateCells["F" + r]) == nil)  // empty, never 0
      }
    }

    // Time at level: the medians in days (seconds / 86,400), Excel's unit of durations.
    let tal = m["timeAtLevel"] as? [[String: Any]] ?? []
    let timeCells = x.cells(sheet: 4)
    for (i, row) in tal.enumerated() where i < 9 {
      let levels = row["levels"] as? [String: [String: Any]] ?? [:]
      for (k, col) in ["B", "C", "D", "E"].enumerated() {
        let median = levels[String(k + 1)]?["medianSeconds"] as? Double
        let cell = number(timeCells[col + String(i + 3)])
        if let median {
          #expect(abs((cell ?? -1) - median / 86_400) < 1e-9)
        } else {
          #expect(cell == nil)
        }
      }
    }

    // Trend: one row per month ("January 2026" for "2026-01"), opened per month.
    let backlog11 = 11  // the backlog at as-of, as the Backlog check below counts it
    let trend = m["trend"] as? [[String: Any]] ?? []
    let trendCells = x.cells(sheet: 6)
    #expect(trend.count == 10)  // January to October
    let months = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October",
    ]
    for (i, row) in trend.enumerated() {
      #expect(trendCells["A" + String(i + 2)] == .string("\(months[i]) 2026"))
      #expect(row["month"] as? String == "2026-\(i < 9 ? "0" : "")\(i + 1)")
      #expect(number(trendCells["B" + String(i + 2)]) == row["opened"] as? Double)
      // The month-end backlog, column H, is the JSON's.
      #expect(number(trendCells["H" + String(i + 2)]) == row["backlog"] as? Double)
    }
    // October's month-end backlog is the report's backlog at as-of (the end of October).
    #expect(number(trendCells["H11"]) == Double(backlog11))

    // Backlog: one row per open ticket, oldest first.
    let backlog = m["backlog"] as? [[String: Any]] ?? []
    let backlogCells = x.cells(sheet: 7)
    #expect(backlog.count == 11)
    for (i, row) in backlog.enumerated() {
      #expect(backlogCells["A" + String(i + 2)] == .string(row["ticket"] as? String ?? "?"))
    }
    #expect(backlogCells["A" + String(backlog.count + 2)] == nil)

    // Tickets: as many rows as the metrics tickets table.
    let tickets =
      try json(["metrics"] + common + ["--format", "json", "--table", "tickets"])["tickets"]
      as? [[String: Any]] ?? []
    let ticketCells = x.cells(sheet: 10)
    #expect(!tickets.isEmpty)
    #expect(ticketCells["A" + String(tickets.count + 1)] != nil)
    #expect(ticketCells["A" + String(tickets.count + 2)] == nil)
    #expect(x.sheetElements(10, named: "autoFilter").count == 1)
    #expect(x.sheetElements(10, named: "pane").first?["topLeftCell"] == "A2")
    #expect(x.partNames(under: "xl/charts/").count >= 3)
  }

  @Test func sameInputsGiveTheSameBytesAndFrenchSheetNames() throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a.xlsx").path
    let b = dir.appendingPathComponent("b.xlsx").path
    for out in [a, b] {
      let r = try CLI.run([
        "report", Self.frLog, "--tz", "Europe/Paris", "--month", "2026-09", "--lang", "fr", "-o",
        out,
      ])
      #expect(r.status == 0, "\(r.stderr)")
    }
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
    #expect(
      try XLSXReader(path: a).sheetNames == [
        "Tableau de bord", "Synthèse", "Taux de remontée", "Flux de remontée", "Temps par niveau",
        "Tendance", "En cours", "Ancienneté", "Responsables", "Tickets", "Matrice",
        "Qualité des données", "Détail qualité des données",
      ])
  }

  @Test func formulaLookingInputIsWrittenAsText() throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let log = dir.appendingPathComponent("log.csv")
    try Data(
      """
      Ticket,Timestamp,Event,Level,Category,Note
      "=HYPERLINK(""http://x"")",2026-10-01 09:00,open,1,Performance issues,+cmd
      T2,2026-10-02 09:00,open,1,Performance issues,@SUM(A1)

      """.utf8
    ).write(to: log)
    let out = dir.appendingPathComponent("r.xlsx").path
    let r = try CLI.run(["report", log.path, "--month", "2026-10", "-o", out])
    #expect(r.status == 0, "\(r.stderr)")
    let x = try XLSXReader(path: out)
    let tickets = x.cells(sheet: 9)
    #expect(tickets.values.contains(.string("=HYPERLINK(\"http://x\")")))
    for sheet in 0..<13 {
      #expect(
        !x.cells(sheet: sheet).values.contains {
          if case .formula = $0 { return true } else { return false }
        })
    }
  }

  @Test func unwritableTargetExitsTwoAndLeavesNothing() throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let missing = dir.appendingPathComponent("no/such/dir/r.xlsx").path
    let r = try CLI.run(["report", Self.frLog, "--month", "2026-10", "-o", missing])
    #expect(r.status == 2)
    #expect(r.stderr.contains("error[IO010]"))
    #expect(r.stderr.contains(missing))
    let readOnly = dir.appendingPathComponent("ro")
    try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: readOnly.path)
    defer {
      try? FileManager.default.setAttributes(
        [.posixPermissions: 0o755], ofItemAtPath: readOnly.path)
    }
    let ro = try CLI.run([
      "report", Self.frLog, "--month", "2026-10", "-o",
      readOnly.appendingPathComponent("r.xlsx").path,
    ])
    if getuid() != 0 {  // root may write anywhere
      #expect(ro.status == 2)
    }
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "ro" }
    #expect(left.isEmpty)
    if getuid() != 0 {
      #expect(try FileManager.default.contentsOfDirectory(atPath: readOnly.path).isEmpty)
    }
    // The log itself can never be the target.
    let copy = dir.appendingPathComponent("log.csv")
    try FileManager.default.copyItem(atPath: Self.frLog, toPath: copy.path)
    let before = try Data(contentsOf: copy)
    let over = try CLI.run(["report", copy.path, "--month", "2026-10", "-o", copy.path])
    #expect(over.status == 2)
    #expect(over.stderr.contains("error[IO011]"))
    #expect(try Data(contentsOf: copy) == before)
  }

  @Test func defaultIsTheLatestCompleteMonthInReports() throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    // The log ends in June 2026, months before today: June is its latest complete month.
    let log = dir.appendingPathComponent("log.csv")
    try Data(
      """
      Ticket,Timestamp,Event,Level,Category
      T1,2026-05-20 09:00,open,1,Performance issues
      T1,2026-06-03 09:00,resolve,1,Performance issues

      """.utf8
    ).write(to: log)
    let r = try CLI.run(["report", log.path], cwd: dir)
    #expect(r.status == 0, "\(r.stderr)")
    // The log's name in the file name: log.csv → Reports/log-2026-06.xlsx.
    #expect(r.stderr.hasPrefix("wrote Reports/log-2026-06.xlsx: 2026-06 (UTC)"))
    #expect(
      FileManager.default.fileExists(
        atPath: dir.appendingPathComponent("Reports/log-2026-06.xlsx").path))
  }
}
