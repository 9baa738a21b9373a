// Intake and escalation rates: docs/metrics.md#intake-and-escalation-rates
//
// Over the tickets opened in the period P (first event in P), per category and in total:
// how many were opened, how many had reached level ≥ 2, ≥ 3 and 4 by the as-of (their
// highest level), the rates (reached ÷ opened, empty when none was opened) and the step
// rates 1→2, 2→3, 3→4 (reached the next level ÷ reached this one). The headline's share
// escalated is the total's rate ≥ 2.

/// The counts of the rates, collected ticket by ticket.
struct RateFigures {
  /// Tickets opened in P.
  private(set) var opened = PerGroup(0)
  /// Tickets opened in P whose highest level is ≥ the level.
  private(set) var reached = PerGroupLevel(0)

  /// A ticket opened in P, in group `g`, whose highest level is `highest` (1…4).
  @inline(__always) mutating func count(openedIn g: GroupSlot, highest: Int) {
    opened.add(1, to: g)
    for level in 1...highest { reached.add(1, to: g, level: level) }
  }

  func rows(_ slots: [GroupSlot]) -> [RateRow] {
    slots.map { g in
      RateRow(
        group: g.rowGroup, opened: opened[g], reached2: reached[g, level: 2],
        reached3: reached[g, level: 3], reached4: reached[g, level: 4])
    }
  }
}
