/// A JSON value with ordered object keys, so that output is stable and diffable.
public indirect enum JSON: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  /// Written with up to 6 significant decimals; NaN and infinity are written as `null`.
  case number(Double)
  case string(String)
  case array([JSON])
  /// An array of `count` elements made one at a time as they are written (`element(i)`): a
  /// large table (the backlog, the ticket and stay tables) is never all in memory as values.
  case rows(count: Int, element: @Sendable (Int) -> JSON)
  case object([(String, JSON)])

  public static func == (a: JSON, b: JSON) -> Bool { a.serialized() == b.serialized() }

  /// `nil` becomes `null`.
  public static func optional(_ d: Double?) -> JSON { d.map { .number($0) } ?? .null }
  public static func optional(_ s: String?) -> JSON { s.map { .string($0) } ?? .null }
  public static func optional(_ i: Int?) -> JSON { i.map { .int($0) } ?? .null }

  /// The JSON text; `pretty` indents with two spaces.
  public func serialized(pretty: Bool = true) -> String {
    String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
  }

  /// The JSON text as UTF-8 bytes, `suffix` appended (e.g. a final newline); `pretty`
  /// indents with two spaces. Written into one byte buffer: no intermediate strings.
  public func serializedBytes(pretty: Bool = true, suffix: String = "") -> [UInt8] {
    var w = JSONByteWriter()
    w.write(self, indent: pretty ? 0 : nil)
    w.append(suffix)
    return w.out
  }

  static func escape(_ s: String, into out: inout String) {
    out += "\""
    // Most strings need no escape: append them whole (the loop below would copy every scalar).
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) {
      out += s
      out += "\""
      return
    }
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 || u.value == 0x7F {
          let h = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    out += "\""
  }
}
