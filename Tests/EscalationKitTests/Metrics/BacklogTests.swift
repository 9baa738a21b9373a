import EscalationKit
import Testing

/// Hand-worked logs for the backlog at the as-of: docs/metrics.md#backlog. Every expected value is
/// derived in the comment next to it.
@Suite struct BacklogTests: MetricsFixtures {
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
}
