import Testing

@testable import EscalationKit

/// The general scanner's answer for `text`, bypassing the fixed-width fast path.
private func general(_ text: String) -> DateParseResult {
  var t = text
  return t.withUTF8 { b in
    var s = DateParser.Scanner(p: b.baseAddress!, i: 0, end: b.count)
    return DateParser.parseTrimmed(&s)
  }
}

/// The fast path's answer for `text` (`nil`: left to the general scanner).
private func fixed(_ text: String) -> RawDateTime? {
  var t = text
  return t.withUTF8 { DateParser.parseFixed($0.baseAddress!, $0.count) }
}

/// The fast paths of the importer must give exactly what the general code gives.
@Suite struct ImportFastPathTests {
  /// Every value the fixed-width parser accepts equals the general parser's value, over a grid
  /// of fields around the limits (month 0/13, day 0/29/31/32, 24:00, :60, year 0000, Feb 29
  /// in leap and common years) and all separators; every valid ISO and slashed form of the
  /// grid is taken by the fast path.
  @Test func fixedDatesMatchTheGeneralParser() {
    var taken = 0
    var checked = 0
    let years = ["0000", "0001", "1900", "2000", "2024", "2026"]
    let twos = ["00", "01", "02", "09", "12", "13", "28", "29", "30", "31", "32", "1a"]
    let times = [
      "00:00", "23:59", "24:00", "12:60", "07:29:00", "23:59:59", "07:29:60", "07h29", "7:29:00",
    ]
    for y in years {
      for a in twos {
        for b in twos {
          for t in times {
            for sep in [" ", "T", "t", "  "] {
              var texts = ["\(y)-\(a)-\(b)\(sep)\(t)"]
              for s in ["/", ".", "-"] { texts.append("\(a)\(s)\(b)\(s)\(y)\(sep)\(t)") }
              texts.append("\(y)/\(a)/\(b)\(sep)\(t)")
              for text in texts {
                checked += 1
                let g = general(text)
                if let f = fixed(text) {
                  taken += 1
                  #expect(g == .value(f), "\(text)")
                } else if case .value = g, sep != "  ", !t.hasPrefix("7:"), !t.contains("h"),
                  !text.hasPrefix("\(y)/")
                {
                  // A valid fixed-width form must not miss the fast path.
                  Issue.record("fast path missed \(text)")
                }
              }
            }
          }
        }
      }
    }
    #expect(checked == 6 * 12 * 12 * 9 * 4 * 5)
    #expect(taken > 1000)
  }

  /// Single-byte corruptions of the two common forms never make the fast path disagree.
  @Test func corruptedDatesMatchTheGeneralParser() {
    let bases = ["2026-10-03 14:05:09", "03/10/2026 14:05", "12.31.1999T23:59", "2024-02-29 00:00"]
    let bytes: [UInt8] = Array("0123456789 -/.:Tt+Z\u{7F}".utf8) + [0x00, 0xC2, 0xFF]
    for base in bases {
      let u = Array(base.utf8)
      for i in u.indices {
        for c in bytes {
          var v = u
          v[i] = c
          let text = String(decoding: v, as: UTF8.self)
          guard Array(text.utf8) == v else { continue }  // invalid UTF-8 is rejected earlier
          if let f = fixed(text) { #expect(general(text) == .value(f), "\(text)") }
        }
      }
    }
  }

  /// `trimmedField` gives the bytes with spaces, tabs and no-break spaces removed at both ends.
  @Test func trimmingKeepsInnerSpaces() {
    func trim(_ s: String) -> String {
      var t = s
      return t.withUTF8 { String(decoding: trimmedField($0), as: UTF8.self) }
    }
    #expect(trim("ESC-1") == "ESC-1")
    #expect(trim(" a b ") == "a b")
    #expect(trim("\u{A0}x\u{A0}") == "x")
    #expect(trim("\tx") == "x")
    #expect(trim("é") == "é")  // C3 A9: neither a space nor a no-break space
    #expect(trim("\u{A0}") == "")
    #expect(trim("") == "")
  }
}
