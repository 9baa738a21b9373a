/// The on-disk form of a cached log (docs/cache.md): a 48-byte header, then the payload.
///
/// Header (little-endian): the magic `ESCEVC\r\n`, the format version (u32), the header size
/// (u32, 48), the payload length (u64), the payload checksum (u64, ``CacheChecksum``), the
/// key's checksum (u64) and 8 reserved bytes. Payload: the key, the source name, the sheet,
/// the accounting, the three string tables (ticket ids, owners, notes: a count, one u32
/// length per string, then the bytes back to back), the events as 32-byte records, then the
/// findings. A file is used only when every length, index and value checks: anything else is
/// a miss (``decode(_:key:)`` returns `nil`), never a trap.
public enum EventCacheCodec {
  static let magic: [UInt8] = Array("ESCEVC\r\n".utf8)
  /// Bumped whenever the layout below changes.
  static let formatVersion: UInt32 = 1
  static let headerSize = 48
  static let eventSize = 32

  /// The cache file of `log` under `key`; `nil` when a string is too long for the format.
  public static func encode(_ log: EventLog, key: String) -> [UInt8]? {
    var w = CacheWriter()
    let estimate =
      log.events.count * eventSize + (log.ticketIDs.count + log.owners.count + log.notes.count)
      * 24
    w.bytes.reserveCapacity(headerSize + estimate + 4096)
    w.bytes += [UInt8](repeating: 0, count: headerSize)
    w.string(key)
    w.string(log.source)
    w.u8(log.sheet == nil ? 0 : 1)
    w.string(log.sheet ?? "")
    let a = log.accounting
    for n in [a.read, a.used, a.rejected, a.duplicates] { w.u64(UInt64(n)) }
    for table in [log.ticketIDs, log.owners, log.notes] {
      guard w.table(table) else { return nil }
    }
    w.events(log.events)
    w.u64(UInt64(log.findings.count))
    for f in log.findings { w.finding(f) }
    seal(&w.bytes, key: key)
    return w.bytes
  }

  /// Writes the header of `bytes` (whose first 48 bytes are its room) for the payload after
  /// it and `key`. Also used by the tests and the fuzz target to make a damaged payload pass
  /// the checksums, so that the checks behind them are exercised.
  static func seal(_ bytes: inout [UInt8], key: String) {
    guard bytes.count >= headerSize else { return }
    var header = CacheWriter()
    header.bytes = magic
    header.u32(formatVersion)
    header.u32(UInt32(headerSize))
    header.u64(UInt64(bytes.count - headerSize))
    header.u64(
      bytes.withUnsafeBytes {
        CacheChecksum.hash(UnsafeRawBufferPointer(rebasing: $0[headerSize...]))
      })
    header.u64(CacheChecksum.hash(key))
    header.u64(0)
    bytes.replaceSubrange(0..<headerSize, with: header.bytes)
  }

  /// The log stored in `bytes` under `key`; `nil` when the bytes are not a complete, intact
  /// entry for that key (wrong magic or version, a length that does not match, a checksum that
  /// differs, an index out of range).
  public static func decode(_ bytes: UnsafeRawBufferPointer, key: String) -> EventLog? {
    guard let payload = checkedPayload(bytes, key: key) else { return nil }
    var r = CacheReader(payload)
    do {
      guard try r.string() == key else { return nil }
      let source = try r.string()
      let hasSheet = try r.u8()
      let sheetName = try r.string()
      guard hasSheet <= 1 else { return nil }
      var a = RecordAccounting()
      a.read = try r.count()
      a.used = try r.count()
      a.rejected = try r.count()
      a.duplicates = try r.count()
      let tickets = try r.table()
      let owners = try r.table()
      let notes = try r.table()
      let events = try r.events(tickets: tickets.count, owners: owners.count, notes: notes.count)
      let findingCount = try r.count()
      var findings: [Finding] = []
      findings.reserveCapacity(min(findingCount, r.remaining / 32))
      for _ in 0..<findingCount { findings.append(try r.finding()) }
      guard r.remaining == 0 else { return nil }
      var log = EventLog(
        source: source, events: events, ticketIDs: tickets, owners: owners, notes: notes,
        accounting: a, findings: findings)
      log.sheet = hasSheet == 1 ? sheetName : nil
      return log
    } catch {
      return nil
    }
  }

  /// The payload of `bytes` when the header is ours, its lengths match and both checksums
  /// (payload and key) are right.
  static func checkedPayload(_ bytes: UnsafeRawBufferPointer, key: String)
    -> UnsafeRawBufferPointer?
  {
    guard bytes.count >= headerSize, bytes.starts(with: magic) else { return nil }
    func u32(_ at: Int) -> UInt32 {
      UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }
    func u64(_ at: Int) -> UInt64 {
      UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }
    guard u32(8) == formatVersion, u32(12) == UInt32(headerSize),
      u64(16) == UInt64(bytes.count - headerSize), u64(32) == CacheChecksum.hash(key),
      u64(40) == 0
    else { return nil }
    let payload = UnsafeRawBufferPointer(rebasing: bytes[headerSize...])
    guard CacheChecksum.hash(payload) == u64(24) else { return nil }
    return payload
  }
}

/// Appends little-endian values and length-prefixed strings.
struct CacheWriter {
  var bytes: [UInt8] = []

  mutating func u8(_ v: UInt8) { bytes.append(v) }
  mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
  mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
  mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }

  mutating func string(_ s: String) {
    var s = s
    s.withUTF8 { b in
      u64(UInt64(b.count))
      bytes += b
    }
  }

  /// A count, the UTF-8 length of each string (u32), then the strings back to back; `false`
  /// when a string is 4 GiB or longer.
  mutating func table(_ strings: [String]) -> Bool {
    u64(UInt64(strings.count))
    var total = 0
    for s in strings {
      let n = s.utf8.count
      guard n <= Int(UInt32.max) else { return false }
      u32(UInt32(n))
      total += n
    }
    bytes.reserveCapacity(bytes.count + total)
    for var s in strings { s.withUTF8 { bytes += $0 } }
    return true
  }

  /// The count, then one 32-byte record per event: time (i64), ticket, owner, note and line
  /// (u32 each), kind, level, category, repeats-state (u8 each), 4 zero bytes.
  mutating func events(_ events: [Event]) {
    u64(UInt64(events.count))
    let start = bytes.count
    bytes += repeatElement(0, count: events.count * EventCacheCodec.eventSize)
    bytes.withUnsafeMutableBytes { raw in
      var p = start
      for e in events {
        raw.storeBytes(of: e.time.littleEndian, toByteOffset: p, as: Int64.self)
        raw.storeBytes(of: e.ticket.littleEndian, toByteOffset: p + 8, as: UInt32.self)
        raw.storeBytes(of: e.owner.littleEndian, toByteOffset: p + 12, as: UInt32.self)
        raw.storeBytes(of: e.note.littleEndian, toByteOffset: p + 16, as: UInt32.self)
        raw.storeBytes(of: e.line.littleEndian, toByteOffset: p + 20, as: UInt32.self)
        raw[p + 24] = e.kind.rawValue
        raw[p + 25] = e.levelRaw
        raw[p + 26] = e.categoryRaw
        raw[p + 27] = e.repeatsState ? 1 : 0
        p += EventCacheCodec.eventSize
      }
    }
  }

  /// Severity, which optional parts are present, line and column, then code, file, message
  /// and sheet.
  mutating func finding(_ f: Finding) {
    u8(UInt8(Severity.allCases.firstIndex(of: f.severity)!))
    u8((f.line == nil ? 0 : 1) | (f.column == nil ? 0 : 2) | (f.sheet == nil ? 0 : 4))
    i64(Int64(f.line ?? 0))
    i64(Int64(f.column ?? 0))
    string(f.code)
    string(f.file)
    string(f.message)
    string(f.sheet ?? "")
  }
}
