import EscalationKit
import Testing

/// Hand-worked logs for the owners figures: docs/metrics.md#owners. Every expected value is
/// derived in the comments.
@Suite struct OwnersTests: MetricsFixtures {
  /// October 2026, as-of its end (744 h after 1 October 00:00 UTC), target level 1 = 8 h.
  ///
  /// - A: opened at 1 by Ann at 0 h, escalated to 2 by Bob at 10 h, resolved (no owner) at
  ///   30 h. Owner at as-of: Bob (latest non-blank). Current level 2. Stays 10 h at 1
  ///   (breach: > 8 h) and 20 h at 2 (no target), both ended in P.
  /// - B: opened at 1 by Ann at 5 h, still open: one stay of 744 − 5 = 739 h at 1 (breach).
  /// - C: opened at 1 without owner at 20 h, escalated to 2 at 44 h, open: stays 24 h at 1
  ///   (breach) and 744 − 44 = 700 h at 2.
  /// - D: opened by Ann on 30 September, resolved before P: no figure, so Ann's are B's.
  func log() -> LogBuilder {
    var b = LogBuilder()
    b.add("A", 0, .open, 1, owner: "Ann")
    b.add("A", 10, .escalate, 2, owner: "Bob")
    b.add("A", 30, .resolve)
    b.add("B", 5, .open, 1, owner: "Ann")
    b.add("C", 20, .open, 1)
    b.add("C", 44, .escalate, 2)
    b.add("D", -24, .open, 1, owner: "Ann")
    b.add("D", -12, .resolve)
    return b
  }

  @Test func perOwner() throws {
    let r = report(log(), october, sla: try SLATargets.parse("1=8h"))
    let o = r.owners.byOwner
    // Names in byte order, the tickets without an owner last.
    #expect(o.map(\.name) == ["Ann", "Bob", ""])
    // Ann: B opened, open, breaching; its one stay 739 h.
    #expect(
      o[0]
        == OwnerRow(
          name: "Ann", opened: 1, escalations: 0, resolved: 0, open: 1, breached: 1,
          medianTimeAtLevel: Double(h(739))))
    // Bob: A opened, its move at 10 h, resolved, breaching at 1; median of 10 h and 20 h.
    #expect(
      o[1]
        == OwnerRow(
          name: "Bob", opened: 1, escalations: 1, resolved: 1, open: 0, breached: 1,
          medianTimeAtLevel: Double(h(15))))
    // No owner: C opened, moved, open, breaching; median of 24 h and 700 h = 362 h.
    #expect(
      o[2]
        == OwnerRow(
          name: "", opened: 1, escalations: 1, resolved: 0, open: 1, breached: 1,
          medianTimeAtLevel: Double(h(362))))
  }

  @Test func perRole() throws {
    let r = report(log(), october, sla: try SLATargets.parse("1=8h"))
    let roles = r.owners.byRole
    let m = Matrix.canonical(.en)
    #expect(roles.map(\.name) == Level.all.map { m.role(of: $0) })
    // Level 1: B only.
    #expect(roles[0].opened == 1 && roles[0].open == 1 && roles[0].breached == 1)
    #expect(roles[0].medianTimeAtLevel == Double(h(739)))
    // Level 2: A (resolved at 2) and C. Stays 10, 20, 24, 700 h: median (20 + 24) / 2 = 22 h.
    #expect(
      roles[1]
        == OwnerRow(
          name: m.role(of: Level.all[1]), level: Level.all[1], opened: 2, escalations: 2,
          resolved: 1, open: 1, breached: 2, medianTimeAtLevel: Double(h(22))))
    // Levels 3 and 4: nothing.
    #expect(roles[2].opened == 0 && roles[2].medianTimeAtLevel == nil && roles[3].breached == 0)
  }

  @Test func ownerAtAsOfAndWithoutTargets() {
    // As of 8 h: Bob has not taken A yet (10 h): Ann owns A and B, both opened and open.
    let early = report(log(), october, asOf: LogBuilder().base + h(8))
    #expect(early.owners.byOwner.map(\.name) == ["Ann"])
    #expect(early.owners.byOwner[0].opened == 2 && early.owners.byOwner[0].open == 2)
    // Without targets: no breach count.
    #expect(early.owners.byOwner[0].breached == nil)
  }

  @Test func ownerColumnOfBacklogAndTickets() {
    let r = report(log(), october)
    // Backlog oldest first: B (Ann), C (no owner).
    #expect(r.backlog.map(\.owner) == ["Ann", ""])
    #expect(row(r, "A")?.owner == "Bob")
  }
}
