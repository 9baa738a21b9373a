import EscalationKit
import Foundation
import Testing

/// An independent review of the metrics engine against docs/metrics.md, rule by rule. Every
/// expected value is worked out by hand in the comment next to it. Rules already pinned
/// exactly by `MetricsDefinitionTests` are named there and not repeated here:
///
/// - equal times keep input order, input sorted per ticket: `equalTimesKeepInputOrder…`
/// - re-entered levels summed, time-to-resolution = last resolution − first open:
///   `reEnteredLevelsAreSummed`, `reopenAndResolvedThenReopenedBeforeAsOf`
/// - as-of cut at exactly 00:00 on November 1 (UTC): `eventsAtOrAfterAsOfAreIgnored`
/// - without a period every event is used, as-of = last event: `withoutPeriodEveryEventIsUsed`
/// - skipped level 1 → 3 is one move with target 3 and reaches 2; a ticket opened at 2 counts
///   as escalated; step rates: `stepRatesAndReachedLevels`
/// - explicit reopen is not a move; a status word naming a level moves:
///   `explicitReopenIsNoMoveAndUpdateWordMovesByLevel`
/// - zero-length stays count as "spent time at the level": `equalTimesKeepInputOrder…`
/// - latest category for intake and moves: `latestCategoryIsUsedForAllFigures`
/// - backlog time at current level = age of the current stay: `reopenAndResolved…` (1 h, not
///   the 5 h total at level 1)
/// - trend row M uses M's own end: `trendRowsUseEachMonthsOwnEnd` and the property
///   `trendRowForMonthEqualsTheMonthsReport`
/// - SLA strictly greater, stays ended in P or open at as-of: `slaBreachesAreStrictly…`
/// - PERCENTILE.INC (p90 of 1, 2, 3, 4 = 3.7), empty rate when no ticket:
///   `percentileInterpolatesOnFourValues`, `rateWithoutTicketsIsEmpty`
/// - 2026-10-31 23:30 Paris (22:30Z) is in October: `monthBoundaryInParisAcrossTheOctober…`
@Suite struct MetricsSpecReviewTests {
  let october = PeriodSpec.month(year: 2026, month: 10)
  static let paris = ZoneRules(identifier: "Europe/Paris")!

  func report(
    _ b: LogBuilder, _ period: PeriodSpec, asOf: Int64? = nil, zone: ZoneRules = .utc,
    sla: SLATargets? = nil
  ) -> ReportContent {
    MetricsEngine.compute(
      b.log,
      options: MetricsOptions(
        period: period, asOf: asOf, zone: zone, sla: sla, includeTickets: true))
  }

  func ticket(_ r: ReportContent, _ id: String) -> MetricsTicketRow? {
    r.tickets?.first { $0.ticket == id }
  }

  func tal(_ r: ReportContent, _ g: RowGroup, _ level: Int) -> DurationStats? {
    r.timeAtLevel.first { $0.group == g && $0.level.rawValue == level }?.stats
  }

  // MARK: Reconstructing a ticket

  @Test func openWithoutLevelStartsAtOneAndBlankMovesGoOneStep() {
    // A: open (no level) at 0 h → level 1; escalate (no level) 1 h → 2; escalate (no level)
    // 3 h → 3; de-escalate (no level) 6 h → 2; resolved 10 h.
    // Stays: 1 [0,1) = 1 h; 2 [1,3) = 2 h; 3 [3,6) = 3 h; 2 [6,10) = 4 h → level 2 total 6 h.
    // Upward moves: → 2 at 1 h, → 3 at 3 h. Highest 3, resolved at 2, TTR 10 h. No warning.
    var b = LogBuilder()
    b.add("A", 0, .open, nil)
    b.add("A", 1, .escalate, nil)
    b.add("A", 3, .escalate, nil)
    b.add("A", 6, .deescalate, nil)
    b.add("A", 10, .resolve)
    let r = report(b, october)
    #expect(ticket(r, "A")?.secondsAtLevel == [h(1), h(6), h(3), nil])
    #expect(ticket(r, "A")?.timeToResolution == h(10))
    #expect(r.escalations.last?.toLevel == [1, 1, 0])
    #expect(r.highestLevel.last?.counts == [0, 0, 1, 0])
    #expect(r.levelAtResolution.last?.counts == [0, 1, 0, 0])
    #expect(r.findings.isEmpty)
  }

  @Test func blankMoveLeavingLevelsOneToFourIsRejectedWithItsCategory() {
    // B (operational challenges): open 1 at 0 h; de-escalate without level at 1 h would go
    // to 0: rejected (MET010), and its category (equipment purchase) is not applied either;
    // escalate 4 at 2 h (1 → 4, skip warning MET002); escalate without level at 3 h would go
    // to 5: rejected (MET010); resolved 5 h.
    // Stays: 1 [0,2) = 2 h, 4 [2,5) = 3 h. One move, target 4; reached 2, 3 and 4.
    var b = LogBuilder()
    b.add("B", 0, .open, 1)
    b.add("B", 1, .deescalate, nil, .equipmentPurchase)
    b.add("B", 2, .escalate, 4)
    b.add("B", 3, .escalate, nil)
    b.add("B", 5, .resolve)
    let r = report(b, october)
    #expect(r.findings.map(\.code) == ["MET010", "MET002", "MET010"])
    #expect(r.findings.map(\.line) == [3, 4, 5])
    #expect(ticket(r, "B")?.secondsAtLevel == [h(2), nil, nil, h(3)])
    #expect(ticket(r, "B")?.group == .category(.operationalChallenges))
    #expect(r.escalations.last?.toLevel == [0, 0, 1])
    let t = r.rates.last!
    #expect((t.opened, t.reached2, t.reached3, t.reached4) == (1, 1, 1, 1))
  }

  @Test func openOnAnOpenTicketNamingAnotherLevelIsAMoveAndStaysAreMaximal() throws {
    // C: open 1 at 0 h; open 3 at 2 h → a level change 1 → 3 (MET007 + MET002): one upward
    // move, target 3, and the ticket reached 2; reopen 3 at 4 h → at 3 already, nothing
    // (MET007), the stay at 3 goes on; reopen 2 at 5 h → a level change down (MET007), not
    // an upward move; resolved 8 h.
    // Stays: 1 [0,2) = 2 h, 3 [2,5) = 3 h (one stay, not 2 h + 1 h), 2 [5,8) = 3 h.
    // SLA 3 = 2 h: the one 3 h stay at 3 breaches (split, neither part would: 2 h is not > 2 h).
    var b = LogBuilder()
    b.add("C", 0, .open, 1)
    b.add("C", 2, .open, 3)
    b.add("C", 4, .reopen, 3)
    b.add("C", 5, .reopen, 2)
    b.add("C", 8, .resolve)
    let r = report(b, october, sla: try SLATargets.parse("3=2h"))
    #expect(r.findings.map(\.code) == ["MET007", "MET002", "MET007", "MET007"])
    #expect(r.escalations.last?.toLevel == [0, 1, 0])
    let t = r.rates.last!
    #expect((t.reached2, t.reached3, t.reached4) == (1, 1, 0))
    #expect(ticket(r, "C")?.secondsAtLevel == [h(2), h(3), h(3), nil])
    let l3 = r.sla?.rows.first { $0.group == .total && $0.level.rawValue == 3 }
    #expect(l3?.stays == 1 && l3?.breaches == 1)
  }

  @Test func moveToTheSameLevelChangesNothing() throws {
    // D: open 1 at 0 h; escalate 1 at 1 h (MET009) and a status update naming 1 at 2 h (no
    // warning): nothing changes; escalate 2 at 3 h; resolved 4 h.
    // One stay at 1 of 3 h: with target 1 = 150 min it breaches (3 h > 2.5 h); three 1 h
    // pieces would not. Stays checked at 1: 1.
    var b = LogBuilder()
    b.add("D", 0, .open, 1)
    b.add("D", 1, .escalate, 1)
    b.add("D", 2, .update, 1)
    b.add("D", 3, .escalate, 2)
    b.add("D", 4, .resolve)
    let r = report(b, october, sla: try SLATargets.parse("1=150m"))
    #expect(r.findings.map(\.code) == ["MET009"])
    let l1 = r.sla?.rows.first { $0.group == .total && $0.level.rawValue == 1 }
    #expect(l1?.stays == 1 && l1?.breaches == 1)
    #expect(
      tal(r, .total, 1)
        == DurationStats(count: 1, mean: 10_800, median: 10_800, p90: 10_800, max: h(3)))
    #expect(r.escalations.last?.toLevel == [1, 0, 0])
  }

  @Test func resolveOnAResolvedTicketKeepsTheFirstResolution() {
    // E: open 1 on 30 Oct 00:00 (696 h), resolved 700 h, resolved again 702 h (MET008) and
    // on 1 Nov 06:00 (750 h, MET008). The first resolution stands: October TTR = 4 h (not
    // 6 h); November has nothing resolved (the resolution in force is October's).
    var b = LogBuilder()
    b.add("E", 696, .open, 1)
    b.add("E", 700, .resolve)
    b.add("E", 702, .resolve)
    b.add("E", 750, .resolve)
    let oct = report(b, october)
    #expect(oct.headline.resolved == 1)
    #expect(oct.headline.medianTimeToResolution == 14_400)
    #expect(oct.findings.map(\.code) == ["MET008"])  // the 750 h one is after October's as-of
    let nov = report(b, .month(year: 2026, month: 11))
    #expect(nov.headline.resolved == 0)
    #expect(nov.backlog.isEmpty)
    #expect(ticket(oct, "E")?.resolved == b.base + h(700))
    #expect(nov.findings.map(\.code) == ["MET008", "MET008"])
  }

  @Test func implicitReopenIsAMoveOnlyAboveTheLevelItWasResolvedAt() {
    // F: open 1 at 0 h, escalate 2 at 1 h (move → 2), resolved at 2 at 2 h.
    // escalate 2 at 3 h: implicit reopen at 2 (MET003), not above 2 → no move; resolved 4 h.
    // escalate 3 at 5 h: implicit reopen at 3 (MET003), above 2 → a move, target 3;
    // resolved 6 h. de-escalate 1 at 7 h: implicit reopen at 1 (MET003), no move; resolved
    // 8 h. A status update without level at 9 h on the resolved ticket: nothing.
    // Moves [→2: 1, →3: 1, →4: 0]. Level 1: [0,1) + [7,8) = 2 h; level 2: [1,2) + [3,4) = 2 h;
    // level 3: [5,6) = 1 h. TTR = last resolution − first open = 8 h; resolved at 1; highest 3.
    var b = LogBuilder()
    b.add("F", 0, .open, 1)
    b.add("F", 1, .escalate, 2)
    b.add("F", 2, .resolve)
    b.add("F", 3, .escalate, 2)
    b.add("F", 4, .resolve)
    b.add("F", 5, .escalate, 3)
    b.add("F", 6, .resolve)
    b.add("F", 7, .deescalate, 1)
    b.add("F", 8, .resolve)
    b.add("F", 9, .update, nil)
    let r = report(b, october)
    #expect(r.findings.map(\.code) == ["MET003", "MET003", "MET003"])
    #expect(r.findings.map(\.line) == [5, 7, 9])
    #expect(r.escalations.last?.toLevel == [1, 1, 0])
    let f = ticket(r, "F")
    #expect(f?.secondsAtLevel == [h(2), h(2), h(1), nil])
    #expect(f?.timeToResolution == h(8))
    #expect(f?.levelAtResolution?.rawValue == 1)
    #expect(f?.highestLevel.rawValue == 3)
    #expect(r.headline.resolved == 1)
  }

  @Test func exactDuplicateEventsCountOnce() {
    // G: open 1 at 0 h; escalate without level at 1 h, twice (exact duplicate: MET006, counted
    // once) → 2, not 3; escalate without level at 2 h → 3. Moves → 2 and → 3; highest 3.
    // Same time but another category is not a duplicate: H's second escalate (category
    // changes) goes on to 3 (and MET005).
    var b = LogBuilder()
    b.add("G", 0, .open, 1)
    b.add("G", 1, .escalate, nil)
    b.add("G", 1, .escalate, nil)
    b.add("G", 2, .escalate, nil)
    b.add("H", 0, .open, 1)
    b.add("H", 1, .escalate, nil)
    b.add("H", 1, .escalate, nil, .performanceIssues)
    let r = report(b, october)
    #expect(r.findings.map(\.code) == ["MET006", "MET005"])
    #expect(ticket(r, "G")?.highestLevel.rawValue == 3)
    #expect(ticket(r, "H")?.highestLevel.rawValue == 3)
    #expect(r.escalations.last?.toLevel == [2, 2, 0])
    #expect(ticket(r, "G")?.secondsAtLevel[1] == h(1))
    #expect(ticket(r, "H")?.secondsAtLevel[1] == 0)
  }

  @Test func aTicketStartingWithAResolveStartsAndEndsThere() {
    // I: first event a resolve at level 3 at 10 h (MET004): it starts at 3 at 10 h and is
    // resolved at once: a zero-length stay at 3, TTR 0, highest 3 (reached 2 and 3), resolved
    // at 3, no move (a starting level is not a move).
    var b = LogBuilder()
    b.add("I", 10, .resolve, 3)
    let r = report(b, october)
    #expect(r.findings.map(\.code) == ["MET004"])
    #expect(r.headline.opened == 1 && r.headline.resolved == 1)
    #expect(r.headline.medianTimeToResolution == 0)
    let t = r.rates.last!
    #expect((t.reached2, t.reached3, t.reached4) == (1, 1, 0))
    #expect(r.headline.escalationMoves == 0)
    #expect(tal(r, .total, 3)?.count == 1 && tal(r, .total, 3)?.max == 0)
    #expect(r.levelAtResolution.last?.counts == [0, 0, 1, 0])
  }

  @Test func aDeEscalationThatGoesUpIsAnUpwardMoveAndResolveKeepsTheCurrentLevel() {
    // U: open 1 at 0 h; de-escalate naming 3 at 1 h: applied as written (MET001 goes up,
    // MET002 skips 2), and an upward move with target 3, since the levels decide; a resolve
    // naming 4 at 2 h resolves the ticket at the level it was at, 3 (highest 3, not 4).
    var b = LogBuilder()
    b.add("U", 0, .open, 1)
    b.add("U", 1, .deescalate, 3)
    b.add("U", 2, .resolve, 4)
    let r = report(b, october)
    #expect(r.findings.map(\.code) == ["MET001", "MET002"])
    #expect(r.escalations.last?.toLevel == [0, 1, 0])
    #expect(r.levelAtResolution.last?.counts == [0, 0, 1, 0])
    #expect(r.highestLevel.last?.counts == [0, 0, 1, 0])
    #expect(r.rates.last?.reached4 == 0)
  }

  // MARK: Period and as-of

  @Test func resolutionAtMidnightParisIsNotInOctoberAndToDayIsIncluded() {
    // Paris: October ends 2026-11-01 00:00 CET = 2026-10-31T23:00Z.
    // K: open 31 Oct 10:00Z, resolved at 23:00Z exactly → not before as-of: still open in
    // October (backlog, age 13 h); November sees it resolved, TTR 13 h.
    // L: open 10:00Z, resolved 22:59:59Z → resolved in October, TTR 12 h 59 min 59 s = 46 799 s.
    let end = LocalDateTime(year: 2026, month: 10, day: 31, hour: 23).secondsAsIfUTC
    var b = LogBuilder(base: 0)
    b.at("K", end - h(13), .open, 1)
    b.at("K", end, .resolve)
    b.at("L", end - h(13), .open, 1)
    b.at("L", end - 1, .resolve)
    let oct = report(b, october, zone: Self.paris)
    #expect(oct.period.end == end && oct.period.asOf == end)
    #expect(oct.headline.resolved == 1)
    #expect(oct.headline.medianTimeToResolution == 46_799)
    #expect(oct.backlog.map(\.ticket) == ["K"])
    #expect(oct.backlog.first?.age == h(13))
    let nov = report(b, .month(year: 2026, month: 11), zone: Self.paris)
    #expect(nov.headline.resolved == 1 && nov.headline.opened == 0)
    #expect(nov.headline.medianTimeToResolution == 46_800)
    // --from 2026-10-01 --to 2026-10-31: both days included, so the same period and figures.
    let days = report(
      b,
      .days(
        from: LocalDateTime(year: 2026, month: 10, day: 1),
        to: LocalDateTime(year: 2026, month: 10, day: 31)), zone: Self.paris)
    #expect(days.period.start == oct.period.start && days.period.end == end)
    #expect(days.headline == oct.headline)
  }

  @Test func monthBoundaryInParisAcrossTheMarchDSTChange() {
    // Europe/Paris, March 2026: from 1 Mar 00:00 CET = 2026-02-28T23:00Z to 1 Apr 00:00 CEST
    // = 2026-03-31T22:00Z (DST starts 29 March): 31 × 24 − 1 = 743 h.
    // M0 opened 28 Feb 23:30 Paris (22:30Z): February. M3 opened 1 Mar 00:00 Paris (23:00Z on
    // 28 Feb): March, open all month (age 743 h). M1 opened 31 Mar 23:30 Paris (21:30Z):
    // March. M2 opened 1 Apr 00:00 Paris (22:00Z): April, after as-of.
    let start = LocalDateTime(year: 2026, month: 2, day: 28, hour: 23).secondsAsIfUTC
    let end = LocalDateTime(year: 2026, month: 3, day: 31, hour: 22).secondsAsIfUTC
    var b = LogBuilder(base: 0)
    b.at("M0", start - 1800, .open, 1)
    b.at("M3", start, .open, 1)
    b.at("M1", end - 1800, .open, 1)
    b.at("M2", end, .open, 1)
    let r = report(b, .month(year: 2026, month: 3), zone: Self.paris)
    #expect(r.period.start == start && r.period.end == end)
    #expect(end - start == h(743))
    #expect(r.headline.opened == 2)
    #expect(r.backlog.map(\.ticket) == ["M0", "M3", "M1"])
    #expect(r.backlog.first { $0.ticket == "M3" }?.age == h(743))
    #expect(r.backlog.first { $0.ticket == "M1" }?.age == 1800)
    #expect(r.trend.map(\.month.description) == ["2026-02", "2026-03"])
    #expect(r.trend.map(\.opened) == [1, 2])
  }

  @Test func trendNeverUsesEventsAtOrAfterAnEarlierAsOf() {
    // V: open 20 Sep (−264 h), escalate 2 on 25 Sep (−144 h), resolved 20 Oct (456 h).
    // W: open 1 Oct (0 h), escalate 2 on 21 Oct (480 h), resolved 23 Oct (528 h).
    // October as of 15 Oct 00:00 (336 h): opened 1 (W, at 1 then: share 0), no move, nothing
    // resolved, backlog V and W. The trend's October row says the same (events after the
    // as-of are not used); September's row keeps its own end: V opened, escalated, 1 move.
    // Without --as-of, October's row: opened 1, escalated 1, 1 move (W), resolved 2 with
    // TTR V 456 + 264 = 720 h and W 528 h → median 624 h.
    var b = LogBuilder()
    b.add("V", -264, .open, 1)
    b.add("V", -144, .escalate, 2)
    b.add("V", 456, .resolve)
    b.add("W", 0, .open, 1)
    b.add("W", 480, .escalate, 2)
    b.add("W", 528, .resolve)
    let r = report(b, october, asOf: b.base + h(336))
    #expect(r.headline.opened == 1 && r.headline.shareEscalated == 0)
    #expect(r.headline.escalationMoves == 0 && r.headline.resolved == 0)
    #expect(r.backlog.map(\.ticket) == ["V", "W"])
    #expect(r.trend.map(\.month.description) == ["2026-09", "2026-10"])
    let sep = r.trend[0]
    #expect((sep.opened, sep.escalated, sep.escalationMoves, sep.resolved) == (1, 1, 1, 0))
    let oct = r.trend[1]
    #expect((oct.opened, oct.escalated, oct.escalationMoves, oct.resolved) == (1, 0, 0, 0))
    #expect(oct.medianTimeToResolution == nil)
    let full = report(b, october).trend[1]
    #expect((full.opened, full.escalated, full.escalationMoves, full.resolved) == (1, 1, 1, 2))
    #expect(full.medianTimeToResolution == Double(h(624)))
    // --from 2026-10-01 --to 2026-10-14: as-of 15 Oct 00:00 again, so the same October row
    // (a report for those days is the same whenever it is produced).
    let days = report(
      b,
      .days(
        from: LocalDateTime(year: 2026, month: 10, day: 1),
        to: LocalDateTime(year: 2026, month: 10, day: 14)))
    #expect(days.period.asOf == b.base + h(336))
    #expect(days.trend == r.trend)
  }

  // MARK: Figures for a period P

  @Test func resolvedInPUsesTheLastResolutionAndExcludesReopened() {
    // N: open 20 Sep (−264 h), resolved 25 Sep (−144 h), reopened (no level → 1) 5 Oct (96 h),
    // resolved 10 Oct (216 h).
    //   September: resolved in P (the reopen is after its as-of), TTR 120 h.
    //   October: resolved in P by its last resolution; TTR = 216 + 264 = 480 h; level 1 time
    //   = 120 h + (216 − 96) h = 240 h; not in October's intake.
    // O: open 2 Oct (24 h), resolved 20 Oct (456 h), reopened 25 Oct (576 h): not resolved in
    // October; backlog at 1, time at level 744 − 576 = 168 h, age 744 − 24 = 720 h.
    var b = LogBuilder()
    b.add("N", -264, .open, 1)
    b.add("N", -144, .resolve)
    b.add("N", 96, .reopen)
    b.add("N", 216, .resolve)
    b.add("O", 24, .open, 1)
    b.add("O", 456, .resolve)
    b.add("O", 576, .reopen)
    let sep = report(b, .month(year: 2026, month: 9))
    #expect(sep.headline.resolved == 1)
    #expect(sep.headline.medianTimeToResolution == Double(h(120)))
    let oct = report(b, october)
    #expect(oct.headline.resolved == 1)
    #expect(oct.headline.opened == 1)
    #expect(oct.headline.medianTimeToResolution == Double(h(480)))
    #expect(tal(oct, .total, 1)?.max == h(240))
    #expect(oct.backlog.map(\.ticket) == ["O"])
    #expect(oct.backlog.first?.timeAtLevel == h(168))
    #expect(oct.backlog.first?.age == h(720))
    // The trend agrees: September 1 resolved (N, 120 h), October 1 (N, 480 h).
    #expect(oct.trend.map(\.resolved) == [1, 1])
    #expect(oct.trend.map(\.medianTimeToResolution) == [Double(h(120)), Double(h(480))])
  }

  @Test func resolvedFiguresPerLevelAndDistributions() {
    // Four tickets resolved in October (operational challenges):
    //   P1: 1 [0,2) → L1 2 h; TTR 2 h; highest 1; resolved at 1.
    //   P2: 1 [0,4), 2 [4,4) → L1 4 h, L2 0 (zero-length, counted); TTR 4 h; highest 2; at 2.
    //   P3: opened at 2 [0,6) → L2 6 h, no L1 stay; TTR 6 h; highest 2; at 2.
    //   P4: 1 [0,1), 2 [1,2), 1 [2,3) → L1 2 h, L2 1 h; TTR 3 h; highest 2; at 1.
    // L1 values [2, 2, 4] h: count 3, mean 8/3 h, median 2 h, p90 rank 1.8 → 2 + 0.8 × 2 =
    // 3.6 h, max 4 h. L2 values [0, 1, 6] h: count 3, mean 7/3 h, median 1 h, p90 rank 1.8 →
    // 1 + 0.8 × 5 = 5 h, max 6 h. L3, L4: no ticket, every figure empty.
    // TTR [2, 3, 4, 6] h: mean 3.75 h, median rank 1.5 → 3.5 h, p90 rank 2.7 → 4 + 0.7 × 2 =
    // 5.4 h, max 6 h. Highest [1, 3, 0, 0]; at resolution [2, 2, 0, 0].
    // Opened 4, reached 2: P2 P3 P4 = 3. Moves → 2: P2, P4 (P3's start is not a move).
    var b = LogBuilder()
    b.add("P1", 0, .open, 1)
    b.add("P1", 2, .resolve)
    b.add("P2", 0, .open, 1)
    b.add("P2", 4, .escalate, 2)
    b.add("P2", 4, .resolve)
    b.add("P3", 0, .open, 2)
    b.add("P3", 6, .resolve)
    b.add("P4", 0, .open, 1)
    b.add("P4", 1, .escalate, 2)
    b.add("P4", 2, .deescalate, 1)
    b.add("P4", 3, .resolve)
    let r = report(b, october)
    let oc = RowGroup.category(.operationalChallenges)
    func close(_ a: Double?, _ hours: Double) -> Bool {
      a.map { abs($0 - hours * 3600) < 1e-6 } ?? false
    }
    let l1 = tal(r, oc, 1)!
    #expect(l1.count == 3 && l1.max == h(4))
    #expect(close(l1.mean, 8.0 / 3) && close(l1.median, 2) && close(l1.p90, 3.6))
    let l2 = tal(r, .total, 2)!
    #expect(l2.count == 3 && l2.max == h(6))
    #expect(close(l2.mean, 7.0 / 3) && close(l2.median, 1) && close(l2.p90, 5))
    #expect(tal(r, .total, 3) == DurationStats.empty && tal(r, .total, 4) == DurationStats.empty)
    let ttr = r.timeToResolution.last!.stats
    #expect(ttr.count == 4 && ttr.max == h(6))
    #expect(close(ttr.mean, 3.75) && close(ttr.median, 3.5) && close(ttr.p90, 5.4))
    #expect(r.highestLevel.last?.counts == [1, 3, 0, 0])
    #expect(r.levelAtResolution.last?.counts == [2, 2, 0, 0])
    #expect(r.rates.last?.reached2 == 3)
    #expect(r.escalations.last?.toLevel == [2, 0, 0])
    // The other categories have no resolved ticket: empty rows, not zeros.
    #expect(r.timeToResolution.first { $0.group == .category(.equipmentPurchase) }?.stats == .empty)
  }

  @Test func latestCategoryAppliesToResolvedFiguresSLAAndBacklog() throws {
    // Q: open 1 as schedule adjustments at 0 h, escalate 2 at 1 h, resolved at 2 h with the
    // category equipment purchase. Every figure of Q counts under equipment purchase: TTR,
    // time at level 2 (1 h), highest level, SLA (target 1 = 30 min: the 1 h stay at 1
    // breaches), the move. As of 1.5 h the change has not happened: Q is a schedule
    // adjustments ticket in the backlog, at 2 for 30 min.
    var b = LogBuilder()
    b.add("Q", 0, .open, 1, .scheduleAdjustments)
    b.add("Q", 1, .escalate, 2, nil)
    b.add("Q", 2, .resolve, nil, .equipmentPurchase)
    let sla = try SLATargets.parse("1=30m")
    let r = report(b, october, sla: sla)
    let ep = RowGroup.category(.equipmentPurchase)
    let sa = RowGroup.category(.scheduleAdjustments)
    #expect(r.timeToResolution.first { $0.group == ep }?.stats.count == 1)
    #expect(r.timeToResolution.first { $0.group == sa }?.stats.count == 0)
    #expect(tal(r, ep, 2)?.max == h(1))
    #expect(r.highestLevel.first { $0.group == ep }?.counts == [0, 1, 0, 0])
    let row = r.sla?.rows.first { $0.group == ep && $0.level.rawValue == 1 }
    #expect(row?.stays == 1 && row?.breaches == 1)
    #expect(r.sla?.rows.first { $0.group == sa }?.stays == 0)
    #expect(r.escalations.first { $0.group == ep }?.toLevel == [1, 0, 0])
    let early = report(b, october, asOf: b.base + h(1.5), sla: sla)
    #expect(early.backlog.first?.group == sa)
    #expect(early.backlog.first?.timeAtLevel == 1800)
  }

  @Test func slaCountsAStayStartedBeforePThatEndsInP() throws {
    // R: open 1 on 30 Sep 14:00 (−10 h), escalate 2 at 5 h: its 15 h stay at 1 ended in
    // October → counted, and 15 h > 12 h breaches. Its stay at 2 is open at as-of (739 h >
    // 48 h: breach). S: open 1 at 700 h, still open at 1: 44 h > 12 h, breach. T: open 1 at −30 h, escalate 2 at −20 h (ended before P: not
    // counted at 1), resolved at −10 h (its stay at 2 ended before P: not counted).
    // Level 1: stays R, S → 2, breaches 2. Level 2: R (open) → 1 stay, 1 breach.
    var b = LogBuilder()
    b.add("R", -10, .open, 1)
    b.add("R", 5, .escalate, 2)
    b.add("S", 700, .open, 1)
    b.add("T", -30, .open, 1)
    b.add("T", -20, .escalate, 2)
    b.add("T", -10, .resolve)
    let r = report(b, october, sla: try SLATargets.parse("1=12h,2=48h"))
    let l1 = r.sla?.rows.first { $0.group == .total && $0.level.rawValue == 1 }
    let l2 = r.sla?.rows.first { $0.group == .total && $0.level.rawValue == 2 }
    #expect(l1?.stays == 2 && l1?.breaches == 2)
    #expect(l2?.stays == 1 && l2?.breaches == 1)
    #expect(r.headline.slaStays == 3 && r.headline.slaBreaches == 3)
  }
}

/// The bundled French sample, recomputed by a deliberately simple and separate replay: its
/// own CSV split, its own Paris offsets (EU rule: summer time from 29 March 01:00Z to
/// 25 October 01:00Z in 2026), its own per-ticket walk over time-sorted events, compared with
/// the engine's figures for every month of 2026.
@Suite struct MetricsSampleCrossCheckTests {
  static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Samples/escalations-2026-fr.csv").path

  struct Row {
    var ticket: String
    var time: Int64
    var word: String
    var level: Int
    var category: Int
    var index: Int
  }

  /// Days since 1970-01-01 of a civil date (proleptic Gregorian).
  static func days(_ y: Int, _ m: Int, _ d: Int) -> Int64 {
    let yy = m <= 2 ? y - 1 : y
    let era = (yy >= 0 ? yy : yy - 399) / 400
    let yoe = yy - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return Int64(era * 146_097 + doe - 719_468)
  }

  /// Paris local wall time (seconds as if UTC) → UTC, 2026 rules; the first occurrence of an
  /// ambiguous time.
  static func parisToUTC(_ local: Int64) -> Int64 {
    let summerFrom = days(2026, 3, 29) * 86_400 + 3600
    let summerTo = days(2026, 10, 25) * 86_400 + 3600
    let asSummer = local - 7200
    if asSummer >= summerFrom && asSummer < summerTo { return asSummer }
    return local - 3600
  }

  static func readSample() throws -> [Row] {
    var text = try String(contentsOfFile: sample, encoding: .utf8)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let labels = CategoryKey.allCases.map { $0.label(.fr) }
    var rows: [Row] = []
    for (i, line) in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated()
    where i > 0 {
      let f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
      // dd/MM/yyyy HH:mm
      let d = f[1].split(whereSeparator: { $0 == "/" || $0 == " " || $0 == ":" }).map { Int($0)! }
      let local = days(d[2], d[1], d[0]) * 86_400 + Int64(d[3] * 3600 + d[4] * 60)
      let cat = try #require(labels.firstIndex(of: f[4]), "category \(f[4])")
      rows.append(
        Row(
          ticket: f[0], time: parisToUTC(local), word: f[2], level: Int(f[3])!, category: cat,
          index: i))
    }
    return rows
  }

  struct Figures: Equatable {
    var intake = [Int](repeating: 0, count: 8)
    var reached = [[Int]](repeating: [0, 0, 0], count: 8)  // ≥ 2, ≥ 3, = 4
    var moves = [[Int]](repeating: [0, 0, 0], count: 8)  // target 2, 3, 4
    var resolved = 0
    var medianTTR: Double?
    var backlog = 0
  }

  /// The figures of P = [start, end) with as-of = end, by a plain replay of each ticket.
  static func replay(_ rows: [Row], start: Int64, end: Int64) -> Figures {
    var f = Figures()
    var byTicket: [String: [Row]] = [:]
    for r in rows where r.time < end { byTicket[r.ticket, default: []].append(r) }
    var ttrs: [Int64] = []
    for (_, evs) in byTicket {
      let sorted = evs.sorted { ($0.time, $0.index) < ($1.time, $1.index) }
      var level = 0
      var highest = 0
      var resolved = false
      var resolvedAt: Int64 = 0
      var category = 0
      var moves: [(Int64, Int)] = []
      for e in sorted {
        category = e.category
        if level == 0 {  // the first event starts the ticket
          level = e.level
          highest = level
          if e.word == "résolu" {
            resolved = true
            resolvedAt = e.time
          }
          continue
        }
        switch e.word {
        case "résolu":
          if !resolved {
            resolved = true
            resolvedAt = e.time
          }
        case "ouvert", "rouvert":
          if resolved {
            resolved = false  // explicit reopen: no move
          } else if e.level > level {
            moves.append((e.time, e.level))
          }
          level = e.level
        case "remonté", "rétrogradé":  // a move by the levels, an implicit reopen if resolved
          resolved = false
          if e.level > level { moves.append((e.time, e.level)) }
          level = e.level
        default:
          Issue.record("unexpected word \(e.word)")
        }
        highest = max(highest, level)
      }
      let first = sorted[0].time
      if first >= start && first < end {
        f.intake[category] += 1
        if highest >= 2 { f.reached[category][0] += 1 }
        if highest >= 3 { f.reached[category][1] += 1 }
        if highest >= 4 { f.reached[category][2] += 1 }
      }
      for (t, target) in moves where t >= start && t < end { f.moves[category][target - 2] += 1 }
      if resolved && resolvedAt >= start && resolvedAt < end {
        f.resolved += 1
        ttrs.append(resolvedAt - first)
      }
      if !resolved { f.backlog += 1 }
    }
    ttrs.sort()
    if !ttrs.isEmpty {
      let n = ttrs.count
      f.medianTTR =
        n % 2 == 1 ? Double(ttrs[n / 2]) : (Double(ttrs[n / 2 - 1]) + Double(ttrs[n / 2])) / 2
    }
    return f
  }

  static func engineFigures(_ c: ReportContent) -> Figures {
    var f = Figures()
    for r in c.rates {
      guard case .category(let k) = r.group else { continue }
      f.intake[k.index] = r.opened
      f.reached[k.index] = [r.reached2, r.reached3, r.reached4]
    }
    for m in c.escalations {
      guard case .category(let k) = m.group else { continue }
      f.moves[k.index] = m.toLevel
    }
    f.resolved = c.headline.resolved
    f.medianTTR = c.headline.medianTimeToResolution
    f.backlog = c.headline.backlog
    return f
  }

  @Test func october2026AndEveryOtherMonthAgreeWithASimpleReplay() throws {
    let rows = try Self.readSample()
    let zone = try #require(ZoneRules(identifier: "Europe/Paris"))
    let log = try LogImporter.load(path: Self.sample, options: LogImportOptions(zone: zone))
    // Every record used, and the same instants as the separate reading.
    #expect(log.events.count == rows.count && rows.count == 591)
    #expect(log.events.map(\.time) == rows.map(\.time))
    let order = TicketOrder(log)
    for month in 1...12 {
      let start = Self.parisToUTC(Self.days(2026, month, 1) * 86_400)
      let end = Self.parisToUTC(
        month == 12 ? Self.days(2027, 1, 1) * 86_400 : Self.days(2026, month + 1, 1) * 86_400)
      let content = MetricsEngine.compute(
        log, order: order,
        options: MetricsOptions(period: .month(year: 2026, month: month), zone: zone))
      #expect(content.period.start == start && content.period.end == end, "month \(month)")
      let expected = Self.replay(rows, start: start, end: end)
      #expect(Self.engineFigures(content) == expected, "month \(month)")
      if month == 10 {
        // October is not empty: the comparison means something.
        #expect(expected.intake.reduce(0, +) > 0 && expected.resolved > 0)
        #expect(expected.moves.joined().reduce(0, +) > 0)
      }
    }
  }
}
