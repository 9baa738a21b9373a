import EscalationKit

/// Where the matrix sheet puts each finding (on a cell, a label, a header, a missing row, or in
/// the list under the table), and the texts it writes: the comments, the listed findings and the
/// legend, in the matrix's language.
extension MatrixWorkbook {
  /// Findings sorted onto the cells, labels and headers they point at.
  struct Placement {
    var cells: [MatrixWorkbookInput.Cell: [Finding]] = [:]
    var rowLabels: [MatrixWorkbookInput.Row: [Finding]] = [:]
    var levelHeaders: [Level: [Finding]] = [:]
    /// Findings on the labels and cells of unrecognised rows, by position in the file.
    var extraLabels: [MatrixWorkbookInput.Position: [Finding]] = [:]
    var extraCells: [MatrixWorkbookInput.Position: [Finding]] = [:]
    var unplaced: [Finding] = []
  }

  static func place(_ input: MatrixWorkbookInput) -> Placement {
    typealias P = MatrixWorkbookInput.Position
    var cellAt: [P: MatrixWorkbookInput.Cell] = [:]
    for (c, p) in input.cellPositions { cellAt[p] = c }
    var rowAt: [P: MatrixWorkbookInput.Row] = [:]
    for (r, p) in input.rowLabelPositions { rowAt[p] = r }
    var levelAt: [P: Level] = [:]
    for (l, p) in input.levelHeaderPositions { levelAt[p] = l }
    let extraLabelAt = Set(input.unrecognizedRows.map(\.label.position))
    let extraCellAt = Set(input.unrecognizedRows.flatMap { $0.cells.values.map(\.position) })
    var out = Placement()
    for f in input.findings {
      guard let line = f.line, let column = f.column else {
        if let row = missingRow(of: f, input.missingRows) {
          out.rowLabels[row, default: []].append(f)
        } else {
          out.unplaced.append(f)
        }
        continue
      }
      let p = P(line: line, column: column)
      if let c = cellAt[p] {
        out.cells[c, default: []].append(f)
      } else if let r = rowAt[p] {
        out.rowLabels[r, default: []].append(f)
      } else if let l = levelAt[p] {
        out.levelHeaders[l, default: []].append(f)
      } else if extraLabelAt.contains(p) {
        out.extraLabels[p, default: []].append(f)
      } else if extraCellAt.contains(p) {
        out.extraCells[p, default: []].append(f)
      } else {
        out.unplaced.append(f)
      }
    }
    return out
  }

  /// The missing row a finding without a position is about: MTX007 for the role row, MTX010
  /// for the category whose key the message names ("… (customer-data-issues) is missing").
  static func missingRow(of f: Finding, _ missing: Set<MatrixWorkbookInput.Row>)
    -> MatrixWorkbookInput.Row?
  {
    if f.code == MatrixCode.roleRowMissing.rawValue, missing.contains(.role) { return .role }
    guard f.code == MatrixCode.categoryMissing.rawValue else { return nil }
    return missing.first {
      if case .category(let c) = $0 { return f.message.contains("(\(c.rawValue))") }
      return false
    }
  }

  /// The word for a severity in `lang` ("warning", "avertissement").
  static func severityWord(_ s: Severity, _ lang: Language) -> String {
    switch (s, lang) {
    case (.error, .en): return "error"
    case (.warning, .en): return "warning"
    case (.note, .en): return "note"
    case (.error, .fr): return "erreur"
    case (.warning, .fr): return "avertissement"
    case (.note, .fr): return "remarque"
    }
  }

  /// One finding as a comment paragraph: `severity[CODE]: text`, the text in the matrix's
  /// language (``Finding/localizedMessage(_:)``), except MTX006, which is rewritten to name
  /// the columns of the sheet (see ``levelOrderText(_:_:)``).
  static func commentParagraph(_ f: Finding, _ input: MatrixWorkbookInput) -> String {
    let lang = input.language
    let text =
      f.code == MatrixCode.levelOrder.rawValue
      ? (levelOrderText(f, input) ?? f.localizedMessage(lang)) : f.localizedMessage(lang)
    let colon = lang == .en ? ": " : "\u{00A0}: "
    return "\(severityWord(f.severity, lang))[\(f.code)]\(colon)\(text)"
  }

  /// A finding listed under the table: `file:line:col: severity[CODE]: text`.
  static func listedFinding(_ f: Finding, _ input: MatrixWorkbookInput) -> String {
    var s = f.file
    if let line = f.line { s += ":\(line)" }
    if let column = f.column { s += ":\(column)" }
    return s + (input.language == .en ? ": " : "\u{00A0}: ") + commentParagraph(f, input)
  }

  /// The MTX006 comment for the sheet. The reader's message names the place in the file
  /// ("column C holds level 3"), but the sheet shows the levels in the order 1 to 4, so the
  /// column it names is not the one under the comment. This says where the level was in the
  /// file and where it is on the sheet. `nil` when the level headers' positions are unknown.
  static func levelOrderText(_ f: Finding, _ input: MatrixWorkbookInput) -> String? {
    let headers = input.levelHeaderPositions
    guard let line = f.line, let column = f.column,
      let level = headers.first(where: { $0.value == .init(line: line, column: column) })?.key
    else { return nil }
    let across = Set(headers.values.map(\.line)).count == 1
    let read = headers.sorted {
      (across ? $0.value.column : $0.value.line) < (across ? $1.value.column : $1.value.line)
    }
    .map(\.key)
    guard let index = read.firstIndex(of: level) else { return nil }
    let belongs = read.map(\.rawValue).sorted()[index]
    let order = read.map { String($0.rawValue) }.joined(separator: ", ")
    let sheetColumn = Finding.columnLetter(level.rawValue + 1)
    let en = input.language == .en
    let filePlace =
      across
      ? (en ? "column \(Finding.columnLetter(column))" : "colonne \(Finding.columnLetter(column))")
      : (en ? "line \(line)" : "ligne \(line)")
    if en {
      return
        "Level headers out of order in the file: level \(level) is in \(filePlace) of the file, "
        + "where level \(belongs) belongs (levels read in the order \(order)). This sheet shows "
        + "the levels in order, level \(level) in column \(sheetColumn). Move the file's "
        + (across ? "columns" : "rows") + ", each header with its cells, into the order 1, 2, 3, 4."
    }
    return DiagnosticCode.typeset(
      "En-têtes de niveau dans le désordre dans le fichier : le niveau \(level) est en "
        + "\(filePlace) du fichier, à la place du niveau \(belongs) (ordre lu : \(order)). Cette "
        + "feuille présente les niveaux dans l'ordre, le niveau \(level) en colonne "
        + "\(sheetColumn). Déplacez les " + (across ? "colonnes" : "lignes")
        + " du fichier, chaque en-tête avec ses cellules, dans l'ordre 1, 2, 3, 4.")
  }

  /// What the sheet shows, for the legend: counted from what was written, so that the
  /// legend names only what is there.
  struct Marks {
    var changed = 0
    /// Cells of the table (headers, labels, texts) filled red because of an error.
    var errorCells = 0
    var missingRows = 0
    var unrecognizedRows = 0
    var commented = 0
  }

  /// The legend lines, each with the fill it explains (`nil`: no fill).
  static func legend(_ marks: Marks, against: String, _ lang: Language) -> [(String, UInt32?)] {
    let en = lang == .en
    var lines: [(String, UInt32?)] = []
    if marks.changed > 0 {
      lines.append(
        (
          en
            ? "Yellow cells: text changed from \(against) (\(marks.changed) of 36)."
            : DiagnosticCode.typeset(
              "Cellules jaunes : texte modifié par rapport à \(against) (\(marks.changed) sur 36)."),
          CellStyle.changedFill
        ))
    } else {
      lines.append(
        (
          en
            ? "No text changed from \(against) (0 of 36)."
            : "Aucun texte modifié par rapport à \(against) (0 sur 36).", nil
        ))
    }
    var red: [String] = []
    if marks.errorCells > 0 {
      red.append(
        en
          ? "\(Plural.count(marks.errorCells, "cell", "cells", lang)) with an error"
          : "\(Plural.count(marks.errorCells, "cellule", "cellules", lang)) en erreur")
    }
    if marks.missingRows > 0 {
      red.append(
        en
          ? (marks.missingRows == 1
            ? "the row of a missing category (to add)"
            : "the rows of \(marks.missingRows) missing categories (to add)")
          : (marks.missingRows == 1
            ? "la ligne d'une catégorie absente (à ajouter)"
            : "les lignes de \(marks.missingRows) catégories absentes (à ajouter)"))
    }
    if marks.unrecognizedRows > 0 {
      let n = marks.unrecognizedRows
      red.append(
        en
          ? (n == 1
            ? "the label of a row not recognised, below the table"
            : "the labels of \(n) rows not recognised, below the table")
          : (n == 1
            ? "l'intitulé d'une ligne non reconnue, sous le tableau"
            : "les intitulés de \(n) lignes non reconnues, sous le tableau"))
    }
    if !red.isEmpty {
      lines.append(
        (
          en
            ? "Red: " + red.joined(separator: "; ") + "."
            : DiagnosticCode.typeset("Rouge : " + red.joined(separator: " ; ") + "."),
          CellStyle.alertFill
        ))
    }
    if marks.commented > 0 {
      let one = Plural.isSingular(marks.commented, lang)
      lines.append(
        (
          en
            ? "\(Plural.count(marks.commented, "cell", "cells", lang)) "
              + (one
                ? "carries a comment with its findings" : "carry a comment with their findings")
              + " (a mark in the cell's corner): point at a cell to read it."
            : DiagnosticCode.typeset(
              "\(Plural.count(marks.commented, "cellule", "cellules", lang)) "
                + (one
                  ? "porte un commentaire avec ses remarques"
                  : "portent un commentaire avec leurs remarques")
                + " (repère dans l'angle) : pointez la cellule pour le lire."),
          nil
        ))
    }
    return lines
  }
}
