/// A JSON value with ordered object keys, so that output is stable and diffable.
public indirect enum JSON: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  /// Written with up to 6 significant decimals; NaN and infinity are written as `null`.
  case number(Double)
  case string(String)
  case array([JSON])
  case object([(String, JSON)])

  public static func == (a: JSON, b: JSON) -> Bool { a.serialized() == b.serialized() }

  /// `nil` becomes `null`.
  public static func optional(_ d: Double?) -> JSON { d.map { .number($0) } ?? .null }
  public static func optional(_ s: String?) -> JSON { s.map { .string($0) } ?? .null }
  public static func optional(_ i: Int?) -> JSON { i.map { .int($0) } ?? .null }

  /// The JSON text; `pretty` indents with two spaces.
  public func serialized(pretty: Bool = true) -> String {
    var out = ""
    write(to: &out, indent: pretty ? 0 : nil)
    return out
  }

  private func write(to out: inout String, indent: Int?) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .number(let d):
      if !d.isFinite {
        out += "null"
      } else if d == d.rounded() && abs(d) < 1e15 {
        out += String(Int64(d))
      } else {
        var s = String(format6(d))
        if s.hasPrefix(".") { s = "0" + s }
        out += s
      }
    case .string(let s): JSON.escape(s, into: &out)
    case .array(let a):
      if a.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (i, v) in a.enumerated() {
        if i > 0 { out += "," }
        if let indent {
          out += "\n" + String(repeating: "  ", count: indent + 1)
          v.write(to: &out, indent: indent + 1)
        } else {
          v.write(to: &out, indent: nil)
        }
      }
      if let indent { out += "\n" + String(repeating: "  ", count: indent) }
      out += "]"
    case .object(let o):
      if o.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (i, (k, v)) in o.enumerated() {
        if i > 0 { out += "," }
        if let indent { out += "\n" + String(repeating: "  ", count: indent + 1) }
        JSON.escape(k, into: &out)
        out += indent == nil ? ":" : ": "
        v.write(to: &out, indent: indent.map { $0 + 1 })
      }
      if let indent { out += "\n" + String(repeating: "  ", count: indent) }
      out += "}"
    }
  }

  private func format6(_ d: Double) -> String {
    // Round to 6 decimals without Foundation's formatter, then trim zeros.
    let scaled = (d * 1_000_000).rounded()
    let neg = scaled < 0
    let v = Int64(abs(scaled))
    let ip = v / 1_000_000
    var fp = String(v % 1_000_000)
    fp = String(repeating: "0", count: 6 - fp.count) + fp
    while fp.hasSuffix("0") { fp.removeLast() }
    return (neg ? "-" : "") + String(ip) + (fp.isEmpty ? "" : "." + fp)
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
