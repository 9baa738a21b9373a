/// Writes normalised events as CSV or JSON Lines.
///
/// Columns / keys, in order: `ticket,time,event,level,category,owner,note,line`; time in ISO
/// 8601 UTC (`2026-10-03T12:05:00Z`), level `1`…`4` or blank (`null` in JSON), category key.

/// The formats of normalised events.
public enum NormalizedEventFormat: String, Sendable, CaseIterable {
  case csv
  case jsonl
}

public enum EventLogWriter {
  /// The CSV header line.
  public static let csvHeader = "ticket,time,event,level,category,owner,note,line"

  /// Writes all events of `log` to `out` (which the caller commits).
  public static func write(_ log: EventLog, format: NormalizedEventFormat, to out: OutputWriter)
    throws(OutputError)
  {
    let csv = format == .csv
    let strings = EncodedStrings(log, csv: csv)
    let sink = UnsafeMutablePointer<UInt8>.allocate(capacity: EventLineBuffer.capacity + 64)
    defer { sink.deallocate() }
    var failure: OutputError?
    let notes = log.notes
    strings.arena.withUnsafeBufferPointer { a in
      strings.ends.withUnsafeBufferPointer { e in
        notes.bytes.withUnsafeBufferPointer { noteBytes in
          var buffer = EventLineBuffer(
            sink: sink, out: out, csv: csv, arena: a.baseAddress, ends: e, strings: strings,
            noteBytes: noteBytes, noteStarts: notes.starts)
          if csv {
            for b in (csvHeader + "\n").utf8 { buffer.byte(b) }
          }
          for ev in log.events {
            if buffer.failure != nil { break }
            buffer.write(ev)
          }
          buffer.flush()
          failure = buffer.failure
        }
      }
    }
    if let failure { throw failure }
  }

  /// Every string written, encoded once (as a CSV field or a JSON string), back to back in one
  /// arena: string `i` is `arena[ends[i]..<ends[i + 1]]`. 0..<8 are the JSON keys (empty in
  /// CSV), 8 is `null` (empty in CSV), then the event kinds, categories, tickets, owners, notes.
  /// In CSV, a note written as it is (most of them) is not copied: it is read from the log's
  /// notes (``noteString``).
  struct EncodedStrings {
    var arena: [UInt8] = []
    var ends: [Int] = [0]
    /// CSV: for each note, its string in the arena when encoding changed it, -1 when it is
    /// written as it is. Empty in JSON (every note is in the arena, from ``noteBase``).
    var noteString: [Int32] = []
    var kindBase = 0
    var categoryBase = 0
    var ticketBase = 0
    var ownerBase = 0
    var noteBase = 0

    init(_ log: EventLog, csv: Bool) {
      let neutralize = CSVField.neutralizeFormulas  // a task-local: read once, not per string
      let names = ["ticket", "time", "event", "level", "category", "owner", "note", "line"]
      for n in names { add(csv ? [] : Array("\"\(n)\":".utf8)) }
      add(csv ? [] : Array("null".utf8))
      ends.reserveCapacity(
        ends.count + EventKind.allCases.count + CategoryKey.allCases.count + log.ticketIDs.count
          + log.owners.count + log.notes.count)
      // Room for the bytes and a few quotes (grown only past that): no doubling copies.
      var room = (csv ? 0 : log.notes.bytes.count + 2 * log.notes.count) + 1024
      for s in log.ticketIDs { room += s.utf8.count + 2 }
      for s in log.owners { room += s.utf8.count + 2 }
      arena.reserveCapacity(csv ? room + room / 16 : room + room / 4)
      // Encoded straight into the arena (no array per string).
      func encode(_ s: String) {
        if csv {
          CSVField.append(
            s, to: &arena, delimiter: 0x2C, quoteEdgeWhitespace: false, neutralize: neutralize)
        } else {
          arena += jsonString(s)
        }
        ends.append(arena.count)
      }
      kindBase = ends.count - 1
      for k in EventKind.allCases { encode(k.word) }
      categoryBase = ends.count - 1
      for c in CategoryKey.allCases { encode(c.rawValue) }
      ticketBase = ends.count - 1
      for t in log.ticketIDs { encode(t) }
      ownerBase = ends.count - 1
      for o in log.owners { encode(o) }
      noteBase = ends.count - 1
      let notes = log.notes
      if csv { noteString.reserveCapacity(notes.count) }
      for i in notes.indices {
        notes.withBytes(i) { b in
          if csv {
            // A note written as it is is read from the log instead.
            let asIs =
              CSVField.isWrittenAsIs(
                b, delimiter: 0x2C, quoteEdgeWhitespace: false, neutralize: neutralize)
              ?? (CSVField.encode(
                String(decoding: b, as: UTF8.self), delimiter: 0x2C, quoteEdgeWhitespace: false,
                neutralize: neutralize
              ).count == b.count)
            if asIs {
              noteString.append(-1)
            } else {
              CSVField.append(
                bytes: b, to: &arena, delimiter: 0x2C, quoteEdgeWhitespace: false,
                neutralize: neutralize)
              noteString.append(Int32(ends.count - 1))
              ends.append(arena.count)
            }
          } else {
            arena += jsonString(String(decoding: b, as: UTF8.self))
            ends.append(arena.count)
          }
        }
      }
      // Room for EventLineBuffer.put's whole-word copies past the last string.
      arena.append(contentsOf: repeatElement(0, count: 32))
    }

    private mutating func add(_ bytes: [UInt8]) {
      arena.append(contentsOf: bytes)
      ends.append(arena.count)
    }
  }

  /// The output buffer: events are written into `sink` and flushed to `out` every 64 KiB; the
  /// first write error is kept in ``failure`` (nothing more is written after it).
  struct EventLineBuffer {
    static let capacity = 1 << 16
    let sink: UnsafeMutablePointer<UInt8>
    let out: OutputWriter
    let csv: Bool
    let arena: UnsafePointer<UInt8>?
    let ends: UnsafeBufferPointer<Int>
    let strings: EncodedStrings
    /// The log's notes (``EncodedStrings/noteString``).
    let noteBytes: UnsafeBufferPointer<UInt8>
    let noteStarts: [Int]
    var pos = 0
    var failure: OutputError?
    /// The last day written (days since 1970-01-01) and its `YYYY-MM-DD` bytes: logs come
    /// roughly in time order, so most events repeat the day before and skip the calendar.
    var lastDay: Int64 = .min
    var lastDate: (UInt64, UInt16) = (0, 0)

    init(
      sink: UnsafeMutablePointer<UInt8>, out: OutputWriter, csv: Bool, arena: UnsafePointer<UInt8>?,
      ends: UnsafeBufferPointer<Int>, strings: EncodedStrings,
      noteBytes: UnsafeBufferPointer<UInt8>,
      noteStarts: [Int]
    ) {
      self.sink = sink
      self.out = out
      self.csv = csv
      self.arena = arena
      self.ends = ends
      self.strings = strings
      self.noteBytes = noteBytes
      self.noteStarts = noteStarts
    }

    /// One event as a CSV record or a JSON line.
    @inline(__always)
    mutating func write(_ ev: Event) {
      let capacity = Self.capacity
      if pos > capacity - 64 { flush() }
      sep(0)
      put(strings.ticketBase + Int(ev.ticket))
      sep(1)
      if pos > capacity - 64 { flush() }
      if !csv { byte(0x22) }
      pos += time(ev.time, to: sink + pos)
      if !csv { byte(0x22) }
      sep(2)
      put(strings.kindBase + Int(ev.kind.rawValue))
      sep(3)
      if ev.levelRaw == 0 { put(8) } else { byte(0x30 + ev.levelRaw) }
      sep(4)
      if ev.categoryRaw == 0 { put(8) } else { put(strings.categoryBase + Int(ev.categoryRaw) - 1) }
      sep(5)
      if ev.owner == 0 { put(8) } else { put(strings.ownerBase + Int(ev.owner) - 1) }
      sep(6)
      if ev.note == 0 { put(8) } else { putNote(Int(ev.note) - 1) }
      sep(7)
      if pos > capacity - 64 { flush() }
      pos += writeDecimal(Int(ev.line), to: sink + pos)
      if !csv { byte(0x7D) }
      byte(0x0A)
    }

    /// `t` as `YYYY-MM-DDTHH:MM:SSZ`; returns the bytes written.
    @inline(__always)
    mutating func time(_ t: Int64, to p: UnsafeMutablePointer<UInt8>) -> Int {
      let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
      guard days == lastDay else {
        let n = EventLogWriter.writeISO8601UTC(t, to: p)
        if n == 20 {
          let r = UnsafeRawPointer(p)
          lastDate = (
            r.loadUnaligned(as: UInt64.self), r.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
          )
          lastDay = days
        }
        return n
      }
      let raw = UnsafeMutableRawPointer(p)
      raw.storeBytes(of: lastDate.0, as: UInt64.self)
      raw.storeBytes(of: lastDate.1, toByteOffset: 8, as: UInt16.self)
      EventLogWriter.writeTimeOfDay(Int(t - days * 86_400), to: p)
      return 20
    }

    /// Note `i`: from the arena when it was encoded, else as it is from the log's notes.
    @inline(__always)
    mutating func putNote(_ i: Int) {
      guard csv else { return put(strings.noteBase + i) }
      let k = strings.noteString[i]
      if k >= 0 { return put(Int(k)) }
      let s = noteStarts[i]
      let e = noteStarts[i + 1]
      guard e > s, let base = noteBytes.baseAddress else { return }
      // Whole words only where 32 bytes of the notes can be read.
      copy(base + s, e - s, words: s + 32 <= noteBytes.count)
    }

    /// Copies encoded string `i`.
    @inline(__always)
    mutating func put(_ i: Int) {
      let s = ends[i]
      copy(arena! + s, ends[i + 1] - s, words: true)
    }

    /// Copies `n` bytes from `src` (directly to `out` when they are more than the buffer);
    /// `words`: 32 bytes can be read from `src`.
    @inline(__always)
    mutating func copy(_ src: UnsafePointer<UInt8>, _ n: Int, words: Bool) {
      if n == 0 { return }
      if pos + n > Self.capacity { flush() }
      if n > Self.capacity {
        do throws(OutputError) {
          try out.write(bytes: UnsafeBufferPointer(start: src, count: n))
        } catch { failure = error }
        return
      }
      if n <= 32 && words {
        // Four whole words instead of a memmove call (most strings are short): the sink has
        // 32 bytes to spare and `src` 32 to read (`words`); bytes past `n` are overwritten next.
        let from = UnsafeRawPointer(src)
        let dst = UnsafeMutableRawPointer(sink + pos)
        for w in stride(from: 0, to: 32, by: 8) {
          dst.storeBytes(
            of: from.loadUnaligned(fromByteOffset: w, as: UInt64.self), toByteOffset: w,
            as: UInt64.self)
        }
      } else {
        (sink + pos).update(from: src, count: n)
      }
      pos += n
    }

    @inline(__always)
    mutating func byte(_ b: UInt8) {
      sink[pos] = b
      pos += 1
    }

    /// Before field `k`: a comma in CSV; `{` or `,` then the key in JSON.
    @inline(__always)
    mutating func sep(_ k: Int) {
      if csv {
        if k > 0 { byte(0x2C) }
      } else {
        byte(k == 0 ? 0x7B : 0x2C)
        put(k)
      }
    }

    mutating func flush() {
      guard failure == nil else {
        pos = 0
        return
      }
      do throws(OutputError) {
        try out.write(bytes: UnsafeBufferPointer(start: sink, count: pos))
      } catch { failure = error }
      pos = 0
    }
  }

  /// Writes `YYYY-MM-DDTHH:MM:SSZ` (20 bytes for years 0…9999); returns the bytes written.
  @inline(__always)
  static func writeISO8601UTC(_ t: Int64, to p: UnsafeMutablePointer<UInt8>) -> Int {
    let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
    let rem = Int(t - days * 86_400)
    let (y, m, d) = CivilDate.civil(days: days)
    guard y >= 0 && y <= 9999 else {
      var b: [UInt8] = []
      CivilDate.appendISO8601UTC(t, to: &b)
      let n = min(b.count, 40)
      for i in 0..<n { p[i] = b[i] }
      return n
    }
    writeTwoDigits(y / 100, to: p)
    writeTwoDigits(y % 100, to: p + 2)
    p[4] = 0x2D
    writeTwoDigits(m, to: p + 5)
    p[7] = 0x2D
    writeTwoDigits(d, to: p + 8)
    writeTimeOfDay(rem, to: p)
    return 20
  }

  /// Writes `THH:MM:SSZ` for `rem` seconds into the day at `p[10..<20]` (after the date).
  @inline(__always)
  static func writeTimeOfDay(_ rem: Int, to p: UnsafeMutablePointer<UInt8>) {
    p[10] = 0x54
    writeTwoDigits(rem / 3600, to: p + 11)
    p[13] = 0x3A
    writeTwoDigits(rem / 60 % 60, to: p + 14)
    p[16] = 0x3A
    writeTwoDigits(rem % 60, to: p + 17)
    p[19] = 0x5A
  }

  @inline(__always)
  static func writeTwoDigits(_ v: Int, to p: UnsafeMutablePointer<UInt8>) {
    p[0] = UInt8(truncatingIfNeeded: 0x30 + v / 10)
    p[1] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
  }

  /// Writes a non-negative decimal; returns the bytes written.
  @inline(__always)
  static func writeDecimal(_ v: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
    var n = 1
    var x = v / 10
    while x > 0 {
      n += 1
      x /= 10
    }
    x = v
    var i = n - 1
    while i >= 0 {
      p[i] = UInt8(truncatingIfNeeded: 0x30 + x % 10)
      x /= 10
      i -= 1
    }
    return n
  }

  /// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
  static func csvField(_ s: String) -> [UInt8] {
    CSVField.encode(s, delimiter: 0x2C, quoteEdgeWhitespace: false)
  }

  /// A JSON string literal.
  static func jsonString(_ s: String) -> [UInt8] {
    JSON.string(s).serializedBytes(pretty: false)
  }
}
