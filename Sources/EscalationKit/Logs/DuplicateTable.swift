/// An open-addressing set of used events keyed by (ticket, time, kind, level, category).
///
/// A slot holds `index + 1` in its low 32 bits and 32 bits of the hash in the high ones, so a
/// probe compares the stored event only when the fingerprints agree (one cache miss a look-up).
struct DuplicateTable {
  private var slots: [UInt64]
  private var mask: Int

  /// Sized for `expected` insertions at a load of at most one half; it never grows.
  init(expected: Int) {
    var n = 64
    while n < expected * 2 { n <<= 1 }
    slots = [UInt64](repeating: 0, count: n)
    mask = n - 1
  }

  @inline(__always)
  private static func hash(_ e: Event) -> UInt64 {
    var h = UInt64(bitPattern: e.time) &* 0x9E37_79B9_7F4A_7C15
    h ^= UInt64(e.ticket) &* 0xC2B2_AE3D_27D4_EB4F
    h ^= UInt64(e.kind.rawValue) << 8 | UInt64(e.levelRaw) << 16 | UInt64(e.categoryRaw) << 24
    h ^= h >> 31
    h = h &* 0xBF58_476D_1CE4_E5B9
    h ^= h >> 29
    return h
  }

  @inline(__always)
  private static func same(_ a: Event, _ b: Event) -> Bool {
    a.time == b.time && a.ticket == b.ticket && a.kind == b.kind && a.levelRaw == b.levelRaw
      && a.categoryRaw == b.categoryRaw
  }

  /// The line of an earlier used event equal to `e`, if any; otherwise records `e` as
  /// `events[index]` (the caller stores it there).
  @inline(__always)
  mutating func lineOfEarlier(_ e: Event, in events: UnsafeMutableBufferPointer<Event>, index: Int)
    -> UInt32?
  {
    let h = DuplicateTable.hash(e)
    let fp = h & 0xFFFF_FFFF_0000_0000
    var slot = Int(truncatingIfNeeded: h) & mask
    return slots.withUnsafeMutableBufferPointer { s in
      while true {
        let v = s[slot]
        if v == 0 {
          s[slot] = fp | UInt64(index + 1)
          return nil
        }
        if v & 0xFFFF_FFFF_0000_0000 == fp {
          let idx = Int(v & 0xFFFF_FFFF) - 1
          if DuplicateTable.same(events[idx], e) { return events[idx].line }
        }
        slot = (slot + 1) & mask
      }
    }
  }
}
