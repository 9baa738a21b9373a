/// Reads back what ``CacheWriter`` wrote, checking every length against the bytes left and
/// every index against its table: a bad value throws ``CacheReader/Malformed``, never traps.
struct CacheReader {
  struct Malformed: Error {}

  private let base: UnsafeRawBufferPointer
  private var position = 0

  init(_ bytes: UnsafeRawBufferPointer) { base = bytes }

  var remaining: Int { base.count - position }

  private mutating func take(_ n: Int) throws(Malformed) -> Int {
    guard n >= 0, n <= remaining else { throw Malformed() }
    defer { position += n }
    return position
  }

  mutating func u8() throws(Malformed) -> UInt8 { base[try take(1)] }

  mutating func u64() throws(Malformed) -> UInt64 {
    UInt64(littleEndian: base.loadUnaligned(fromByteOffset: try take(8), as: UInt64.self))
  }

  /// A count or a length: at most what the bytes left could hold (and an `Int`).
  mutating func count() throws(Malformed) -> Int {
    let v = try u64()
    guard v <= UInt64(remaining) else { throw Malformed() }
    return Int(v)
  }

  mutating func i64() throws(Malformed) -> Int64 { Int64(bitPattern: try u64()) }

  mutating func string() throws(Malformed) -> String {
    let n = try count()
    let at = try take(n)
    return String(decoding: UnsafeRawBufferPointer(rebasing: base[at..<at + n]), as: UTF8.self)
  }

  /// A string table (see ``CacheWriter/table(_:)``).
  mutating func table() throws(Malformed) -> [String] {
    let n = try count()
    let lengths = try take(n * 4)
    var total = 0
    for i in 0..<n {
      total += Int(
        UInt32(
          littleEndian: base.loadUnaligned(fromByteOffset: lengths + 4 * i, as: UInt32.self)))
      // Checked as it grows, so that the sum never overflows.
      guard total <= remaining else { throw Malformed() }
    }
    var at = try take(total)
    var out: [String] = []
    out.reserveCapacity(n)
    for i in 0..<n {
      let len = Int(
        UInt32(
          littleEndian: base.loadUnaligned(fromByteOffset: lengths + 4 * i, as: UInt32.self)))
      out.append(
        String(decoding: UnsafeRawBufferPointer(rebasing: base[at..<at + len]), as: UTF8.self))
      at += len
    }
    return out
  }

  /// A string table checked and passed over: its number of strings.
  mutating func skipTable() throws(Malformed) -> Int {
    let n = try count()
    let lengths = try take(n * 4)
    var total = 0
    for i in 0..<n {
      total += Int(
        UInt32(
          littleEndian: base.loadUnaligned(fromByteOffset: lengths + 4 * i, as: UInt32.self)))
      guard total <= remaining else { throw Malformed() }
    }
    _ = try take(total)
    return n
  }

  /// The events (see ``CacheWriter/events(_:order:)``), each checked: kind, level and category
  /// in range, ticket, owner and note indexes within their tables, in ticket order (ticket,
  /// time, input position strictly increasing), the positions a permutation. In input order;
  /// or with `figuresOnly` as stored, with the offsets of each ticket's events and without
  /// their notes (note 0).
  mutating func events(tickets: Int, owners: Int, notes: Int, figuresOnly inTicketOrder: Bool)
    throws(Malformed) -> (events: [Event], offsets: [Int]?)
  {
    let n = try count()
    let size = EventCacheCodec.eventSize
    guard n <= remaining / (size + 4), n <= Int(UInt32.max) else { throw Malformed() }
    let start = try take(n * size)
    let positions = try take(n * 4)
    let b = base
    var bad = false
    // Input mode: which positions were filled (each exactly once, so all of them).
    var filled = inTicketOrder ? [] : [UInt64](repeating: 0, count: (n + 63) / 64)
    let events = [Event](unsafeUninitializedCapacity: n) { out, made in
      var p = start
      var previous: (ticket: UInt32, time: Int64, position: UInt32)? = nil
      for i in 0..<n {
        let kind = b[p + 24]
        let level = b[p + 25]
        let category = b[p + 26]
        let repeats = b[p + 27]
        let time = Int64(littleEndian: b.loadUnaligned(fromByteOffset: p, as: Int64.self))
        let ticket = UInt32(littleEndian: b.loadUnaligned(fromByteOffset: p + 8, as: UInt32.self))
        let owner = UInt32(littleEndian: b.loadUnaligned(fromByteOffset: p + 12, as: UInt32.self))
        let note = UInt32(littleEndian: b.loadUnaligned(fromByteOffset: p + 16, as: UInt32.self))
        let line = UInt32(littleEndian: b.loadUnaligned(fromByteOffset: p + 20, as: UInt32.self))
        let position = UInt32(
          littleEndian: b.loadUnaligned(fromByteOffset: positions + 4 * i, as: UInt32.self))
        guard let k = EventKind(rawValue: kind), level <= 4, category <= 8, repeats <= 1,
          Int(ticket) < tickets, Int(owner) <= owners, Int(note) <= notes, Int(position) < n
        else {
          bad = true
          return
        }
        if let q = previous, (q.ticket, q.time, q.position) >= (ticket, time, position) {
          bad = true
          return
        }
        previous = (ticket, time, position)
        var e = Event(
          ticket: ticket, time: time, kind: k, level: nil, category: nil, owner: owner,
          note: note, line: line)
        e.levelRaw = level
        e.categoryRaw = category
        e.repeatsState = repeats == 1
        if inTicketOrder {
          e.note = 0
          (out.baseAddress! + i).initialize(to: e)
        } else {
          let word = Int(position) >> 6
          let bit = UInt64(1) << UInt64(position & 63)
          guard filled[word] & bit == 0 else {
            bad = true
            return
          }
          filled[word] |= bit
          (out.baseAddress! + Int(position)).initialize(to: e)
        }
        p += size
      }
      // Events are trivial values: nothing to deinitialize when refused.
      made = n
    }
    if bad { throw Malformed() }
    guard inTicketOrder else { return (events, nil) }
    var offsets = [Int](repeating: 0, count: tickets + 1)
    for e in events { offsets[Int(e.ticket) + 1] += 1 }
    for t in 0..<tickets { offsets[t + 1] += offsets[t] }
    return (events, offsets)
  }

  /// A finding (see ``CacheWriter/finding(_:)``).
  mutating func finding() throws(Malformed) -> Finding {
    let s = Int(try u8())
    let flags = try u8()
    guard s < Severity.allCases.count, flags <= 7 else { throw Malformed() }
    let line = try i64()
    let column = try i64()
    let code = try string()
    let file = try string()
    let message = try string()
    let sheet = try string()
    return Finding(
      code: code, severity: Severity.allCases[s], file: file,
      line: flags & 1 != 0 ? Int(line) : nil, column: flags & 2 != 0 ? Int(column) : nil,
      message: message, sheet: flags & 4 != 0 ? sheet : nil)
  }
}

/// A fast 64-bit checksum of the cache's bytes: four independent multiply-xorshift lanes over
/// 8-byte words, then the tail and the length. Not cryptographic: it tells a damaged or
/// truncated file from an intact one (any single changed word changes the result, as each
/// step is a bijection of its lane).
enum CacheChecksum {
  static func hash(_ b: UnsafeRawBufferPointer) -> UInt64 {
    let k: UInt64 = 0x9E37_79B9_7F4A_7C15
    var h0: UInt64 = 0x243F_6A88_85A3_08D3
    var h1: UInt64 = 0x1319_8A2E_0370_7344
    var h2: UInt64 = 0xA409_3822_299F_31D0
    var h3: UInt64 = 0x082E_FA98_EC4E_6C89
    let n = b.count
    var i = 0
    @inline(__always) func word(_ at: Int) -> UInt64 {
      UInt64(littleEndian: b.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }
    @inline(__always) func mix(_ h: inout UInt64, _ w: UInt64) {
      h = (h ^ w) &* k
      h ^= h >> 29
    }
    while i + 32 <= n {
      mix(&h0, word(i))
      mix(&h1, word(i + 8))
      mix(&h2, word(i + 16))
      mix(&h3, word(i + 24))
      i += 32
    }
    while i + 8 <= n {
      mix(&h0, word(i))
      i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < n {
      tail |= UInt64(b[i]) << shift
      shift += 8
      i += 1
    }
    mix(&h1, tail)
    var h = h0 ^ (h1 << 17 | h1 >> 47) ^ (h2 << 31 | h2 >> 33) ^ (h3 << 47 | h3 >> 17)
    mix(&h, UInt64(n))
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    return h
  }

  static func hash(_ s: String) -> UInt64 {
    var s = s
    return s.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
  }
}
