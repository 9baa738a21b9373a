import EscalationKit
import Testing

/// Hand-worked logs for the reconstruction of tickets from their events (stays, moves, anomalies):
/// docs/metrics.md#reconstruction. Every expected value is derived in the comment next to it.
@Suite struct ReconstructionTests: MetricsFixtures {
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
}
