#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The byte scanner that reads the common records of a CSV file without libcsv.
///
/// It finds one record at a time in a buffer at a record boundary: unquoted fields, quoted
/// fields with doubled quotes and line breaks inside, records ended by CR, LF or CRLF. It
/// accepts a record only when libcsv (strict, no space trimming, as ``LibCSVParser`` sets it
/// up) would read exactly the same fields from it; for anything else (a stray or unclosed
/// quote, a field over the size limit, too many fields, a record not complete in the buffer)
/// it answers `uncertain` or `incomplete`, and the reader hands the bytes to libcsv, the parser
/// of record, so that every error and position stays libcsv's. Fuzz/csvdiff.swift and
/// `ScannerDifferentialTests` check that both give identical records and errors.
struct RecordScanner {
  enum Outcome {
    /// A whole record: fields in ``starts``/``ends``/``kinds``, the byte after its terminator.
    case record(next: Int, terminator: UInt8, fields: Int)
    /// The buffer ends inside the record.
    case incomplete
    /// libcsv must read this record (it may be an error).
    case uncertain
  }

  /// A field's bytes as written: plain, quoted, or quoted with doubled quotes to undo.
  static let plain: UInt8 = 0
  static let quoted: UInt8 = 1
  static let doubled: UInt8 = 2

  let delimiter: UInt8
  let maxFieldBytes: Int
  let maxFields: Int
  /// Field bounds of the last record (content only, quotes excluded).
  private(set) var starts: UnsafeMutablePointer<Int>
  private(set) var ends: UnsafeMutablePointer<Int>
  private(set) var kinds: UnsafeMutablePointer<UInt8>
  private var capacity: Int

  /// Whether the scanner can stand in for libcsv with this delimiter (a delimiter that is a
  /// quote or a line break makes libcsv's state machine order matter: libcsv alone reads it).
  static func canScan(delimiter: UInt8) -> Bool {
    delimiter != 0x22 && delimiter != 0x0A && delimiter != 0x0D
  }

  init(delimiter: UInt8, maxFieldBytes: Int, maxFields: Int) {
    self.delimiter = delimiter
    self.maxFieldBytes = maxFieldBytes
    self.maxFields = maxFields
    capacity = 32
    starts = .allocate(capacity: capacity)
    ends = .allocate(capacity: capacity)
    kinds = .allocate(capacity: capacity)
  }

  func deallocate() {
    starts.deallocate()
    ends.deallocate()
    kinds.deallocate()
  }

  private mutating func grow() {
    let c = capacity * 2
    func moved<T>(_ p: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
      let n = UnsafeMutablePointer<T>.allocate(capacity: c)
      n.moveInitialize(from: p, count: capacity)
      p.deallocate()
      return n
    }
    starts = moved(starts)
    ends = moved(ends)
    kinds = moved(kinds)
    capacity = c
  }

  /// Scans the record starting at `i` (not a CR or LF: the caller reports blank line ends).
  @inline(__always)
  mutating func scan(_ p: UnsafePointer<UInt8>, from i0: Int, end: Int) -> Outcome {
    var i = i0
    var n = 0
    let d = delimiter
    while true {
      guard i < end else { return .incomplete }
      var start: Int
      var stop: Int
      var kind = RecordScanner.plain
      if p[i] == 0x22 {
        // Quoted: up to a quote not followed by another one.
        start = i + 1
        var j = start
        while true {
          guard j < end, let q = memchrQuote(p, j, end) else { return .incomplete }
          guard q + 1 < end else { return .incomplete }
          if p[q + 1] == 0x22 {
            kind = RecordScanner.doubled
            j = q + 2
            continue
          }
          stop = q
          i = q + 1
          break
        }
        if kind == RecordScanner.plain { kind = RecordScanner.quoted }
        let c = p[i]
        guard c == d || c == 0x0A || c == 0x0D else { return .uncertain }
      } else {
        start = i
        i = RecordScanner.findSpecial(p, i, end, d)
        guard i < end else { return .incomplete }
        guard p[i] != 0x22 else { return .uncertain }
        stop = i
      }
      guard stop - start <= maxFieldBytes, n < maxFields else { return .uncertain }
      if n == capacity { grow() }
      starts[n] = start
      ends[n] = stop
      kinds[n] = kind
      n += 1
      let c = p[i]
      i += 1
      if c != d { return .record(next: i, terminator: c, fields: n) }
    }
  }

  @inline(__always)
  private func memchrQuote(_ p: UnsafePointer<UInt8>, _ from: Int, _ end: Int) -> Int? {
    guard let r = memchr(p + from, 0x22, end - from) else { return nil }
    return UnsafeRawPointer(r) - UnsafeRawPointer(p)
  }

  /// The first position from `i` holding the delimiter, CR, LF or a quote; `end` if none.
  /// Eight bytes at a time: a byte of `w ^ pattern` is zero exactly where `w` has that byte.
  @inline(__always)
  static func findSpecial(_ p: UnsafePointer<UInt8>, _ from: Int, _ end: Int, _ d: UInt8)
    -> Int
  {
    var i = from
    let lows: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let pd = lows &* UInt64(d)
    let raw = UnsafeRawPointer(p)
    while i + 8 <= end {
      let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      let a = w ^ pd
      let b = w ^ (lows &* 0x0A)
      let c = w ^ (lows &* 0x0D)
      let e = w ^ (lows &* 0x22)
      let z = ((a &- lows) & ~a | (b &- lows) & ~b | (c &- lows) & ~c | (e &- lows) & ~e) & highs
      if z != 0 {
        // The lowest flagged byte is a real match (borrows only run upwards).
        return i + z.trailingZeroBitCount >> 3
      }
      i += 8
    }
    while i < end {
      let c = p[i]
      if c == d || c == 0x0A || c == 0x0D || c == 0x22 { return i }
      i += 1
    }
    return end
  }
}
