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

  /// The displayed width of a number under a format (an estimate). Scans the format's bytes:
  /// this runs for every number written.
  static func numberWidth(_ value: Double, format: String?) -> Double {
    let magnitude = abs(value)
    let digits = magnitude < 10 ? 1 : Int(log10(magnitude)) + 1
    var width = digits + (value < 0 ? 1 : 0)
    guard let format else {
      return Double(width + (value == value.rounded() ? 0 : 4))
    }
    // A duration in hours or days by a condition ("16 h 45", "1,215.5 d"): at most 10 wide.
    if format.hasPrefix("[<") { return 10 }
    var length = 0
    var isDate = false
    var decimals = 0
    var afterDot = false
    var grouped = false
    var percent = false
    for b in format.utf8 {
      length += 1
      switch b {
      case UInt8(ascii: "y"), UInt8(ascii: "d"), UInt8(ascii: "h"): isDate = true
      case UInt8(ascii: "."): afterDot = true
      case UInt8(ascii: "0") where afterDot: decimals += 1
      case UInt8(ascii: ","): grouped = true
      case UInt8(ascii: "%"): percent = true
      default: break
      }
    }
    if isDate { return Double(length) }
    if percent { width += 2 }  // ×100 and the sign
    if decimals > 0 { width += decimals + 1 }
    if grouped { width += (digits - 1) / 3 }
    return Double(width)
  }

}
