import CSVImport

/// The on-disk form of a cached log (docs/cache.md): a 48-byte header, then the payload.
///
/// Header (little-endian): the magic `ESCEVC\r\n`, the format version (u32), the header size
/// (u32, 48), the payload length (u64), the payload checksum (u64, ``CacheChecksum``), the
/// key's checksum (u64) and where the event records start in the payload (u64). Payload: the
/// key, the source name, the sheet, the accounting, the three string tables (ticket ids,
/// owners, notes: a count, one u32 length per string, then the bytes back to back), the
/// number of events, zero bytes up to a payload offset that is a multiple of 32, the events as
/// 32-byte records in ticket order (``ticketPermutation(_:ticketCount:)``), each with its
/// position in the input order, then the findings. The records have the layout of ``Event``
/// in memory, so that a hit for the figures reads them straight into the events
/// (``FiguresDecode``). A file is used only when every length, index and value checks: anything else is
/// a miss (``decode(_:key:)`` returns `nil`), never a trap.
public enum EventCacheCodec {
  static let magic: [UInt8] = Array("ESCEVC\r\n".utf8)
  /// Bumped whenever the layout below changes.
  static let formatVersion: UInt32 = 2
  static let headerSize = 48
  static let eventSize = 32

  /// The cache file of `log` under `key`; `nil` when a string is too long for the format, or
  /// when `log` holds its events in ticket order (its input order is not known then).
  public static func encode(_ log: EventLog, key: String) -> [UInt8]? {
    guard log.ticketOffsets == nil else { return nil }
    return encode(log, key: key, order: ticketPermutation(log))
  }

  /// The same, with `order` the log's ``ticketPermutation(_:)`` already computed: the bytes
  /// ``write(_:key:order:partSize:to:)`` makes, held in memory (for the tests and the fuzz
  /// target; the cache itself writes them part by part to the file).
  static func encode(_ log: EventLog, key: String, order: [UInt32]) -> [UInt8]? {
    var bytes = [UInt8](repeating: 0, count: headerSize)
    let strings: Int = log.ticketIDs.count + log.owners.count + log.notes.count
    bytes.reserveCapacity(headerSize + (log.events.count + 1) * eventSize + strings * 24 + 4096)
    let made = write(log, key: key, order: order, partSize: .max) { part, offset in
      if offset == bytes.count {
        bytes += part
      } else {
        bytes.withUnsafeMutableBytes {
          UnsafeMutableRawBufferPointer(rebasing: $0[offset..<offset + part.count])
            .copyMemory(from: part)
        }
      }
      return true
    }
    return made ? bytes : nil
  }

  /// Makes the cache file of `log` under `key` (`order`: its ``ticketPermutation(_:)``) and
  /// hands it to `output` part by part, each with its offset in the file: the payload from
  /// offset 48 in parts of about `partSize` bytes (whole 32-byte blocks but the last, the
  /// checksum taken as they go), then the 48-byte header at offset 0. The one maker of the
  /// layout: the file is never held whole. `false` when a string is too long for the format,
  /// when `log` holds its events in ticket order and `sorted` is `false` (or not, and it is
  /// `true`), or when `output` returned `false` (it is not called again then).
  ///
  /// `sorted`: `log`'s events are already in ticket order, with their notes
  /// (``sortForFigures(_:order:keepNotes:)`` with `keepNotes`), and `order` is the permutation
  /// that sorted them: the same bytes, the records copied in sequence instead of gathered.
  static func write(
    _ log: EventLog, key: String, order: [UInt32], sorted: Bool = false,
    partSize: Int = 1 << 20,
    to output: @escaping (_ part: UnsafeRawBufferPointer, _ offset: Int) -> Bool
  ) -> Bool {
    guard (log.ticketOffsets != nil) == sorted, order.count == log.events.count,
      log.events.count <= Int(UInt32.max)
    else { return false }
    var w = CacheWriter(partSize: partSize) { output($0, headerSize + $1) }
    w.string(key)
    w.string(log.source)
    w.u8(log.sheet == nil ? 0 : 1)
    w.string(log.sheet ?? "")
    let a = log.accounting
    for n in [a.read, a.used, a.rejected, a.duplicates] { w.u64(UInt64(n)) }
    for table in [log.ticketIDs, log.owners] {
      guard w.table(table), !w.failed else { return false }
    }
    guard w.table(log.notes), !w.failed else { return false }
    let recordsAt = w.events(log.events, order: order, sorted: sorted)
    guard !w.failed else { return false }
    w.u64(UInt64(log.findings.count))
    for f in log.findings { w.finding(f) }
    guard let checksum = w.finish() else { return false }
    let head = header(
      length: w.position, checksum: checksum, key: key, recordsAt: UInt64(recordsAt))
    return head.withUnsafeBytes { output($0, 0) }
  }

  /// The 48-byte header of a payload of `length` bytes whose checksum is `checksum`.
  static func header(length: Int, checksum: UInt64, key: String, recordsAt: UInt64) -> [UInt8] {
    var header = CacheWriter()
    header.bytes = magic
    header.u32(formatVersion)
    header.u32(UInt32(headerSize))
    header.u64(UInt64(length))
    header.u64(checksum)
    header.u64(CacheChecksum.hash(key))
    header.u64(recordsAt)
    return header.bytes
  }

  /// Writes the header of `bytes` (whose first 48 bytes are its room) for the payload after
  /// it, `key` and the records' offset `recordsAt` (by default, the one in the header). Used by
  /// the tests and the fuzz target to make a damaged payload pass the checksums, so that the
  /// checks behind them are exercised.
  static func seal(_ bytes: inout [UInt8], key: String, recordsAt: Int? = nil) {
    guard bytes.count >= headerSize else { return }
    let records =
      recordsAt.map { UInt64($0) }
      ?? bytes.withUnsafeBytes {
        UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 40, as: UInt64.self))
      }
    let checksum = bytes.withUnsafeBytes {
      CacheChecksum.hash(UnsafeRawBufferPointer(rebasing: $0[headerSize...]))
    }
    let head = header(
      length: bytes.count - headerSize, checksum: checksum, key: key, recordsAt: records)
    bytes.replaceSubrange(0..<headerSize, with: head)
  }

  /// The log stored in `bytes` under `key`; `nil` when the bytes are not a complete, intact
  /// entry for that key (wrong magic or version, a length that does not match, a checksum that
  /// differs, an index out of range, events out of ticket order or positions that are not a
  /// permutation).
  ///
  /// `figuresOnly`: the events are returned in ticket order as stored, with
  /// ``EventLog/ticketOffsets`` set, and the notes are checked but not read (the figures use
  /// neither the input order nor the notes: no sorted copy, no strings).
  public static func decode(
    _ bytes: UnsafeRawBufferPointer, key: String, figuresOnly: Bool = false
  ) -> EventLog? {
    guard let payload = checkedPayload(bytes, key: key) else { return nil }
    var r = CacheReader(payload)
    do {
      guard var log = try r.head(key: key) else { return nil }
      let notes = figuresOnly ? [] : try r.stringTable()
      let noteCount = figuresOnly ? try r.skipTable() : notes.count
      let n = try r.eventCount()
      guard r.position == recordsOffset(bytes) else { return nil }
      let (events, offsets) = try r.events(
        n, tickets: log.ticketIDs.count, owners: log.owners.count, notes: noteCount,
        figuresOnly: figuresOnly)
      let findingCount = try r.count()
      var findings: [Finding] = []
      findings.reserveCapacity(min(findingCount, r.remaining / 32))
      for _ in 0..<findingCount { findings.append(try r.finding()) }
      guard r.remaining == 0 else { return nil }
      log.events = events
      log.notes = notes
      log.findings = findings
      log.ticketOffsets = offsets
      return log
    } catch {
      return nil
    }
  }

  /// Where the records start in the payload, as the header of `bytes` says (checked against
  /// where they are found).
  static func recordsOffset(_ bytes: UnsafeRawBufferPointer) -> Int {
    let v = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 40, as: UInt64.self))
    return v <= UInt64(Int.max) ? Int(v) : -1
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
      u64(16) == UInt64(bytes.count - headerSize), u64(32) == CacheChecksum.hash(key)
    else { return nil }
    let payload = UnsafeRawBufferPointer(rebasing: bytes[headerSize...])
    guard CacheChecksum.hash(payload) == u64(24) else { return nil }
    return payload
  }
}

/// Appends little-endian values and length-prefixed strings: the payload of a cache file. With
/// an output, the bytes are handed on once about `partSize` of them are waiting (whole 32-byte
/// blocks, so that the checksum is taken as they go) and never held whole; without one,
/// ``bytes`` holds them all.
struct CacheWriter {
  /// The bytes not yet handed on (all of them without an output).
  var bytes: [UInt8] = []
  /// The bytes handed on so far.
  private(set) var handedOn = 0
  /// Whether the output failed (it is not called again; what follows is dropped).
  private(set) var failed = false
  private var sum = CacheChecksum()
  private let partSize: Int
  private let output: ((UnsafeRawBufferPointer, Int) -> Bool)?

  init() {
    partSize = .max
    output = nil
  }

  /// A writer handing its bytes to `output` with their offset (from 0).
  init(partSize: Int, output: @escaping (_ part: UnsafeRawBufferPointer, _ offset: Int) -> Bool) {
    self.partSize = max(partSize, 32)
    self.output = output
    if partSize < Int.max / 2 { bytes.reserveCapacity(2 * self.partSize + 64) }
  }

  /// The number of bytes written so far.
  var position: Int { handedOn + bytes.count }

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
    handOnIfFull()
  }

  /// Hands on the whole 32-byte blocks waiting once there are `partSize` bytes or more.
  private mutating func handOnIfFull() {
    guard bytes.count >= partSize, let output else { return }
    let whole = bytes.count & ~31
    var sum = self.sum
    let refused =
      failed
      || bytes.withUnsafeBytes { b in
        let part = UnsafeRawBufferPointer(rebasing: b[0..<whole])
        sum.blocks(part)
        return !output(part, handedOn)
      }
    failed = refused
    self.sum = sum
    handedOn += whole
    bytes.removeSubrange(0..<whole)
  }

  /// Hands on the rest: the checksum of all the bytes (``CacheChecksum``), or `nil` when the
  /// output failed. Without an output, ``bytes`` keeps them.
  mutating func finish() -> UInt64? {
    let checksum = bytes.withUnsafeBytes { sum.finish($0) }
    guard let output else { return checksum }
    if !failed && !bytes.isEmpty {
      failed = !bytes.withUnsafeBytes { output($0, handedOn) }
    }
    handedOn += bytes.count
    bytes.removeAll()
    return failed ? nil : checksum
  }

  /// A count, the UTF-8 length of each string (u32), then the strings back to back; `false`
  /// when a string is 4 GiB or longer.
  mutating func table(_ strings: [String]) -> Bool {
    u64(UInt64(strings.count))
    for s in strings {
      let n = s.utf8.count
      guard n <= Int(UInt32.max) else { return false }
      u32(UInt32(n))
      if bytes.count >= partSize { handOnIfFull() }
    }
    for var s in strings {
      s.withUTF8 { bytes += $0 }
      if bytes.count >= partSize { handOnIfFull() }
    }
    return true
  }

  /// The same for a table already in bytes.
  mutating func table(_ strings: StringTable) -> Bool {
    u64(UInt64(strings.count))
    for i in strings.indices {
      let n = strings.starts[i + 1] - strings.starts[i]
      guard n <= Int(UInt32.max) else { return false }
      u32(UInt32(n))
      if bytes.count >= partSize { handOnIfFull() }
    }
    // A part at a time: the notes of a large log are tens of megabytes.
    strings.bytes.withUnsafeBufferPointer { all in
      var at = 0
      while at < all.count {
        let room = max(1, partSize - bytes.count)
        let end = all.count - at <= room ? all.count : at + room
        bytes += UnsafeBufferPointer(rebasing: all[at..<end])
        at = end
        handOnIfFull()
      }
    }
    return true
  }

  /// The count, zero bytes up to a payload offset that is a multiple of 32, then one 32-byte
  /// record per event in ticket order (`order`: the input position of each), with the layout
  /// of ``Event``: time (i64), ticket, owner, note and line (u32 each), kind, level, category,
  /// repeats-state (u8 each), the input position (u32). Returns the records' offset.
  /// `sorted`: `events` are in ticket order already (record i is `events[i]`).
  mutating func events(_ events: [Event], order: [UInt32], sorted: Bool = false) -> Int {
    let n = events.count
    u64(UInt64(n))
    let size = EventCacheCodec.eventSize
    while position % size != 0 { bytes.append(0) }
    let start = position
    // As many records at a time as make a part (all of them without an output).
    let batch = max(1, min(n, partSize / size))
    var k = 0
    while k < n && !failed {
      let m = min(batch, n - k)
      let at = bytes.count
      bytes += repeatElement(0, count: m * size)
      bytes.withUnsafeMutableBytes { raw in
        events.withUnsafeBufferPointer { ev in
          var p = at
          let ahead = 16  // events fetched ahead: the gather is one cache miss per event
          for i in k..<k + m {
            if !sorted && i + ahead < n {
              prefetchForRead(UnsafeRawPointer(ev.baseAddress! + Int(order[i + ahead])))
            }
            let e = ev[sorted ? i : Int(order[i])]
            raw.storeBytes(of: e.time.littleEndian, toByteOffset: p, as: Int64.self)
            raw.storeBytes(of: e.ticket.littleEndian, toByteOffset: p + 8, as: UInt32.self)
            raw.storeBytes(of: e.owner.littleEndian, toByteOffset: p + 12, as: UInt32.self)
            raw.storeBytes(of: e.note.littleEndian, toByteOffset: p + 16, as: UInt32.self)
            raw.storeBytes(of: e.line.littleEndian, toByteOffset: p + 20, as: UInt32.self)
            raw[p + 24] = e.kind.rawValue
            raw[p + 25] = e.levelRaw
            raw[p + 26] = e.categoryRaw
            raw[p + 27] = e.repeatsState ? 1 : 0
            raw.storeBytes(of: order[i].littleEndian, toByteOffset: p + 28, as: UInt32.self)
            p += size
          }
        }
      }
      k += m
      handOnIfFull()
    }
    return start
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

extension EventCacheCodec {
  /// The input positions of `log`'s events in ticket order: grouped by ticket, in time order
  /// within a ticket, input order breaking ties (the order of ``TicketOrder``): the import's
  /// own (``EventLog/ticketIndex``) when it handed one on, else sorted here
  /// (``ticketTimeOrder(_:offsets:)``).
  static func ticketPermutation(_ log: EventLog) -> [UInt32] {
    if let index = log.ticketIndex, index.count == log.events.count { return index }
    return ticketTimeOrder(
      log.events, offsets: EventRecords.offsets(log.events, tickets: log.ticketCount)
    ).index
  }
}
