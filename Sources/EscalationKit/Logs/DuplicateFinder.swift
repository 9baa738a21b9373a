/// Finds the events equal to an earlier one in (ticket, time, kind, level, category).
///
/// A hash set of a million events misses the cache on nearly every look-up; instead the events'
/// positions are grouped by ticket and ordered by time (``ticketTimeOrder(_:offsets:)``, the
/// order of ``TicketOrder``), and equal keys are then neighbours.
enum DuplicateFinder {
  /// For each event equal to an earlier one: its index and the line of the first equal event,
  /// in index order (empty when there is none); and the positions of the events in ticket
  /// order (``ticketTimeOrder(_:offsets:)``), `nil` for fewer than two events.
  static func earlierEqual(_ events: [Event], ticketCount: Int) -> (
    [(index: Int, line: UInt32)], order: [UInt32]?
  ) {
    let n = events.count
    guard n > 1 else { return ([], nil) }
    var tickets = ticketCount
    for e in events where Int(e.ticket) >= tickets { tickets = Int(e.ticket) + 1 }
    let offsets = EventRecords.offsets(events, tickets: tickets)
    var found: [(index: Int, line: UInt32)] = []
    // Each event's time and position, by ticket then time; the rest of the key is read from
    // the event only when two times are equal.
    var (times, index) = ticketTimeOrder(events, offsets: offsets)
    events.withUnsafeBufferPointer { ev in
      times.withUnsafeMutableBufferPointer { tm in
        index.withUnsafeMutableBufferPointer { ix in
          for t in 0..<tickets where offsets[t + 1] - offsets[t] > 1 {
            collect(tm, ix, offsets[t], offsets[t + 1], ev, into: &found)
          }
        }
      }
    }
    found.sort { $0.index < $1.index }
    return (found, index)
  }

  /// `order` without the positions in `dropped` (ascending), the others renumbered as after
  /// their removal from the events.
  static func without(_ dropped: [(index: Int, line: UInt32)], _ order: [UInt32]?) -> [UInt32]? {
    guard let order else { return nil }
    // Positions → how many dropped events are before them (dropped ones: UInt32.max).
    var shift = [UInt32](repeating: 0, count: order.count)
    var d = 0
    for p in 0..<order.count {
      if d < dropped.count && dropped[d].index == p {
        shift[p] = .max
        d += 1
      } else {
        shift[p] = UInt32(d)
      }
    }
    var out: [UInt32] = []
    out.reserveCapacity(order.count - dropped.count)
    for p in order where shift[Int(p)] != .max { out.append(p - shift[Int(p)]) }
    return out
  }

  /// Appends the later events of each run of equal keys in positions `a..<b` (sorted by time,
  /// input order within a time).
  @inline(__always)
  private static func collect(
    _ tm: UnsafeMutableBufferPointer<Int64>, _ ix: UnsafeMutableBufferPointer<UInt32>, _ a: Int,
    _ b: Int, _ ev: UnsafeBufferPointer<Event>, into found: inout [(index: Int, line: UInt32)]
  ) {
    @inline(__always) func rest(_ e: Event) -> UInt32 {
      UInt32(e.kind.rawValue) | UInt32(e.levelRaw) << 8 | UInt32(e.categoryRaw) << 16
    }
    var g = a
    while g < b {
      var h = g + 1
      while h < b && tm[h] == tm[g] { h += 1 }
      // Positions g..<h: one time; compare each with those before it (usually none).
      if h - g > 1 {
        for x in (g + 1)..<h {
          let rx = rest(ev[Int(ix[x])])
          for y in g..<x where rest(ev[Int(ix[y])]) == rx {
            found.append((Int(ix[x]), ev[Int(ix[y])].line))
            break
          }
        }
      }
      g = h
    }
  }
}
