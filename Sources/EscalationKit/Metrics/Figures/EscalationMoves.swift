// Escalations in the period: docs/metrics.md#escalations-in-the-period
//
// The upward moves (a change to a higher level, whatever the event's word) whose time is in
// P, per category (the ticket's latest category) and target level 2, 3, 4, and in total. A
// ticket moved twice counts twice; a move down is not an escalation.

/// The counts of the upward moves, collected move by move.
struct EscalationMoveFigures {
  /// Moves in P by target level (2…4; level 1 stays 0).
  private(set) var moves = PerGroupLevel(0)

  /// An upward move in P of a ticket in group `g`, to level `target` (2…4).
  @inline(__always) mutating func count(moveIn g: GroupSlot, to target: Int) {
    moves.add(1, to: g, level: target)
  }

  /// Every move in P.
  var total: Int { moves.row(.total, levels: 2...4).reduce(0, +) }

  func rows(_ slots: [GroupSlot]) -> [EscalationMovesRow] {
    slots.map { EscalationMovesRow(group: $0.rowGroup, toLevel: moves.row($0, levels: 2...4)) }
  }
}
