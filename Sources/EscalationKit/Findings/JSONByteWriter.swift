/// Writes ``JSON`` values as UTF-8 bytes into one growing buffer. The text is exactly what
/// the former `String`-concatenating writer produced: two-space indentation, `": "` after keys
/// when pretty, integers in decimal, other numbers with up to 6 decimals, trailing zeros trimmed.
struct JSONByteWriter {
  var out: [UInt8] = []

  init() { out.reserveCapacity(1 << 16) }

  mutating func append(_ s: String) {
    var s = s
    s.withUTF8 { out.append(contentsOf: $0) }
  }

  @inline(__always)
  mutating func append(_ b: UInt8) { out.append(b) }

  mutating func newline(indent: Int) {
    out.append(0x0A)
    for _ in 0..<indent {
      out.append(0x20)
      out.append(0x20)
    }
  }

  mutating func write(_ v: JSON, indent: Int?) {
    switch v {
    case .null: append("null")
    case .bool(let b): append(b ? "true" : "false")
    case .int(let i): writeInt(Int64(i))
    case .number(let d): writeNumber(d)
    case .string(let s): writeString(s)
    case .array(let a): writeArray(a.count, { a[$0] }, indent: indent)
    case .rows(let count, let element): writeArray(count, element, indent: indent)
    case .object(let o): writeObject(o, indent: indent)
    }
  }

  private mutating func writeArray(_ count: Int, _ element: (Int) -> JSON, indent: Int?) {
    if count == 0 {
      append("[]")
      return
    }
    append(UInt8(ascii: "["))
    var first = true
    for i in 0..<count {
      let v = element(i)
      if !first { append(UInt8(ascii: ",")) }
      first = false
      if let indent {
        newline(indent: indent + 1)
        write(v, indent: indent + 1)
      } else {
        write(v, indent: nil)
      }
    }
    if let indent { newline(indent: indent) }
    append(UInt8(ascii: "]"))
  }

  private mutating func writeObject(_ o: [(String, JSON)], indent: Int?) {
    if o.isEmpty {
      append("{}")
      return
    }
    append(UInt8(ascii: "{"))
    var first = true
    for (k, v) in o {
      if !first { append(UInt8(ascii: ",")) }
      first = false
      if let indent { newline(indent: indent + 1) }
      writeString(k)
      append(UInt8(ascii: ":"))
      if indent != nil { append(0x20) }
      write(v, indent: indent.map { $0 + 1 })
    }
    if let indent { newline(indent: indent) }
    append(UInt8(ascii: "}"))
  }

  /// Decimal digits of `v`, like `String(v)`.
  mutating func writeInt(_ v: Int64) {
    if v < 0 { append(UInt8(ascii: "-")) }
    writeDigits(v.magnitude, minWidth: 1)
  }

  /// The decimal digits of `m`, left-padded with zeros to `minWidth`.
  private mutating func writeDigits(_ m: UInt64, minWidth: Int) {
    var m = m
    var tmp: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
    let n = withUnsafeMutableBytes(of: &tmp) { buf -> Int in
      var i = buf.count
      repeat {
        i -= 1
        buf[i] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30
        m /= 10
      } while m > 0 || buf.count - i < minWidth
      return i
    }
    withUnsafeBytes(of: &tmp) { buf in out.append(contentsOf: buf[n...]) }
  }

  /// A finite integral value under 1e15 as an integer; another finite value rounded to 6
  /// decimals with trailing zeros trimmed; NaN and infinity as `null`.
  mutating func writeNumber(_ d: Double) {
    if !d.isFinite {
      append("null")
    } else if d == d.rounded() && abs(d) < 1e15 {
      writeInt(Int64(d))
    } else {
      let scaled = (d * 1_000_000).rounded()
      let v = Int64(abs(scaled))
      if scaled < 0 { append(UInt8(ascii: "-")) }
      writeDigits(UInt64(v / 1_000_000), minWidth: 1)
      var fp = v % 1_000_000
      guard fp != 0 else { return }
      var width = 6
      while fp % 10 == 0 {
        fp /= 10
        width -= 1
      }
      append(UInt8(ascii: "."))
      writeDigits(UInt64(fp), minWidth: width)
    }
  }

  /// A string literal: `"`, `\\`, `\\n`, `\\r`, `\\t` escaped, other control characters and
  /// DEL as `\\u00xx` (lower-case hex); everything else copied as it is.
  mutating func writeString(_ s: String) {
    var s = s
    s.withUTF8 { u in
      out.append(0x22)
      var start = 0
      for i in 0..<u.count {
        let b = u[i]
        guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F else { continue }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<i]))
        start = i + 1
        out.append(0x5C)
        switch b {
        case 0x22: out.append(0x22)
        case 0x5C: out.append(0x5C)
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        default:
          let hex: [UInt8] = Array("0123456789abcdef".utf8)
          out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30])
          out.append(hex[Int(b >> 4)])
          out.append(hex[Int(b & 15)])
        }
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start...]))
      out.append(0x22)
    }
  }
}
