import Glibc

/// Bytes, names, text and references for ``XMLByteScanner``: what it accepts, and
/// ``XMLScanBail`` for the rest.
enum XMLChar {
  static let lt = UInt8(ascii: "<")
  static let gt = UInt8(ascii: ">")
  static let slash = UInt8(ascii: "/")
  static let bang = UInt8(ascii: "!")
  static let question = UInt8(ascii: "?")
  static let equals = UInt8(ascii: "=")
  static let quote = UInt8(ascii: "\"")
  static let apostrophe = UInt8(ascii: "'")
  static let colon = UInt8(ascii: ":")
  static let amp = UInt8(ascii: "&")
  static let xmlNamespace = Array("http://www.w3.org/XML/1998/namespace".utf8)
  static let xmlnsNamespace = Array("http://www.w3.org/2000/xmlns/".utf8)

  /// The index of the first `b` in `p[from..<n]`.
  @inline(__always)
  static func find(_ b: UInt8, _ p: UnsafePointer<UInt8>, from: Int, _ n: Int) -> Int? {
    guard from < n, let q = memchr(p + from, Int32(b), n - from) else { return nil }
    return UnsafePointer<UInt8>(q.assumingMemoryBound(to: UInt8.self)) - p
  }

  @inline(__always)
  static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
  }

  /// Text that needs no decoding: printable ASCII but `&` and `]`, tab and line feed.
  @inline(__always)
  static func isPlainText(_ b: UInt8) -> Bool {
    (b >= 0x20 && b < 0x80 && b != 0x26 && b != 0x5D) || b == 0x0A || b == 0x09
  }

  /// ASCII letters and `_`.
  @inline(__always)
  static func isNameStart(_ b: UInt8) -> Bool {
    b >= 64 && b < 128 && (0x7FF_FFFE_87FF_FFFE as UInt64) >> UInt64(b - 64) & 1 != 0
  }

  /// ASCII letters, digits, `_`, `-` and `.`.
  @inline(__always)
  static func isNameChar(_ b: UInt8) -> Bool {
    b < 64
      ? (0x3FF_6000_0000_0000 as UInt64) >> UInt64(b) & 1 != 0
      : b < 128 && (0x7FF_FFFE_87FF_FFFE as UInt64) >> UInt64(b - 64) & 1 != 0
  }

  /// An ASCII name at `p[i]`, with at most one colon between two non-empty parts: the index
  /// after it and the colon's (-1 without), or `nil` if the buffer ends inside it.
  @inline(__always)
  static func name(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) throws -> (Int, Int)? {
    guard i < n else { return nil }
    guard isNameStart(p[i]) else { throw XMLScanBail(reason: "a name") }
    var j = i + 1
    var colon = -1
    while true {
      guard j < n else { return nil }
      let b = p[j]
      if isNameChar(b) {
        j += 1
      } else if b == XMLChar.colon {
        guard j + 1 < n else { return nil }
        guard colon < 0, isNameStart(p[j + 1]) else { throw XMLScanBail(reason: "a name") }
        colon = j
        j += 2
      } else if b >= 0x80 {
        throw XMLScanBail(reason: "a name that is not ASCII")
      } else {
        return (j, colon)
      }
      if j - i > XMLByteScanner.maxName { throw XMLScanBail(reason: "a long name") }
    }
  }

  /// The length of the UTF-8 sequence at `p[k]` (a non-ASCII byte) if it is valid and an XML
  /// character (not a surrogate, U+FFFE or U+FFFF).
  @inline(__always)
  static func sequence(_ p: UnsafePointer<UInt8>, _ k: Int, _ n: Int) throws -> Int {
    let b = p[k]
    @inline(__always) func cont(_ o: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
      k + o < n && p[k + o] >= lo && p[k + o] <= hi
    }
    switch b {
    case 0xC2...0xDF where cont(1): return 2
    case 0xE0 where cont(1, 0xA0) && cont(2): return 3
    case 0xE1...0xEC where cont(1) && cont(2), 0xEE where cont(1) && cont(2):
      return 3
    case 0xED where cont(1, 0x80, 0x9F) && cont(2): return 3
    case 0xEF where cont(1) && cont(2):
      if p[k + 1] == 0xBF && p[k + 2] >= 0xBE { break }  // U+FFFE, U+FFFF
      return 3
    case 0xF0 where cont(1, 0x90) && cont(2) && cont(3): return 4
    case 0xF1...0xF3 where cont(1) && cont(2) && cont(3): return 4
    case 0xF4 where cont(1, 0x80, 0x8F) && cont(2) && cont(3): return 4
    default: break
    }
    throw XMLScanBail(reason: "bytes that are not UTF-8 or not XML characters")
  }

  /// The index of the `quote` that ends an attribute value starting at `p[k]`, its bytes
  /// checked on the way: no `<`, no reference (`&`), no control character (libxml2 would turn
  /// tabs and line ends into spaces), valid UTF-8. `nil` if the buffer ends first.
  @inline(__always)
  static func valueEnd(_ p: UnsafePointer<UInt8>, _ k: Int, _ n: Int, _ quote: UInt8) throws
    -> Int?
  {
    var j = k
    while j < n {
      let b = p[j]
      if b == quote { return j }
      if b >= 0x20 && b < 0x80 && b != 0x26 && b != XMLChar.lt {
        j += 1
      } else if b >= 0x80 {
        // A sequence the chunk cuts is read with the next chunk.
        if n - j < 4, (try? sequence(p, j, n)) == nil { return nil }
        j += try sequence(p, j, n)
      } else {
        throw XMLScanBail(reason: "an attribute value with a reference or a control character")
      }
    }
    return nil
  }

  /// Text with references, carriage returns, `]` or non-ASCII bytes, decoded into `out`.
  static func decodeText(_ p: UnsafePointer<UInt8>, _ n: Int, into out: inout [UInt8]) throws {
    var k = 0
    while k < n {
      let b = p[k]
      switch b {
      case XMLChar.amp:
        k = try reference(p, k, n, into: &out)
      case 0x0D:
        out.append(0x0A)
        k += k + 1 < n && p[k + 1] == 0x0A ? 2 : 1
      case 0x5D:
        if k + 2 < n && p[k + 1] == 0x5D && p[k + 2] == XMLChar.gt {
          throw XMLScanBail(reason: "]]> in text")
        }
        out.append(b)
        k += 1
      case 0x09, 0x0A, 0x20..<0x80:
        out.append(b)
        k += 1
      case 0x80...:
        let m = try sequence(p, k, n)
        out.append(contentsOf: UnsafeBufferPointer(start: p + k, count: m))
        k += m
      default:
        throw XMLScanBail(reason: "a control character")
      }
    }
  }

  /// The text of a CDATA section or a comment: valid characters; line ends normalised into
  /// `out` when given.
  static func decodeRaw(
    _ p: UnsafePointer<UInt8>, _ n: Int, into out: inout [UInt8], keep: Bool = true
  ) throws {
    var k = 0
    while k < n {
      let b = p[k]
      switch b {
      case 0x0D:
        if keep { out.append(0x0A) }
        k += k + 1 < n && p[k + 1] == 0x0A ? 2 : 1
      case 0x09, 0x0A, 0x20..<0x80:
        if keep { out.append(b) }
        k += 1
      case 0x80...:
        let m = try sequence(p, k, n)
        if keep { out.append(contentsOf: UnsafeBufferPointer(start: p + k, count: m)) }
        k += m
      default:
        throw XMLScanBail(reason: "a control character")
      }
    }
  }

  /// A reference at `p[k]` (`&`): its text appended to `out`; the index after its `;`.
  static func reference(
    _ p: UnsafePointer<UInt8>, _ k: Int, _ n: Int, into out: inout [UInt8]
  ) throws -> Int {
    var semi = k + 1
    while semi < n && semi - k <= 10 && p[semi] != UInt8(ascii: ";") { semi += 1 }
    guard semi < n, p[semi] == UInt8(ascii: ";") else {
      throw XMLScanBail(reason: "a reference without ;")
    }
    let name = UnsafeBufferPointer(start: p + k + 1, count: semi - k - 1)
    if let c = predefined(name) {
      out.append(c)
      return semi + 1
    }
    guard name.count >= 2, name[0] == UInt8(ascii: "#") else {
      throw XMLScanBail(reason: "an entity other than the five predefined ones")
    }
    let hex = name[1] == UInt8(ascii: "x")
    let digits = name.dropFirst(hex ? 2 : 1)
    guard !digits.isEmpty, digits.count <= (hex ? 6 : 7),
      let v = UInt32(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 10),
      v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v <= 0xD7FF)
        || (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF),
      let scalar = Unicode.Scalar(v),
      digits.allSatisfy({ hex ? $0.isHexDigit : ($0 >= 0x30 && $0 <= 0x39) })
    else { throw XMLScanBail(reason: "a character reference") }
    out.append(contentsOf: UTF8.encode(scalar)!)
    return semi + 1
  }

  private static func predefined(_ name: UnsafeBufferPointer<UInt8>) -> UInt8? {
    switch name.count {
    case 2 where name[1] == UInt8(ascii: "t"):
      return name[0] == UInt8(ascii: "l")
        ? XMLChar.lt : name[0] == UInt8(ascii: "g") ? XMLChar.gt : nil
    case 3 where name.elementsEqual("amp".utf8): return XMLChar.amp
    case 4 where name.elementsEqual("quot".utf8): return XMLChar.quote
    case 4 where name.elementsEqual("apos".utf8): return XMLChar.apostrophe
    default: return nil
    }
  }
}

extension UInt8 {
  fileprivate var isHexDigit: Bool {
    (self >= 0x30 && self <= 0x39) || (self | 0x20 >= 0x61 && self | 0x20 <= 0x66)
  }
}

/// The start of a part (byte-order mark, XML declaration) and the `<!` constructs.
enum XMLProlog {
  /// Where the content starts, after a UTF-8 byte-order mark and an XML declaration of version
  /// 1.0 in UTF-8 (`nil`: the buffer is too short to tell).
  static func declaration(_ p: UnsafePointer<UInt8>, _ n: Int, final: Bool) throws -> Int? {
    if n < 6 && !final { return nil }
    var i = 0
    if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { i = 3 }
    guard n - i >= 6, memcmp(p + i, "<?xml", 5) == 0, XMLChar.isSpace(p[i + 5]) else {
      return i
    }
    var end = i + 6
    while end + 1 < n && !(p[end] == XMLChar.question && p[end + 1] == XMLChar.gt) { end += 1 }
    guard end + 1 < n else {
      if final || n > 4096 { throw XMLScanBail(reason: "an XML declaration") }
      return nil
    }
    var d = DeclarationCursor(p: p, at: i + 5, end: end)
    guard d.pseudo("version")?.elementsEqual("1.0".utf8) == true else {
      throw XMLScanBail(reason: "an XML version other than 1.0")
    }
    if let e = d.pseudo("encoding"),
      !(e.count == 5 && e.map({ $0 | 0x20 }).elementsEqual("utf-8".utf8))
    {
      throw XMLScanBail(reason: "an encoding other than UTF-8")
    }
    if let s = d.pseudo("standalone"), !s.elementsEqual("yes".utf8), !s.elementsEqual("no".utf8) {
      throw XMLScanBail(reason: "a standalone value")
    }
    d.skipSpaces()
    guard d.at == end else { throw XMLScanBail(reason: "an XML declaration") }
    return end + 2
  }

  /// `<!` at `p[i]`: a comment (skipped) or, in the root element, a CDATA section (its text
  /// sent); anything else bails. The index after it, or `nil` if the buffer ends inside it.
  static func special(
    _ scanner: XMLByteScanner, _ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, inContent: Bool
  ) throws -> Int? {
    guard let comment = starts(p, i, n, "<!--") else { return nil }
    if comment {
      var k = i + 4
      while true {
        guard let m = XMLChar.find(UInt8(ascii: "-"), p, from: k, n) else { return nil }
        guard m + 2 < n else { return nil }
        if p[m + 1] == UInt8(ascii: "-") {
          guard p[m + 2] == XMLChar.gt else { throw XMLScanBail(reason: "-- in a comment") }
          var none: [UInt8] = []
          try XMLChar.decodeRaw(p + i + 4, m - i - 4, into: &none, keep: false)
          return m + 3
        }
        k = m + 1
      }
    }
    guard let cdata = starts(p, i, n, "<![CDATA[") else { return nil }
    guard cdata, inContent else { throw XMLScanBail(reason: "a DOCTYPE or a declaration") }
    var k = i + 9
    while true {
      guard let m = XMLChar.find(UInt8(ascii: "]"), p, from: k, n) else { return nil }
      guard m + 2 < n else { return nil }
      if p[m + 1] == UInt8(ascii: "]") && p[m + 2] == XMLChar.gt {
        try scanner.cdata(p + i + 9, m - i - 9)
        return m + 3
      }
      k = m + 1
    }
  }

  /// Whether `p[i...]` starts with `literal` (`nil`: too short to tell).
  private static func starts(
    _ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ literal: StaticString
  ) -> Bool? {
    let l = literal.utf8Start
    let count = literal.utf8CodeUnitCount
    for k in 0..<count {
      guard i + k < n else { return nil }
      if p[i + k] != l[k] { return false }
    }
    return true
  }
}

/// Reads the pseudo-attributes of an XML declaration in order.
private struct DeclarationCursor {
  let p: UnsafePointer<UInt8>
  var at: Int
  let end: Int

  mutating func skipSpaces() {
    while at < end && XMLChar.isSpace(p[at]) { at += 1 }
  }

  /// The value of `name` if it comes next (after at least one space), as written.
  mutating func pseudo(_ name: StaticString) -> [UInt8]? {
    var k = at
    while k < end && XMLChar.isSpace(p[k]) { k += 1 }
    let count = name.utf8CodeUnitCount
    guard k > at, k + count <= end, memcmp(p + k, name.utf8Start, count) == 0 else { return nil }
    k += count
    while k < end && XMLChar.isSpace(p[k]) { k += 1 }
    guard k < end, p[k] == XMLChar.equals else { return nil }
    k += 1
    while k < end && XMLChar.isSpace(p[k]) { k += 1 }
    guard k < end, p[k] == XMLChar.quote || p[k] == XMLChar.apostrophe else { return nil }
    let quote = p[k]
    let start = k + 1
    var e = start
    while e < end && p[e] != quote { e += 1 }
    guard e < end else { return nil }
    at = e + 1
    return Array(UnsafeBufferPointer(start: p + start, count: e - start))
  }
}
