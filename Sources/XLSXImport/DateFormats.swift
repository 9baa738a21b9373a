#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which number formats show a date or time, and Excel serials as ISO text.
enum DateFormats {
  /// A cell's number (`46298.586805555555`, `4.6E4`), parsed without a `String`; `nil` unless
  /// the whole text is a number.
  static func number(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
    guard !text.isEmpty, text.count < 64 else { return nil }
    if let v = shortDecimal(text) { return v }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: text.count + 1) { buf in
      for (i, b) in text.enumerated() { buf[i] = CChar(bitPattern: b) }
      buf[text.count] = 0
      var end: UnsafeMutablePointer<CChar>?
      let v = strtod(buf.baseAddress!, &end)
      guard let end, end - buf.baseAddress! == text.count else { return nil }
      return v
    }
  }

  /// `digits[.digits]` with at most 16 digits whose value as an integer is below 2^53 (as
  /// serials are written): that integer over a power of ten up to 10^22, both exact doubles,
  /// so the one division rounds correctly and gives strtod's value (Clinger's fast path)
  /// without its cost. `nil` for anything else (strtod reads it).
  @inline(__always)
  static func shortDecimal(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
    guard !text.isEmpty, text.count <= 17 else { return nil }
    var mantissa: Int64 = 0
    var digits = 0
    var point = -1
    for (i, b) in text.enumerated() {
      if b >= 0x30 && b <= 0x39 {
        mantissa = mantissa * 10 + Int64(b - 0x30)
        digits += 1
      } else if b == UInt8(ascii: ".") && point < 0 && i > 0 && i < text.count - 1 {
        point = i
      } else {
        return nil
      }
    }
    guard digits <= 16, mantissa < 1 << 53 else { return nil }
    var scale = 1.0
    if point >= 0 {
      for _ in 0..<(text.count - 1 - point) { scale *= 10 }
    }
    return Double(mantissa) / scale
  }

  /// Excel's built-in date and time formats: 14–22 (`m/d/yyyy`, `d-mmm-yy`, …, `h:mm`,
  /// `m/d/yyyy h:mm`) and 45–47 (`mm:ss`, `[h]:mm:ss`, `mm:ss.0`).
  static func isBuiltInDate(_ id: Int) -> Bool {
    (14...22).contains(id) || (45...47).contains(id)
  }

  /// Whether a custom format code shows a date or time: it has a `d`, `m`, `y`, `h` or `s` token
  /// outside quoted text, escaped characters and bracketed colours or locales (`[Red]`,
  /// `[$-409]`; elapsed `[h]` `[mm]` `[ss]` count). Only the first section (positive numbers)
  /// is looked at.
  static func isDateFormat(_ code: String) -> Bool {
    var i = code.utf8.startIndex
    let u = code.utf8
    while i < u.endIndex {
      let c = u[i]
      switch c {
      case UInt8(ascii: ";"):
        return false
      case UInt8(ascii: "\""):
        i = u.index(after: i)
        while i < u.endIndex && u[i] != UInt8(ascii: "\"") { i = u.index(after: i) }
      case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
        if i < u.endIndex { i = u.index(after: i) }
      case UInt8(ascii: "["):
        var j = u.index(after: i)
        var inner: [UInt8] = []
        while j < u.endIndex && u[j] != UInt8(ascii: "]") {
          inner.append(u[j] | 0x20)
          j = u.index(after: j)
        }
        if !inner.isEmpty && inner.allSatisfy({ $0 == 0x68 || $0 == 0x6D || $0 == 0x73 }) {
          return true  // [h], [mm], [ss]
        }
        i = j
      default:
        switch c | 0x20 {
        case UInt8(ascii: "d"), UInt8(ascii: "m"), UInt8(ascii: "y"), UInt8(ascii: "h"):
          return true
        default: break
        }
      }
      if i < u.endIndex { i = u.index(after: i) }
    }
    return false
  }

  /// Appends an Excel serial (days since the epoch of the 1900 or 1904 date system, the time
  /// of day as the fraction) as `YYYY-MM-DD HH:MM:SS`, rounded to the second. Returns `false`
  /// (appending nothing) for text that is not a number, a serial before 1900-01-01 (1904-01-01)
  /// or after 9999, and for 1900-02-29, the day Excel counts that never was.
  static func appendISO(
    serial text: UnsafeBufferPointer<UInt8>, date1904: Bool, to out: inout [UInt8]
  )
    -> Bool
  {
    guard let v = number(text), v.isFinite, v >= 0, v < 2_958_466 else { return false }
    var seconds = Int64((v * 86_400).rounded())
    var days = seconds / 86_400
    seconds -= days * 86_400
    if date1904 {
      days += 1462  // 1904-01-01 is serial 1462 of the 1900 system
    } else {
      if days == 60 { return false }  // 1900-02-29
      if days < 60 { days += 1 }  // before Excel's phantom leap day
      if days < 1 { return false }
    }
    // Days since 1899-12-30 → civil date (Howard Hinnant's algorithm, from 1970-01-01).
    let z = days - 25_569 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    guard y >= 1900, y <= 9999 else { return false }
    // Digits appended in place (no array per field: this runs for every date cell).
    @inline(__always) func put(_ v: Int64, _ width: Int) {
      var divisor: Int64 = 1
      for _ in 1..<width { divisor *= 10 }
      var x = v
      while divisor > 0 {
        out.append(UInt8(truncatingIfNeeded: 0x30 + x / divisor % 10))
        x %= divisor
        divisor /= 10
      }
    }
    put(y, 4)
    out.append(0x2D)
    put(m, 2)
    out.append(0x2D)
    put(d, 2)
    out.append(0x20)
    put(seconds / 3600, 2)
    out.append(0x3A)
    put(seconds / 60 % 60, 2)
    out.append(0x3A)
    put(seconds % 60, 2)
    return true
  }
}
