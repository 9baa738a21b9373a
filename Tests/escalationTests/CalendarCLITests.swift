import Foundation
import Testing
import XLSXTestSupport

/// `--calendar`, business-time `--sla` and `--at-risk` on `metrics` and `report`, end to end
/// on the French sample log (docs/calendar.md, docs/metrics.md#sla).
@Suite struct CalendarCLITests {
  var frLog: String { CLI.samples.appendingPathComponent("escalations-2026-fr.csv").path }

  /// A temporary directory with the Paris calendar as `cal.toml`.
  func calendarDir() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "calendar-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try """
    [calendar]
    tz = "Europe/Paris"
    mon = ["09:00-12:30", "13:30-18:00"]
    tue = ["09:00-18:00"]
    wed = ["09:00-18:00"]
    thu = ["09:00-18:00"]
    fri = ["09:00-17:00"]
    holidays = ["FR"]
    """.write(to: dir.appendingPathComponent("cal.toml"), atomically: true, encoding: .utf8)
    return dir
  }

  @Test func businessTargetsWithoutACalendarAreAUsageError() throws {
    let r = try CLI.run(["metrics", frLog, "--month", "2026-10", "--sla", "1=8bh,2=24h"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("--calendar") && r.stderr.contains("1=8bh"))
    let a = try CLI.run([
      "metrics", frLog, "--month", "2026-10", "--sla", "1=8h", "--at-risk", "2h",
    ])
    #expect(a.status == 2 && a.stderr.contains("--calendar"))
    let d = try CLI.run(["metrics", frLog, "--month", "2026-10", "--sla", "1=2bd"])
    #expect(d.status == 2 && d.stderr.contains("business hours"))
  }

  @Test func aBadCalendarFileStopsWithItsCode() throws {
    let dir = try calendarDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let bad = dir.appendingPathComponent("bad.toml")
    try "[calendar]\ntz = \"Europe/Paris\"\nfri = [\"18:00-09:00\"]\n".write(
      to: bad, atomically: true, encoding: .utf8)
    let r = try CLI.run(["metrics", frLog, "--calendar", bad.path])
    #expect(r.status == 1 && r.stderr.contains("CAL006"))
    let missing = try CLI.run([
      "metrics", frLog, "--calendar", dir.appendingPathComponent("no").path,
    ])
    #expect(missing.status == 2 && missing.stderr.contains("IO001"))
  }

  @Test func metricsCarryBothClocks() throws {
    let dir = try calendarDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let common = [
      "metrics", frLog, "--month", "2026-10", "--tz", "Europe/Paris", "--calendar",
      dir.appendingPathComponent("cal.toml").path, "--sla", "1=8bh,2=48h",
    ]
    let j = try CLI.run(common + ["--format", "json"])
    #expect(j.status == 0, "\(j.stderr)")
    let obj = try #require(
      try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
    let sla = try #require(obj["sla"] as? [String: Any])
    #expect((sla["clocks"] as? [String: Any])?["1"] as? String == "business")
    #expect((sla["clocks"] as? [String: Any])?["2"] as? String == "calendar")
    let rows = try #require(sla["rows"] as? [[String: Any]])
    let l1 = try #require(
      rows.first { $0["category"] as? String == "total" && $0["level"] as? Int == 1 })
    let stays = try #require(l1["stays"] as? Int)
    let breaches = try #require(l1["breaches"] as? Int)
    #expect(stays > 0)
    // JSON writes 6 decimals.
    let compliance = try #require(l1["compliance"] as? Double)
    #expect(abs(compliance - Double(stays - breaches) / Double(stays)) < 1e-6)
    #expect(obj["businessTimeAtLevel"] is [[String: Any]])
    #expect(sla["atRisk"] is [[String: Any]])
    // Business time never exceeds calendar time: each level's max, total row.
    let cal = try #require(obj["timeAtLevel"] as? [[String: Any]]).last?["levels"] as? [String: Any]
    let bus =
      try #require(obj["businessTimeAtLevel"] as? [[String: Any]]).last?["levels"]
      as? [String: Any]
    for l in ["1", "2"] {
      let c = (cal?[l] as? [String: Any])?["maxSeconds"] as? Double
      let b = (bus?[l] as? [String: Any])?["maxBusinessSeconds"] as? Double
      if let c, let b { #expect(b <= c) }
    }
    let t = try CLI.run(common)
    #expect(t.status == 0)
    #expect(t.stdout.contains("Time at level in business hours (calendar Europe/Paris)"))
    #expect(t.stdout.contains("At risk at as-of"))
    let csv = try CLI.run(common + ["--format", "csv", "--table", "time-at-level"])
    #expect(
      csv.stdout.hasPrefix(
        "category,label,level,tickets,mean_hours,median_hours,p90_hours,max_hours,business_mean_hours,"
      ))
    let slaCSV = try CLI.run(common + ["--format", "csv", "--table", "sla"])
    #expect(slaCSV.stdout.contains("total,Total,1,8,business,\(stays),\(breaches),"))
  }

  @Test func reportSummaryShowsBusinessTimeSLA() throws {
    let dir = try calendarDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("r.xlsx").path
    let r = try CLI.run([
      "report", frLog, "--month", "2026-10", "--tz", "Europe/Paris", "--calendar",
      dir.appendingPathComponent("cal.toml").path, "--sla", "1=8bh", "-o", out,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let labels = try XLSXReader(path: out).cells(sheet: 1).values  // the Summary
    #expect(labels.contains(.string("SLA breaches (business time)")))
    #expect(labels.contains(.string("SLA compliance (stays within target)")))
    #expect(labels.contains(.string("SLA at risk at as-of (open stays)")))
    // The SLA sheet lists the stays at risk, the same tickets in the same order as
    // `metrics --table at-risk` (soonest breach first), under their title and header.
    // On the service-desk sample, whose backlog is recent, so some stays are at risk.
    let desk = CLI.samples.appendingPathComponent("service-desk-2026-fr.csv").path
    let deskOut = dir.appendingPathComponent("desk.xlsx").path
    let d = try CLI.run([
      "report", desk, "--month", "2026-10", "--tz", "Europe/Paris", "--calendar",
      dir.appendingPathComponent("cal.toml").path, "--sla", "1=8bh", "--at-risk", "8h", "-o",
      deskOut,
    ])
    #expect(d.status == 0, "\(d.stderr)")
    let book = try XLSXReader(path: deskOut)
    let sla = book.cells(sheet: book.sheetNames.firstIndex(of: "SLA") ?? -1)
    let title = try #require(
      sla.first {
        if case .string(let t) = $0.value { t.hasPrefix("At risk at as-of") } else { false }
      })
    let titleRow = try #require(Int(title.key.dropFirst()))
    #expect(sla["A\(titleRow + 1)"] == .string("Ticket"))
    let m = try CLI.run([
      "metrics", desk, "--month", "2026-10", "--tz", "Europe/Paris", "--calendar",
      dir.appendingPathComponent("cal.toml").path, "--sla", "1=8bh", "--at-risk", "8h", "--format",
      "csv", "--table", "at-risk",
    ])
    let tickets = m.stdout.split(separator: "\r\n").dropFirst().map {
      String($0.prefix { $0 != "," })
    }
    // A window as long as the target: every open level-1 stay not yet over it is at risk.
    #expect(!tickets.isEmpty)
    let listed = (0..<tickets.count).map { sla["A\(titleRow + 2 + $0)"] }
    #expect(listed == tickets.map { .string($0) })
    #expect(sla["A\(titleRow + 2 + tickets.count)"] == nil)
    #expect(!sla.values.contains(.string("(no open stay at risk)")))
  }
}
