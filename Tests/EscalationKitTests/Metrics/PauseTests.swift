import EscalationKit
import Testing

/// Pauses (docs/metrics.md#pauses): hand-worked logs, each expected value derived in the
/// comment beside it. The calendar is BusinessSLATests's: UTC, Monday to Friday 09:00-18:00.
/// Hour 0 of the builder is Thursday 1 October 2026 00:00 UTC, so Thu 09:00 is hour 9, Fri
/// 09:00 hour 33, Mon 5 October 09:00 hour 105 and Tue 6 October 09:00 hour 129.
@Suite struct PauseTests: MetricsFixtures {
  func report(
    _ b: LogBuilder, sla: String, asOf: Int64? = nil, atRisk: Int64? = nil,
    excludePaused: Bool = false, calendar: BusinessCalendar? = BusinessSLATests.office
  ) throws -> ReportContent {
    var o = MetricsOptions(
      period: october, asOf: asOf, sla: try SLATargets.parse(sla), includeTickets: true)
    o.calendar = calendar
    o.atRiskWindow = atRisk
    o.excludePaused = excludePaused
    return MetricsEngine.compute(b.log, options: o)
  }

  func total(_ r: ReportContent, _ level: Int) -> SLARow? {
    r.sla?.rows.first { $0.group == .total && $0.level.rawValue == level }
  }

  func timeRow(_ r: ReportContent, _ level: Int, business: Bool = false) -> TimeAtLevelRow? {
    (business ? r.businessTimeAtLevel ?? [] : r.timeAtLevel).first {
      $0.group == .total && $0.level.rawValue == level
    }
  }

  /// P: open at L1 Thu 09:00 (h 9), paused Thu 11:00 (h 11), resumed by an update Fri 10:00
  /// (h 34), escalated to L2 Fri 15:00 (h 39), resolved Fri 17:00 (h 41).
  var pauseInsideAStay: LogBuilder {
    var b = LogBuilder()
    b.add("P", 9, .open, 1)
    b.add("P", 11, .pause)
    b.add("P", 34, .update)
    b.add("P", 39, .escalate, 2)
    b.add("P", 41, .resolve)
    return b
  }

  @Test func aPauseInsideAStay() throws {
    // The L1 stay [h 9, h 39): 30 h calendar; business Thu 09-18 (9 h) + Fri 09-15 (6 h) =
    // 15 h. Paused [h 11, h 34): 23 h calendar; business Thu 11-18 (7 h) + Fri 09-10 (1 h) =
    // 8 h. SLA clock: business 15 − 8 = 7 h, calendar 30 − 23 = 7 h.
    let b = pauseInsideAStay
    // 7 h ≤ 8 bh: no breach (15 h without the pause would breach).
    let r = try report(b, sla: "1=8bh")
    #expect(total(r, 1)?.stays == 1 && total(r, 1)?.breaches == 0)
    #expect(total(r, 1)?.pausedSeconds == 82_800 && total(r, 1)?.pausedBusinessSeconds == 28_800)
    // 7 h > 6 bh: breach.
    #expect(try report(b, sla: "1=6bh").sla?.rows.first?.breaches == 1)
    // Calendar targets subtract the calendar pause: 7 h ≤ 8 h, 7 h > 6.5 h.
    #expect(try total(report(b, sla: "1=8h"), 1)?.breaches == 0)
    #expect(try total(report(b, sla: "1=6.5h"), 1)?.breaches == 1)
    // Time at level counts the paused time: 30 h (108 000 s) calendar, 15 h business, and the
    // paused time beside: 23 h and 8 h at L1, 0 at L2 (2 h, unpaused).
    #expect(timeRow(r, 1)?.stats.max == 108_000 && timeRow(r, 1)?.pausedSeconds == 82_800)
    #expect(timeRow(r, 1, business: true)?.stats.max == 54_000)
    #expect(timeRow(r, 1, business: true)?.pausedSeconds == 28_800)
    #expect(timeRow(r, 2)?.stats.max == 7_200 && timeRow(r, 2)?.pausedSeconds == 0)
    #expect(row(r, "P")?.secondsAtLevel == [108_000, 7_200, nil, nil])
    #expect(r.hasPauses)
    // --exclude-paused: 30 − 23 = 7 h calendar, 15 − 8 = 7 h business, in the ticket table too.
    let x = try report(b, sla: "1=8bh", excludePaused: true)
    #expect(timeRow(x, 1)?.stats.max == 25_200)
    #expect(timeRow(x, 1, business: true)?.stats.max == 25_200)
    #expect(row(x, "P")?.secondsAtLevel == [25_200, 7_200, nil, nil])
    // The SLA does not depend on the flag.
    #expect(total(x, 1)?.breaches == 0)
  }

  @Test func aPauseAcrossAResolve() throws {
    // Q: open L1 Thu 09:00, paused Thu 12:00, resolved Thu 14:00 (the resolve ends the pause),
    // reopened Fri 09:00 (unpaused), resolved Fri 11:00. Stays at L1: [h 9, h 14) 5 h with
    // 2 h paused (SLA clock 3 h); [h 33, h 35) 2 h unpaused. All inside working hours, so
    // business = calendar.
    var b = LogBuilder()
    b.add("Q", 9, .open, 1)
    b.add("Q", 12, .pause)
    b.add("Q", 14, .resolve)
    b.add("Q", 33, .reopen)
    b.add("Q", 35, .resolve)
    // R: resolved at h 10, then a pause at h 11 on the resolved ticket: MET013, ignored.
    b.add("R", 9, .open, 1)
    b.add("R", 10, .resolve)
    b.add("R", 11, .pause)
    let r = try report(b, sla: "1=4h")
    // 3 h and 2 h ≤ 4 h (5 h would breach without the pause); R's 1 h stay too.
    #expect(total(r, 1)?.stays == 3 && total(r, 1)?.breaches == 0)
    #expect(total(r, 1)?.pausedSeconds == 7_200)
    // Time at level of Q: 5 + 2 = 7 h; of R: 1 h. Paused 2 h in both clocks.
    #expect(timeRow(r, 1)?.stats.max == 25_200 && timeRow(r, 1)?.pausedSeconds == 7_200)
    #expect(timeRow(r, 1, business: true)?.pausedSeconds == 7_200)
    let warnings = r.warnings.filter { $0.code == .pauseOnResolved }
    #expect(warnings.count == 1 && warnings.first?.line == 9)  // R's pause: 8th event, line 9
    let f = warnings[0].finding(source: "log.csv", ids: b.ids)
    #expect(
      f.message
        == "ticket R: 'pause' on a ticket resolved at level 1; nothing is open to pause, ignored")
  }

  /// S: open at L1 Mon 09:00 (h 105), paused Mon 12:00 (h 108), never resumed. T: open Tue
  /// 09:00 (h 129), paused Tue 10:00 (h 130), resumed by an update Tue 13:00 (h 133).
  var runningAndEndedPauses: LogBuilder {
    var b = LogBuilder()
    b.add("S", 105, .open, 1)
    b.add("S", 108, .pause)
    b.add("T", 129, .open, 1)
    b.add("T", 130, .pause)
    b.add("T", 133, .update)
    return b
  }

  @Test func aPauseRunningAtAsOfIsNeverAtRisk() throws {
    // As-of Tue 6 Oct 17:00 (h 137), target 1=6bh, at-risk window 4 bh.
    // S: open Mon 09:00 (h 105), paused Mon 12:00 (h 108), never resumed: business elapsed
    // Mon 9 h + Tue 8 h = 17 h, paused Mon 12-18 (6 h) + Tue 9-17 (8 h) = 14 h: clock 3 h,
    // 3 h left ≤ 4 h, but paused: not at risk. Calendar paused [h 108, h 137) = 29 h.
    // T: open Tue 09:00 (h 129), paused Tue 10:00, resumed Tue 13:00 (3 h): clock 8 − 3 = 5 h,
    // 1 h left: at risk; the 6th hour ends Tue 18:00, so it breaches at the next working
    // second, Wed 7 Oct 09:00 (h 153).
    let b = runningAndEndedPauses
    let asOf = b.base + h(137)
    let r = try report(b, sla: "1=6bh", asOf: asOf, atRisk: h(4))
    let risk = try #require(r.sla?.atRisk)
    #expect(risk.map(\.ticket) == ["T"])
    #expect(risk[0].remaining == 3_600 && risk[0].breachAt == b.base + h(153))
    #expect(risk[0].calendarSeconds == 28_800 && risk[0].businessSeconds == 28_800)
    #expect(risk[0].pausedSeconds == 10_800 && risk[0].pausedBusinessSeconds == 10_800)
    // Neither breached (S's 17 business hours would without its pause).
    #expect(total(r, 1)?.stays == 2 && total(r, 1)?.breaches == 0)
    #expect(r.backlog.allSatisfy { $0.slaBreach == false })
    // Paused: S 29 h + T 3 h = 115 200 s calendar; S 14 h + T 3 h = 61 200 s business.
    #expect(total(r, 1)?.pausedSeconds == 115_200)
    #expect(total(r, 1)?.pausedBusinessSeconds == 61_200)
  }

  @Test func pauseAndResumeAtTheSameSecond() throws {
    // U: paused and resumed at Thu 10:00 (pause first in the file): a pause of 0 s.
    // V: an update then a pause at Thu 10:00: the pause starts there and lasts until the
    // resolve at Thu 12:00: 2 h. Both open Thu 09:00 and resolve Thu 12:00.
    var b = LogBuilder()
    b.add("U", 9, .open, 1)
    b.add("U", 10, .pause)
    b.add("U", 10, .update)
    b.add("U", 12, .resolve)
    b.add("V", 9, .open, 1)
    b.add("V", 10, .update)
    b.add("V", 10, .pause)
    b.add("V", 12, .resolve)
    let r = try report(b, sla: "1=2h")
    // U: 3 h > 2 h breaches; V: 3 − 2 = 1 h does not.
    #expect(total(r, 1)?.breaches == 1 && total(r, 1)?.pausedSeconds == 7_200)
    #expect(row(r, "U")?.slaBreaches == 1 && row(r, "V")?.slaBreaches == 0)
  }

  @Test func aMoveEndsThePause() throws {
    // W: open L1 Thu 09:00, paused Thu 10:00, escalated to L2 Thu 12:00 (the move ends the
    // pause: 2 h at L1), resolved Thu 15:00. L1 clock 3 − 2 = 1 h ≤ 2 h; L2 3 h > 2 h.
    // Y: open L1 Thu 09:00, a pause naming L2 at Thu 10:00 moves it, paused at L2 until the
    // resolve at Thu 13:00: L1 1 h, L2 3 h all paused (clock 0).
    var b = LogBuilder()
    b.add("W", 9, .open, 1)
    b.add("W", 10, .pause)
    b.add("W", 12, .escalate, 2)
    b.add("W", 15, .resolve)
    b.add("Y", 9, .open, 1)
    b.add("Y", 10, .pause, 2)
    b.add("Y", 13, .resolve)
    let r = try report(b, sla: "1=2h,2=2h")
    #expect(total(r, 1)?.breaches == 0 && total(r, 1)?.pausedSeconds == 7_200)
    #expect(total(r, 2)?.breaches == 1 && total(r, 2)?.pausedSeconds == 10_800)
    #expect(row(r, "W")?.slaBreaches == 1 && row(r, "Y")?.slaBreaches == 0)
  }

  @Test func withoutPausesNothingChanges() throws {
    var b = LogBuilder()
    b.add("A", 9, .open, 1)
    b.add("A", 12, .update)
    b.add("A", 15, .resolve)
    let r = try report(b, sla: "1=8bh")
    #expect(!r.hasPauses && r.sla?.hasPauses == false)
    #expect(timeRow(r, 1)?.pausedSeconds == nil && total(r, 1)?.pausedSeconds == nil)
    let json = MetricsRenderer(content: r, language: .en, zone: .utc).json().serialized()
    #expect(!json.contains("paused"))
    // --exclude-paused without pauses changes nothing.
    let x = try report(b, sla: "1=8bh", excludePaused: true)
    #expect(timeRow(x, 1)?.stats == timeRow(r, 1)?.stats)
  }

  @Test func theUsualWordsArePauses() {
    for w in [
      "Waiting for customer", "On Hold", "on-hold", "Pending customer", "En attente client",
      "en attente du client", "Awaiting User Info", "PAUSED",
    ] {
      #expect(EventWords.kind(w) == .pause, "\(w)")
    }
    // "En attente" alone (waiting for what?) stays an update.
    #expect(EventWords.kind("En attente") == nil)
  }

  /// A generated log with a pause (no level) added after a third of its events, up to two
  /// days later; `asUpdates`: the same rows as updates.
  static func pausedLog(seed: UInt64, asUpdates: Bool) -> EventLog {
    var log = generatedLog(seed: seed, tickets: 300)
    var rng = SplitMix64(state: seed &+ 99)
    for e in log.events where Int.random(in: 0..<3, using: &rng) == 0 {
      log.events.append(
        Event(
          ticket: e.ticket, time: e.time + Int64.random(in: 0..<172_800, using: &rng),
          kind: asUpdates ? .update : .pause, level: nil, category: nil,
          line: UInt32(log.events.count + 2)))
    }
    return log
  }

  /// Properties on random logs with pauses, in UTC and Paris: with a 24×7 calendar the
  /// paused business seconds equal the paused calendar seconds and `bh` targets judge as `h`
  /// targets; pauses never add a breach and never change the time at level (the same rows
  /// read as updates give the same stays); `--exclude-paused` never lengthens it.
  @Test(arguments: [UInt64(11), 12, 13, 14])
  func pausesOnRandomLogs(seed: UInt64) throws {
    let zone: ZoneRules = seed % 2 == 0 ? .utc : ZoneRules(identifier: "Europe/Paris")!
    let paused = Self.pausedLog(seed: seed, asUpdates: false)
    var o = MetricsOptions(
      period: october, zone: zone, sla: try SLATargets.parse("1=8bh,2=16bh,3=30bh,4=2bh"))
    o.calendar = .twentyFourSeven(zone: zone)
    let business = MetricsEngine.compute(paused, options: o)
    o.sla = try SLATargets.parse("1=8h,2=16h,3=30h,4=2h")
    let calendar = MetricsEngine.compute(paused, options: o)
    #expect(business.hasPauses && business.businessTimeAtLevel == business.timeAtLevel)
    #expect(business.timeAtLevel.contains { ($0.pausedSeconds ?? 0) > 0 })
    let b = try #require(business.sla)
    let c = try #require(calendar.sla)
    #expect(b.rows.map(\.breaches) == c.rows.map(\.breaches))
    #expect(b.rows.map(\.pausedBusinessSeconds) == c.rows.map(\.pausedSeconds))
    #expect(b.atRisk?.map(\.breachAt) == c.atRisk?.map(\.breachAt))
    // The same rows as updates: same stays, so the same time at level, and no fewer breaches.
    let updates = MetricsEngine.compute(Self.pausedLog(seed: seed, asUpdates: true), options: o)
    #expect(updates.timeAtLevel.map(\.stats) == calendar.timeAtLevel.map(\.stats))
    let u = try #require(updates.sla)
    #expect(zip(c.rows, u.rows).allSatisfy { $0.breaches <= $1.breaches && $0.stays == $1.stays })
    #expect(zip(c.rows, u.rows).contains { $0.breaches < $1.breaches })
    o.excludePaused = true
    let excluded = MetricsEngine.compute(paused, options: o)
    #expect(
      zip(excluded.timeAtLevel, calendar.timeAtLevel).allSatisfy {
        ($0.stats.max ?? 0) <= ($1.stats.max ?? 0) && $0.stats.count == $1.stats.count
      })
  }
}
