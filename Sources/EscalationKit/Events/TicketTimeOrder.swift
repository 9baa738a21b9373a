/// The positions of `events` grouped by ticket (`offsets`: `ticketCount + 1` offsets, from
/// the number of events of each ticket) and ordered by time within a ticket, input order
/// breaking ties, with their times beside them: 12 bytes an event, not a copy of the events.
/// Shared by ``TicketOrder``, the duplicates' search and the cache
/// (``EventCacheCodec/ticketPermutation(_:)``).
func ticketTimeOrder(_ events: [Event], offsets: [Int]) -> (times: [Int64], index: [UInt32]) {
  let count = events.count
  let ticketCount = offsets.count - 1
  var times: [Int64] = HugePages.array(repeating: 0, count: count)
  var index: [UInt32] = HugePages.array(repeating: 0, count: count)
  events.withUnsafeBufferPointer { ev in
    times.withUnsafeMutableBufferPointer { tm in
      index.withUnsafeMutableBufferPointer { ix in
        // Counting sort by ticket: a scatter that keeps input order within a ticket.
        var next = offsets
        for k in 0..<count {
          let t = Int(ev[k].ticket)
          tm[next[t]] = ev[k].time
          ix[next[t]] = UInt32(truncatingIfNeeded: k)
          next[t] += 1
        }
        // Within a ticket, order by time with a stable insertion sort (groups are small and
        // usually already in order): equal times keep input order.
        for t in 0..<ticketCount where offsets[t + 1] - offsets[t] > 1 {
          sortRunByTime(tm, ix, offsets[t], offsets[t + 1])
        }
      }
    }
  }
  return (times, index)
}

/// Sorts `times[from..<to]` with a stable insertion sort, moving `index` alike.
@inline(__always)
func sortRunByTime(
  _ times: UnsafeMutableBufferPointer<Int64>, _ index: UnsafeMutableBufferPointer<UInt32>,
  _ from: Int, _ to: Int
) {
  guard to - from > 1 else { return }
  for k in (from + 1)..<to where times[k - 1] > times[k] {
    let v = times[k]
    let x = index[k]
    var j = k - 1
    while j >= from && times[j] > v {
      times[j + 1] = times[j]
      index[j + 1] = index[j]
      j -= 1
    }
    times[j + 1] = v
    index[j + 1] = x
  }
}
