import EscalationKit
import Testing

/// Hand-worked logs for the SLA stays and breaches: docs/metrics.md#sla. Every expected value is
/// derived in the comment next to it.
@Suite struct SLATests: MetricsFixtures {
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
