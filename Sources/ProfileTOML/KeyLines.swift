import Foundation

/// The line of each key in a profile's text.
///
/// TOMLKit reports positions for syntax errors only, not for the keys of a parsed document, so
/// the line a profile error points to comes from this small scan of the text: `[table]` headers
/// and `key =` lines (bare or quoted keys), recorded as `table.key` (top-level keys alone). It
/// does not parse TOML (TOMLKit does): a key inside a multi-line string or array would be missed
/// and the error would then carry the table's line, or no line.
struct KeyLines {
  private(set) var lines: [String: Int] = [:]

  init(text: String) {
    var table = ""
    var number = 0
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      let line = raw.drop { $0 == " " || $0 == "\t" }
      guard let first = line.first, first != "#" else { continue }
      if first == "[" {
        let inner = line.drop { $0 == "[" }
        guard let close = inner.firstIndex(of: "]") else { continue }
        table = KeyLines.unquotedPath(inner[..<close])
        if lines["[\(table)]"] == nil { lines["[\(table)]"] = number }
        continue
      }
      guard let (key, _) = KeyLines.key(line) else { continue }
      let path = table.isEmpty ? key : "\(table).\(key)"
      if lines[path] == nil { lines[path] = number }
    }
  }

  /// A dotted table name with its parts unquoted and trimmed.
  private static func unquotedPath(_ s: Substring) -> String {
    s.split(separator: ".").map { part -> String in
      var p = part.trimmingCharacters(in: .whitespaces)
      if p.count >= 2, let f = p.first, f == "\"" || f == "'", p.last == f {
        p = String(p.dropFirst().dropLast())
      }
      return p
    }.joined(separator: ".")
  }

  /// The key of a `key = value` line (bare, "quoted" or 'literal') and the rest after `=`.
  static func key(_ line: Substring) -> (String, Substring)? {
    var key = ""
    var rest = line
    if let q = line.first, q == "\"" || q == "'" {
      var i = line.index(after: line.startIndex)
      var escaped = false
      while i < line.endIndex {
        let c = line[i]
        if escaped {
          key.append(c)
          escaped = false
        } else if c == "\\" && q == "\"" {
          escaped = true
        } else if c == q {
          break
        } else {
          key.append(c)
        }
        i = line.index(after: i)
      }
      guard i < line.endIndex else { return nil }
      rest = line[line.index(after: i)...]
    } else {
      let bare = line.prefix {
        $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-"
      }
      guard !bare.isEmpty else { return nil }
      key = String(bare)
      rest = line[bare.endIndex...]
    }
    rest = rest.drop { $0 == " " || $0 == "\t" }
    guard rest.first == "=" else { return nil }
    return (key, rest.dropFirst())
  }

  subscript(_ path: String) -> Int? { lines[path] }
}
