import Foundation

/// A small JSON Schema (2020-12) checker for the keywords docs/schema/ uses: `type`, `const`,
/// `enum`, `properties`, `required`, `additionalProperties`, `propertyNames`, `items`,
/// `minimum`, `maximum`, `pattern`, `$ref` (to `#/$defs/…`), `allOf`, `anyOf`. An unknown
/// keyword is an error, so that a schema cannot silently check less than it says.
struct JSONSchemaChecker {
  let root: [String: Any]

  init(path: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    root = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
  }

  /// The problems of `value` (parsed with JSONSerialization), each as `path: what`.
  func problems(_ value: Any) -> [String] {
    var out: [String] = []
    check(value, root, "$", &out)
    return out
  }

  static let known: Set<String> = [
    "$schema", "$id", "title", "description", "$defs", "type", "const", "enum", "properties",
    "required", "additionalProperties", "propertyNames", "items", "minimum", "maximum", "pattern",
    "$ref", "allOf", "anyOf",
  ]

  private func check(_ v: Any, _ s: [String: Any], _ path: String, _ out: inout [String]) {
    for key in s.keys where !Self.known.contains(key) { out.append("\(path): keyword \(key)?") }
    if let ref = s["$ref"] as? String {
      let name = ref.replacingOccurrences(of: "#/$defs/", with: "")
      if let defs = root["$defs"] as? [String: Any], let d = defs[name] as? [String: Any] {
        check(v, d, path, &out)
      } else {
        out.append("\(path): no definition \(ref)")
      }
    }
    if let all = s["allOf"] as? [[String: Any]] { for a in all { check(v, a, path, &out) } }
    if let any = s["anyOf"] as? [[String: Any]] {
      let ok = any.contains { a in
        var o: [String] = []
        check(v, a, path, &o)
        return o.isEmpty
      }
      if !ok { out.append("\(path): matches none of anyOf") }
    }
    if let t = s["type"] {
      let types = (t as? [String]) ?? [t as? String ?? ""]
      if !types.contains(where: { Self.isType(v, $0) }) {
        out.append("\(path): \(Self.describe(v)) is not of type \(types)")
        return
      }
    }
    if let c = s["const"], !Self.equal(v, c) { out.append("\(path): \(Self.describe(v)) ≠ const") }
    if let e = s["enum"] as? [Any], !e.contains(where: { Self.equal(v, $0) }) {
      out.append("\(path): \(Self.describe(v)) not in enum")
    }
    if let n = Self.number(v) {
      if let m = s["minimum"] as? NSNumber, n < m.doubleValue { out.append("\(path): \(n) < \(m)") }
      if let m = s["maximum"] as? NSNumber, n > m.doubleValue { out.append("\(path): \(n) > \(m)") }
    }
    if let str = v as? String, let p = s["pattern"] as? String,
      str.range(of: p, options: .regularExpression) == nil
    {
      out.append("\(path): \"\(str)\" does not match \(p)")
    }
    if let o = v as? [String: Any] { checkObject(o, s, path, &out) }
    if let a = v as? [Any], let items = s["items"] as? [String: Any] {
      for (i, x) in a.enumerated() { check(x, items, "\(path)[\(i)]", &out) }
    }
  }

  private func checkObject(
    _ o: [String: Any], _ s: [String: Any], _ path: String, _ out: inout [String]
  ) {
    for r in s["required"] as? [String] ?? [] where o[r] == nil {
      out.append("\(path): missing \(r)")
    }
    let props = s["properties"] as? [String: Any] ?? [:]
    for (k, x) in o {
      if let names = s["propertyNames"] as? [String: Any] { check(k, names, "\(path).\(k)", &out) }
      if let p = props[k] as? [String: Any] {
        check(x, p, "\(path).\(k)", &out)
      } else if let extra = s["additionalProperties"] {
        if let allowed = extra as? Bool, !allowed {
          out.append("\(path): unexpected key \(k)")
        } else if let e = extra as? [String: Any] {
          check(x, e, "\(path).\(k)", &out)
        }
      }
    }
  }

  static func isBool(_ v: Any) -> Bool {
    // JSONSerialization gives booleans as NSNumber of Objective-C type "c" (char).
    guard let n = v as? NSNumber else { return false }
    return String(cString: n.objCType) == "c"
  }

  static func number(_ v: Any) -> Double? {
    guard let n = v as? NSNumber, !isBool(n) else { return nil }
    return n.doubleValue
  }

  static func isType(_ v: Any, _ t: String) -> Bool {
    switch t {
    case "null": return v is NSNull
    case "boolean": return isBool(v)
    case "integer": return number(v).map { $0 == $0.rounded() } ?? false
    case "number": return number(v) != nil
    case "string": return v is String
    case "array": return v is [Any]
    case "object": return v is [String: Any]
    default: return false
    }
  }

  static func equal(_ a: Any, _ b: Any) -> Bool {
    if a is NSNull || b is NSNull { return a is NSNull && b is NSNull }
    if isBool(a) || isBool(b) { return isBool(a) && isBool(b) && (a as? Bool) == (b as? Bool) }
    if let x = number(a), let y = number(b) { return x == y }
    if let x = a as? String, let y = b as? String { return x == y }
    return false
  }

  static func describe(_ v: Any) -> String { String(describing: v).prefix(60).description }
}
