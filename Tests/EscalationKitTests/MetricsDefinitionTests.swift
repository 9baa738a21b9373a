import EscalationKit
import Testing

/// Hand-worked logs for each definition of docs/metrics.md; every expected value is derived in
/// the comment next to it.
@Suite struct MetricsDefinitionTests {
  let october = PeriodSpec.month(year: 2026, month: 10)

  func report(
    _ b: LogBuilder, _ period: PeriodSpec = .all, asOf: Int64? = nil, zone: ZoneRules = .utc,
    sla: SLATargets? = nil, matrix: Matrix = .canonical(.en), tickets: Bool = true
  ) -> ReportContent {
    MetricsEngine.compute(
      b.log,
      options: MetricsOptions(
        period: period, asOf: asOf, zone: zone, sla: sla, matrix: matrix, includeTickets: tickets))
  }

  func row(_ r: ReportContent, _ id: String) -> MetricsTicketRow? {
    r.tickets?.first { $0.ticket == id }
  }

  @Test func reEnteredLevelsAreSummed() {
    // A: open L1 at 0 h, → L2 at 2 h, back to L1 at 5 h, → L2 at 6 h, resolved at 10 h.
    // L1 = (2−0) + (6−5) = 3 h; L2 = (5−2) + (10−6) = 7 h; time-to-resolution = 10 h.
    var b = LogBuilder()
    b.add("A", 0, .open, 1)
    b.add("A", 2, .escalate, 2)
    b.add("A", 5, .deescalate, 1)
    b.add("A", 6, .escalate, 2)
    b.add("A", 10, .resolve)
    let r = report(b, october)
    let a = row(r, "A")
    #expect(a?.secondsAtLevel == [h(3), h(7), nil, nil])
    #expect(a?.timeToResolution == h(10))
    #expect(a?.highestLevel.rawValue == 2)
    #expect(a?.levelAtResolution?.rawValue == 2)
    // Time at level, resolved in P: one ticket, its L1 total 3 h and L2 total 7 h.
    let l1 = r.timeAtLevel.first {
      $0.group == .category(.operationalChallenges) && $0.level.rawValue == 1
    }
    let l2 = r.timeAtLevel.first { $0.group == .total && $0.level.rawValue == 2 }
    #expect(
      l1?.stats
        == DurationStats(count: 1, mean: 3 * 3600, median: 3 * 3600, p90: 3 * 3600, max: h(3)))
    #expect(l2?.stats.max == h(7))
    // Two upward moves to level 2 (at 2 h and 6 h); the open at level 1 is not a move.
    #expect(r.escalations.last?.toLevel == [2, 0, 0])
    #expect(r.headline.escalationMoves == 2)
    #expect(r.findings.isEmpty)
  }

  @Test func reopenAndResolvedThenReopenedBeforeAsOf() {
    // B: open L1 at 0 h, resolved 4 h, reopened 10 h (no level → L1, where it was resolved),
    // → L2 at 12 h, resolved 15 h. TTR = last resolution − first open = 15 h.
    // L1 = 4 + (12−10) = 6 h, L2 = 3 h; time resolved (4 h → 10 h) is at no level.
    var b = LogBuilder()
    b.add("B", 0, .open, 1)
    b.add("B", 4, .resolve)
    b.add("B", 10, .reopen)
    b.add("B", 12, .escalate, 2)
    b.add("B", 15, .resolve)
    let full = report(b, october)
    #expect(row(full, "B")?.secondsAtLevel == [h(6), h(3), nil, nil])
    #expect(row(full, "B")?.timeToResolution == h(15))
    #expect(full.headline.resolved == 1)
    // As of 11 h: resolved at 4 h then reopened at 10 h, so not resolved in P; it is in the
    // backlog at L1 for 1 h, aged 11 h.
    let early = report(b, october, asOf: b.base + h(11))
    #expect(early.headline.resolved == 0)
    #expect(early.backlog.count == 1)
    #expect(early.backlog.first?.level.rawValue == 1)
    #expect(early.backlog.first?.timeAtLevel == h(1))
    #expect(early.backlog.first?.age == h(11))
    // As of 8 h: resolved at 4 h, in P, TTR 4 h.
    let mid = report(b, october, asOf: b.base + h(8))
    #expect(mid.headline.resolved == 1)
    #expect(mid.timeToResolution.last?.stats.median == 14_400.0)
  }

  @Test func eventsAtOrAfterAsOfAreIgnored() {
    // C opened 2026-10-30 10:00 UTC at L1; escalated and resolved exactly at 2026-11-01 00:00,
    // the end of October: not before the as-of, so not used. October: 1 opened, none
    // escalated (rate 0, not empty), nothing resolved, C in the backlog at L1.
    var b = LogBuilder()
    b.add("C", 29 * 24 + 10, .open, 1)
    b.add("C", 31 * 24, .escalate, 2)
    b.add("C", 31 * 24, .resolve)
    let r = report(b, october)
    #expect(r.period.asOf == LocalDateTime(year: 2026, month: 11, day: 1).secondsAsIfUTC)
    #expect(r.headline.opened == 1)
    #expect(r.rates.last?.reached2 == 0)
    #expect(r.rates.last?.rate2 == 0)
    #expect(r.headline.escalationMoves == 0)
    #expect(r.headline.resolved == 0)
    #expect(r.backlog.map(\.ticket) == ["C"])
    // Age: 31 days × 24 h − (29 × 24 + 10) h = 38 h.
    #expect(r.backlog.first?.age == h(38))
    // November sees the move and the resolution (C was opened in October: not in its intake).
    let nov = report(b, .month(year: 2026, month: 11))
    #expect(nov.headline.escalationMoves == 1)
    #expect(nov.headline.resolved == 1)
    #expect(nov.headline.opened == 0)
    #expect(nov.headline.shareEscalated == nil)
  }

  @Test func rateWithoutTicketsIsEmpty() {
    // Only operational-challenges tickets: every other category has 0 opened, so all its
    // rates are nil (empty), never 0.
    var b = LogBuilder()
    b.add("D", 1, .open, 1)
    let r = report(b, october)
    let other = r.rates.first { $0.group == .category(.equipmentPurchase) }
    #expect(other?.opened == 0)
    #expect(other?.rate2 == nil && other?.rate3 == nil && other?.rate4 == nil)
    #expect(other?.step12 == nil && other?.step23 == nil && other?.step34 == nil)
    let oc = r.rates.first { $0.group == .category(.operationalChallenges) }
    // 1 opened, none reached 2: rate 0; step 2→3 has no ticket at 2: empty.
    #expect(oc?.rate2 == 0)
    #expect(oc?.step23 == nil)
    let renderer = MetricsRenderer(content: r, language: .en, zone: .utc)
    let csv = renderer.csv(table: .rates)
    #expect(csv.contains("equipment-purchase,Equipment purchase,0,0,0,0,,,,,,\r\n"))
    let json = renderer.json().serialized(pretty: false)
    #expect(
      json.contains(
        #"{"category":"equipment-purchase","opened":0,"reached":{"2":0,"3":0,"4":0},"rate":{"2":null,"3":null,"4":null}"#
      ))
  }

  @Test func percentileInterpolatesOnFourValues() {
    // PERCENTILE.INC of 1, 2, 3, 4 h: p90 at rank 0.9 × 3 = 2.7 → 3 + 0.7 × (4 − 3) = 3.7 h;
    // median at rank 1.5 → 2.5 h; mean 2.5 h; max 4 h.
    #expect(Statistics.percentile(0.9, sorted: [1, 2, 3, 4]) == 3.7)
    var b = LogBuilder()
    for (i, d) in [4.0, 1, 3, 2].enumerated() {
      b.add("P\(i)", Double(i), .open, 1)
      b.add("P\(i)", Double(i) + d, .resolve)
    }
    let s = report(b, october).timeToResolution.last!.stats
    #expect(s.count == 4)
    #expect(abs(s.p90! - 3.7 * 3600) < 1e-6)
    #expect(s.median == 2.5 * 3600)
    #expect(s.mean == 2.5 * 3600)
    #expect(s.max == h(4))
    // One value: every percentile is that value; none: nil.
    #expect(Statistics.percentile(0.9, sorted: [7]) == 7)
    #expect(Statistics.percentile(0.5, sorted: []) == nil)
  }

  @Test func monthBoundaryInParisAcrossTheOctoberDSTChange() throws {
    // Europe/Paris: October 2026 runs from 2026-10-01 00:00 CEST (UTC+2) = 2026-09-30T22:00Z
    // to 2026-11-01 00:00 CET (UTC+1) = 2026-10-31T23:00Z; DST ends on 25 October, so the
    // month lasts 31 × 24 + 1 = 745 h.
    let paris = try #require(ZoneRules(identifier: "Europe/Paris"))
    let start = LocalDateTime(year: 2026, month: 9, day: 30, hour: 22).secondsAsIfUTC
    let end = LocalDateTime(year: 2026, month: 10, day: 31, hour: 23).secondsAsIfUTC
    var b = LogBuilder(base: 0)
    b.at("early", start - 1800, .open, 1)  // 30 Sep 23:30 Paris: September
    b.at("first", start, .open, 1)  // 1 Oct 00:00 Paris: October, open all month
    b.at("late", end - 1800, .open, 1)  // 31 Oct 23:30 Paris: October
    b.at("late", end - 600, .escalate, 2)  // 31 Oct 23:50: an October move
    b.at("nov", end, .open, 1)  // 1 Nov 00:00 Paris: November
    b.at("nov", end + 60, .escalate, 2)
    let r = report(b, october, zone: paris)
    #expect(r.period.start == start && r.period.end == end && r.period.asOf == end)
    #expect(r.headline.opened == 2)
    #expect(r.headline.escalationMoves == 1)
    #expect(r.rates.last?.rate2 == 0.5)
    // "first" has been open the whole month: 745 h.
    #expect(r.backlog.first { $0.ticket == "first" }?.age == h(745))
    #expect(r.backlog.map(\.ticket) == ["early", "first", "late"])
    // In UTC, "early" (21:30Z) and "first" (22:00Z on 30 Sep) fall in September, and "nov"
    // (23:00Z on 31 Oct) in October with its move a minute later.
    let utc = report(b, october, zone: .utc)
    #expect(utc.headline.opened == 2)
    #expect(utc.headline.escalationMoves == 2)
    #expect(utc.backlog.map(\.ticket) == ["early", "first", "late", "nov"])
    // The trend in Paris: September (early), October (first, late).
    let trend = report(b, october, zone: paris).trend
    #expect(trend.map(\.month.description) == ["2026-09", "2026-10"])
    #expect(trend.map(\.opened) == [1, 2])
  }

  @Test func stepRatesAndReachedLevels() {
    // A stays at 1; B reaches 2; C goes 1 → 3 (skips 2, still "reached" 2); D opens at 2
    // (escalated without a move). Opened 4, reached ≥2: B C D = 3, ≥3: C = 1, 4: 0.
    // rate≥2 = 3/4, ≥3 = 1/4, =4 = 0; steps 1→2 = 3/4, 2→3 = 1/3, 3→4 = 0/1 = 0.
    var b = LogBuilder()
    b.add("A", 0, .open, 1)
    b.add("B", 0, .open, 1)
    b.add("B", 1, .escalate, 2)
    b.add("C", 0, .open, 1)
    b.add("C", 1, .escalate, 3)
    b.add("D", 0, .open, 2)
    let r = report(b, october)
    let t = r.rates.last!
    #expect((t.opened, t.reached2, t.reached3, t.reached4) == (4, 3, 1, 0))
    #expect(t.rate2 == 0.75 && t.rate3 == 0.25 && t.rate4 == 0)
    #expect(t.step12 == 0.75 && t.step23 == 1.0 / 3 && t.step34 == 0)
    // Moves: B → 2, C → 3 (one move with target 3); D's start is no move.
    #expect(r.escalations.last?.toLevel == [1, 1, 0])
    #expect(r.findings.map(\.code) == ["MET002"])
    #expect(r.findings.first?.line == 6)
  }

  @Test func anomaliesAreAppliedAndReported() {
    var b = LogBuilder()
    // E: first event is an escalate at 2 (MET004): starts at 2 at 0 h.
    b.add("E", 0, .escalate, 2)
    // E: escalate to 1 does not go up (MET001): applied, now at 1.
    b.add("E", 1, .escalate, 1, nil)
    // E: escalate to 1 again: same level (MET009), nothing changes.
    b.add("E", 2, .escalate, 1, nil)
    // E: category change (MET005) on a status update without level.
    b.add("E", 3, .update, nil, .performanceIssues)
    // E: resolved at 4 h, resolve again at 5 h (MET008, ignored: the first resolution stands).
    b.add("E", 4, .resolve, nil, nil)
    b.add("E", 5, .resolve, nil, nil)
    // E: escalate on the resolved ticket (MET003): implicit reopen at 2 at 6 h — above the
    // level it was resolved at (1), so an upward move.
    b.add("E", 6, .escalate, 2, nil)
    // E: exact duplicate (MET006), counted once.
    b.add("E", 6, .escalate, 2, nil)
    // E: open on an open ticket at its level (MET007): nothing.
    b.add("E", 7, .open, 2, nil)
    // E: escalate ×2 without level: 2 → 3 → 4, then a third would leave 1–4 (MET010).
    b.add("E", 8, .escalate, nil, nil)
    b.add("E", 9, .escalate, nil, nil)
    b.add("E", 10, .escalate, nil, nil)
    // F: no category at all (MET011).
    b.add("F", 0, .open, 1, nil)
    let r = report(b, october)
    let codes = r.findings.map(\.code)
    #expect(
      codes == [
        "MET004", "MET001", "MET009", "MET005", "MET008", "MET003", "MET006", "MET007", "MET010",
        "MET011",
      ])
    #expect(r.findings.map(\.line) == [2, 3, 4, 5, 7, 8, 9, 10, 13, 14])
    // E ends open at 4 since 9 h, category performance-issues; stays: 2 [0,1), 1 [1,4),
    // 2 [6,8), 3 [8,9), 4 [9, as-of).
    let e = row(r, "E")!
    #expect(e.group == .category(.performanceIssues))
    #expect(e.resolved == nil)
    #expect(e.highestLevel.rawValue == 4)
    let asOf = r.period.asOf
    #expect(e.secondsAtLevel == [h(3), h(1) + h(2), h(1), asOf - (b.base + h(9))])
    // Upward moves: 1 → 2 (implicit reopen), 2 → 3, 3 → 4; the start at 2 is not a move.
    #expect(r.escalations.last?.toLevel == [1, 1, 1])
    // F counts under "uncategorized", which then gets rows.
    #expect(r.rates.map(\.group.key).suffix(2) == ["uncategorized", "total"])
    #expect(r.rates.first { $0.group == .uncategorized }?.opened == 1)
    // The summary counts each code once.
    #expect(r.findingCounts.map(\.count) == Array(repeating: 1, count: 10))
  }

  @Test func explicitReopenIsNoMoveAndUpdateWordMovesByLevel() {
    // G: open 1, "In progress" update naming level 3 → a move 1 → 3 (target 3, skip warning),
    // resolved at 3, reopened explicitly at 4 (not a move, but highest becomes 4).
    var b = LogBuilder()
    b.add("G", 0, .open, 1)
    b.add("G", 1, .update, 3)
    b.add("G", 2, .resolve)
    b.add("G", 3, .reopen, 4)
    let r = report(b, october)
    #expect(r.escalations.last?.toLevel == [0, 1, 0])
    #expect(row(r, "G")?.highestLevel.rawValue == 4)
    #expect(r.rates.last?.reached4 == 1)
    #expect(r.backlog.first?.level.rawValue == 4)
  }

  @Test func equalTimesKeepInputOrderAndInputIsSortedPerTicket() {
    // Input not in time order: H's resolve comes first in the file. Equal times keep input
    // order: escalate then resolve at 3 h gives a zero-length stay at 2.
    var b = LogBuilder()
    b.add("H", 3, .escalate, 2)
    b.add("H", 3, .resolve)
    b.add("H", 0, .open, 1)
    let r = report(b, october)
    let t = row(r, "H")!
    #expect(t.secondsAtLevel == [h(3), 0, nil, nil])
    #expect(t.levelAtResolution?.rawValue == 2)
    // A zero-length stay still counts as a ticket that spent time at level 2.
    #expect(r.timeAtLevel.first { $0.group == .total && $0.level.rawValue == 2 }?.stats.count == 1)
    #expect(r.findings.isEmpty)
  }

  @Test func withoutPeriodEveryEventIsUsed() {
    // No period: P covers all events, as-of = last event's time (the resolve at 5 h is used).
    var b = LogBuilder()
    b.add("I", 0, .open, 1)
    b.add("I", 5, .resolve)
    b.add("J", 2, .open, 1)
    let r = report(b)
    #expect(r.period.asOf == b.base + h(5))
    #expect(r.headline.resolved == 1)
    #expect(r.headline.opened == 2)
    // J is open at as-of, aged 3 h.
    #expect(r.backlog.first?.age == h(3))
  }

  @Test func slaBreachesAreStrictlyLongerStaysEndedInPOrOpenAtAsOf() throws {
    // Targets: L1 2 h. K: L1 stay of exactly 2 h (no breach), L: 2 h + 1 s (breach),
    // M: L1 stay from 20 Sep (ended 25 Sep, before P: not counted), N: open at as-of for 3 h.
    let sla = try SLATargets.parse("1=2h")
    var b = LogBuilder()
    b.add("K", 0, .open, 1)
    b.add("K", 2, .escalate, 2)
    b.add("L", 0, .open, 1)
    b.add("L", 2 + 1.0 / 3600, .escalate, 2)
    b.add("M", -11 * 24, .open, 1)
    b.add("M", -6 * 24, .resolve)
    b.add("N", 31 * 24 - 3, .open, 1)
    let r = report(b, october, sla: sla)
    let row = r.sla!.rows.first { $0.group == .total && $0.level.rawValue == 1 }!
    // K, L closed in P; N open at as-of (3 h > 2 h: breach); M ended before P.
    #expect(row.stays == 3)
    #expect(row.breaches == 2)
    #expect(row.share == 2.0 / 3)
    #expect(r.sla!.rows.allSatisfy { $0.level.rawValue == 1 })
    #expect(r.backlog.first { $0.ticket == "N" }?.slaBreach == true)
    // K and L are open at level 2 with no target: no flag.
    #expect(r.backlog.first { $0.ticket == "K" }?.slaBreach == nil)
    #expect(r.headline.slaBreaches == 2 && r.headline.slaStays == 3)
  }

  @Test func backlogRoleComesFromTheMatrixInUse() {
    var m = Matrix.canonical(.en)
    m.roles[2] = "Regional director"
    var b = LogBuilder()
    b.add("Q", 0, .open, 3)
    b.add("R", 1, .open, 1)
    let r = report(b, october, matrix: m)
    #expect(r.backlog.map(\.role) == ["Regional director", "Project team contact"])
    // Oldest first.
    #expect(r.backlog.map(\.ticket) == ["Q", "R"])
  }

  @Test func latestCategoryIsUsedForAllFigures() {
    // S opens as schedule-adjustments, escalates, and is re-categorised as
    // equipment-purchase before as-of: its intake and its move count there.
    var b = LogBuilder()
    b.add("S", 0, .open, 1, .scheduleAdjustments)
    b.add("S", 1, .escalate, 2, nil)
    b.add("S", 2, .update, nil, .equipmentPurchase)
    let r = report(b, october)
    #expect(r.rates.first { $0.group == .category(.equipmentPurchase) }?.opened == 1)
    #expect(r.rates.first { $0.group == .category(.scheduleAdjustments) }?.opened == 0)
    #expect(
      r.escalations.first { $0.group == .category(.equipmentPurchase) }?.toLevel == [1, 0, 0])
    // As of 1.5 h, the change has not happened yet.
    let early = report(b, october, asOf: b.base + h(1.5))
    #expect(early.rates.first { $0.group == .category(.scheduleAdjustments) }?.opened == 1)
  }

  @Test func trendRowsUseEachMonthsOwnEnd() {
    // U opened 30 Sep, escalated 2 Oct: September's row counts it opened but not escalated
    // (by 30 Sep's end it was at 1); October has the move. V resolved 30 Sep, reopened 1 Oct:
    // resolved in September's row, not in October's.
    var b = LogBuilder()
    b.add("U", -12, .open, 1)
    b.add("U", 30, .escalate, 2)
    b.add("V", -20, .open, 1)
    b.add("V", -10, .resolve)
    b.add("V", 5, .reopen)
    let r = report(b, october)
    #expect(r.trend.map(\.month.description) == ["2026-09", "2026-10"])
    let sep = r.trend[0]
    #expect((sep.opened, sep.escalated, sep.escalationMoves, sep.resolved) == (2, 0, 0, 1))
    #expect(sep.medianTimeToResolution == 36_000.0)
    let oct = r.trend[1]
    #expect((oct.opened, oct.escalated, oct.escalationMoves, oct.resolved) == (0, 0, 1, 0))
    #expect(oct.shareEscalated == nil)
  }
}
