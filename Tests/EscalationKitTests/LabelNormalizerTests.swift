import Testing

@testable import EscalationKit

@Suite struct LabelNormalizerTests {
  @Test func seedQuirksMatchPlainText() {
    #expect(LabelNormalizer.same("Remontée de niveau\u{00A0}1", "remontee de niveau 1"))
    #expect(LabelNormalizer.same("Résiliation d’abonnements", "Resiliation d'abonnements"))
    #expect(LabelNormalizer.same("Résiliation d‘abonnements", "Résiliation d`abonnements"))
    #expect(LabelNormalizer.same("a\u{202F}b", "a b"))
  }

  @Test func nfdAsMacOSWritesIt() {
    let nfd = "Re\u{0301}siliation d’abonnements"
    #expect(nfd.unicodeScalars.count != "Résiliation d’abonnements".unicodeScalars.count)
    #expect(LabelNormalizer.key(nfd) == "resiliation d'abonnements")
  }

  @Test func caseAndSpaces() {
    #expect(LabelNormalizer.key("  PROBLÈMES   de\tperformances ") == "problemes de performances")
    #expect(!LabelNormalizer.same("Achat de matériel", "Achat de materiels"))
  }

  @Test func distance() {
    #expect(LabelNormalizer.distance("kitten", "sitting") == 3)
    #expect(LabelNormalizer.distance("", "abc") == 3)
  }

  @Test func dictionaryKindsAndSuggestion() {
    var d = LabelDictionary<Int>()
    d.add("Défis opérationnels", 1)
    d.add("Operational challenges", 1, kind: .otherLanguage)
    d.add("L2", 2, kind: .alias)
    guard case .found(1, .exact, _) = d.match("Défis opérationnels") else {
      return #expect(Bool(false))
    }
    guard case .found(1, .loose, _) = d.match("defis  OPERATIONNELS") else {
      return #expect(Bool(false))
    }
    guard case .found(1, .otherLanguage, _) = d.match("operational challenges") else {
      return #expect(Bool(false))
    }
    guard case .found(2, .alias, _) = d.match("l2") else { return #expect(Bool(false)) }
    guard case .notFound(let s) = d.match("Defis operationels") else { return #expect(Bool(false)) }
    #expect(s == "Défis opérationnels")
    guard case .notFound(nil) = d.match("Something else entirely") else {
      return #expect(Bool(false))
    }
  }
}
