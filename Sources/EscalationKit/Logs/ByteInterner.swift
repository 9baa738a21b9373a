import CSVImport

/// A set of byte strings numbered in order of arrival, looked up without allocating.
///
/// The importer uses one for ticket ids, owners and notes (the numbers become the indexes of
/// ``EventLog``'s tables) and one per value column as a cache key (a column has few distinct
/// values, each resolved once).
struct ByteInterner {
  /// All strings, back to back.
  private var arena: [UInt8] = []
  /// Start offset of string `i` in `arena`; `starts[count]` is the end of the last one.
  private var starts: [Int] = [0]
  /// Open-addressing table: `id + 1` in the low 32 bits (0 = empty), the high 32 bits of the
  /// string's hash in the high ones, so that a probe touches the arena only on a likely match.
  private var slots: [UInt64]
  private var mask: Int
  /// Entries in `slots` (the others are `pending`).
  private var inTable = 0
  /// Numbered mode (see ``init(capacity:numbered:)``): `id + 1` of the last string seen whose
  /// number has these low 20 bits, 0 for none. Empty when not numbered.
  private var recent: [UInt32]
  /// Numbered mode: the prefix of the first numbered string and the lowest and highest
  /// (digit count, number) of the strings with that prefix.
  private var run: (prefix: [UInt8], low: NumberKey, high: NumberKey)?
  /// Numbered mode: strings known to be new (beyond `run`) that are not in `slots` yet.
  private var pending: [UInt32] = []

  /// `numbered`: look strings that end in a decimal number (ticket ids such as `INC0012345`,
  /// `PROJ-123`, `48213`) up by that number first.
  ///
  /// Trackers number tickets in the order they are opened, and a log's events fall on the
  /// tickets open at that time, numbers close together; the hash table spreads them over its
  /// whole width, a cache miss a look-up. Here a small table indexed by the number's low bits
  /// (4 MB, a million numbers) holds the tickets, its answer checked against the bytes; and an id whose
  /// number is beyond every number seen with its prefix is new without looking (a string is
  /// its prefix, its digit count and its number), so it goes to the hash table later, with
  /// others, when a look-up needs the table.
  init(capacity: Int = 16, numbered: Bool = false) {
    var n = 16
    while n < capacity * 2 { n <<= 1 }
    slots = HugePages.array(repeating: 0, count: n)
    mask = n - 1
    recent = numbered ? HugePages.array(repeating: 0, count: 1 << 20) : []
  }

  /// Number of distinct strings.
  var count: Int { starts.count - 1 }

  @inline(__always)
  static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
    // Multiply-xorshift over 8-byte words; the last word overlaps the one before it, and short
    // strings are read as two overlapping halves, so there is no byte-by-byte tail.
    let k: UInt64 = 0x9E37_79B9_7F4A_7C15
    let n = b.count
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(truncatingIfNeeded: n) &* k
    if let p = b.baseAddress, n > 0 {
      let r = UnsafeRawPointer(p)
      if n >= 8 {
        var i = 0
        while i + 8 < n {
          h = (h ^ r.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
          h ^= h >> 29
          i += 8
        }
        h = (h ^ r.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) &* k
      } else if n >= 4 {
        let lo = UInt64(r.loadUnaligned(as: UInt32.self))
        let hi = UInt64(r.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
        h = (h ^ (lo | hi << 32)) &* k
      } else {
        h = (h ^ (UInt64(p[0]) | UInt64(p[n >> 1]) << 8 | UInt64(p[n - 1]) << 16)) &* k
      }
    }
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    return h
  }

  /// Starts loading the table slot a look-up of `bytes` starts from, and returns the string's
  /// hash for ``intern(_:hash:)``: called a few cells before the look-up, the cache miss
  /// overlaps with reading them.
  @inline(__always)
  mutating func prefetch(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let h = ByteInterner.hash(bytes)
    let slot = Int(truncatingIfNeeded: h >> 32) & mask
    slots.withUnsafeBufferPointer { prefetchForRead($0.baseAddress! + slot) }
    return h
  }

  /// ``intern(_:)`` with the hash ``prefetch(_:)`` returned (not for numbered interners).
  @inline(__always)
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> (
    id: Int, isNew: Bool
  ) {
    internHashed(bytes, hash: h)
  }

  /// The number of `bytes`, adding it when new.
  @inline(__always)
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int, isNew: Bool) {
    guard !recent.isEmpty, let (number, digits) = ByteInterner.trailingNumber(bytes) else {
      return internHashed(bytes)
    }
    let r = Int(truncatingIfNeeded: number & 0xF_FFFF)
    let guess = Int(recent[r]) - 1
    if guess >= 0 && equals(guess, bytes) { return (guess, false) }
    let found = internNumbered(bytes, key: NumberKey(digits: digits, number: number))
    recent[r] = UInt32(truncatingIfNeeded: found.id + 1)
    return found
  }

  /// A numbered string's digit count and number, in that order of comparison.
  struct NumberKey: Comparable {
    var digits: Int
    var number: UInt64
    static func < (a: NumberKey, b: NumberKey) -> Bool {
      a.digits != b.digits ? a.digits < b.digits : a.number < b.number
    }
  }

  private mutating func internNumbered(_ bytes: UnsafeBufferPointer<UInt8>, key: NumberKey)
    -> (id: Int, isNew: Bool)
  {
    let prefix = UnsafeBufferPointer(rebasing: bytes[0..<(bytes.count - key.digits)])
    let same = run.map { $0.prefix.elementsEqual(prefix) } ?? false
    if same, let r = run, key > r.high || key < r.low {
      let id = append(bytes)
      pending.append(UInt32(truncatingIfNeeded: id))
      run = (r.prefix, min(r.low, key), max(r.high, key))
      return (id, true)
    }
    let found = internHashed(bytes)
    if same, let r = run {
      run = (r.prefix, min(r.low, key), max(r.high, key))
    } else if run == nil {
      run = (Array(prefix), key, key)
    }
    return found
  }

  /// The value and digit count of the 1 to 18 decimal digits that end `b`; `nil` when it does
  /// not end in a digit.
  @inline(__always)
  static func trailingNumber(_ b: UnsafeBufferPointer<UInt8>) -> (UInt64, Int)? {
    guard let p = b.baseAddress else { return nil }
    var n = b.count
    var number: UInt64 = 0
    var scale: UInt64 = 1
    var digits = 0
    while n > 0 && digits < 18 {
      let d = p[n - 1] &- 0x30
      guard d < 10 else { break }
      number &+= UInt64(d) &* scale
      scale &*= 10
      n -= 1
      digits += 1
    }
    return digits > 0 ? (number, digits) : nil
  }

  @inline(__always)
  private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let id = count
    arena.append(contentsOf: bytes)
    starts.append(arena.count)
    return id
  }

  @inline(__always)
  private mutating func internHashed(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int, isNew: Bool)
  {
    internHashed(bytes, hash: ByteInterner.hash(bytes))
  }

  @inline(__always)
  private mutating func internHashed(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> (
    id: Int, isNew: Bool
  ) {
    if !pending.isEmpty { flushPending() }
    let fp = h & 0xFFFF_FFFF_0000_0000
    // The slot comes from the same high bits as the fingerprint, so that `grow` can place every
    // entry again from the table alone, without reading (and missing the cache on) the arena.
    var slot = Int(truncatingIfNeeded: h >> 32) & mask
    while true {
      let v = slots[slot]
      if v == 0 { break }
      if v & 0xFFFF_FFFF_0000_0000 == fp {
        let id = Int(truncatingIfNeeded: v & 0xFFFF_FFFF) - 1
        if equals(id, bytes) { return (id, false) }
      }
      slot = (slot + 1) & mask
    }
    let id = append(bytes)
    slots[slot] = fp | UInt64(id + 1)
    inTable += 1
    if inTable * 2 > slots.count { grow() }
    return (id, true)
  }

  /// Puts the pending strings (all distinct and new) into `slots`: independent probes, which
  /// the processor overlaps.
  private mutating func flushPending() {
    while (inTable + pending.count) * 2 > slots.count { grow() }
    let m = mask
    arena.withUnsafeBufferPointer { a in
      starts.withUnsafeBufferPointer { st in
        slots.withUnsafeMutableBufferPointer { t in
          for p in pending {
            let id = Int(p)
            let h = ByteInterner.hash(UnsafeBufferPointer(rebasing: a[st[id]..<st[id + 1]]))
            var slot = Int(truncatingIfNeeded: h >> 32) & m
            while t[slot] != 0 { slot = (slot + 1) & m }
            t[slot] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
          }
        }
      }
    }
    inTable += pending.count
    pending.removeAll(keepingCapacity: true)
  }

  @inline(__always)
  private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let s = starts[id]
    let e = starts[id + 1]
    guard e - s == bytes.count else { return false }
    if bytes.isEmpty { return true }
    return arena.withUnsafeBufferPointer { a in
      memcmpBytes(a.baseAddress! + s, bytes.baseAddress!, bytes.count)
    }
  }

  private mutating func grow() {
    let n = slots.count * 2
    var table: [UInt64] = HugePages.array(repeating: 0, count: n)
    let m = n - 1
    table.withUnsafeMutableBufferPointer { t in
      for v in slots where v != 0 {
        var slot = Int(truncatingIfNeeded: v >> 32) & m
        while t[slot] != 0 { slot = (slot + 1) & m }
        t[slot] = v
      }
    }
    slots = table
    mask = m
  }

  /// String `id` as text.
  func string(_ id: Int) -> String {
    arena.withUnsafeBufferPointer { a in
      String(decoding: UnsafeBufferPointer(rebasing: a[starts[id]..<starts[id + 1]]), as: UTF8.self)
    }
  }

  /// All strings in order.
  var strings: [String] { (0..<count).map(string) }

  /// All strings in order as a table: the interner's bytes, handed over (no copy when the
  /// interner is not used after).
  var table: StringTable { StringTable(bytes: arena, starts: starts) }
}

@inline(__always)
private func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
  let ra = UnsafeRawPointer(a)
  let rb = UnsafeRawPointer(b)
  if n >= 8 {
    // Whole words, then the last word (overlapping the previous one).
    var i = 0
    while i + 8 < n {
      if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      {
        return false
      }
      i += 8
    }
    return ra.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
      == rb.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
  }
  var i = 0
  while i < n {
    if a[i] != b[i] { return false }
    i += 1
  }
  return true
}

/// Trims spaces, tabs and no-break spaces (U+00A0) around a field.
@inline(__always)
func trimmedField(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
  guard let p = b.baseAddress, b.count > 0 else { return b }
  // Nearly every cell has nothing to trim: decide from its first and last bytes.
  let f = p[0]
  let l = p[b.count - 1]
  if f != 0x20 && f != 0x09 && f != 0xC2 && l != 0x20 && l != 0x09 && l != 0xA0 { return b }
  var lo = 0
  var hi = b.count
  while lo < hi {
    if p[lo] == 0x20 || p[lo] == 0x09 {
      lo += 1
    } else if p[lo] == 0xC2 && lo + 1 < hi && p[lo + 1] == 0xA0 {
      lo += 2
    } else {
      break
    }
  }
  while hi > lo {
    if p[hi - 1] == 0x20 || p[hi - 1] == 0x09 {
      hi -= 1
    } else if hi - 2 >= lo && p[hi - 2] == 0xC2 && p[hi - 1] == 0xA0 {
      hi -= 2
    } else {
      break
    }
  }
  return UnsafeBufferPointer(start: p + lo, count: hi - lo)
}
