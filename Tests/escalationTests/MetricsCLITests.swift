import Foundation
import Testing

/// `escalation metrics` end to end on the sample logs.
@Suite struct MetricsCLITests {
  var frLog: String { CLI.samples.appendingPathComponent("escalations-2026-fr.csv").path }

  @Test func textReportForAMonthInParis() throws {
    let r = try CLI.run([
      "metrics", frLog, "--month", "2026-10", "--tz", "Europe/Paris", "--sla", "1=24h,2=48h",
    ])
    #expect(r.status == 0)
    #expect(
      r.stdout.contains(
        "Period: 2026-10 (2026-10-01 00:00 → 2026-11-01 00:00, Europe/Paris); as of 2026-11-01 00:00\n"
      ))
    #expect(r.stdout.contains("records read: 591 = used 591 + rejected 0 + duplicates 0\n"))
    #expect(r.stdout.contains("\nEscalation rates (tickets opened in the period)\n"))
    #expect(r.stdout.contains("\nTrend (each month as of its own end)\n"))
    // The hint runs as printed: the --tz given is part of it.
    #expect(r.stdout.contains("Run `escalation import \(frLog) --tz Europe/Paris` for the details"))
    #expect(!r.stdout.contains("\u{1B}["))  // NO_COLOR is set by CLI.run
  }

  @Test func jsonAndCSVCarryTheSameFigures() throws {
    let j = try CLI.run([
      "metrics", frLog, "--month", "2026-10", "--tz", "Europe/Paris", "--format", "json",
    ])
    #expect(j.status == 0)
    let obj = try #require(
      try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
    let headline = try #require(obj["headline"] as? [String: Any])
    let opened = try #require(headline["opened"] as? Int)
    let rates = try #require(obj["rates"] as? [[String: Any]])
    #expect(rates.last?["category"] as? String == "total")
    #expect(rates.last?["opened"] as? Int == opened)
    #expect(rates.count == 9)
    let c = try CLI.run([
      "metrics", frLog, "--month", "2026-10", "--tz", "Europe/Paris", "--format", "csv",
    ])
    #expect(c.status == 0)
    let lines = c.stdout.split(separator: "\r\n")
    #expect(
      lines.first
        == "category,label,opened,reached_2,reached_3,reached_4,rate_2,rate_3,rate_4,step_1_2,step_2_3,step_3_4"
    )
    #expect(lines.last?.hasPrefix("total,Total,\(opened),") == true)
    // The trend row for October equals the October report.
    let t = try CLI.run([
      "metrics", frLog, "--month", "2026-10", "--tz", "Europe/Paris", "--format", "csv", "--table",
      "trend",
    ])
    let oct = t.stdout.split(separator: "\r\n").first { $0.hasPrefix("2026-10,") }
    #expect(oct?.hasPrefix("2026-10,\(opened),") == true)
  }

  @Test func backlogRoleFromAnEditedMatrix() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "metrics-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let original = try String(
      contentsOf: CLI.samples.appendingPathComponent("matrix-fr.csv"), encoding: .utf8)
    let edited = dir.appendingPathComponent("matrix.csv")
    try original.replacingOccurrences(of: "Cheffe de projet", with: "Directrice des opérations")
      .write(to: edited, atomically: true, encoding: .utf8)
    let r = try CLI.run([
      "metrics", frLog, "--month", "2026-10", "--tz", "Europe/Paris", "--matrix", edited.path,
      "--format", "csv",
      "--table", "backlog",
    ])
    #expect(r.status == 0)
    let level2 = r.stdout.split(separator: "\r\n").filter { $0.split(separator: ",")[3] == "2" }
    #expect(!level2.isEmpty)
    #expect(level2.allSatisfy { $0.contains(",Directrice des opérations,") })
  }

  @Test func usageErrorsExitTwo() throws {
    let both = try CLI.run([
      "metrics", frLog, "--month", "2026-10", "--from", "2026-10-01", "--to", "2026-10-31",
    ])
    #expect(both.status == 2)
    #expect(both.stderr.contains("give either --month or --from/--to, not both"))
    let sla = try CLI.run(["metrics", frLog, "--sla", "1=24"])
    #expect(sla.status == 2)
    #expect(sla.stderr.contains("--sla: '1=24' has no readable duration"))
    let month = try CLI.run(["metrics", frLog, "--month", "10/2026"])
    #expect(month.status == 2)
    #expect(month.stderr.contains("write YYYY-MM"))
    let missing = try CLI.run(["metrics", "/nonexistent/log.csv"])
    #expect(missing.status == 2)
  }
}
