import Testing

@testable import EscalationKit

/// The ticket-id interner's numbered look-ups and the sort-based duplicate finder against the
/// obvious answers (a dictionary; a pairwise scan), on sequences that exercise their shortcuts:
/// ascending and descending numbers, several prefixes, padded and unpadded digits, ids without
/// digits or with more than 18, and repeats near and far.
@Suite struct InternerAndDuplicateTests {
  /// A small deterministic generator (SplitMix64), so a failure repeats.
  struct Mix {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
  }

  static func ids(seed: UInt64, count: Int) -> [String] {
    var r = Mix(state: seed)
    var out: [String] = []
    var next = 1
    for _ in 0..<count {
      switch r.next(10) {
      case 0..<4:  // a new ticket, ascending
        out.append("INC\(String(repeating: "0", count: max(0, 7 - String(next).count)))\(next)")
        next += 1
      case 4:  // an unpadded id of another prefix, either way
        out.append("REQ-\(r.next(3000))")
      case 5:  // digits only, and a long run of digits
        out.append(
          r.next(2) == 0 ? "\(r.next(500))" : "X\(String(repeating: "9", count: 19))\(r.next(9))")
      case 6:  // no digits at all
        out.append("TICKET-\(["A", "B", "C", "AB"][r.next(4)])")
      default:  // a repeat: recent or anywhere
        if out.isEmpty {
          out.append("INC0000001")
        } else {
          let back = r.next(2) == 0 ? min(out.count, 1 + r.next(20)) : 1 + r.next(out.count)
          out.append(out[out.count - back])
        }
      }
    }
    return out
  }

  static func check(_ strings: [String]) {
    var numbered = ByteInterner(numbered: true)
    var expected: [String: Int] = [:]
    for s in strings {
      var bytes = Array(s.utf8)
      let got = bytes.withUnsafeMutableBufferPointer { numbered.intern(UnsafeBufferPointer($0)) }
      let want = expected[s] ?? expected.count
      let isNew = expected[s] == nil
      expected[s] = want
      #expect(got.id == want && got.isNew == isNew, "\(s)")
    }
    #expect(numbered.count == expected.count)
    #expect(numbered.strings == expected.sorted { $0.value < $1.value }.map(\.key))
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func numberedInternerAgreesWithADictionary(seed: UInt64) {
    let mixed = Self.ids(seed: seed, count: 20_000)
    Self.check(mixed)
    Self.check(mixed.reversed())
    // Descending then ascending numbers of one prefix, then every one again.
    let down = (1...3000).reversed().map { "ESC-\($0)" }
    Self.check(down + (2990...6000).map { "ESC-\($0)" } + down)
  }

  @Test func numberedLooksUpTheSameIDsAsPlain() {
    // Different prefixes that share numbers, digit counts that differ, a prefix seen later.
    let s = ["A1", "B1", "A01", "A1", "A2", "B2", "1", "01", "001", "B1", "A3", "C1", "A01", "C1"]
    Self.check(s)
    var plain = ByteInterner()
    var numbered = ByteInterner(numbered: true)
    for x in s {
      var b = Array(x.utf8)
      let p = b.withUnsafeMutableBufferPointer { plain.intern(UnsafeBufferPointer($0)).id }
      let n = b.withUnsafeMutableBufferPointer { numbered.intern(UnsafeBufferPointer($0)).id }
      #expect(p == n, "\(x)")
    }
    // A1 B1 A01 A2 B2 1 01 001 A3 C1: ten distinct.
    #expect(numbered.count == 10)
  }

  @Test(arguments: [7, 8] as [UInt64])
  func duplicateFinderAgreesWithAPairwiseScan(seed: UInt64) {
    var r = Mix(state: seed)
    var events: [Event] = []
    for k in 0..<3000 {
      if !events.isEmpty && r.next(5) == 0 {
        var e = events[r.next(events.count)]
        e.line = UInt32(k + 2)
        e.owner = UInt32(r.next(3))  // owner and note are not part of the key
        events.append(e)
        continue
      }
      var e = Event(
        ticket: UInt32(r.next(40)), time: Int64(r.next(30)) * 60,
        kind: [.open, .escalate, .resolve][r.next(3)], level: Level(rawValue: 1 + r.next(2)),
        category: r.next(3) == 0 ? nil : CategoryKey(index: r.next(2)), line: UInt32(k + 2))
      e.note = UInt32(r.next(4))
      events.append(e)
    }
    var want: [(index: Int, line: UInt32)] = []
    for (i, e) in events.enumerated() {
      if let j = events[..<i].firstIndex(where: {
        $0.ticket == e.ticket && $0.time == e.time && $0.kind == e.kind
          && $0.levelRaw == e.levelRaw && $0.categoryRaw == e.categoryRaw
      }) {
        want.append((i, events[j].line))
      }
    }
    let (got, order) = DuplicateFinder.earlierEqual(events, ticketCount: 40)
    #expect(want.count > 500)
    #expect(got.map(\.index) == want.map(\.index))
    #expect(got.map(\.line) == want.map(\.line))
    // The order handed on to TicketOrder: that of a TicketOrder sorted afresh, before and
    // after the duplicates are dropped.
    var log = EventLog(source: "t", events: events, ticketIDs: (0..<40).map { "T\($0)" })
    let sorted = TicketOrder(log)
    #expect(order.map { $0.map { events[Int($0)] } } == sorted.events)
    let dropped = Set(got.map(\.index))
    log.events = events.indices.filter { !dropped.contains($0) }.map { events[$0] }
    let fresh = TicketOrder(log)
    log.ticketIndex = DuplicateFinder.without(got, order)
    let handed = TicketOrder(log)
    #expect(log.ticketIndex?.count == log.events.count)
    #expect(handed.events == fresh.events && handed.offsets == fresh.offsets)
    #expect(handed.timeRange?.first == fresh.timeRange?.first)
  }
}
