import EscalationKit
import Foundation
import Testing

/// Engine speed on 1,000,000 generated events. Runs only with `METRICS_BENCH=1`, in release:
/// `METRICS_BENCH=1 swift test -c release --filter MetricsBenchmark`.
@Suite struct MetricsBenchmarkTests {
  static var enabled: Bool { ProcessInfo.processInfo.environment["METRICS_BENCH"] == "1" }

  static func peakRSSMB() -> Double {
    guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return 0
    }
    for line in s.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
      return kb / 1024
    }
    return 0
  }

  @Test(.enabled(if: MetricsBenchmarkTests.enabled)) func oneMillionEvents() throws {
    let paris = try #require(ZoneRules(identifier: "Europe/Paris"))
    for events in [250_000, 500_000, 1_000_000] {
      // About 4 events per ticket over 12 months; 90 % of the tickets end resolved.
      let log = generatedLog(
        seed: 7, tickets: events / 4,
        start: LocalDateTime(year: 2026, month: 1, day: 1).secondsAsIfUTC, days: 365,
        resolveAtEnd: 0.9)
      let rssBefore = MetricsBenchmarkTests.peakRSSMB()
      let clock = ContinuousClock()
      var order: TicketOrder?
      let tOrder = clock.measure { order = TicketOrder(log) }
      let cut = paris.startOfMonth(year: 2026, month: 11)
      let tRec = clock.measure { _ = Reconstruction(order: order!, cutoff: cut) }
      let tRec2 = clock.measure {
        _ = Reconstruction(order: order!, cutoff: cut, collectWarnings: false, recordStays: false)
      }
      print("METRICS PARTS order=\(tOrder) rec=\(tRec) rec-nofindings=\(tRec2)")
      var month: ReportContent?
      let tMonth = clock.measure {
        month = MetricsEngine.compute(
          log, options: MetricsOptions(period: .month(year: 2026, month: 10), zone: paris))
      }
      var all: ReportContent?
      let tAll = clock.measure {
        all = MetricsEngine.compute(log, options: MetricsOptions(zone: paris, includeTickets: true))
      }
      var json = ""
      let tRender = clock.measure {
        json = MetricsRenderer(content: month!, language: .en, zone: paris).json().serialized()
      }
      print(
        "METRICS BENCH events=\(log.events.count) tickets=\(log.ticketIDs.count) month=\(tMonth) all+tickets=\(tAll) "
          + "render-json=\(tRender) rss-before=\(rssBefore) MB peak=\(MetricsBenchmarkTests.peakRSSMB()) MB "
          + "trend=\(all!.trend.count) findings=\(all!.findings.count) json=\(json.utf8.count) B")
    }
  }
}
