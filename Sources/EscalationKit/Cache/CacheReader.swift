/// Reads back what ``CacheWriter`` wrote, checking every length against the bytes left and
/// every index against its table: a bad value throws ``CacheReader/Malformed``, never traps.
struct CacheReader {
  struct Malformed: Error {}

  private let base: UnsafeRawBufferPointer
  private(set) var position = 0

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

  /// A number that is not a count of what follows: any non-negative `Int`.
  mutating func number() throws(Malformed) -> Int {
    let v = try u64()
    guard v <= UInt64(Int.max) else { throw Malformed() }
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
    let (n, lengths, start) = try tableBounds()
    var at = start
    var out: [String] = []
    out.reserveCapacity(n)
    for i in 0..<n {
      let len = length(lengths, i)
      out.append(
        String(decoding: UnsafeRawBufferPointer(rebasing: base[at..<at + len]), as: UTF8.self))
      at += len
    }
    return out
  }

  /// A string table as one (its bytes copied once, no `String` made).
  mutating func stringTable() throws(Malformed) -> StringTable {
    let (n, lengths, start) = try tableBounds()
    var starts = [Int](repeating: 0, count: n + 1)
    for i in 0..<n { starts[i + 1] = starts[i] + length(lengths, i) }
    let bytes = [UInt8](UnsafeRawBufferPointer(rebasing: base[start..<start + starts[n]]))
    // Text the import wrote is UTF-8; anything else is a damaged entry.
    guard String(validating: bytes, as: UTF8.self) != nil else { throw Malformed() }
    return StringTable(bytes: bytes, starts: starts)
  }

  /// A string table checked and passed over: its number of strings.
  mutating func skipTable() throws(Malformed) -> Int {
    try tableBounds().count
  }

  /// Checks a string table and passes over it: its number of strings, where its lengths are
  /// and where its bytes start.
  private mutating func tableBounds() throws(Malformed) -> (count: Int, lengths: Int, bytes: Int) {
    let n = try count()
    let lengths = try take(n * 4)
    var total = 0
    for i in 0..<n {
      total += length(lengths, i)
      // Checked as it grows, so that the sum never overflows.
      guard total <= remaining else { throw Malformed() }
    }
    return (n, lengths, try take(total))
  }

  /// The length of string `i` of the table whose lengths start at `lengths`.
  private func length(_ lengths: Int, _ i: Int) -> Int {
    Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: lengths + 4 * i, as: UInt32.self)))
  }

  /// The number of events, then the zero bytes up to the records (a payload offset that is
  /// a multiple of 32; this reader's bytes are the payload).
  mutating func eventCount() throws(Malformed) -> Int {
    let v = try u64()
    while position % EventCacheCodec.eventSize != 0 {
      guard try u8() == 0 else { throw Malformed() }
    }
    guard v <= UInt64(remaining / EventCacheCodec.eventSize) else { throw Malformed() }
    return Int(v)
  }

  /// The `n` event records (see ``CacheWriter/events(_:order:)``), each checked
  /// (``EventRecords/check(_:count:tickets:owners:notes:)``). In input order; or with
  /// `figuresOnly` as stored, with the offsets of each ticket's events and without their
  /// notes (note 0).
  mutating func events(
    _ n: Int, tickets: Int, owners: Int, notes: Int, figuresOnly inTicketOrder: Bool
  ) throws(Malformed) -> (events: [Event], offsets: [Int]?) {
    let size = EventCacheCodec.eventSize
    let start = try take(n * size)
    let records = UnsafeRawBufferPointer(rebasing: base[start..<start + n * size])
    guard
      EventRecords.check(records, count: n, tickets: tickets, owners: owners, notes: notes)
    else { throw Malformed() }
    let b = records
    // Checked above: the positions are each position once, so every slot is filled once.
    let events = [Event](unsafeUninitializedCapacity: n) { out, made in
      var p = 0
      for i in 0..<n {
        let position = Int(
          UInt32(littleEndian: b.loadUnaligned(fromByteOffset: p + 28, as: UInt32.self)))
        var e = Event(
          ticket: UInt32(littleEndian: b.loadUnaligned(fromByteOffset: p + 8, as: UInt32.self)),
          time: Int64(littleEndian: b.loadUnaligned(fromByteOffset: p, as: Int64.self)),
          kind: EventKind(rawValue: b[p + 24])!, level: nil, category: nil,
          owner: UInt32(littleEndian: b.loadUnaligned(fromByteOffset: p + 12, as: UInt32.self)),
          note: UInt32(littleEndian: b.loadUnaligned(fromByteOffset: p + 16, as: UInt32.self)),
          line: UInt32(littleEndian: b.loadUnaligned(fromByteOffset: p + 20, as: UInt32.self)))
        e.levelRaw = b[p + 25]
        e.categoryRaw = b[p + 26]
        e.repeatsState = b[p + 27] == 1
        p += size
        if inTicketOrder {
          e.note = 0
          (out.baseAddress! + i).initialize(to: e)
        } else {
          (out.baseAddress! + position).initialize(to: e)
        }
      }
      made = n
    }
    guard inTicketOrder else { return (events, nil) }
    return (events, EventRecords.offsets(events, tickets: tickets))
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
/// step is a bijection of its lane). Computed at once (``hash(_:)``) or part by part
/// (``blocks(_:)`` for parts of whole 32-byte blocks, then ``finish(_:)``), with the same
/// result.
struct CacheChecksum {
  static let k: UInt64 = 0x9E37_79B9_7F4A_7C15
  var h0: UInt64 = 0x243F_6A88_85A3_08D3
  var h1: UInt64 = 0x1319_8A2E_0370_7344
  var h2: UInt64 = 0xA409_3822_299F_31D0
  var h3: UInt64 = 0x082E_FA98_EC4E_6C89
  /// Bytes taken so far.
  var length = 0

  @inline(__always) static func mix(_ h: inout UInt64, _ w: UInt64) {
    h = (h ^ w) &* k
    h ^= h >> 29
  }

  /// Takes `b`, whose length must be a multiple of 32.
  mutating func blocks(_ b: UnsafeRawBufferPointer) {
    precondition(b.count % 32 == 0, "checksum blocks of 32 bytes")
    @inline(__always) func word(_ at: Int) -> UInt64 {
      UInt64(littleEndian: b.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }
    var i = 0
    while i + 32 <= b.count {
      Self.mix(&h0, word(i))
      Self.mix(&h1, word(i + 8))
      Self.mix(&h2, word(i + 16))
      Self.mix(&h3, word(i + 24))
      i += 32
    }
    length += b.count
  }

  /// Takes the last part `b` (any length) and gives the checksum of everything taken.
  func finish(_ b: UnsafeRawBufferPointer) -> UInt64 {
    var s = self
    let whole = b.count & ~31
    s.blocks(UnsafeRawBufferPointer(rebasing: b[0..<whole]))
    var i = whole
    while i + 8 <= b.count {
      Self.mix(&s.h0, UInt64(littleEndian: b.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
      i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < b.count {
      tail |= UInt64(b[i]) << shift
      shift += 8
      i += 1
    }
    Self.mix(&s.h1, tail)
    let (h1, h2, h3) = (s.h1, s.h2, s.h3)
    var h = s.h0 ^ (h1 << 17 | h1 >> 47) ^ (h2 << 31 | h2 >> 33) ^ (h3 << 47 | h3 >> 17)
    Self.mix(&h, UInt64(s.length + b.count - whole))
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    return h
  }

  static func hash(_ b: UnsafeRawBufferPointer) -> UInt64 { CacheChecksum().finish(b) }

  static func hash(_ s: String) -> UInt64 {
    var s = s
    return s.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
  }
}

extension CacheReader {
  /// The start of a payload (see ``EventCacheCodec``): the key, which must be `key`, the
  /// source, the sheet, the accounting, and the ticket and owner tables, as a log without
  /// events, notes or findings; `nil` when the key differs or the sheet flag is not 0 or 1.
  mutating func head(key: String) throws(Malformed) -> EventLog? {
    guard try string() == key else { return nil }
    let source = try string()
    let hasSheet = try u8()
    let sheet = try string()
    guard hasSheet <= 1 else { return nil }
    var a = RecordAccounting()
    // Numbers of records, not of bytes: not bounded by the bytes left (a log of many
    // duplicates has more of them than its tables have bytes, and ``FiguresDecode`` reads the
    // head from the bytes before the records only).
    a.read = try number()
    a.used = try number()
    a.rejected = try number()
    a.duplicates = try number()
    let tickets = try table()
    let owners = try table()
    var log = EventLog(source: source, ticketIDs: tickets, owners: owners, accounting: a)
    log.sheet = hasSheet == 1 ? sheet : nil
    return log
  }
}
