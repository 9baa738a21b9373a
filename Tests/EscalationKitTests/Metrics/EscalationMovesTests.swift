import EscalationKit
import Testing

/// Hand-worked logs for the escalations in the period (upward moves):
/// docs/metrics.md#escalations-in-the-period. Every expected value is derived in the comment next
/// to it.
@Suite struct EscalationMovesTests: MetricsFixtures {
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
}
