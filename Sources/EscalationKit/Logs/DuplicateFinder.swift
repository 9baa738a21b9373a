/// Finds the events equal to an earlier one in (ticket, time, kind, level, category).
///
/// A hash set of a million events misses the cache on nearly every look-up; instead the events'
/// keys are scattered by ticket (a counting sort, input order kept within a ticket), ordered by
/// time within a ticket (groups are small and nearly in order), and equal keys are then
/// neighbours.
enum DuplicateFinder {
  /// One event's key; `index` is its position in the log (input order).
  private struct Key {
    var time: Int64
    var rest: UInt32
    var index: UInt32
  }

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
    events.withUnsafeBufferPointer { ev in
      var keys = HugePages.array(repeating: Key(time: 0, rest: 0, index: 0), count: n)
      keys.withUnsafeMutableBufferPointer { out in
        var next = offsets
        for k in 0..<n {
          let e = ev[k]
          let t = Int(e.ticket)
          out[next[t]] = Key(
            time: e.time,
            rest: UInt32(e.kind.rawValue) | UInt32(e.levelRaw) << 8 | UInt32(e.categoryRaw) << 16,
            index: UInt32(k))
          next[t] += 1
        }
        for t in 0..<tickets {
          let a = offsets[t]
          let b = offsets[t + 1]
          guard b - a > 1 else { continue }
          sortRunByTime(out, a, b) { $0.time }
          collect(out, a, b, ev, into: &found)
        }
      }
    }
    found.sort { $0.index < $1.index }
    return found
  }

  /// Appends the later events of each run of equal keys in `k[a..<b]` (sorted by time, input
  /// order within a time).
  @inline(__always)
  private static func collect(
    _ k: UnsafeMutableBufferPointer<Key>, _ a: Int, _ b: Int, _ ev: UnsafeBufferPointer<Event>,
    into found: inout [(index: Int, line: UInt32)]
  ) {
    var g = a
    while g < b {
      var h = g + 1
      while h < b && k[h].time == k[g].time { h += 1 }
      // k[g..<h]: one time; compare each with those before it (usually none).
      if h - g > 1 {
        for x in (g + 1)..<h {
          for y in g..<x where k[y].rest == k[x].rest {
            found.append((Int(k[x].index), ev[Int(k[y].index)].line))
            break
          }
        }
      }
      g = h
    }
  }
}
