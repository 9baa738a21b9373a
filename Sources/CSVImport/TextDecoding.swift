/// The text encodings the reader recognises, as spreadsheet programs write them.
public enum TextEncoding: String, Sendable, Equatable {
  /// UTF-8 without a byte order mark.
  case utf8 = "UTF-8"
  /// UTF-8 with a byte order mark (Excel's "CSV UTF-8").
  case utf8BOM = "UTF-8 with BOM"
  /// UTF-16 little endian with a BOM (Excel's "Unicode text").
  case utf16LE = "UTF-16 LE"
  /// UTF-16 big endian with a BOM.
  case utf16BE = "UTF-16 BE"
  /// UTF-16 little endian recognised without a BOM (from its NUL bytes).
  case utf16LENoBOM = "UTF-16 LE without BOM"
  /// UTF-16 big endian recognised without a BOM.
  case utf16BENoBOM = "UTF-16 BE without BOM"
  /// Windows-1252 (Excel's "CSV" on Windows), chosen when the bytes are not valid UTF-8.
  case windows1252 = "Windows-1252"
}

/// Turns the blocks of a file into UTF-8, whatever the file's encoding.
///
/// The encoding is decided from the first block. A sequence cut by a block boundary is carried
/// to the next block.
struct TextDecoder {
  private(set) var encoding: TextEncoding
  private var carry: [UInt8] = []

  /// Decides the encoding from the first bytes of the file and says how many BOM bytes to skip.
  static func detect(_ head: UnsafeRawBufferPointer, isComplete: Bool) -> (
    TextEncoding, bomLength: Int
  ) {
    let b = head.bindMemory(to: UInt8.self)
    if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return (.utf8BOM, 3) }
    if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return (.utf16LE, 2) }
    if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return (.utf16BE, 2) }
    // UTF-16 without a BOM: ASCII text has a NUL in every other byte.
    let sample = min(b.count, 4096) & ~1
    if sample >= 4 {
      var evenZeros = 0
      var oddZeros = 0
      var i = 0
      while i < sample {
        if b[i] == 0 { evenZeros += 1 }
        if b[i + 1] == 0 { oddZeros += 1 }
        i += 2
      }
      let pairs = sample / 2
      if oddZeros * 10 >= pairs * 4 && evenZeros * 20 <= pairs { return (.utf16LENoBOM, 0) }
      if evenZeros * 10 >= pairs * 4 && oddZeros * 20 <= pairs { return (.utf16BENoBOM, 0) }
    }
    // UTF-8 unless the sample holds an invalid sequence (a sequence cut at the end of an
    // incomplete sample does not count).
    let check = min(b.count, 1 << 16)
    let r = validateUTF8(UnsafeBufferPointer(rebasing: b[0..<check]))
    if let bad = r.invalidAt {
      _ = bad
      return (.windows1252, 0)
    }
    if isComplete && r.validPrefix < check { return (.windows1252, 0) }
    return (.utf8, 0)
  }

  init(encoding: TextEncoding) {
    self.encoding = encoding
  }

  /// Outcome of decoding one block.
  enum Outcome {
    case ok
    /// Output holds the valid prefix; the next byte is invalid.
    case invalidUTF8
    case invalidUTF16
  }

  /// Decodes `input` (after any BOM) and appends UTF-8 to `output`.
  /// - Parameter isLast: the block is the end of the file, so no sequence may be left open.
  mutating func decode(_ input: UnsafeRawBufferPointer, isLast: Bool, into output: inout [UInt8])
    -> Outcome
  {
    var bytes: UnsafeBufferPointer<UInt8>
    var joined: [UInt8] = []
    if carry.isEmpty {
      bytes = input.bindMemory(to: UInt8.self)
    } else {
      joined = carry
      joined.append(contentsOf: input.bindMemory(to: UInt8.self))
      carry.removeAll(keepingCapacity: true)
      bytes = joined.withUnsafeBufferPointer { $0 }
    }
    return withExtendedLifetime(joined) { () -> Outcome in
      switch encoding {
      case .utf8, .utf8BOM:
        let r = validateUTF8(bytes)
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<r.validPrefix]))
        if r.invalidAt != nil { return .invalidUTF8 }
        if r.validPrefix < bytes.count {
          if isLast { return .invalidUTF8 }
          carry.append(contentsOf: bytes[r.validPrefix...])
        }
        return .ok
      case .windows1252:
        output.reserveCapacity(output.count + bytes.count)
        for byte in bytes {
          if byte < 0x80 {
            output.append(byte)
          } else {
            appendScalar(TextDecoder.cp1252[Int(byte) - 0x80], to: &output)
          }
        }
        return .ok
      case .utf16LE, .utf16BE, .utf16LENoBOM, .utf16BENoBOM:
        let little = encoding == .utf16LE || encoding == .utf16LENoBOM
        var i = 0
        let n = bytes.count
        output.reserveCapacity(output.count + n)
        while i + 1 < n {
          let u =
            little
            ? UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8
            : UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1])
          if u >= 0xD800 && u < 0xDC00 {
            if i + 3 >= n {
              if isLast { return .invalidUTF16 }
              break
            }
            let l =
              little
              ? UInt32(bytes[i + 2]) | UInt32(bytes[i + 3]) << 8
              : UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
            guard l >= 0xDC00 && l < 0xE000 else { return .invalidUTF16 }
            appendScalar(0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00), to: &output)
            i += 4
          } else if u >= 0xDC00 && u < 0xE000 {
            return .invalidUTF16
          } else {
            appendScalar(u, to: &output)
            i += 2
          }
        }
        if i < n {
          if isLast { return .invalidUTF16 }
          carry.append(contentsOf: bytes[i...])
        }
        return .ok
      }
    }
  }

  @inline(__always)
  private func appendScalar(_ v: UInt32, to out: inout [UInt8]) {
    if v < 0x80 {
      out.append(UInt8(v))
    } else if v < 0x800 {
      out.append(UInt8(0xC0 | (v >> 6)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    } else if v < 0x10000 {
      out.append(UInt8(0xE0 | (v >> 12)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    } else {
      out.append(UInt8(0xF0 | (v >> 18)))
      out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    }
  }

  /// Windows-1252 bytes 0x80–0xFF as Unicode scalars (undefined bytes map to the C1 control
  /// of the same value, as Windows does).
  static let cp1252: [UInt32] =
    [
      0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
      0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ] + (0xA0...0xFF).map { UInt32($0) }
}

/// Result of checking a buffer for UTF-8 validity.
struct UTF8Validation {
  /// Length of the longest prefix made only of complete, valid sequences.
  var validPrefix: Int
  /// Offset of the first invalid byte, or `nil` when the only problem is a sequence cut at the end.
  var invalidAt: Int?
}

/// Checks `b` for well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF).
func validateUTF8(_ b: UnsafeBufferPointer<UInt8>) -> UTF8Validation {
  let n = b.count
  guard let base = b.baseAddress else { return UTF8Validation(validPrefix: 0, invalidAt: nil) }
  var i = 0
  while i < n {
    // ASCII fast path, 8 bytes at a time.
    while i + 8 <= n {
      let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
      let high = w & 0x8080_8080_8080_8080
      if high != 0 {
        // Skip the ASCII bytes before the first non-ASCII one (little-endian load).
        i += high.trailingZeroBitCount >> 3
        break
      }
      i += 8
    }
    if i >= n { break }
    let c = base[i]
    if c < 0x80 {
      i += 1
      continue
    }
    let len: Int
    var lo: UInt8 = 0x80
    var hi: UInt8 = 0xBF
    switch c {
    case 0xC2...0xDF: len = 2
    case 0xE0:
      len = 3
      lo = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: len = 3
    case 0xED:
      len = 3
      hi = 0x9F
    case 0xF0:
      len = 4
      lo = 0x90
    case 0xF1...0xF3: len = 4
    case 0xF4:
      len = 4
      hi = 0x8F
    default: return UTF8Validation(validPrefix: i, invalidAt: i)
    }
    if i + len > n {
      // Possibly cut by the end of the buffer: check the bytes present.
      var j = i + 1
      while j < n {
        let t = base[j]
        if j == i + 1 ? (t < lo || t > hi) : (t < 0x80 || t > 0xBF) {
          return UTF8Validation(validPrefix: i, invalidAt: i)
        }
        j += 1
      }
      return UTF8Validation(validPrefix: i, invalidAt: nil)
    }
    let t1 = base[i + 1]
    if t1 < lo || t1 > hi { return UTF8Validation(validPrefix: i, invalidAt: i) }
    if len >= 3 {
      let t2 = base[i + 2]
      if t2 < 0x80 || t2 > 0xBF { return UTF8Validation(validPrefix: i, invalidAt: i) }
    }
    if len == 4 {
      let t3 = base[i + 3]
      if t3 < 0x80 || t3 > 0xBF { return UTF8Validation(validPrefix: i, invalidAt: i) }
    }
    i += len
  }
  return UTF8Validation(validPrefix: n, invalidAt: nil)
}
