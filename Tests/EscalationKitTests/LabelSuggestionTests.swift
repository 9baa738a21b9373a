import Testing

@testable import EscalationKit

/// The bounded search in `LabelDictionary.suggestion` must pick what a full scan picks: the
/// first label at the smallest distance, when that distance is within max(2, length / 3).
@Suite struct LabelSuggestionTests {
  /// The full scan the dictionary used before the pre-filter (labels with distinct keys).
  static func fullScan(_ text: String, _ labels: [String]) -> String? {
    let k = LabelNormalizer.key(text)
    guard !k.isEmpty else { return nil }
    var best: (Int, String)?
    for l in labels {
      let d = LabelNormalizer.distance(k, LabelNormalizer.key(l))
      if best == nil || d < best!.0 { best = (d, l) }
    }
    guard let (d, label) = best else { return nil }
    return d <= max(2, k.unicodeScalars.count / 3) ? label : nil
  }

  static let labels = [
    "Remontée de niveau 1", "Remontée de niveau 2", "Remontée de niveau 3",
    "Remontée de niveau 4", "Défis opérationnels", "Achat de matériel", "L2", "N3", "ab",
    "Operational challenges", "Level 1 escalation", "Rôle opérationnel", "x",
  ]

  static func dictionary() -> LabelDictionary<Int> {
    var d = LabelDictionary<Int>()
    for (i, l) in labels.enumerated() { d.add(l, i) }
    return d
  }

  @Test func boundedSearchAgreesWithFullScan() {
    let d = Self.dictionary()
    // Random edits of the labels (and of nothing): deletions, insertions, substitutions over a
    // small alphabet so that near misses, ties and far misses all occur.
    var rng = SampleRandom(seed: 7)
    let alphabet = Array("aeiounr 1234lLéÉx-'".unicodeScalars)
    var checked = 0
    var suggested = 0
    for _ in 0..<3000 {
      var s = Array(Self.labels[Int(rng.next() % UInt64(Self.labels.count))].unicodeScalars)
      if rng.next() % 8 == 0 { s = [] }
      for _ in 0..<Int(rng.next() % 9) {
        let op = rng.next() % 3
        let at = s.isEmpty ? 0 : Int(rng.next() % UInt64(s.count))
        let c = alphabet[Int(rng.next() % UInt64(alphabet.count))]
        switch op {
        case 0 where !s.isEmpty: s.remove(at: at)
        case 1: s.insert(c, at: at)
        default: if !s.isEmpty { s[at] = c }
        }
      }
      var text = ""
      text.unicodeScalars.append(contentsOf: s)
      let expected = Self.fullScan(text, Self.labels)
      #expect(d.suggestion(for: text) == expected, "\(text)")
      checked += 1
      if expected != nil { suggested += 1 }
    }
    // Both outcomes exercised.
    #expect(suggested > 300 && suggested < checked - 300)
  }

  @Test func tiesKeepTheFirstLabel() {
    // "Remontée de niveau 5" is one substitution from each of levels 1-4: the first wins.
    #expect(Self.dictionary().suggestion(for: "Remontée de niveau 5") == "Remontée de niveau 1")
  }

  @Test func veryLongTextGetsNoSuggestion() {
    // A 300-scalar label and a text one edit away from it: a full scan suggests it, the
    // capped search does not (past 200 scalars no suggestion is searched).
    let longLabel = String(repeating: "abc", count: 100)
    var d = Self.dictionary()
    d.add(longLabel, 99)
    let oneOff = "z" + longLabel.dropFirst()
    #expect(Self.fullScan(oneOff, Self.labels + [longLabel]) == longLabel)
    #expect(d.suggestion(for: oneOff) == nil)
    // With labels of normal length the cap changes nothing: a 201-scalar text is at least
    // 201 - 22 edits from the longest one here, over its limit of 201 / 3 = 67.
    let text201 = String(repeating: "é", count: 201)
    #expect(Self.fullScan(text201, Self.labels) == nil)
    #expect(Self.dictionary().suggestion(for: text201) == nil)
    // The cap is on the text: a 200-scalar text one edit from a 200-scalar label still gets it.
    let label200 = String(repeating: "abcd", count: 50)
    var d200 = Self.dictionary()
    d200.add(label200, 98)
    #expect(d200.suggestion(for: "z" + label200.dropFirst()) == label200)
    #expect(d200.suggestion(for: "z" + label200) == nil)  // 201 scalars
  }

  @Test func boundedDistance() {
    let k = Array("kitten".unicodeScalars)
    let s = Array("sitting".unicodeScalars)
    // The true distance is 3.
    #expect(LabelNormalizer.distance(k, s, atMost: 3) == 3)
    #expect(LabelNormalizer.distance(k, s, atMost: 5) == 3)
    #expect(LabelNormalizer.distance(k, s, atMost: 2) == 3)
    #expect(LabelNormalizer.distance(k, s, atMost: 0) == 1)
    // Length difference alone exceeds the bound.
    #expect(LabelNormalizer.distance([], Array("abcd".unicodeScalars), atMost: 3) == 4)
    #expect(LabelNormalizer.distance([], Array("abc".unicodeScalars), atMost: 3) == 3)
  }
}
