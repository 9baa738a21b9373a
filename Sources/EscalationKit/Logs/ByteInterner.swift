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
  private var hashes: [UInt64] = []
  /// Open-addressing table of `id + 1` (0 = empty).
  private var slots: [UInt32]
  private var mask: Int

  init(capacity: Int = 16) {
    var n = 16
    while n < capacity * 2 { n <<= 1 }
    slots = [UInt32](repeating: 0, count: n)
    mask = n - 1
  }

  /// Number of distinct strings.
  var count: Int { hashes.count }

  @inline(__always)
  static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
    // FNV-1a, 8 bytes at a time for the bulk, then a final mix.
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    guard let p = b.baseAddress else { return h }
    let n = b.count
    var i = 0
    while i + 8 <= n {
      let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
      h = (h ^ w) &* 0x0000_0100_0000_01B3
      h ^= h >> 29
      i += 8
    }
    while i < n {
      h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01B3
      i += 1
    }
    h ^= UInt64(n)
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    return h
  }

  /// The number of `bytes`, adding it when new.
  @inline(__always)
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int, isNew: Bool) {
    let h = ByteInterner.hash(bytes)
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let v = slots[slot]
      if v == 0 { break }
      let id = Int(v) - 1
      if hashes[id] == h && equals(id, bytes) { return (id, false) }
      slot = (slot + 1) & mask
    }
    let id = hashes.count
    hashes.append(h)
    arena.append(contentsOf: bytes)
    starts.append(arena.count)
    slots[slot] = UInt32(id + 1)
    if hashes.count * 2 > slots.count { grow() }
    return (id, true)
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
    slots = [UInt32](repeating: 0, count: n)
    mask = n - 1
    for id in 0..<hashes.count {
      var slot = Int(truncatingIfNeeded: hashes[id]) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = UInt32(id + 1)
    }
  }

  /// String `id` as text.
  func string(_ id: Int) -> String {
    arena.withUnsafeBufferPointer { a in
      String(decoding: UnsafeBufferPointer(rebasing: a[starts[id]..<starts[id + 1]]), as: UTF8.self)
    }
  }

  /// All strings in order.
  var strings: [String] { (0..<count).map(string) }
}

@inline(__always)
private func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
  var i = 0
  while i + 8 <= n {
    if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self)
      != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)
    {
      return false
    }
    i += 8
  }
  while i < n {
    if a[i] != b[i] { return false }
    i += 1
  }
  return true
}

/// Trims spaces, tabs and no-break spaces (U+00A0) around a field.
@inline(__always)
func trimmedField(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
  guard let p = b.baseAddress else { return b }
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
