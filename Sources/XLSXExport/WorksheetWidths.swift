internal import CLibXLSXWriter
import EscalationKit

#if canImport(Glibc)
  import Glibc
#endif

// The width estimates behind ``Worksheet/autofitColumns(minimum:maximum:)``: text, two-line
// wrapped text and numbers under a format.

extension Worksheet {
  /// The widest line of `text` in characters (capped at 255, Excel's maximum width).
  static func textWidth(_ text: String) -> Double {
    if let w = text.utf8.withContiguousStorageIfAvailable(textWidth(utf8:)) { return w }
    var widest = 0
    var current = 0
    for s in text.unicodeScalars {
      if s == "\n" {
        widest = max(widest, current)
        current = 0
      } else {
        current += 1
        if current >= 255 { return 255 }
      }
    }
    return Double(max(widest, current))
  }

  /// ``textWidth(_:)`` over the UTF-8 bytes: a character is a byte that does not continue a
  /// multi-byte sequence (the same count as the text's Unicode scalars).
  static func textWidth(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Double {
    var widest = 0
    var current = 0
    for b in bytes {
      if b == 0x0A {
        widest = max(widest, current)
        current = 0
      } else if b & 0xC0 != 0x80 {
        current += 1
        if current >= 255 { return 255 }
      }
    }
    return Double(max(widest, current))
  }

  /// The width `text` needs to fit on at most two lines when wrapped at spaces: its longest
  /// word, or the longer half of the best break (a text without spaces needs its full width).
  static func twoLineWidth(_ text: String) -> Double {
    let whole = textWidth(text)
    var best = whole
    let scalars = Array(text.unicodeScalars)
    for (i, s) in scalars.enumerated() where s == " " {
      let first = Double(i)
      let second = Double(scalars.count - i - 1)
      best = min(best, max(first, second))
    }
    return best
  }

  /// The displayed width of a number under a format (an estimate; see ``NumberWidth``).
  static func numberWidth(_ value: Double, format: String?) -> Double {
    NumberWidth(format: format).width(value)
  }
}
