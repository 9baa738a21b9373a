import EscalationKit
import Foundation
import Testing
import XLSXTestSupport

@testable import XLSXExport

@Suite("Matrix workbook")
struct MatrixWorkbookTests {
  typealias Input = MatrixWorkbookInput

  /// Positions of a file laid out as the template: header on line 1, the role row on line 2,
  /// the categories on lines 3–10; labels in column 1 (A), level L in column L + 1.
  static func templatePositions() -> ([Input.Cell: Input.Position], [Input.Row: Input.Position]) {
    var cells: [Input.Cell: Input.Position] = [:]
    var rows: [Input.Row: Input.Position] = [:]
    for (i, row) in Input.Row.all.enumerated() {
      rows[row] = .init(line: i + 2, column: 1)
      for level in Level.all {
        cells[.init(row, level)] = .init(line: i + 2, column: level.rawValue + 1)
      }
    }
    return (cells, rows)
  }

  /// The French canonical matrix with "Ajustements du calendrier" at level 2 reworded.
  static func editedFrench() -> Matrix {
    var m = Matrix.canonical(.fr)
    m.cells[.scheduleAdjustments]?[1] = "Valider les changements de calendrier."
    return m
  }

  static func sampleInput() -> Input {
    let (cells, rows) = templatePositions()
    let findings = [
      // "Ajustements du calendrier" is the 2nd category: line 4; level 2 is column 3 (C).
      Finding(
        code: "MTX203", severity: .note, file: "m.csv", line: 4, column: 3,
        message: "changed from the canonical"),
      // The level-4 role: line 2, column 5 (E).
      Finding(
        code: "MTX103", severity: .warning, file: "m.csv", line: 2, column: 5,
        message: "trailing space"),
      // A label: line 9 is the 7th category's label, column 1.
      Finding(
        code: "MTX101", severity: .warning, file: "m.csv", line: 9, column: 1,
        message: "loose label"),
      Finding(code: "MTX206", severity: .note, file: "m.csv", message: "title line ignored"),
    ]
    return Input(
      matrix: editedFrench(), language: .fr, source: "m.csv", findings: findings,
      cellPositions: cells,
      rowLabelPositions: rows)
  }

  @Test func oneSheetLaidOutLikeTheTemplate() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/matrix.xlsx"
    try MatrixWorkbook.write(
      Self.sampleInput(), to: path, created: march2026, inputs: [dir + "/m.csv"])
    let x = try XLSXReader(path: path)
    #expect(x.sheetNames == ["Matrice"])
    let c = x.cells(sheet: 0)
    #expect(c["A1"] == .string("Types de remontée"))
    #expect(c["B1"] == .string("Remontée de niveau\u{00A0}1"))
    #expect(c["E1"] == .string("Remontée de niveau\u{00A0}4"))
    #expect(c["A2"] == .string("Rôle opérationnel"))
    #expect(c["C2"] == .string("Cheffe de projet"))
    #expect(c["A10"] == .string("Résiliation d’abonnements"))
    // All 36 cells (rows 2–10, columns B–E) hold the matrix's texts.
    let fr = Matrix.canonical(.fr)
    var count = 0
    for (i, row) in Input.Row.all.enumerated() {
      for level in Level.all {
        let ref = Finding.columnLetter(level.rawValue + 1) + String(i + 2)
        let expected: String
        switch row {
        case .role: expected = fr.role(of: level)
        case .category(let k):
          expected =
            k == .scheduleAdjustments && level.rawValue == 2
            ? "Valider les changements de calendrier." : fr.text(k, level)
        }
        #expect(c[ref] == .string(expected), "\(ref)")
        count += c[ref] == nil ? 0 : 1
      }
    }
    #expect(count == 36)
    // The changed cell C4 is filled light yellow; its neighbour B4 is not filled.
    #expect(x.fillColor(sheet: 0, "C4") == "FFFFF2CC")
    #expect(x.fillColor(sheet: 0, "B4") == nil)
    // Header row and label column frozen.
    #expect(x.sheetElements(0, named: "pane").first?["topLeftCell"] == "B2")
  }

  @Test func findingsBecomeCommentsOnTheirCells() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/matrix.xlsx"
    try MatrixWorkbook.write(Self.sampleInput(), to: path, created: march2026)
    let x = try XLSXReader(path: path)
    #expect(x.partNames(under: "xl/comments") == ["xl/comments1.xml"])
    // Comments sit on C4 (the changed text), E2 (the role) and A9 (the loose label).
    let refs = x.elements("xl/comments1.xml", named: "comment").compactMap { $0["ref"] }.sorted()
    #expect(refs == ["A9", "C4", "E2"])
    // The matrix is French, so are the comments: the severity word, then the code's French
    // summary and fix (FrenchTexts.swift); the messages quote no value.
    let text = x.text("xl/comments1.xml") ?? ""
    #expect(
      text.contains(
        "remarque[MTX203]\u{00A0}: Texte de cellule différent de la matrice canonique. Rien à "
          + "faire si la modification est voulue."))
    #expect(
      text.contains(
        "avertissement[MTX103]\u{00A0}: Espaces en début, en fin ou en double. Supprimez les "
          + "espaces en trop."))
    // The finding without a position is listed under the table instead, in French too.
    let cells = x.cells(sheet: 0)
    #expect(
      cells.values.contains(
        .string(
          "m.csv\u{00A0}: remarque[MTX206]\u{00A0}: Ligne de titre au-dessus de l’en-tête, "
            + "ignorée. Rien à faire.")))
  }

  @Test func noFindingsNoCommentPart() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/matrix.xlsx"
    try MatrixWorkbook.write(
      Input(matrix: .canonical(.en), language: .en), to: path, created: march2026)
    let x = try XLSXReader(path: path)
    #expect(x.sheetNames == ["Matrix"])
    #expect(x.partNames(under: "xl/comments").isEmpty)
    #expect(x.cells(sheet: 0)["B1"] == .string("Level 1 escalation"))
    // Nothing changed: no cell is yellow and the legend says so, without a yellow swatch; with
    // no red cell and no comment it has no line for them.
    #expect(x.fillColor(sheet: 0, "C4") == nil)
    let cells = x.cells(sheet: 0)
    #expect(cells["A12"] == .string("No text changed from the canonical matrix (0 of 36)."))
    #expect(x.fillColor(sheet: 0, "A12") == nil)
    #expect(cells["A13"] == nil)
  }

  @Test func changedCellsIgnoreSpacingAndCase() {
    var m = Matrix.canonical(.en)
    // Case and doubled spaces are not a change of wording; a new word is.
    m.roles[0] = "project  TEAM contact"
    m.cells[.equipmentPurchase]?[3] = "Approve all equipment."
    let input = Input(matrix: m, language: .en)
    #expect(input.changed == [Input.Cell(.category(.equipmentPurchase), Level(rawValue: 4)!)])
  }

  @Test func sameInputGivesIdenticalBytes() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try MatrixWorkbook.write(Self.sampleInput(), to: dir + "/a.xlsx", created: march2026)
    try MatrixWorkbook.write(Self.sampleInput(), to: dir + "/b.xlsx", created: march2026)
    let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.xlsx"))
    let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/b.xlsx"))
    #expect(a == b)
  }

  @Test func fromTheValidator() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let csv = dir + "/edited.csv"
    try MatrixCSVWriter.write(Self.editedFrench(), language: .fr, to: OutputWriter(path: csv))
    let validation = try MatrixValidation.run(path: csv)
    let input = try #require(MatrixWorkbookInput(validation: validation))
    // The validator's MTX203 note for the reworded cell is placed on that cell.
    let cell = Input.Cell(.category(.scheduleAdjustments), Level(rawValue: 2)!)
    #expect(input.changed == [cell])
    #expect(input.cellPositions[cell] == Input.Position(line: 4, column: 3))
    let path = dir + "/edited.xlsx"
    try MatrixWorkbook.write(
      input, to: path, created: MatrixWorkbook.creationTime(of: csv), inputs: [csv])
    let x = try XLSXReader(path: path)
    #expect(x.fillColor(sheet: 0, "C4") == "FFFFF2CC")
    #expect(x.elements("xl/comments1.xml", named: "comment").compactMap { $0["ref"] } == ["C4"])
    #expect(x.text("xl/comments1.xml")?.contains("MTX203") == true)
  }

  @Test func misspeltRowIsShownUnderTheTableWithItsFinding() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // The sample edited matrix misspells "Problèmes de performances" on line 9.
    let csv = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Samples/matrix-edited.csv").path
    let validation = try MatrixValidation.run(path: csv)
    let input = try #require(MatrixWorkbookInput(validation: validation))
    #expect(input.unrecognizedRows.map(\.label.text) == ["Problèmes de performance"])
    #expect(input.unrecognizedRows.first?.label.position == Input.Position(line: 9, column: 1))
    #expect(input.unrecognizedRows.first?.cells.count == 4)
    let path = dir + "/review.xlsx"
    try MatrixWorkbook.write(input, to: path, created: MatrixWorkbook.templateCreated)
    let x = try XLSXReader(path: path)
    let cells = x.cells(sheet: 0)
    // Rows 1–10 are the table; row 11 is blank, row 12 the heading, row 13 the misspelt row.
    #expect(
      cells["A12"]
        == .string(
          "Lignes non reconnues (corrigez l’intitulé pour les placer dans la matrice)\u{00A0}:"))
    #expect(cells["A13"] == .string("Problèmes de performance"))
    #expect(cells["B13"] == .string("Identifier et résoudre les problèmes de performances."))
    // Red, as the empty level-3 cell of "Acquisition de conseils".
    #expect(x.fillColor(sheet: 0, "A13") == x.fillColor(sheet: 0, "D5"))
    // Its MTX008 ("did you mean") is a comment on its label.
    let refs = x.elements("xl/comments1.xml", named: "comment").compactMap { $0["ref"] }
    #expect(refs.contains("A13"))
    // The performance row of the table itself stays empty (the category is missing).
    #expect(cells["A9"] == .string("Problèmes de performances"))
    #expect(cells["B9"] == nil || cells["B9"] == .string("") || cells["B9"] == .blank)
  }

  /// The review workbook of Samples/matrix-edited.csv, whose findings `escalation validate`
  /// prints (README): the file's levels read 1, 3, 2, 4 (MTX006 on the header in column C, which
  /// holds level 3); level 3 of "Acquisition de conseils" is empty (MTX011, file C5); the
  /// performance row is misspelt, so that category is missing (MTX010) and the row is
  /// unrecognised (MTX008); three texts are changed (MTX203 at 2:4, 8:2, 10:5).
  @Test func editedSampleReview() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let csv = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Samples/matrix-edited.csv").path
    let validation = try MatrixValidation.run(path: csv)
    var input = try #require(MatrixWorkbookInput(validation: validation))
    input.source = "matrix-edited.csv"
    #expect(input.missingRows == [.category(.performanceIssues)])
    let path = dir + "/review.xlsx"
    try MatrixWorkbook.write(input, to: path, created: MatrixWorkbook.templateCreated)
    let x = try XLSXReader(path: path)
    let cells = x.cells(sheet: 0)
    let red = "FFF8CBAD"
    // The sheet shows the levels in order: level 3's header is D1, and the MTX006 comment sits
    // there, naming column C of the file and column D of the sheet.
    #expect(cells["D1"] == .string("Remontée de niveau\u{00A0}3"))
    #expect(x.fillColor(sheet: 0, "D1") == red)
    let comments = x.elements("xl/comments1.xml", named: "comment").compactMap { $0["ref"] }
    #expect(Set(comments) == ["D1", "C2", "B4", "D5", "B8", "A9", "E10", "A13"])
    let text = x.text("xl/comments1.xml") ?? ""
    #expect(
      text.contains(
        "erreur[MTX006]\u{00A0}: En-têtes de niveau dans le désordre dans le fichier\u{00A0}: le "
          + "niveau 3 est en colonne C du fichier, à la place du niveau 2 (ordre lu\u{00A0}: 1, 3, "
          + "2, 4). Cette feuille présente les niveaux dans l’ordre, le niveau 3 en colonne D. "
          + "Déplacez les colonnes du fichier, chaque en-tête avec ses cellules, dans l’ordre 1, "
          + "2, 3, 4."))
    #expect(!text.contains("holds level"))
    // The missing category's row (sheet row 9) is red, label and cells, with its MTX010 as a
    // comment on the label, in French, quoting the category.
    for ref in ["A9", "B9", "C9", "D9", "E9"] {
      #expect(x.fillColor(sheet: 0, ref) == red, "\(ref)")
    }
    #expect(
      text.contains(
        "erreur[MTX010]\u{00A0}: Catégorie absente\u{00A0}: «\u{00A0}Problèmes de "
          + "performances\u{00A0}». Ajoutez une ligne"))
    // The empty cell of "Acquisition de conseils" at level 3 is red; a neighbour is not.
    #expect(x.fillColor(sheet: 0, "D5") == red)
    #expect(x.fillColor(sheet: 0, "C5") == nil)
    // No finding is left without a place: no "Remarques sans cellule".
    #expect(!cells.values.contains(.string("Remarques sans cellule\u{00A0}:")))
    // Legend (rows 15–18, after the table, the unrecognised row on 13 and a blank row): exactly
    // what is on the sheet, each line filled like what it explains.
    #expect(cells["A15"] == .string("Source\u{00A0}: matrix-edited.csv"))
    #expect(
      cells["A16"]
        == .string(
          "Cellules jaunes\u{00A0}: texte modifié par rapport à la matrice canonique (3 sur 36)."))
    #expect(x.fillColor(sheet: 0, "A16") == "FFFFF2CC")
    // Red: D1 and D5 (errors), row 9 (missing), A13 (unrecognised).
    #expect(
      cells["A17"]
        == .string(
          "Rouge\u{00A0}: 2 cellules en erreur\u{00A0}; la ligne d’une catégorie absente (à "
            + "ajouter)\u{00A0}; l’intitulé d’une ligne non reconnue, sous le tableau."))
    #expect(x.fillColor(sheet: 0, "A17") == red)
    #expect(
      cells["A18"]
        == .string(
          "8 cellules portent un commentaire avec leurs remarques (repère dans l’angle)\u{00A0}: "
            + "pointez la cellule pour le lire."))
    #expect(cells["A19"] == nil)
  }

  @Test func refusesToOverwriteTheMatrixFile() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let input = dir + "/m.csv"
    _ = FileManager.default.createFile(atPath: input, contents: Data("x".utf8))
    #expect(throws: XLSXError.wouldOverwriteInput(path: input)) {
      try MatrixWorkbook.write(Self.sampleInput(), to: input, created: 0, inputs: [input])
    }
    #expect(listing(dir) == ["m.csv"])
  }
}

@Suite("Text sanitizer")
struct TextSanitizerTests {
  @Test func cellTextIsCleaned() {
    #expect(TextSanitizer.cell("plain") == "plain")
    // NUL, BEL, ESC and U+FFFE go; tab, LF, CR stay.
    #expect(TextSanitizer.cell("a\u{0}b\u{7}c\u{1B}d\u{FFFE}e") == "abcde")
    #expect(TextSanitizer.cell("a\tb\nc\rd") == "a\tb\nc\rd")
    #expect(TextSanitizer.cell("=SUM(A1:A2)") == "=SUM(A1:A2)")
    #expect(TextSanitizer.cell("id_x00e9_") == "id_x005F_x00e9_")
    #expect(TextSanitizer.cell("snake_x_case") == "snake_x_case")
  }

  @Test func invalidUTF8IsRepaired() {
    let bytes: [UInt8] = [0x41, 0xFF, 0x42, 0xC3]
    let s = bytes.withUnsafeBufferPointer { TextSanitizer.cell(bytes: $0) }
    #expect(s == "A\u{FFFD}B\u{FFFD}")
  }

  @Test func longTextIsCutWithoutSplittingAPair() {
    // 32,760 x then emoji (2 UTF-16 units each): the budget for text is 32,767 − 6 = 32,761
    // units, so one x more fits but the first emoji would need two: the text stops before it.
    let s = String(repeating: "x", count: 32_760) + String(repeating: "😀", count: 10)
    let cut = TextSanitizer.cell(s)
    #expect(cut.utf16.count == 32_766)
    #expect(cut == String(repeating: "x", count: 32_760) + " [cut]")
    // Exactly at the limit: unchanged.
    let exact = String(repeating: "y", count: 32_767)
    #expect(TextSanitizer.cell(exact) == exact)
  }

  @Test func sheetNames() {
    #expect(TextSanitizer.sheetName("Taux de remontée") == "Taux de remontée")
    #expect(TextSanitizer.sheetName("a[b]c:d*e?f/g\\h") == "a-b-c-d-e-f-g-h")
    #expect(TextSanitizer.sheetName("'quoted'") == "quoted")
    #expect(TextSanitizer.sheetName("") == "Sheet")
    #expect(TextSanitizer.sheetName("History") == "History-")
    // 40 characters: cut to 31.
    let long = String(repeating: "n", count: 40)
    #expect(TextSanitizer.sheetName(long) == String(repeating: "n", count: 31))
    // Unique ignoring case, the suffix keeping the name within 31 characters.
    #expect(TextSanitizer.sheetName("Tickets", taken: ["tickets"]) == "Tickets (2)")
    #expect(TextSanitizer.sheetName("Tickets", taken: ["Tickets", "Tickets (2)"]) == "Tickets (3)")
    #expect(
      TextSanitizer.sheetName(long, taken: [String(repeating: "n", count: 31)]) == String(
        repeating: "n", count: 27) + " (2)")
  }

  @Test func excelSerials() {
    // 1970-01-01 is serial 25,569; 1900-03-01 is 61 (the first day Excel counts correctly).
    #expect(Worksheet.excelSerial(0) == 25_569)
    #expect(Worksheet.excelSerial(-25_508 * 86_400) == 61)
    #expect(Worksheet.excelSerial(-25_509 * 86_400) == nil)
  }
}
