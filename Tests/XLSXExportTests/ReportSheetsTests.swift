import EscalationKit
import Foundation
import Testing
import XLSXTestSupport

@testable import XLSXExport

/// The new sheets (Dashboard, Escalation flow, SLA, Aging, Owners) read back from the
/// workbook hold the same numbers as `metrics --format json` for the same log and options.
@Suite("Report sheets against the JSON")
struct ReportSheetsTests {
  /// A log over September and October 2026 (UTC) with owners; see each event's comment.
  static func log() -> EventLog {
    let sep = LocalDateTime(year: 2026, month: 9, day: 1).secondsAsIfUTC
    let oct = LocalDateTime(year: 2026, month: 10, day: 1).secondsAsIfUTC
    var events: [Event] = []
    func add(_ t: UInt32, _ time: Int64, _ k: EventKind, _ l: Int?, _ c: CategoryKey, _ o: UInt32) {
      events.append(
        Event(
          ticket: t, time: time, kind: k, level: l.flatMap { Level(rawValue: $0) }, category: c,
          owner: o, line: UInt32(events.count + 2)))
    }
    let hour: Int64 = 3600
    // September: S1 opened and escalated, resolved; S2 opened, never resolved.
    add(0, sep + 2 * hour, .open, 1, .operationalChallenges, 1)
    add(0, sep + 30 * hour, .escalate, 2, .operationalChallenges, 2)
    add(0, sep + 50 * hour, .resolve, nil, .operationalChallenges, 0)
    add(1, sep + 100 * hour, .open, 1, .equipmentPurchase, 1)
    // October: O1 resolved at 1, then reopened; O2 escalated to 3 (breaching 1 = 8 h); O3 open.
    add(2, oct + 1 * hour, .open, 1, .operationalChallenges, 2)
    add(2, oct + 5 * hour, .resolve, nil, .operationalChallenges, 0)
    add(2, oct + 40 * hour, .reopen, 1, .operationalChallenges, 1)
    add(3, oct + 10 * hour, .open, 1, .scheduleAdjustments, 3)
    add(3, oct + 30 * hour, .escalate, 2, .scheduleAdjustments, 3)
    add(3, oct + 60 * hour, .escalate, 3, .scheduleAdjustments, 2)
    add(4, oct + 400 * hour, .open, 1, .equipmentPurchase, 0)
    return EventLog(
      source: "log.csv", events: events, ticketIDs: ["S1", "S2", "O1", "O2", "O3"],
      owners: ["Ann", "Bob", "Cy"])
  }

  static func content() throws -> ReportContent {
    MetricsEngine.compute(
      log(),
      options: MetricsOptions(
        period: .month(year: 2026, month: 10), sla: try SLATargets.parse("1=8h,2=24h"),
        includeTickets: true))
  }

  func json(_ c: ReportContent) throws -> [String: Any] {
    let text = MetricsRenderer(content: c, language: .en, zone: .utc).json().serialized()
    return try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
  }

  func number(_ v: XLSXReader.Value?) -> Double? {
    if case .number(let n) = v { return n }
    return nil
  }

  func workbook(_ c: ReportContent) throws -> (XLSXReader, String) {
    let dir = try scratchDirectory()
    let path = dir + "/r.xlsx"
    try ReportWorkbook.write(
      ReportWorkbookInput(
        content: c, language: .en, matrix: .canonical(.en), files: [], importFindings: []),
      to: path)
    return (try XLSXReader(path: path), dir)
  }

  @Test func sheetsMatchTheJSON() throws {
    let c = try Self.content()
    let j = try json(c)
    let (x, dir) = try workbook(c)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(x.sheetNames == ReportWorkbook.sheetNames(.en, sla: true))
    #expect(x.sheetNames.first == "Dashboard")
    func sheet(_ name: String) -> [String: XLSXReader.Value] {
      x.cells(sheet: x.sheetNames.firstIndex(of: name) ?? -1)
    }

    // Dashboard: rows 5… hold the figures; value, previous month, year before.
    let dash = sheet("Dashboard")
    let figures = (j["dashboard"] as! [String: Any])["figures"] as! [[String: Any]]
    #expect(figures.count == 6)
    for (i, f) in figures.enumerated() {
      let row = String(5 + i)
      let scale = f["key"] as! String == "medianTimeToResolution" ? 3600.0 : 1
      for (col, key) in [("B", "value"), ("C", "previous"), ("D", "lastYear")] {
        if let v = f[key] as? Double {
          let cell: Double = number(dash[col + row]).map { $0 * scale } ?? Double.nan
          // JSON numbers carry 6 decimals.
          let tolerance: Double = 1e-6 * Swift.max(1.0, Swift.abs(v))
          #expect(Swift.abs(cell - v) <= tolerance, "\(f["key"]!) \(key)")
        } else {
          #expect(dash[col + row] == XLSXReader.Value.string("n/a"), "\(f["key"]!) \(key)")
        }
      }
    }

    // Owners: Ann, Bob, (no owner) in rows 2… (Cy's ticket O2 went to Bob).
    let owners = sheet("Owners")
    let byOwner = (j["owners"] as! [String: Any])["byOwner"] as! [[String: Any]]
    #expect(byOwner.count == 3)
    for (i, o) in byOwner.enumerated() {
      let row = String(2 + i)
      let name = o["name"] as! String
      #expect(owners["A" + row] == .string(name.isEmpty ? "(no owner)" : name))
      for (col, key) in [("C", "opened"), ("D", "escalations"), ("E", "resolved"), ("F", "open")] {
        #expect(number(owners[col + row]) == (o[key] as! Double), "\(name) \(key)")
      }
      #expect(number(owners["G" + row]) == (o["breached"] as? Double))
      // A duration cell: days (Excel's unit of time), shown "16 h 45" or "2.2 d".
      let median = (o["medianTimeAtLevelSeconds"] as? Double).map { $0 / 86_400 }
      if let median {
        let cell = number(owners["H" + row]) ?? .nan
        #expect(Swift.abs(cell - median) <= 1e-9, "\(name) median")
      } else {
        #expect(number(owners["H" + row]) == nil)
      }
    }

    // Aging by level: rows 2–6, buckets in B–F.
    let aging = sheet("Aging")
    let byLevel = (j["aging"] as! [String: Any])["byLevel"] as! [[String: Any]]
    for (i, a) in byLevel.enumerated() {
      let buckets = a["buckets"] as! [Double]
      for (k, col) in ["B", "C", "D", "E", "F"].enumerated() {
        #expect(number(aging[col + String(2 + i)]) == buckets[k])
      }
    }

    // SLA: the rows with stays (and the total's), from row 5.
    let sla = sheet("SLA")
    let rows = ((j["sla"] as! [String: Any])["rows"] as! [[String: Any]]).filter {
      ($0["stays"] as! Double) > 0 || ($0["category"] as! String) == "total"
    }
    for (i, r) in rows.enumerated() {
      let row = String(5 + i)
      #expect(number(sla["D" + row]) == (r["stays"] as! Double))
      #expect(number(sla["E" + row]) == (r["breaches"] as! Double))
      #expect(number(sla["F" + row]) == (r["compliance"] as? Double))
      #expect(number(sla["G" + row]) == (r["ticketsBreached"] as! Double))
    }

    // Flow: funnel B2–B5, escalations B8–B10, resolved at 1 B13, reopened B14.
    let flow = sheet("Escalation flow")
    let fj = j["flow"] as! [String: Any]
    let funnel = fj["funnel"] as! [String: Double]
    for i in 1...4 { #expect(number(flow["B\(1 + i)"]) == funnel[String(i)]) }
    let moves = fj["escalationsToLevel"] as! [String: Double]
    for i in 2...4 { #expect(number(flow["B\(6 + i)"]) == moves[String(i)]) }
    #expect(number(flow["B13"]) == (fj["resolvedAtLevel1"] as! Double))
    #expect(number(flow["B14"]) == (fj["reopened"] as! Double))
    let changes = fj["changes"] as! [[String: Any]]
    for (i, ch) in changes.enumerated() {
      let row = String(19 + i)
      #expect(number(flow["B" + row]) == (ch["opened"] as! Double))
      #expect(number(flow["C" + row]) == (ch["previousOpened"] as? Double))
      let points = ch["escalationRateChangePoints"] as? Double
      #expect(Swift.abs((number(flow["G" + row]) ?? 0) - (points ?? 0)) < 1e-6)
      #expect((number(flow["G" + row]) == nil) == (points == nil))
    }
  }

  @Test func handWorkedValues() throws {
    // October, as-of 1 November. Opened in October: O1, O2, O3 (3). O2 reached 3: ≥ 2 and ≥ 3
    // once each. O1 resolved at 5 h then reopened at 40 h: reopen rate 1 / 3; no ticket is
    // resolved in October by the as-of (O1's resolution was undone). Moves in October: O2 to 2
    // and to 3. September's trend row: S1, S2 opened, S1 escalated: share 1 / 2.
    let c = try Self.content()
    #expect(c.flow.funnel == [3, 1, 1, 0])
    #expect(c.flow.escalationsToLevel == [1, 1, 0])
    #expect(c.flow.reopened == 1 && c.flow.resolved == 0)
    let total = c.flow.changes.last!
    #expect(total.previousOpened == 2 && total.opened == 3)
    // 1 / 3 − 1 / 2 = −16.7 points.
    #expect(abs(total.rateChangePoints! - (100.0 / 3 - 50)) < 1e-9)
    // Owners at as-of: O1 Ann (reopened by Ann), O2 Bob (last non-blank), O3 none, S2 Ann.
    #expect(c.owners.byOwner.map(\.name) == ["Ann", "Bob", ""])
    #expect(c.backlog.map(\.owner) == ["Ann", "Ann", "Bob", ""])
    // Dashboard: the previous month is September; no October 2025 in the log.
    let share = c.dashboard.figures.first { $0.key == .shareEscalated }!
    #expect(share.value == 1.0 / 3 && share.previous == 0.5 && share.lastYear == nil)
    // 33 % escalated against ≤ 25 %: missed.
    #expect(share.status == .missed)
  }
}
