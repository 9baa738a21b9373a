import EscalationKit
import Foundation
import Testing

/// The bundled service-desk sample (README: `escalation sample --process service-desk --lang fr
/// --tickets 2040 --seed 2026`), the log of the README's main demo: it must be what the
/// generator writes, and its October report must look like a real month at a desk of about
/// 2,000 tickets a year.
@Suite struct ServiceDeskSampleTests {
  static var file: URL { CLI.samples.appendingPathComponent("service-desk-2026-fr.csv") }

  @Test func sampleIsWhatTheGeneratorWrites() throws {
    // The same options as the README's command, generated in memory: byte for byte the file,
    // so the committed sample cannot drift from the generator.
    let g = try SampleGenerator(
      options: SampleOptions(tickets: 2040, seed: 2026, language: .fr, process: .serviceDesk))
    let (bytes, report) = g.csv()
    let committed = try Data(contentsOf: Self.file)
    #expect(Data(bytes) == committed)
    // 2,040 tickets in 2026, nearly all resolved: the 31 December review closes the abandoned
    // ones, so only the tickets still in progress that evening are open (the file: 6).
    #expect(report.statistics.tickets == 2040)
    #expect(report.statistics.stillOpen < 40)
  }

  @Test func documentedCommandWritesTheSample() throws {
    let r = try CLI.run([
      "sample", "--process", "service-desk", "--lang", "fr", "--tickets", "2040", "--seed", "2026",
    ])
    #expect(r.status == 0)
    #expect(Data(r.stdout.utf8) == (try Data(contentsOf: Self.file)))
  }

  @Test func classicProcessIsTheDefault() throws {
    // --process classic writes the bytes of no --process at all (the other samples, the tests
    // and Scripts/identical.sh rely on them).
    let plain = try CLI.run(["sample", "--lang", "fr", "--tickets", "240", "--seed", "2026"])
    let classic = try CLI.run([
      "sample", "--lang", "fr", "--tickets", "240", "--seed", "2026", "--process", "classic",
    ])
    #expect(plain.status == 0 && classic.status == 0)
    #expect(plain.stdout == classic.stdout)
    #expect(!plain.stdout.contains("En attente client"))
  }

  @Test func octoberLooksLikeARealMonth() throws {
    let r = try CLI.run([
      "metrics", Self.file.path, "--month", "2026-10", "--tz", "Europe/Paris", "--sla",
      "1=24h,2=48h,3=72h,4=120h", "--format", "json",
    ])
    #expect(r.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let headline = try #require(json["headline"] as? [String: Any])
    let accounting = try #require(json["accounting"] as? [String: Any])
    // A clean log: every record is used.
    #expect(accounting["rejected"] as? Int == 0)
    #expect(accounting["duplicates"] as? Int == 0)

    // Tickets opened: the arrival intensity (weekday × month profile × 15 % growth over the
    // year) gives October 10.1 % of the year's weight, 207 of 2,040 tickets; ±3 standard
    // deviations of a Poisson count (√207 ≈ 14) gives 165–250. The file has 210.
    let opened = try #require(headline["opened"] as? Int)
    #expect((165...250).contains(opened))

    // Share escalated: 0.2 at level 1 × the categories' mean propensity (0.97) ≈ 19.4 %; with
    // about 210 tickets its standard deviation is 2.7 points, so 15–30 %. The file has 20.0 %.
    let share = try #require(headline["shareEscalated"] as? Double)
    #expect(share >= 0.15 && share <= 0.30)

    // Backlog at as-of: about 7 arrivals a day × about 1.1 days in the system (mean time to
    // resolution), plus the 2–3 abandoned since the 30 June review (0.4 % of the ~670
    // tickets of July–October): about 10–15 tickets; a desk's month-end backlog of 10–40. The
    // file has 14.
    let backlog = try #require(json["backlog"] as? [[String: Any]])
    #expect(headline["backlog"] as? Int == backlog.count)
    #expect((10...40).contains(backlog.count))

    // Age of the open tickets: stays are hours to days (medians 3 h, 10 h, 1 day, 2 days; a
    // stalled one about 8 times longer), so none is older than 30 days except the abandoned
    // ones waiting for the December review: 2.7 expected, at most 5. The file has 2 (110 and
    // 93 days) and the next oldest is 10 days old.
    let ages = try backlog.map { try #require($0["ageSeconds"] as? Int) }
    let old = ages.filter { $0 > 30 * 86_400 }
    #expect(old.count <= 5)
    #expect(ages.filter { $0 <= 30 * 86_400 }.allSatisfy { $0 <= 21 * 86_400 })
    // And no ticket open since before the June review (1 July - 1 November = 123 days).
    #expect(ages.allSatisfy { $0 < 123 * 86_400 })

    // Resolution: most tickets within hours to a few days: the median between 4 h and 2 days
    // (level 1's median stay is 3 business hours, pushed past nights and weekends). The file
    // has 13.3 h.
    let median = try #require(headline["medianTimeToResolutionSeconds"] as? Int)
    #expect(median >= 4 * 3600 && median <= 48 * 3600)

    // Flow: 80 % of tickets are never escalated, so most resolutions are at level 1 (70–90 %;
    // the file has 82.3 %); reopens are 2 % of resolutions (0.5–5 %; the file has 4 of 210).
    let flow = try #require(json["flow"] as? [String: Any])
    let atLevel1 = try #require(flow["shareResolvedAtLevel1"] as? Double)
    #expect(atLevel1 >= 0.70 && atLevel1 <= 0.90)
    let reopenRate = try #require(flow["reopenRate"] as? Double)
    #expect(reopenRate >= 0.005 && reopenRate <= 0.05)

    // Month-end backlog over the year: never the piling-up of the classic sample (every month
    // 3–40 open; the file's months end with 4 to 14).
    let trend = try #require(json["trend"] as? [[String: Any]])
    #expect(trend.count == 10)
    for m in trend {
      let b = try #require(m["backlog"] as? Int)
      #expect((3...40).contains(b), "\(m["month"] ?? "?"): \(b) open")
    }

    // Pauses: 8 % of stays wait for the customer ("En attente client"), so October's resolved
    // tickets carry paused time.
    let text = try String(contentsOf: Self.file, encoding: .utf8)
    #expect(text.contains(";En attente client;"))
  }
}
