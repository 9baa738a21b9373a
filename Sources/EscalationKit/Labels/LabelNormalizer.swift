import Foundation

/// Label comparison as docs/model.md#matching-labels defines it.
///
/// Two labels are the same when they are equal after: Unicode NFC normalization, case folding,
/// removing diacritics, mapping ’ ‘ ` to ', mapping no-break and thin spaces to a space,
/// collapsing runs of white space and trimming.
public enum LabelNormalizer {
  /// The comparison key of `label`.
  public static func key(_ label: String) -> String {
    // Fast path: plain ASCII needs only case folding and white-space handling.
    var ascii = true
    for b in label.utf8 where b >= 0x80 {
      ascii = false
      break
    }
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    func emit(_ s: Unicode.Scalar) {
      if pendingSpace && !out.isEmpty { out.append(" ") }
      pendingSpace = false
      out.append(s)
    }
    let source: String
    if ascii {
      source = label
    } else {
      // NFD, then drop combining marks: removes diacritics and normalizes composition.
      source = label.decomposedStringWithCanonicalMapping
    }
    for s in source.unicodeScalars {
      switch s.value {
      case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
        0x202F, 0x205F, 0x3000:
        pendingSpace = true
      case 0x2018, 0x2019, 0x0060, 0x00B4, 0x2032:
        emit("'")
      case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
        continue
      case 0x41...0x5A:
        emit(Unicode.Scalar(s.value + 0x20)!)
      default:
        if s.value < 0x80 {
          emit(s)
        } else {
          for l in String(s).lowercased().unicodeScalars { emit(l) }
        }
      }
    }
    return String(out)
  }

  /// Whether `a` and `b` are the same label.
  public static func same(_ a: String, _ b: String) -> Bool { key(a) == key(b) }

  /// Edit distance (Levenshtein) between two strings, by Unicode scalar.
  public static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    // The distance never exceeds the longer length, so this bound gives the exact value.
    return distance(x, y, atMost: max(x.count, y.count))
  }

  /// ``distance(_:_:)`` between scalar arrays when it is at most `bound`, else `bound + 1`:
  /// stops as soon as the length difference or a whole row of the table exceeds `bound`.
  static func distance(
    _ x: [Unicode.Scalar], _ y: [Unicode.Scalar], atMost bound: Int
  ) -> Int {
    if abs(x.count - y.count) > bound { return bound + 1 }
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var prev = Array(0...y.count)
    var cur = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      cur[0] = i
      var rowMin = i
      for j in 1...y.count {
        let d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
        cur[j] = d
        if d < rowMin { rowMin = d }
      }
      // Every later cell is at least its row's minimum: the result cannot come back under.
      if rowMin > bound { return bound + 1 }
      swap(&prev, &cur)
    }
    return min(prev[y.count], bound + 1)
  }
}

/// How a label was recognised.
public enum LabelMatchKind: String, Sendable, Codable {
  /// Equal to the expected label, byte for byte.
  case exact
  /// Equal only after normalization (case, accents, spaces, quotes).
  case loose
  /// The label of the other language.
  case otherLanguage = "other-language"
  /// A known alias (e.g. "Chef de projet", "L2").
  case alias
}

/// A dictionary from labels to values that matches as docs/model.md#matching-labels says and suggests the closest
/// label for a miss.
public struct LabelDictionary<Value: Sendable>: Sendable {
  private struct Entry: Sendable {
    var label: String
    var value: Value
    var kind: LabelMatchKind
  }
  private var exact: [String: Entry] = [:]
  private var byKey: [String: Entry] = [:]
  private var order: [(key: [Unicode.Scalar], label: String)] = []

  public init() {}

  /// Adds `label` for `value`. `kind` is what a match through normalization reports: `.loose`
  /// for a primary label, `.otherLanguage` or `.alias` otherwise. An exact match of a `.loose`
  /// label reports `.exact`. The first label added for a key wins.
  public mutating func add(_ label: String, _ value: Value, kind: LabelMatchKind = .loose) {
    let entry = Entry(label: label, value: value, kind: kind)
    if exact[label] == nil { exact[label] = entry }
    let k = LabelNormalizer.key(label)
    if byKey[k] == nil {
      byKey[k] = entry
      order.append((Array(k.unicodeScalars), label))
    }
  }

  /// The outcome of looking a label up.
  public enum Match {
    case found(Value, LabelMatchKind, canonical: String)
    /// No match; `suggestion` is the closest known label when it is close enough.
    case notFound(suggestion: String?)
  }

  /// Looks `text` up.
  public func match(_ text: String) -> Match {
    if let e = exact[text] {
      return .found(e.value, e.kind == .loose ? .exact : e.kind, canonical: e.label)
    }
    let k = LabelNormalizer.key(text)
    if let e = byKey[k] { return .found(e.value, e.kind, canonical: e.label) }
    return .notFound(suggestion: suggestion(forKey: k))
  }

  /// The closest known label to `text`, if within a third of its length (at least 2 edits).
  /// A text longer than ``maxSuggestionLength`` scalars (once normalized) gets none: no label
  /// is that long, and the work grows with the length.
  public func suggestion(for text: String) -> String? {
    suggestion(forKey: LabelNormalizer.key(text))
  }

  /// Past this many scalars (normalized), a text gets no suggestion.
  public static var maxSuggestionLength: Int { 200 }

  private func suggestion(forKey k: String) -> String? {
    guard !k.isEmpty else { return nil }
    let x = Array(k.unicodeScalars)
    guard x.count <= Self.maxSuggestionLength else { return nil }
    let limit = max(2, x.count / 3)
    // The first label at the smallest distance, as a full scan would pick, but each distance
    // bounded: by the limit, then by one less than the best so far (a tie does not replace).
    var best: (Int, String)?
    for (key, label) in order {
      let bound = best.map { $0.0 - 1 } ?? limit
      if bound < 0 { break }
      let d = LabelNormalizer.distance(x, key, atMost: bound)
      if d <= bound { best = (d, label) }
    }
    return best?.1
  }
}
