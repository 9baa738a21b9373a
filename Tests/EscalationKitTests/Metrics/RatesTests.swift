import EscalationKit
import Testing

/// Hand-worked logs for the intake and escalation rates:
/// docs/metrics.md#intake-and-escalation-rates. Every expected value is derived in the comment next
/// to it.
@Suite struct RatesTests: MetricsFixtures {
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
}
