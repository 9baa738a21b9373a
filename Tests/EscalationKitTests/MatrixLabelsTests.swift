import Foundation
import Testing

@testable import EscalationKit

/// Label matching as docs/model.md#matching-labels defines it, on matrix files and for the log importer.
@Suite struct MatrixLabelsTests {
  let two = Level(rawValue: 2)!

  func kind<V>(_ m: LabelDictionary<V>.Match) -> LabelMatchKind? {
    if case .found(_, let k, _) = m { return k }
    return nil
  }

  func value<V>(_ m: LabelDictionary<V>.Match) -> V? {
    if case .found(let v, _, _) = m { return v }
    return nil
  }

  @Test func seedNoBreakSpaceAndApostropheAreExact() {
    // The seed writes "Remontée de niveau\u{00A0}2" and "Résiliation d’abonnements"; both the
    // seed's form and what a keyboard types match exactly.
    let levels = MatrixLabelTables.levelHeaders(primary: .fr)
    #expect(kind(levels.match("Remontée de niveau\u{00A0}2")) == .exact)
    #expect(kind(levels.match("Remontée de niveau 2")) == .exact)
    #expect(value(levels.match("Remontée de niveau\u{202F}2")) == two)
    let rows = MatrixLabelTables.rowLabels(primary: .fr)
    #expect(kind(rows.match("Résiliation d’abonnements")) == .exact)
    #expect(kind(rows.match("Résiliation d'abonnements")) == .exact)
    // ‘ and ` only match after normalization.
    #expect(kind(rows.match("Résiliation d‘abonnements")) == .loose)
    #expect(value(rows.match("Résiliation d`abonnements")) == .category(.subscriptionCancellations))
  }

  @Test func nfdFileAsMacOSWritesIt() throws {
    let path = MatrixFixture.fixture("nfd-mac.csv")
    // The fixture really is decomposed: "é" as e + U+0301 (CC 81 in UTF-8).
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(
      bytes.indices.dropLast(2).contains {
        bytes[$0] == 0x65 && bytes[$0 + 1] == 0xCC && bytes[$0 + 2] == 0x81
      })
    let r = try MatrixLoader.load(path: path)
    #expect(r.findings.isEmpty)
    #expect(r.language == .fr)
    #expect(r.matrix == Matrix.canonical(.fr))
    #expect(r.dialect?.delimiter == UInt8(ascii: ","))
  }

  @Test func caseAndAccentsMatchWithAWarning() {
    var rows = MatrixFixture.rows(.fr)
    rows[7][0] = "ACHAT DE MATERIEL"
    rows[0][3] = "remontee de NIVEAU 3"
    let (doc, f) = MatrixFixture.analyze(rows)
    #expect(f.map(\.code) == ["MTX101", "MTX101"])
    #expect(f.map(\.column) == [4, 1])
    #expect(doc?.rowLabels[.category(.equipmentPurchase)]?.text == "ACHAT DE MATERIEL")
    #expect(doc?.levelHeaders[Level(rawValue: 3)!]?.position == MatrixPosition(line: 1, column: 4))
    #expect(doc?.matrix == Matrix.canonical(.fr))
  }

  @Test func otherLanguageLabelsAreNotedAndTheMajorityDecides() {
    // French headers and 7 French categories, one English: a French matrix with one note.
    var rows = MatrixFixture.rows(.fr)
    rows[4][0] = "Guidance acquisition"
    let (doc, f) = MatrixFixture.analyze(rows)
    #expect(doc?.language == .fr)
    #expect(f.map(\.code) == ["MTX201"])
    // English labels with French texts: an English matrix whose 36 texts all differ from the
    // English canonical ones (the diff is MatrixDiff's, not the reader's).
    var mixed = MatrixFixture.rows(.en)
    for i in 1..<mixed.count { mixed[i] = [mixed[i][0]] + MatrixFixture.rows(.fr)[i].dropFirst() }
    let (mdoc, mf) = MatrixFixture.analyze(mixed)
    #expect(mdoc?.language == .en && mf.isEmpty)
    #expect(mdoc.map { MatrixDiff.changes($0, against: .canonical(.en)).count } == 36)
  }

  @Test func levelHeaderAliases() {
    let d = MatrixLabelTables.levelHeaders(primary: .en)
    for alias in [
      "L2", "N2", "Niveau 2", "Level 2", "Escalation level 2", "niveau 2", "l2", "2",
    ] {
      #expect(value(d.match(alias)) == two, "\(alias)")
      #expect(kind(d.match(alias)) == .alias, "\(alias)")
    }
    #expect(kind(d.match("Level 2 escalation")) == .exact)
    #expect(kind(d.match("Remontée de niveau 2")) == .otherLanguage)
    // Not a level: suggestion of the closest header.
    guard case .notFound(let s) = d.match("Level 2 escalaton") else { return #expect(Bool(false)) }
    #expect(s == "Level 2 escalation")
  }

  @Test func rowAliasesInAFile() {
    var rows = MatrixFixture.rows(.en)
    rows[1][0] = "Owner"
    rows[2][0] = "operational-challenges"
    let (doc, f) = MatrixFixture.analyze(rows)
    #expect(f.map(\.code) == ["MTX202", "MTX202"])
    #expect(f.first?.message == "role label \"Owner\" is an alias; read as \"Operational role\"")
    #expect(doc?.matrix == Matrix.canonical(.en))
  }

  @Test func importerResolvesLevelsFromRolesAsWritten() {
    // An edited matrix where the level-2 role was renamed: the log importer must resolve the new
    // name, and still the canonical names and aliases.
    var rows = MatrixFixture.rows(.fr)
    rows[1][2] = "Responsable de livraison"
    rows[8][0] = "PROBLÈMES DE PERFORMANCES"
    let (doc, _) = MatrixFixture.analyze(rows)
    let labels = MatrixLabels(language: .fr, document: doc)
    #expect(value(labels.level("Responsable de livraison")) == two)
    #expect(kind(labels.level("Responsable de livraison")) == .exact)
    #expect(value(labels.level("Cheffe de projet")) == two)
    #expect(kind(labels.level("Chef de projet")) == .alias)
    #expect(value(labels.level("Project manager")) == two)
    #expect(kind(labels.level("Project manager")) == .otherLanguage)
    #expect(value(labels.level("Responsable commercial")) == Level(rawValue: 4))
    #expect(value(labels.level("L3")) == Level(rawValue: 3))
    #expect(kind(labels.level("1")) == .exact)
    #expect(value(labels.level("Remontée de niveau 4")) == Level(rawValue: 4))
    #expect(kind(labels.level("Escalation level 2")) == .alias)
    // Categories: as written in the matrix (exact), canonical in both languages, the key.
    #expect(kind(labels.category("PROBLÈMES DE PERFORMANCES")) == .exact)
    #expect(value(labels.category("Problèmes de performances")) == .performanceIssues)
    #expect(kind(labels.category("Equipment purchase")) == .otherLanguage)
    #expect(value(labels.category("equipment-purchase")) == .equipmentPurchase)
    #expect(kind(labels.category("equipment-purchase")) == .alias)
    guard case .notFound(let s) = labels.category("Achat de materiels") else {
      return #expect(Bool(false))
    }
    #expect(s == "Achat de matériel")
  }
}
