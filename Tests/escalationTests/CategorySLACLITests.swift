import Foundation
import Testing
import XLSXTestSupport

/// Targets per category from a profile (`[sla.CATEGORY]`, docs/metrics.md#sla), end to end on
/// the service-desk sample: the same figures in JSON (against its schema), CSV and the report.
@Suite struct CategorySLACLITests {
  var desk: String { CLI.samples.appendingPathComponent("service-desk-2026-fr.csv").path }

  func profileDir() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "category-sla-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try """
    [calendar]
    tz = "Europe/Paris"
    mon = ["09:00-18:00"]
    tue = ["09:00-18:00"]
    wed = ["09:00-18:00"]
    thu = ["09:00-18:00"]
    fri = ["09:00-18:00"]
    holidays = ["FR"]
    [sla]
    clock = "business"
    1 = "16h"
    2 = "24h"
    [sla.guidance-acquisition]
    1 = "2h"
    """.write(to: dir.appendingPathComponent("p.toml"), atomically: true, encoding: .utf8)
    return dir
  }

  @Test func categoryTargetsInJSONCSVAndTheReport() throws {
    let dir = try profileDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let common = [
      "--month", "2026-10", "--tz", "Europe/Paris", "--profile",
      dir.appendingPathComponent("p.toml").path,
    ]
    let j = try CLI.run(["metrics", desk] + common + ["--format", "json"])
    #expect(j.status == 0, "\(j.stderr)")
    let parsed = try ShellIntegrationCLITests.parse(j.stdout)
    #expect(try ShellIntegrationCLITests.schema("metrics.schema.json").problems(parsed) == [])
    let sla = try #require((parsed as? [String: Any])?["sla"] as? [String: Any])
    let own = try #require(sla["categoryTargets"] as? [String: [String: [String: Any]]])
    // 2 business hours = 7 200 s.
    #expect(own["guidance-acquisition"]?["1"]?["seconds"] as? Int == 7_200)
    #expect(own["guidance-acquisition"]?["1"]?["clock"] as? String == "business")
    let rows = try #require(sla["rows"] as? [[String: Any]])
    func row(_ c: String, _ l: Int) -> [String: Any]? {
      rows.first { $0["category"] as? String == c && $0["level"] as? Int == l }
    }
    #expect(row("guidance-acquisition", 1)?["targetSeconds"] as? Int == 7_200)
    #expect(row("operational-challenges", 1)?["targetSeconds"] as? Int == 57_600)
    // The total at level 1 mixes 2 and 16 business hours: no single target (null); at level
    // 2 every category has 24 business hours.
    #expect(row("total", 1)?["targetSeconds"] is NSNull)
    #expect(row("total", 2)?["targetSeconds"] as? Int == 86_400)
    // The total counts every category's stays and breaches.
    let categories = rows.filter {
      $0["level"] as? Int == 1 && $0["category"] as? String != "total"
    }
    let stays = categories.compactMap { $0["stays"] as? Int }.reduce(0, +)
    let breaches = categories.compactMap { $0["breaches"] as? Int }.reduce(0, +)
    #expect(row("total", 1)?["stays"] as? Int == stays && stays > 0)
    #expect(row("total", 1)?["breaches"] as? Int == breaches)
    // CSV: the guidance row's target in hours, the total's empty.
    let csv = try CLI.run(["metrics", desk] + common + ["--format", "csv", "--table", "sla"])
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(csv.stdout.contains("guidance-acquisition,Guidance acquisition,1,2,business,"))
    #expect(csv.stdout.contains("total,Total,1,,business,\(stays),\(breaches),"))
    // The report: the SLA sheet names the category's target and writes "by category" on the
    // total row of level 1.
    let out = dir.appendingPathComponent("r.xlsx").path
    let r = try CLI.run(["report", desk] + common + ["--lang", "en", "-o", out])
    #expect(r.status == 0, "\(r.stderr)")
    let book = try XLSXReader(path: out)
    let cells = book.cells(sheet: book.sheetNames.firstIndex(of: "SLA") ?? -1)
    #expect(
      cells["A1"] == .string("SLA targets: 1 = 16 h, 2 = 24 h; Guidance acquisition: 1 = 2 h"))
    #expect(cells.values.contains(.string("by category")))
  }

  /// `--table stays` lists exactly the stays the SLA table counts: as many rows as the total
  /// rows' stays, as many breached as their breaches; JSON matches its schema.
  @Test func staysTableAgreesWithTheSLATable() throws {
    let dir = try profileDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let common = [
      "metrics", desk, "--month", "2026-10", "--tz", "Europe/Paris", "--profile",
      dir.appendingPathComponent("p.toml").path,
    ]
    let j = try CLI.run(common + ["--format", "json"])
    let sla = try #require(
      (try ShellIntegrationCLITests.parse(j.stdout) as? [String: Any])?["sla"] as? [String: Any])
    let totals = try #require(sla["rows"] as? [[String: Any]]).filter {
      $0["category"] as? String == "total"
    }
    let stays = totals.compactMap { $0["stays"] as? Int }.reduce(0, +)
    let breaches = totals.compactMap { $0["breaches"] as? Int }.reduce(0, +)
    let js = try CLI.run(common + ["--format", "json", "--table", "stays"])
    #expect(js.status == 0, "\(js.stderr)")
    let parsed = try ShellIntegrationCLITests.parse(js.stdout)
    #expect(try ShellIntegrationCLITests.schema("metrics.schema.json").problems(parsed) == [])
    let rows = try #require((parsed as? [String: Any])?["slaStays"] as? [[String: Any]])
    #expect(rows.count == stays && stays > 0)
    #expect(rows.filter { $0["breached"] as? Bool == true }.count == breaches)
    // Every breached stay has its breach instant; an ended stay has no time left.
    #expect(rows.allSatisfy { $0["breached"] as? Bool != true || $0["breachAt"] is String })
    #expect(rows.allSatisfy { $0["end"] is NSNull || $0["remainingSeconds"] is NSNull })
    // CSV: a header and one line per stay.
    let csv = try CLI.run(common + ["--format", "csv", "--table", "stays"])
    let lines = csv.stdout.split(separator: "\r\n")
    #expect(lines.first?.hasPrefix("ticket,category,label,level,start,end,calendar_hours") == true)
    #expect(lines.count == stays + 1)
  }

  /// The bundled profile (Samples/service-desk-fr.toml, run by Scripts/demo.sh) reads: its
  /// calendar makes the level targets business hours (16 bh = 57 600 s) and guidance requests
  /// get 4 business hours (14 400 s) at level 1.
  @Test func theBundledProfileReads() throws {
    let profile = CLI.samples.appendingPathComponent("service-desk-fr.toml").path
    let r = try CLI.run([
      "metrics", desk, "--profile", profile, "--month", "2026-10", "--format", "json", "--table",
      "sla",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let sla = try #require(
      (try ShellIntegrationCLITests.parse(r.stdout) as? [String: Any])?["sla"] as? [String: Any])
    let rows = try #require(sla["rows"] as? [[String: Any]])
    func target(_ c: String, _ l: Int) -> Int? {
      rows.first { $0["category"] as? String == c && $0["level"] as? Int == l }?["targetSeconds"]
        as? Int
    }
    #expect(target("guidance-acquisition", 1) == 14_400)
    #expect(target("operational-challenges", 1) == 57_600)
    #expect((sla["clocks"] as? [String: Any])?["1"] as? String == "business")
  }
}
