// Owners: docs/metrics.md#owners
//
// Each ticket belongs to its owner at the as-of (the latest non-blank owner among the events
// used) and to the role owning its current level (its level at resolution when resolved) in
// the matrix in use. Per owner and per role: tickets opened in P, upward moves in P, tickets
// resolved in P, tickets open at the as-of, tickets with a stay over its level's SLA target
// (among the stays the SLA figures check; only with targets) and the median duration of those
// stays (ended in P, or open at the as-of counted up to it).

/// One owner's (or one role's) figures.
public struct OwnerRow: Sendable, Equatable {
  /// The owner's name ("" for the tickets without one), or the role's.
  public var name: String
  /// The level the role owns (`nil` on an owner row).
  public var level: Level?
  public var opened: Int
  /// Upward moves in P.
  public var escalations: Int
  public var resolved: Int
  /// Open at the as-of.
  public var open: Int
  /// Tickets with a breaching stay; `nil` without SLA targets.
  public var breached: Int?
  /// Median duration of the stays ended in P or open at the as-of, seconds.
  public var medianTimeAtLevel: Double?

  public init(
    name: String, level: Level? = nil, opened: Int = 0, escalations: Int = 0, resolved: Int = 0,
    open: Int = 0, breached: Int? = nil, medianTimeAtLevel: Double? = nil
  ) {
    self.name = name
    self.level = level
    self.opened = opened
    self.escalations = escalations
    self.resolved = resolved
    self.open = open
    self.breached = breached
    self.medianTimeAtLevel = medianTimeAtLevel
  }
}

/// The owners' and the roles' figures.
public struct OwnersSection: Sendable, Equatable {
  /// Owners by name (byte order), the tickets without an owner last; an owner with no figure
  /// in the period is left out.
  public var byOwner: [OwnerRow]
  /// One row per level, named by the role owning it.
  public var byRole: [OwnerRow]
  public init(byOwner: [OwnerRow] = [], byRole: [OwnerRow] = []) {
    self.byOwner = byOwner
    self.byRole = byRole
  }
}

/// The per-owner and per-role counts, collected ticket by ticket. Slot 0 is "no owner"; slot
/// `k` is ``EventLog/owners``[k - 1]. Levels are slots 1…4 of the role arrays. The stay
/// durations are only counted in the pass; ``section(names:matrix:sla:rec:period:)`` collects
/// them in a second walk into one buffer (no array per slot grown stay by stay).
struct OwnerFigures {
  struct Slot {
    var opened = 0
    var escalations = 0
    var resolved = 0
    var open = 0
    var breached = 0
    /// Stays counted (ended in P, or open at the as-of).
    var stays = 0
    var any: Bool { opened + escalations + resolved + open + stays > 0 }
  }
  var owners: [Slot]
  var roles = [Slot](repeating: Slot(), count: 5)

  init(ownerCount: Int) { owners = [Slot](repeating: Slot(), count: ownerCount + 1) }

  /// The slot of ticket `t`'s owner (an index outside the names counts as no owner).
  @inline(__always) static func slot(_ t: Int, _ rec: Reconstruction, owners: Int) -> Int {
    let o = Int(rec.owner[t])
    return o < owners ? o : 0
  }

  /// An upward move in P of ticket `t`.
  @inline(__always) mutating func moved(_ t: Int, _ rec: Reconstruction) {
    owners[OwnerFigures.slot(t, rec, owners: owners.count)].escalations += 1
    roles[Int(rec.level[t])].escalations += 1
  }

  /// The end stay `s` is counted up to (ended in P, or open at the as-of: up to it); `nil`
  /// when it is not counted.
  @inline(__always) static func countedEnd(
    _ s: Int, _ rec: Reconstruction, _ period: ResolvedPeriod
  )
    -> Int64?
  {
    let end = rec.stayEnd[s]
    if end == Reconstruction.never { return max(period.asOf, rec.stayStart[s]) }
    return end >= period.start && end < period.end ? end : nil
  }

  /// Ticket `t` (started), with what the pass found about it: `breached` when one of the
  /// stays the SLA figures check breaches (``SLAFigures/count(ticket:in:_:period:)``, which
  /// judges the same stays: those counted here that have a target).
  @inline(__always) mutating func count(
    ticket t: Int, _ rec: Reconstruction, period: ResolvedPeriod, breached: Bool,
    opened: Bool, resolved: Bool, open: Bool
  ) {
    let o = OwnerFigures.slot(t, rec, owners: owners.count)
    let l = Int(rec.level[t])
    var stays = 0
    for s in rec.stays(of: t) where OwnerFigures.countedEnd(s, rec, period) != nil {
      stays += 1
    }
    let b = breached ? 1 : 0
    let op = opened ? 1 : 0
    let re = resolved ? 1 : 0
    let on = open ? 1 : 0
    owners[o].opened += op
    owners[o].resolved += re
    owners[o].open += on
    owners[o].breached += b
    owners[o].stays += stays
    roles[l].opened += op
    roles[l].resolved += re
    roles[l].open += on
    roles[l].breached += b
    roles[l].stays += stays
  }

  /// The median stay duration of each owner slot and each role slot: the durations of the
  /// counted stays of every started ticket, gathered slot by slot into one buffer per kind (a
  /// counting sort) in one walk, then each slot's median (``Statistics/median(of:)``).
  static func medians(
    owners: [Slot], roles: [Slot], _ rec: Reconstruction, _ period: ResolvedPeriod
  ) -> (owners: [Double?], roles: [Double?]) {
    func offsets(_ slots: [Slot]) -> [Int] {
      var offsets = [Int](repeating: 0, count: slots.count + 1)
      for (k, slot) in slots.enumerated() { offsets[k + 1] = offsets[k] + slot.stays }
      return offsets
    }
    let ownerOffsets = offsets(owners)
    let roleOffsets = offsets(roles)
    var nextOwner = ownerOffsets
    var nextRole = roleOffsets
    var byOwner = [Int64](repeating: 0, count: ownerOffsets[owners.count])
    var byRole = [Int64](repeating: 0, count: roleOffsets[roles.count])
    byOwner.withUnsafeMutableBufferPointer { dOwner in
      byRole.withUnsafeMutableBufferPointer { dRole in
        for t in 0..<rec.ticketCount where rec.start[t] != Reconstruction.never {
          let o = slot(t, rec, owners: owners.count)
          let l = Int(rec.level[t])
          for s in rec.stays(of: t) {
            guard let to = countedEnd(s, rec, period) else { continue }
            let d = to - rec.stayStart[s]
            dOwner[nextOwner[o]] = d
            nextOwner[o] += 1
            dRole[nextRole[l]] = d
            nextRole[l] += 1
          }
        }
      }
    }
    func medians(_ durations: [Int64], _ offsets: [Int]) -> [Double?] {
      durations.withUnsafeBufferPointer { d in
        (0..<(offsets.count - 1)).map { k in
          Statistics.median(of: UnsafeBufferPointer(rebasing: d[offsets[k]..<offsets[k + 1]]))
        }
      }
    }
    return (medians(byOwner, ownerOffsets), medians(byRole, roleOffsets))
  }

  static func row(_ s: Slot, median: Double?, name: String, level: Level?, sla: Bool) -> OwnerRow {
    OwnerRow(
      name: name, level: level, opened: s.opened, escalations: s.escalations,
      resolved: s.resolved, open: s.open, breached: sla ? s.breached : nil,
      medianTimeAtLevel: median)
  }

  /// The name of ticket `t`'s owner ("" when none).
  static func name(_ t: Int, _ rec: Reconstruction, _ names: [String]) -> String {
    let o = Int(rec.owner[t])
    return o >= 1 && o <= names.count ? names[o - 1] : ""
  }

  func section(
    names: [String], matrix: Matrix, sla: Bool, rec: Reconstruction, period: ResolvedPeriod
  ) -> OwnersSection {
    let (ownerMedians, roleMedians) = OwnerFigures.medians(
      owners: owners, roles: roles, rec, period)
    var byOwner: [OwnerRow] = []
    for k in 1..<owners.count where owners[k].any {
      byOwner.append(
        OwnerFigures.row(
          owners[k], median: ownerMedians[k], name: names[k - 1], level: nil, sla: sla))
    }
    byOwner.sort { a, b in Array(a.name.utf8).lexicographicallyPrecedes(Array(b.name.utf8)) }
    if owners[0].any {
      byOwner.append(
        OwnerFigures.row(owners[0], median: ownerMedians[0], name: "", level: nil, sla: sla))
    }
    let byRole = Level.all.map { l in
      OwnerFigures.row(
        roles[l.rawValue], median: roleMedians[l.rawValue], name: matrix.role(of: l), level: l,
        sla: sla)
    }
    return OwnersSection(byOwner: byOwner, byRole: byRole)
  }
}
