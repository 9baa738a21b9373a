import Foundation
import Testing
import XLSXTestSupport

/// Pause words, `--exclude-paused` and a profile's `[calendar]`, end to end
/// (docs/metrics.md#pauses, docs/calendar.md).
@Suite struct PauseCLITests {
  /// A directory with a small log: A opens at L1 Thu 1 Oct 2026 09:00 UTC, waits for the
  /// customer 10:00-13:00, is resolved 14:00 (5 h at L1, 3 h paused).
  func logDir() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pause-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try """
    ticket,time,event,level,category
    A,2026-10-01 09:00,open,1,operational-challenges
    A,2026-10-01 10:00,Waiting for customer,1,
    A,2026-10-01 13:00,update,1,
    A,2026-10-01 14:00,resolve,,
    """.write(to: dir.appendingPathComponent("log.csv"), atomically: true, encoding: .utf8)
    return dir
  }

  @Test func pausedTimeAndExcludePaused() throws {
    let dir = try logDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let log = dir.appendingPathComponent("log.csv").path
    let common = ["metrics", log, "--tz", "UTC", "--sla", "1=2h", "--format", "json"]
    let r = try CLI.run(common)
    #expect(r.status == 0)
    // Time at level 5 h (18 000 s), 3 h paused (10 800 s); the SLA clock 5 − 3 = 2 h ≤ 2 h.
    #expect(r.stdout.contains("\"maxSeconds\": 18000"))
    #expect(r.stdout.contains("\"pausedSeconds\": 10800"))
    #expect(r.stdout.contains("\"breaches\": 0"))
    let x = try CLI.run(common + ["--exclude-paused"])
    #expect(x.status == 0 && x.stdout.contains("\"maxSeconds\": 7200"))
    let text = try CLI.run(["metrics", log, "--tz", "UTC"])
    #expect(text.stdout.contains("Paused time at level"))
    // CSV: the paused hours as a last column, 3 h on A's level-1 row and on the total's.
    let tal = try CLI.run([
      "metrics", log, "--tz", "UTC", "--format", "csv", "--table", "time-at-level",
    ])
    let lines = tal.stdout.split(separator: "\r\n")
    #expect(lines.first?.hasSuffix(",max_hours,paused_hours") == true)
    #expect(lines.contains("operational-challenges,Operational challenges,1,1,5,5,5,5,3"))
    // The SLA table: 1 stay, 0 breaches, compliance 1, 0 tickets breached, then 3 paused hours.
    let sla = try CLI.run([
      "metrics", log, "--tz", "UTC", "--sla", "1=2h", "--format", "csv", "--table", "sla",
    ])
    let slaLines = sla.stdout.split(separator: "\r\n")
    #expect(
      slaLines.first?.hasSuffix(",tickets_breached,paused_hours,paused_business_hours") == true)
    // The report's SLA sheet carries the paused time too: header row 4, the first row (A's
    // category at level 1) paused 3 h, written as days (Excel's unit of time); no business
    // clock without a calendar.
    let out = dir.appendingPathComponent("r.xlsx").path
    let report = try CLI.run([
      "report", log, "--tz", "UTC", "--month", "2026-10", "--sla", "1=2h", "-o", out,
    ])
    #expect(report.status == 0, "\(report.stderr)")
    let book = try XLSXReader(path: out)
    let slaSheet = book.cells(sheet: book.sheetNames.firstIndex(of: "SLA") ?? -1)
    #expect(slaSheet["H4"] == .string("Paused"))
    #expect(slaSheet["A5"] == .string("Operational challenges"))
    #expect(slaSheet["H5"] == .number(3.0 / 24))
    #expect(slaSheet["I5"] == .blank || slaSheet["I5"] == nil)
    // Without a calendar there is no business clock: that column is empty.
    #expect(slaLines.last == "total,Total,1,2,calendar,1,0,1,0,3,")
  }

  @Test func aProfileCalendarIsUsedAndTheFileWins() throws {
    let dir = try logDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let log = dir.appendingPathComponent("log.csv").path
    // Thursday 10:00-12:00 only: the 5 h stay has 2 business hours, all paused.
    try "[calendar]\ntz = \"UTC\"\nthu = [\"10:00-12:00\"]\n".write(
      to: dir.appendingPathComponent("p.toml"), atomically: true, encoding: .utf8)
    let p = try CLI.run([
      "metrics", log, "--profile", dir.appendingPathComponent("p.toml").path, "--sla", "1=1bh",
      "--format", "json",
    ])
    #expect(p.status == 0)
    #expect(p.stdout.contains("\"maxBusinessSeconds\": 7200"))
    #expect(p.stdout.contains("\"pausedBusinessSeconds\": 7200"))
    // --calendar wins: 24×7 in UTC, 5 h business.
    let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    let allWeek = "[calendar]\ntz = \"UTC\"\n" + days.map { "\($0) = [\"00:00-24:00\"]\n" }.joined()
    try allWeek.write(to: dir.appendingPathComponent("c.toml"), atomically: true, encoding: .utf8)
    let c = try CLI.run([
      "metrics", log, "--profile", dir.appendingPathComponent("p.toml").path, "--calendar",
      dir.appendingPathComponent("c.toml").path, "--sla", "1=1bh", "--format", "json",
    ])
    #expect(c.status == 0 && c.stdout.contains("\"maxBusinessSeconds\": 18000"))
    // A mistake in the profile's calendar: its CAL code at the profile's line, exit 2.
    try "lang = \"en\"\n[calendar]\nthu = [\"12:00-10:00\"]\n".write(
      to: dir.appendingPathComponent("bad.toml"), atomically: true, encoding: .utf8)
    let b = try CLI.run([
      "metrics", log, "--profile", dir.appendingPathComponent("bad.toml").path,
    ])
    #expect(b.status == 2 && b.stderr.contains("CAL006") && b.stderr.contains(":3"))
  }

  /// The JSON with pauses, a calendar and an at-risk stay still matches docs/schema.
  @Test func jsonWithPausesMatchesTheSchema() throws {
    let dir = try logDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let log = dir.appendingPathComponent("log.csv")
    // B: open Thu 09:00, paused 10:00-11:00, open at the as-of 12:00: 3 h, 1 h paused, so
    // 2 h of a 2.5 h target used: 0.5 h left, at risk (≤ 25 % of 2.5 h), breaching at 12:30.
    let extra = """
      B,2026-10-01 09:00,open,1,operational-challenges
      B,2026-10-01 10:00,on hold,1,
      B,2026-10-01 11:00,update,1,

      """
    let handle = try FileHandle(forWritingTo: log)
    handle.seekToEndOfFile()
    handle.write(Data(("\n" + extra).utf8))
    try handle.close()
    try "[calendar]\ntz = \"UTC\"\nthu = [\"00:00-24:00\"]\n".write(
      to: dir.appendingPathComponent("c.toml"), atomically: true, encoding: .utf8)
    let m = try CLI.run([
      "metrics", log.path, "--tz", "UTC", "--format", "json", "--as-of", "2026-10-01T12:00Z",
      "--calendar", dir.appendingPathComponent("c.toml").path, "--sla", "1=2.5h",
    ])
    #expect(m.status == 0)
    #expect(m.stdout.contains("\"breachAt\": \"2026-10-01T12:30:00Z\""))
    #expect(m.stdout.contains("\"pausedBusinessSeconds\": 3600"))
    let schema = try ShellIntegrationCLITests.schema("metrics.schema.json")
    #expect(schema.problems(try ShellIntegrationCLITests.parse(m.stdout)) == [])
  }
}
