// Backlog: docs/metrics.md#backlog
//
// The tickets open at the as-of (started before it and not resolved, or reopened), oldest
// first (ties in input order), each with its category, current level, the role owning that
// level in the matrix in use, its opening time, the age of its current stay and its own age
// (both up to the as-of), and whether the current stay exceeds its SLA target (its category's
// own, else its level's), judged in the target's clock with paused time left out.

/// The tickets open at the as-of, collected ticket by ticket.
struct BacklogFigures {
  private(set) var tickets: [Int] = []

  /// Ticket `t`, open at the as-of.
  @inline(__always) mutating func count(open t: Int) { tickets.append(t) }

  /// The rows, oldest first.
  func rows(
    _ rec: Reconstruction, asOf: Int64, sla: SLAJudge?, matrix: Matrix, owners: [String] = [],
    id: (Int) -> String
  ) -> [BacklogRow] {
    let sorted = tickets.sorted { a, b in
      rec.start[a] != rec.start[b] ? rec.start[a] < rec.start[b] : a < b
    }
    return sorted.map { t in
      let last = rec.stays(of: t).upperBound - 1
      let level = Level(rawValue: Int(rec.level[t])) ?? Level.all[0]
      let atLevel = max(asOf - rec.stayStart[last], 0)
      var breach: Bool? = nil
      var clock: BacklogSLA? = nil
      if let sla, let target = sla.target(stay: last, ticket: t, rec) {
        let elapsed = sla.elapsed(stay: last, ticket: t, to: rec.stayEnd(last, asOf: asOf), rec)
        breach = elapsed > target
        clock = BacklogSLA(
          elapsed: elapsed, target: target,
          clock: sla.targets.clock(level: level.rawValue, category: Int(rec.category[t])))
      }
      var row = BacklogRow(
        ticket: id(t), group: RowGroup(index: Int(rec.category[t])), level: level,
        role: matrix.role(of: level), opened: rec.start[t], timeAtLevel: atLevel,
        age: max(asOf - rec.start[t], 0), slaBreach: breach,
        owner: OwnerFigures.name(t, rec, owners))
      row.sla = clock
      return row
    }
  }
}
