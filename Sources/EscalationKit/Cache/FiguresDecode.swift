/// The checks of the cache's event records (docs/cache.md), shared by both ways of reading
/// them: each field in range, each index within its table, the records in ticket order
/// (ticket, time, input position strictly increasing), the input positions each position once.
enum EventRecords {
  /// Whether the `count` 32-byte records of `b` all check.
  static func check(
    _ b: UnsafeRawBufferPointer, count n: Int, tickets: Int, owners: Int, notes: Int
  ) -> Bool {
    guard b.count == n * EventCacheCodec.eventSize else { return false }
    let kinds = UInt8(EventKind.allCases.count)
    var previous: (ticket: UInt32, time: Int64, position: UInt32)? = nil
    // The positions seen: n positions below n, each once, are each position once.
    var seen = [UInt64](repeating: 0, count: (n + 63) / 64)
    var p = 0
    for _ in 0..<n {
      let time = Int64(littleEndian: b.loadUnaligned(fromByteOffset: p, as: Int64.self))
      let ticket = UInt32(littleEndian: b.loadUnaligned(fromByteOffset: p + 8, as: UInt32.self))
      let owner = UInt32(littleEndian: b.loadUnaligned(fromByteOffset: p + 12, as: UInt32.self))
      let note = UInt32(littleEndian: b.loadUnaligned(fromByteOffset: p + 16, as: UInt32.self))
      let position = UInt32(
        littleEndian: b.loadUnaligned(fromByteOffset: p + 28, as: UInt32.self))
      guard b[p + 24] < kinds, b[p + 25] <= 4, b[p + 26] <= 8, b[p + 27] <= 1,
        Int(ticket) < tickets, Int(owner) <= owners, Int(note) <= notes, Int(position) < n
      else { return false }
      if let q = previous, (q.ticket, q.time, q.position) >= (ticket, time, position) {
        return false
      }
      previous = (ticket, time, position)
      let word = Int(position >> 6)
      let bit = UInt64(1) << UInt64(position & 63)
      guard seen[word] & bit == 0 else { return false }
      seen[word] |= bit
      p += EventCacheCodec.eventSize
    }
    return true
  }

  /// The `tickets + 1` offsets of each ticket's events in `events` (in ticket order).
  static func offsets(_ events: [Event], tickets: Int) -> [Int] {
    var offsets = [Int](repeating: 0, count: tickets + 1)
    for e in events { offsets[Int(e.ticket) + 1] += 1 }
    for t in 0..<tickets { offsets[t + 1] += offsets[t] }
    return offsets
  }

  /// Whether a record has the layout of ``Event`` in memory (a little-endian machine, the
  /// fields at the record's offsets), so that records can be read straight into events.
  static let matchEventLayout: Bool = {
    guard 1.littleEndian == 1, MemoryLayout<Event>.stride == EventCacheCodec.eventSize,
      MemoryLayout<Event>.size <= 28
    else { return false }
    let expected: [(PartialKeyPath<Event>, Int)] = [
      (\Event.time, 0), (\Event.ticket, 8), (\Event.owner, 12), (\Event.note, 16),
      (\Event.line, 20), (\Event.kind, 24), (\Event.levelRaw, 25), (\Event.categoryRaw, 26),
      (\Event.repeatsState, 27),
    ]
    return expected.allSatisfy { MemoryLayout<Event>.offset(of: $0.0) == $0.1 }
      && MemoryLayout<EventKind>.size == 1 && MemoryLayout<Bool>.size == 1
  }()
}

/// A cache hit for the figures (``EventCache/figuresOnly``) read part by part, so that the
/// whole file is never in memory: the payload before the records, then the records straight
/// into the events' memory (they have its layout), then the rest; the checksum is taken part
/// by part. Gives what ``EventCacheCodec/decode(_:key:figuresOnly:)`` gives for the same
/// bytes (`nil` for anything that does not check).
enum FiguresDecode {
  /// Reads exactly `buffer.count` bytes at `offset` of the entry; `false` when it cannot.
  typealias Read = (_ buffer: UnsafeMutableRawBufferPointer, _ offset: Int) -> Bool

  static func decode(size: Int, key: String, read: Read) -> EventLog? {
    let h = EventCacheCodec.headerSize
    guard EventRecords.matchEventLayout, size >= h else { return nil }
    var header = [UInt8](repeating: 0, count: h)
    guard header.withUnsafeMutableBytes({ read($0, 0) }),
      header.starts(with: EventCacheCodec.magic)
    else { return nil }
    let (version, headerSize, length, checksum, keySum, recordsAt) = header.withUnsafeBytes {
      b in
      (
        UInt32(littleEndian: b.loadUnaligned(fromByteOffset: 8, as: UInt32.self)),
        UInt32(littleEndian: b.loadUnaligned(fromByteOffset: 12, as: UInt32.self)),
        UInt64(littleEndian: b.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
        UInt64(littleEndian: b.loadUnaligned(fromByteOffset: 24, as: UInt64.self)),
        UInt64(littleEndian: b.loadUnaligned(fromByteOffset: 32, as: UInt64.self)),
        EventCacheCodec.recordsOffset(b)
      )
    }
    let payload = size - h
    guard version == EventCacheCodec.formatVersion, headerSize == UInt32(h),
      length == UInt64(payload), keySum == CacheChecksum.hash(key), recordsAt >= 0,
      recordsAt <= payload, recordsAt % EventCacheCodec.eventSize == 0
    else { return nil }
    var sum = CacheChecksum()
    guard let head = prefix(recordsAt, key: key, sum: &sum, read: read) else { return nil }
    let n = head.events
    guard n <= (payload - recordsAt) / EventCacheCodec.eventSize else { return nil }
    // The records, straight into the events' memory; used only once they all check.
    var checked = false
    let events = [Event](unsafeUninitializedCapacity: n) { out, made in
      let raw = UnsafeMutableRawBufferPointer(out)
      if let base = raw.baseAddress { HugePages.advise(UnsafeRawPointer(base), bytes: raw.count) }
      guard read(raw, h + recordsAt) else { return }
      sum.blocks(UnsafeRawBufferPointer(raw))
      guard
        EventRecords.check(
          UnsafeRawBufferPointer(raw), count: n, tickets: head.log.ticketIDs.count,
          owners: head.log.owners.count, notes: head.notes)
      else { return }
      // The figures do not read the notes.
      for i in 0..<n {
        raw.storeBytes(of: 0, toByteOffset: i * EventCacheCodec.eventSize + 16, as: UInt32.self)
      }
      checked = true
      made = n
    }
    guard checked else { return nil }
    let restAt = recordsAt + n * EventCacheCodec.eventSize
    var rest = [UInt8](repeating: 0, count: payload - restAt)
    guard rest.withUnsafeMutableBytes({ read($0, h + restAt) }) else { return nil }
    let findings = rest.withUnsafeBytes { b -> [Finding]? in
      guard sum.finish(b) == checksum else { return nil }
      var r = CacheReader(b)
      do {
        let count = try r.count()
        var findings: [Finding] = []
        findings.reserveCapacity(min(count, r.remaining / 32))
        for _ in 0..<count { findings.append(try r.finding()) }
        return r.remaining == 0 ? findings : nil
      } catch {
        return nil
      }
    }
    guard let findings else { return nil }
    var log = head.log
    log.findings = findings
    log.events = events
    log.ticketOffsets = EventRecords.offsets(events, tickets: log.ticketIDs.count)
    return log
  }

  /// The payload before the records: the log without its events and findings, the number of
  /// notes (not read) and of events; its bytes taken into `sum`.
  static func prefix(_ length: Int, key: String, sum: inout CacheChecksum, read: Read)
    -> (log: EventLog, notes: Int, events: Int)?
  {
    var bytes = [UInt8](repeating: 0, count: length)
    guard bytes.withUnsafeMutableBytes({ read($0, EventCacheCodec.headerSize) }) else {
      return nil
    }
    return bytes.withUnsafeBytes { b in
      sum.blocks(b)
      var r = CacheReader(b)
      do {
        guard let log = try r.head(key: key) else { return nil }
        let notes = try r.skipTable()
        // The count, then zero bytes up to the records (fewer than 32), which are past these
        // bytes.
        let n = try r.u64()
        let size = EventCacheCodec.eventSize
        guard (r.position + size - 1) / size * size == length, n <= UInt64(Int.max) else {
          return nil
        }
        while r.remaining > 0 { guard try r.u8() == 0 else { return nil } }
        return (log, notes, Int(n))
      } catch {
        return nil
      }
    }
  }
}
