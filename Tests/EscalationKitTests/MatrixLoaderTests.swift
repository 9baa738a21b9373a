import CSVImport
import Foundation
import Testing

@testable import EscalationKit

/// Reading matrix files: samples, encodings, orientation, positions, malformed and unreadable
/// files, diffs against the canonical matrix and a baseline.
@Suite struct MatrixLoaderTests {
  func sample(_ name: String) -> String { MatrixFixture.samples.appendingPathComponent(name).path }
  func level(_ n: Int) -> Level { Level(rawValue: n)! }

  @Test func frenchSampleIsTheSeedAsExcelSavesIt() throws {
    let r = try MatrixLoader.load(path: sample("matrix-fr.csv"))
    #expect(r.findings.isEmpty)
    #expect(r.isValid)
    #expect(r.dialect?.encoding == .utf8BOM && r.dialect?.delimiter == UInt8(ascii: ";"))
    #expect(r.orientation == .levelsAcross)
    #expect(r.language == .fr)
    #expect(r.matrix == Matrix.canonical(.fr))
    // Bytes: BOM, then the first field; CRLF line ends.
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: sample("matrix-fr.csv"))))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(bytes.suffix(2) == [0x0D, 0x0A])
  }

  @Test func englishSample() throws {
    let r = try MatrixLoader.load(path: sample("matrix-en.csv"))
    #expect(r.findings.isEmpty && r.language == .en && r.matrix == Matrix.canonical(.en))
    #expect(r.dialect?.delimiter == UInt8(ascii: ","))
  }

  @Test func editedSampleFindings() throws {
    let v = try MatrixValidation.run(path: sample("matrix-edited.csv"))
    let got = v.result.findings.map {
      "\($0.line.map(String.init) ?? "-"):\($0.column.map(String.init) ?? "-") \($0.code)"
    }
    // Levels 2 and 3 swapped (C1), role renamed (D2), doubled space (B4), empty cell (C5),
    // '=' start (B8) which is also a change, misspelt category (A9), reworded text (E10), and
    // the category the misspelling leaves missing.
    #expect(
      got == [
        "1:3 MTX006", "2:4 MTX203", "4:2 MTX103", "5:3 MTX011", "8:2 MTX105", "8:2 MTX203",
        "9:1 MTX008",
        "10:5 MTX203", "-:- MTX010",
      ])
    #expect(!v.passes(strict: false))
    #expect(v.canonicalChanges.count == 3)
    #expect(v.result.matrix == nil)  // a category is missing
  }

  @Test func windows1252File() throws {
    let r = try MatrixLoader.load(path: MatrixFixture.fixture("windows-1252.csv"))
    #expect(r.dialect?.encoding == .windows1252)
    #expect(r.findings.isEmpty)
    #expect(r.matrix == Matrix.canonical(.fr))
  }

  @Test func positionsOfCellsAndLabels() throws {
    let r = try MatrixLoader.load(path: sample("matrix-fr.csv"))
    let doc = try #require(r.document)
    // Rows: 1 header, 2 role, 3… categories in canonical order: equipment-purchase is the 6th
    // category, line 8; level 2 is column C (3).
    let key = MatrixCellKey(.category(.equipmentPurchase), level(2))
    #expect(doc.position(of: key) == MatrixPosition(line: 8, column: 3))
    #expect(doc.cell(atLine: 8, column: 3) == key)
    #expect(doc.cell(atLine: 8, column: 1) == nil)  // a label, not a cell
    #expect(doc.rowLabels[.role]?.position == MatrixPosition(line: 2, column: 1))
    #expect(doc.levelHeaders[level(4)]?.position.columnLetter == "E")
    #expect(doc.corner?.text == "Types de remontée")
    #expect(doc.cells.count == 36)
  }

  @Test func transposedFile() throws {
    let r = try MatrixLoader.load(path: MatrixFixture.fixture("transposed-en.csv"))
    #expect(r.orientation == .levelsDown)
    #expect(r.findings.isEmpty)
    #expect(r.matrix == Matrix.canonical(.en))
    let doc = try #require(r.document)
    // Transposed: level 1 is line 2; the role column is B, categories from C on.
    #expect(doc.position(of: MatrixCellKey(.role, level(1))) == MatrixPosition(line: 2, column: 2))
    #expect(
      doc.position(of: MatrixCellKey(.category(.operationalChallenges), level(3)))
        == MatrixPosition(line: 4, column: 3))
    #expect(doc.levelHeaders[level(2)]?.position == MatrixPosition(line: 3, column: 1))
  }

  @Test func transposedFindingsSpeakOfRowsAndColumns() {
    var t = MatrixFixture.transposed(MatrixFixture.rows(.fr))
    t.swapAt(2, 3)  // level rows 2 and 3 swapped
    t[1][4] = ""  // level 1, guidance acquisition
    let (doc, f) = MatrixFixture.analyze(t)
    #expect(doc?.orientation == .levelsDown)
    #expect(f.map(\.code) == ["MTX011", "MTX006"])
    #expect(f[0].line == 2 && f[0].column == 5)
    #expect(f[1].message.contains("line 3 holds level 3 where level 2 belongs") == true)
    #expect(f[1].message.contains("move the rows") == true)
  }

  @Test func malformedFilesAreFindings() throws {
    let stray = try MatrixLoader.load(path: MatrixFixture.fixture("stray-quote.csv"))
    #expect(stray.findings.map { "\($0.code) \($0.line ?? 0):\($0.column ?? 0)" } == ["CSV005 2:2"])
    #expect(!stray.isValid && stray.document == nil)
    let open = try MatrixLoader.load(path: MatrixFixture.fixture("unterminated-quote.csv"))
    #expect(open.findings.map { "\($0.code) \($0.line ?? 0)" } == ["CSV004 2"])
    let empty = try MatrixLoader.load(path: try MatrixFixture.temporaryFile("\u{FEFF}\r\n"))
    #expect(empty.findings.map(\.code) == ["CSV001"])
    let bad = try MatrixLoader.load(
      path: try MatrixFixture.temporaryFile([0x61, 0x3B, 0xC3, 0x28, 0x0A] + Array("é\n".utf8)))
    // Invalid UTF-8 in a file that starts as UTF-8 is read as Windows-1252 by the CSV reader,
    // so the file is read; it is just not a matrix.
    #expect(bad.dialect?.encoding == .windows1252)
  }

  @Test func unreadableFilesThrow() throws {
    #expect(throws: CSVError.self) { try MatrixLoader.load(path: "/no/such/matrix.csv") }
    do {
      _ = try MatrixLoader.load(path: FileManager.default.temporaryDirectory.path)
      Issue.record("a directory was read")
    } catch {
      #expect(error.isIOError)
      #expect(error.code == "IO001")
    }
  }

  @Test func canonicalDiffIgnoresCaseAndSpaceButNotWording() throws {
    var rows = MatrixFixture.rows(.fr)
    rows[2][1] = rows[2][1].uppercased()  // case only: not a change
    rows[3][2] =
      "Approuver  et communiquer les modifications importantes apportées aux calendriers de projet."
    rows[4][4] = "Décider."
    let (doc, _) = MatrixFixture.analyze(rows)
    let changes = MatrixDiff.changes(try #require(doc), against: .canonical(.fr))
    #expect(changes.map(\.cell) == [MatrixCellKey(.category(.guidanceAcquisition), level(4))])
    let notes = MatrixDiff.findings(changes, file: "m.csv", language: .fr, baseline: nil)
    // The old text is cut to 60 characters: 59 of the text ("…coordonner l") and an ellipsis.
    #expect(
      notes.map(\.message) == [
        "\"Acquisition de conseils\" at level 4 changed from the canonical French matrix: \"Communiquer avec la direction générale afin de coordonner l…\" → \"Décider.\""
      ])
    #expect(notes.first?.code == "MTX203" && notes.first?.line == 5 && notes.first?.column == 5)
  }

  @Test func baselineDiff() throws {
    var old = MatrixFixture.rows(.fr)
    old[1][2] = "Chef de projet"
    var new = old
    new[6][3] = "Arbitrer les litiges."
    let oldPath = try MatrixFixture.temporaryFile(MatrixFixture.csv(old), name: "old.csv")
    let newPath = try MatrixFixture.temporaryFile(MatrixFixture.csv(new), name: "new.csv")
    let v = try MatrixValidation.run(path: newPath, baseline: oldPath)
    // Against the baseline only the cell changed since: MTX204; against the canonical matrix, 2.
    #expect(v.result.findings.map(\.code) == ["MTX204"])
    #expect(v.result.findings.first?.line == 7 && v.result.findings.first?.column == 4)
    #expect(
      v.result.findings.first?.message.hasPrefix(
        "\"Préoccupations concernant les détails du service\" at level 3 changed since the baseline \(oldPath)"
      ) == true)
    #expect(v.baselineChanges?.count == 1 && v.canonicalChanges.count == 2)
    #expect(try MatrixValidation.run(path: oldPath, baseline: oldPath).result.findings.isEmpty)
    // An invalid baseline cannot serve.
    var broken = old
    broken.remove(at: 3)
    let brokenPath = try MatrixFixture.temporaryFile(MatrixFixture.csv(broken), name: "broken.csv")
    #expect(throws: MatrixBaselineError.self) {
      try MatrixValidation.run(path: newPath, baseline: brokenPath)
    }
  }

  @Test func reportJSONFields() throws {
    let v = try MatrixValidation.run(path: sample("matrix-edited.csv"))
    let json = v.report(strict: false).json().serialized()
    let o = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(o["orientation"] as? String == "levels-across")
    #expect(o["language"] as? String == "fr")
    #expect(o["delimiter"] as? String == ";")
    #expect(o["canonicalDiffCount"] as? Int == 3)
    #expect(o["valid"] as? Bool == false)
    #expect((o["findings"] as? [Any])?.count == 9)
  }

  @Test func strictFailsOnWarnings() throws {
    var rows = MatrixFixture.rows(.fr)
    rows[3][1] = "=Coordonner."
    let path = try MatrixFixture.temporaryFile(MatrixFixture.csv(rows))
    let v = try MatrixValidation.run(path: path)
    #expect(v.passes(strict: false))
    #expect(!v.passes(strict: true))
    #expect(v.report(strict: true).valid == false)
  }
}
