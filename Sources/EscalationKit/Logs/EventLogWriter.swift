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
  public static func write(_ log: EventLog, format: NormalizedEventFormat, to out: OutputWriter) throws(OutputError) {
    func encode(_ s: String) -> [UInt8] { format == .csv ? csvField(s) : jsonString(s) }
    let tickets = log.ticketIDs.map(encode)
    let owners = log.owners.map(encode)
    let notes = log.notes.map(encode)
    let null: [UInt8] = format == .csv ? [] : Array("null".utf8)
    let kinds = EventKind.allCases.map { encode($0.word) }
    let categories = CategoryKey.allCases.map { encode($0.rawValue) }
    var buf: [UInt8] = []
    buf.reserveCapacity(1 << 17)
    if format == .csv { buf.append(contentsOf: Array((csvHeader + "\n").utf8)) }
    let names = ["ticket", "time", "event", "level", "category", "owner", "note", "line"]
    let keys: [[UInt8]] = names.map { Array("\"\($0)\":".utf8) }
    for e in log.events {
      let csv = format == .csv
      @inline(__always) func key(_ i: Int) {
        if csv {
          if i > 0 { buf.append(0x2C) }
        } else {
          buf.append(i == 0 ? 0x7B : 0x2C)
          buf.append(contentsOf: keys[i])
        }
      }
      key(0)
      buf.append(contentsOf: tickets[Int(e.ticket)])
      key(1)
      if !csv { buf.append(0x22) }
      CivilDate.appendISO8601UTC(e.time, to: &buf)
      if !csv { buf.append(0x22) }
      key(2)
      buf.append(contentsOf: kinds[Int(e.kind.rawValue)])
      key(3)
      if e.levelRaw == 0 { buf.append(contentsOf: null) } else { buf.append(0x30 + e.levelRaw) }
      key(4)
      if e.categoryRaw == 0 { buf.append(contentsOf: null) } else { buf.append(contentsOf: categories[Int(e.categoryRaw) - 1]) }
      key(5)
      if e.owner == 0 { buf.append(contentsOf: null) } else { buf.append(contentsOf: owners[Int(e.owner) - 1]) }
      key(6)
      if e.note == 0 { buf.append(contentsOf: null) } else { buf.append(contentsOf: notes[Int(e.note) - 1]) }
      key(7)
      appendDecimal(Int(e.line), to: &buf)
      if !csv { buf.append(0x7D) }
      buf.append(0x0A)
      if buf.count >= 1 << 16 {
        try flush(&buf, out)
        buf.removeAll(keepingCapacity: true)
      }
    }
    try flush(&buf, out)
  }

  private static func flush(_ buf: inout [UInt8], _ out: OutputWriter) throws(OutputError) {
    var failure: OutputError?
    buf.withUnsafeBufferPointer { b in
      do throws(OutputError) {
        try out.write(bytes: b)
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
  }

  @inline(__always)
  static func appendDecimal(_ v: Int, to buf: inout [UInt8]) {
    if v < 10 {
      buf.append(UInt8(0x30 + v))
      return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var n = 0
    var x = v
    withUnsafeMutableBytes(of: &digits) { d in
      while x > 0 && n < 12 {
        d[n] = UInt8(0x30 + x % 10)
        x /= 10
        n += 1
      }
      while n > 0 {
        n -= 1
        buf.append(d[n])
      }
    }
  }

  /// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
  static func csvField(_ s: String) -> [UInt8] {
    let u = Array(s.utf8)
    guard u.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return u }
    var out: [UInt8] = [0x22]
    for b in u {
      if b == 0x22 { out.append(0x22) }
      out.append(b)
    }
    out.append(0x22)
    return out
  }

  /// A JSON string literal.
  static func jsonString(_ s: String) -> [UInt8] {
    Array(JSON.string(s).serialized(pretty: false).utf8)
  }
}
