/// Finds the events equal to an earlier one in (ticket, time, kind, level, category).
///
/// A hash set of a million events misses the cache on nearly every look-up; instead the events'
/// positions are grouped by ticket and ordered by time (``ticketTimeOrder(_:offsets:)``, the
/// order of ``TicketOrder``), and equal keys are then neighbours.
enum DuplicateFinder {
  /// For each event equal to an earlier one: its index and the line of the first equal event,
  /// in index order. Empty when there is none.
  static func earlierEqual(_ events: [Event], ticketCount: Int) -> [(index: Int, line: UInt32)] {
    let n = events.count
    guard n > 1 else { return [] }
    var tickets = ticketCount
    for e in events where Int(e.ticket) >= tickets { tickets = Int(e.ticket) + 1 }
    var offsets: [Int] = HugePages.array(repeating: 0, count: tickets + 1)
    for e in events { offsets[Int(e.ticket) + 1] += 1 }
    for t in 0..<tickets { offsets[t + 1] += offsets[t] }
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
    return found
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
