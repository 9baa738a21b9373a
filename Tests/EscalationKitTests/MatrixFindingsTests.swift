import Foundation
import Testing

@testable import EscalationKit

/// Each finding code on a matrix that triggers it and on a near miss that does not.
@Suite struct MatrixFindingsTests {
  /// The French canonical matrix changed by `edit`.
  func fr(_ edit: (inout [[String]]) -> Void) -> [[String]] {
    var r = MatrixFixture.rows(.fr)
    edit(&r)
    return r
  }

  func findings(_ rows: [[String]], _ code: String) -> [Finding] {
    MatrixFixture.analyze(rows).1.filter { $0.code == code }
  }

  @Test func canonicalMatricesHaveNoFindings() {
    // The seed and its English rendering are the reference: nothing to say about them.
    #expect(MatrixFixture.analyze(MatrixFixture.rows(.fr)).1.isEmpty)
    #expect(MatrixFixture.analyze(MatrixFixture.rows(.en)).1.isEmpty)
  }

  @Test func mtx001LevelCount() {
    // Dropping column E leaves 3 level columns.
    let f = findings(fr { r in for i in r.indices { r[i].removeLast() } }, "MTX001")
    #expect(f.count == 1)
    #expect(f.first?.line == 1 && f.first?.column == 2)
    #expect(f.first?.message.hasPrefix("found 3 level columns, expected 4") == true)
    // Near miss: Excel pads every row with empty fields; still 4 level columns.
    let padded = fr { r in for i in r.indices { r[i] += ["", ""] } }
    #expect(MatrixFixture.codes(padded).isEmpty)
  }

  @Test func mtx002RowCount() {
    let f = findings(fr { $0.append(["Autre", "a", "b", "c", "d"]) }, "MTX002")
    #expect(
      f.first?.message
        == "found 10 rows under the header row, expected 9: the role row and the 8 categories")
    // Near miss: the categories in another order are fine.
    #expect(MatrixFixture.codes(fr { $0[2...].reverse() }).isEmpty)
  }

  @Test func mtx003RaggedRecord() {
    // Line 4 has a sixth field: reported at column F, where the extra text starts.
    let long = findings(fr { $0[3].append("note") }, "MTX003")
    #expect(long.count == 1)
    #expect(long.first?.line == 4 && long.first?.column == 6)
    // Line 5 holds only 3 fields (no trailing delimiters): reported at column D.
    var records = MatrixFixture.rows(.fr).enumerated().map {
      MatrixRecord(line: $0.offset + 1, fields: $0.element)
    }
    records[4] = MatrixRecord(line: 5, fields: Array(records[4].fields.prefix(3)), rawCount: 3)
    let (_, short) = MatrixReader.analyze(records, file: "m.csv")
    #expect(short.filter { $0.code == "MTX003" }.map(\.column) == [4])
    // Missing fields are not also reported as empty cells.
    #expect(!short.contains { $0.code == "MTX011" })
    // Near miss: trailing empty fields on one record only (rawCount 7, count 5).
    records = MatrixFixture.rows(.fr).enumerated().map {
      MatrixRecord(line: $0.offset + 1, fields: $0.element)
    }
    records[4] = MatrixRecord(line: 5, fields: records[4].fields + ["", ""])
    #expect(MatrixReader.analyze(records, file: "m.csv").1.isEmpty)
  }

  @Test func mtx004LevelUnknown() {
    let f = findings(fr { $0[0][4] = "Remontée de niveau 5" }, "MTX004")
    #expect(f.count == 1)
    #expect(f.first?.line == 1 && f.first?.column == 5)
    // One edit from "Remontée de niveau 4" (and 1, 2, 3): the first of them is suggested.
    #expect(f.first?.message.contains("did you mean") == true)
    let empty = findings(fr { $0[0][2] = "" }, "MTX004")
    #expect(empty.first?.message == "empty level header; write \"Remontée de niveau\u{00A0}2\"")
    // Near miss: an alias is accepted.
    #expect(findings(fr { $0[0][2] = "N2" }, "MTX004").isEmpty)
  }

  @Test func mtx005LevelDuplicated() {
    let f = findings(fr { $0[0][3] = "Remontée de niveau 2" }, "MTX005")
    #expect(f.count == 1)
    #expect(f.first?.column == 4)
    #expect(f.first?.message.hasPrefix("level 2 appears again (first in column C)") == true)
    #expect(findings(MatrixFixture.rows(.fr), "MTX005").isEmpty)
  }

  @Test func mtx006LevelOrder() {
    // Columns C and D swapped, headers and cells together.
    let swapped = fr { r in for i in r.indices { r[i].swapAt(2, 3) } }
    let f = findings(swapped, "MTX006")
    #expect(f.count == 1)
    #expect(f.first?.line == 1 && f.first?.column == 3)
    #expect(f.first?.message.contains("levels read in the order 1, 3, 2, 4") == true)
    // The cells still belong to the level of their header.
    let (doc, _) = MatrixFixture.analyze(swapped)
    #expect(doc?.matrix == Matrix.canonical(.fr))
    #expect(
      doc?.position(of: MatrixCellKey(.role, Level(rawValue: 2)!))
        == MatrixPosition(line: 2, column: 4))
    // Near miss: rows in another order are allowed.
    #expect(findings(fr { $0.swapAt(3, 4) }, "MTX006").isEmpty)
  }

  @Test func mtx007RoleRowMissing() {
    let f = findings(fr { $0.remove(at: 1) }, "MTX007")
    #expect(f.count == 1)
    #expect(f.first?.line == nil)
    // Near miss: the role row at the bottom is still the role row.
    #expect(MatrixFixture.codes(fr { $0.append($0.remove(at: 1)) }).isEmpty)
  }

  @Test func mtx008RowUnknown() {
    let f = findings(fr { $0[8][0] = "Problèmes de performance" }, "MTX008")
    #expect(f.count == 1)
    #expect(f.first?.line == 9 && f.first?.column == 1)
    #expect(
      f.first?.message
        == "unknown category \"Problèmes de performance\"; did you mean \"Problèmes de performances\"?"
    )
    // Near miss: the right label in capitals is recognised (with a warning, not an error).
    let codes = MatrixFixture.codes(fr { $0[8][0] = "PROBLÈMES DE PERFORMANCES" })
    #expect(codes == ["MTX101"])
  }

  @Test func mtx009RowDuplicated() {
    let codes = MatrixFixture.codes(fr { $0[7][0] = "Défis opérationnels" })
    // Line 8 repeats line 3's category, so "Achat de matériel" is missing too.
    #expect(codes == ["MTX009", "MTX010"])
    let f = findings(fr { $0[7][0] = "Défis opérationnels" }, "MTX009")
    #expect(
      f.first?.message.hasPrefix("category \"Défis opérationnels\" appears again (first at line 3)")
        == true)
    // Near miss: two rows with the same texts but different labels are two categories.
    #expect(findings(fr { $0[7] = [$0[7][0]] + Array($0[2].dropFirst()) }, "MTX009").isEmpty)
  }

  @Test func mtx010CategoryMissing() {
    let f = findings(fr { $0.remove(at: 7) }, "MTX010")
    #expect(
      f.map(\.message) == [
        "category \"Achat de matériel\" (equipment-purchase) is missing; add a row for it"
      ])
    #expect(findings(MatrixFixture.rows(.fr), "MTX010").isEmpty)
  }

  @Test func mtx011EmptyCell() {
    let f = findings(fr { $0[4][3] = "" }, "MTX011")
    #expect(f.count == 1)
    #expect(f.first?.line == 5 && f.first?.column == 4)
    #expect(
      f.first?.message.hasPrefix("empty cell: \"Acquisition de conseils\" at level 3") == true)
    // A cell of spaces only is empty too; the last cell of a row, dropped by the reader as a
    // trailing empty field, is still found.
    #expect(findings(fr { $0[4][3] = " \u{00A0} " }, "MTX011").count == 1)
    #expect(findings(fr { $0[9][4] = "" }, "MTX011").map(\.column) == [5])
    // Near miss: a one-character cell is not empty.
    #expect(findings(fr { $0[4][3] = "x" }, "MTX011").isEmpty)
  }

  @Test func mtx012TooManyRecords() throws {
    let big = (1...250).map { "a\($0);b" }.joined(separator: "\n")
    let r = try MatrixLoader.load(path: try MatrixFixture.temporaryFile(big))
    #expect(r.findings.map(\.code) == ["MTX012"])
    #expect(r.document == nil)
    let ok = try MatrixLoader.load(
      path: try MatrixFixture.temporaryFile(MatrixFixture.csv(MatrixFixture.rows())))
    #expect(ok.findings.isEmpty)
  }

  @Test func mtx101LooseLabel() {
    let f = findings(fr { $0[2][0] = "defis OPERATIONNELS" }, "MTX101")
    #expect(
      f.first?.message
        == "category \"defis OPERATIONNELS\" matches \"Défis opérationnels\" only when case, accents, quotes and spaces are ignored; write it \"Défis opérationnels\""
    )
    // Near misses: an ordinary space for the seed's no-break space and ' for ’ are what a
    // keyboard types: exact. Trailing spaces are a white-space warning only.
    #expect(
      MatrixFixture.codes(
        fr {
          $0[0][1] = "Remontée de niveau 1"
          $0[9][0] = "Résiliation d'abonnements"
        }
      ).isEmpty)
    #expect(MatrixFixture.codes(fr { $0[2][0] = "Défis opérationnels  " }) == ["MTX103"])
  }

  @Test func mtx102RepeatedText() {
    let f = findings(fr { $0[3][3] = $0[3][1] }, "MTX102")
    #expect(f.count == 1)
    #expect(f.first?.column == 4)
    #expect(f.first?.message.contains("repeats the text of level 1 (column B)") == true)
    // Near miss: the same text in two rows (same level) is allowed.
    #expect(findings(fr { $0[3][1] = $0[2][1] }, "MTX102").isEmpty)
  }

  @Test func mtx103WhiteSpace() {
    let doubled = findings(fr { $0[3][1] = "Coordonner la  révision." }, "MTX103")
    #expect(
      doubled.first?.message
        == "the cell has a doubled space after \"Coordonner la\"; remove the extra space")
    let ends = findings(fr { $0[3][1] = " Coordonner. " }, "MTX103")
    #expect(ends.first?.message.hasPrefix("the cell has leading and trailing white space") == true)
    // Near miss: the seed's single no-break spaces in its level headers.
    #expect(findings(MatrixFixture.rows(.fr), "MTX103").isEmpty)
    #expect(MatrixFixture.rows(.fr)[0][1].unicodeScalars.contains("\u{00A0}"))
  }

  @Test func mtx104ControlCharacter() {
    let f = findings(fr { $0[3][1] = "Coordonner\tla révision." }, "MTX104")
    #expect(
      f.first?.message
        == "the cell holds the control character U+0009 (tab) at character 11; remove it (it is invisible in a spreadsheet)"
    )
    // Near miss: a line break inside a cell (Alt+Enter in Excel) is text.
    #expect(findings(fr { $0[3][1] = "Coordonner\nla révision." }, "MTX104").isEmpty)
  }

  @Test func mtx105FormulaLike() {
    for start in ["=", "+", "-", "@"] {
      #expect(findings(fr { $0[3][1] = start + "Coordonner" }, "MTX105").count == 1)
    }
    // Near miss: the signs later in the text, or a dash that is not ASCII '-'.
    #expect(findings(fr { $0[3][1] = "Coordonner = réviser" }, "MTX105").isEmpty)
    #expect(findings(fr { $0[3][1] = "– Coordonner" }, "MTX105").isEmpty)
  }

  @Test func mtx106TooLong() {
    let f = findings(fr { $0[3][1] = String(repeating: "a", count: 32_768) }, "MTX106")
    #expect(
      f.first?.message
        == "the cell has 32768 characters, more than the 32767 an Excel cell holds; shorten it")
    // Near miss: exactly Excel's limit.
    #expect(findings(fr { $0[3][1] = String(repeating: "a", count: 32_767) }, "MTX106").isEmpty)
    // Excel counts UTF-16 units: 16,384 emoji take 32,768.
    #expect(findings(fr { $0[3][1] = String(repeating: "😀", count: 16_384) }, "MTX106").count == 1)
  }

  @Test func mtx201OtherLanguageLabel() {
    let f = findings(fr { $0[2][0] = "Operational challenges" }, "MTX201")
    #expect(
      f.first?.message
        == "category \"Operational challenges\" is in the other language of this French matrix; read as \"Défis opérationnels\""
    )
    // Near miss: the same English label in an English matrix.
    #expect(MatrixFixture.codes(MatrixFixture.rows(.en)).isEmpty)
  }

  @Test func mtx202AliasLabel() {
    let f = findings(
      fr {
        $0[0][2] = "L2"
        $0[1][0] = "Rôle"
      }, "MTX202")
    #expect(f.map(\.column) == [3, 1])
    #expect(
      f.first?.message == "level header \"L2\" is an alias; read as \"Remontée de niveau\u{00A0}2\""
    )
    #expect(findings(MatrixFixture.rows(.fr), "MTX202").isEmpty)
  }

  @Test func mtx205UnexpectedCorner() {
    let f = findings(fr { $0[0][0] = "Matrice 2024" }, "MTX205")
    #expect(f.first?.line == 1 && f.first?.column == 1)
    // Near misses: an empty corner, or the other language's corner.
    #expect(MatrixFixture.codes(fr { $0[0][0] = "" }).isEmpty)
    #expect(MatrixFixture.codes(fr { $0[0][0] = "Escalation types" }).isEmpty)
  }

  @Test func mtx206TitleSkipped() {
    var rows = MatrixFixture.rows(.fr)
    rows.insert(["Modèle de matrice de remontée des problèmes - Exemple"], at: 0)
    let (doc, f) = MatrixFixture.analyze(rows)
    #expect(f.map(\.code) == ["MTX206"])
    #expect(f.first?.line == 1)
    // The matrix is read from line 2 on: the role of level 1 is on line 3.
    #expect(
      doc?.position(of: MatrixCellKey(.role, Level(rawValue: 1)!))
        == MatrixPosition(line: 3, column: 2))
    // Near miss: a one-field first line that is a label is not a title.
    #expect(
      !MatrixFixture.codes([["Types de remontée"]] + MatrixFixture.rows(.fr).dropFirst()).contains(
        "MTX206"))
  }
}
