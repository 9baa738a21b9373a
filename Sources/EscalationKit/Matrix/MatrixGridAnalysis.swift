/// What the grid checks learn as they go: the language, the level and row of each header
/// slot, and the words for messages in this orientation.
struct GridState {
  let grid: MatrixAnalysis.Grid
  let across: Bool
  let words: MatrixAnalysis.Words
  var language: Language = .fr
  var levelDict = MatrixLabelTables.levelHeaders(primary: .fr)
  var rowDict = MatrixLabelTables.rowLabels(primary: .fr)
  var levelOf: [Level?]
  var levelFirst: [Level: Int] = [:]
  var rowOf: [MatrixRowKey?]
  var rowFirst: [MatrixRowKey: Int] = [:]
  var unknownRows: [Int] = []
  var missing: [MatrixRowKey] = []

  init(_ grid: MatrixAnalysis.Grid) {
    self.grid = grid
    across = grid.orientation == .levelsAcross
    words = MatrixAnalysis.Words(
      levelLine: across ? "column" : "row", rowLine: across ? "row" : "column")
    levelOf = Array(repeating: nil, count: grid.levels.count)
    rowOf = Array(repeating: nil, count: grid.rows.count)
  }

  func place(_ p: MatrixPosition) -> String {
    across ? "column \(p.columnLetter)" : "line \(p.line)"
  }

  func rowPlace(_ p: MatrixPosition) -> String {
    across ? "line \(p.line)" : "column \(p.columnLetter)"
  }

  func levelName(_ j: Int) -> String {
    if let l = levelOf[j] { return "level \(l)" }
    return
      "\(words.levelLine) "
      + "\(across ? grid.levels[j].position.columnLetter : String(grid.levels[j].position.line))"
  }
}

extension MatrixAnalysis {
  mutating func analyze(
    _ grid: Grid, frLevels: LabelDictionary<Level>, frRows: LabelDictionary<MatrixRowKey>
  ) -> MatrixDocument {
    var g = GridState(grid)
    g.language = detectLanguage(grid, frLevels: frLevels, frRows: frRows)
    g.levelDict = MatrixLabelTables.levelHeaders(primary: g.language)
    g.rowDict = MatrixLabelTables.rowLabels(primary: g.language)
    checkCorner(g)
    readLevels(&g)
    checkLevelOrder(g)
    readRows(&g)
    reportMissingRows(&g)
    return readCells(g)
  }

  /// The majority of labels that name a language.
  func detectLanguage(
    _ grid: Grid, frLevels: LabelDictionary<Level>, frRows: LabelDictionary<MatrixRowKey>
  ) -> Language {
    var fr = 0
    var en = 0
    for s in grid.levels {
      if case .found(_, let k, _) = frLevels.match(s.text) {
        if k == .exact || k == .loose { fr += 1 } else if k == .otherLanguage { en += 1 }
      }
    }
    for s in grid.rows {
      if case .found(_, let k, _) = frRows.match(s.text) {
        if k == .exact || k == .loose { fr += 1 } else if k == .otherLanguage { en += 1 }
      }
    }
    return en > fr ? .en : .fr
  }

  mutating func checkCorner(_ g: GridState) {
    guard let c = g.grid.corner, !c.blank else { return }
    if case .notFound = MatrixLabelTables.corner.match(c.text) {
      add(
        .unexpectedCorner, c.position,
        "the corner cell holds \(MatrixTextChecks.quote(c.text)) where the template has "
          + "\"\(CanonicalMatrix.cornerLabel[g.language == .en ? 0 : 1])\"; it is ignored"
      )
    }
    findings += MatrixTextChecks.findings(
      c.text, at: c.position, what: "the corner cell", file: file)
  }

  mutating func readLevels(_ g: inout GridState) {
    if g.grid.levels.count != 4 {
      let p = g.grid.levels.first?.position
      add(
        .levelCount, g.across ? p.map { MatrixPosition(line: $0.line, column: 2) } : p,
        "found \(g.grid.levels.count) level \(g.words.levelLine)s, expected 4 "
          + "(\"\(CanonicalMatrix.levelHeader(Level.all[0], g.language))\" to "
          + "\"\(CanonicalMatrix.levelHeader(Level.all[3], g.language))\")"
          + (g.across ? " after the label column" : " under the header row")
      )
    }
    var rawLevel: [Level?] = Array(repeating: nil, count: g.grid.levels.count)
    for (j, s) in g.grid.levels.enumerated() {
      guard !s.blank else { continue }
      if case .found(let level, _, _) = lookup(s.text, in: g.levelDict) { rawLevel[j] = level }
    }
    for (j, s) in g.grid.levels.enumerated() {
      let expectedHere: Level? =
        j < 4 && !rawLevel.contains(Level(rawValue: j + 1)) ? Level(rawValue: j + 1) : nil
      if s.blank {
        var m = "empty level header"
        if let e = expectedHere { m += "; write \"\(CanonicalMatrix.levelHeader(e, g.language))\"" }
        add(.levelUnknown, s.position, m)
        continue
      }
      findings += MatrixTextChecks.findings(
        s.text, at: s.position, what: "the level header", file: file)
      switch lookup(s.text, in: g.levelDict) {
      case .found(let level, let kind, _):
        if let first = g.levelFirst[level] {
          add(
            .levelDuplicated, s.position,
            "level \(level) appears again (first in \(g.place(g.grid.levels[first].position))); each "
              + "level has one \(g.words.levelLine): rename or delete this one"
          )
          continue
        }
        g.levelFirst[level] = j
        g.levelOf[j] = level
        noteMatch(
          kind: kind, text: s.text, expected: CanonicalMatrix.levelHeader(level, g.language),
          what: "level header", language: g.language, at: s.position)
      case .notFound(let suggestion):
        var m = "unknown level header \(MatrixTextChecks.quote(s.text))"
        if let suggestion {
          m += "; did you mean \"\(suggestion)\"?"
        } else if let e = expectedHere {
          m += "; write \"\(CanonicalMatrix.levelHeader(e, g.language))\""
        } else {
          m += "; the levels are \"\(CanonicalMatrix.levelHeader(Level.all[0], g.language))\" to 4"
        }
        add(.levelUnknown, s.position, m)
      }
    }
  }

  /// The order of the levels that were recognised.
  mutating func checkLevelOrder(_ g: GridState) {
    let seen = g.levelOf.enumerated().compactMap { j, l in l.map { (j, $0) } }
    let sorted = seen.map(\.1).sorted()
    if let bad = zip(seen, sorted).first(where: { $0.0.1 != $0.1 }) {
      let read = seen.map { String($0.1.rawValue) }.joined(separator: ", ")
      add(
        .levelOrder, g.grid.levels[bad.0.0].position,
        "level headers are out of order: \(g.place(g.grid.levels[bad.0.0].position)) holds level "
          + "\(bad.0.1) where level \(bad.1) belongs (levels read in the order \(read)); move the "
          + "\(g.words.levelLine)s, each header with its cells, into the order 1, 2, 3, 4"
      )
    }

  }

  mutating func readRows(_ g: inout GridState) {
    if g.grid.rows.count != 9 {
      add(
        .rowCount,
        g.across
          ? nil : g.grid.rows.first.map { MatrixPosition(line: $0.position.line, column: 2) },
        g.across
          ? "found \(g.grid.rows.count) rows under the header row, expected 9: the role row and the 8 categories"
          : "found \(g.grid.rows.count) columns after the level column, expected 9: the role column and the 8 categories"
      )
    }
    for (i, s) in g.grid.rows.enumerated() {
      if s.blank {
        g.unknownRows.append(i)
        add(
          .rowUnknown, s.position,
          "empty \(g.across ? "row label" : "column header"); write the category this \(g.words.rowLine) is for"
        )
        continue
      }
      findings += MatrixTextChecks.findings(s.text, at: s.position, what: "the label", file: file)
      switch lookup(s.text, in: g.rowDict) {
      case .found(let row, let kind, _):
        if let first = g.rowFirst[row] {
          let name =
            row == .role ? "the role \(g.words.rowLine)" : "category \"\(row.label(g.language))\""
          add(
            .rowDuplicated, s.position,
            "\(name) appears again (first at \(g.rowPlace(g.grid.rows[first].position))); keep one "
              + "\(g.words.rowLine) and delete or merge the other"
          )
          continue
        }
        g.rowFirst[row] = i
        g.rowOf[i] = row
        noteMatch(
          kind: kind, text: s.text, expected: row.label(g.language),
          what: row == .role ? "role label" : "category",
          language: g.language, at: s.position)
      case .notFound(let suggestion):
        g.unknownRows.append(i)
        var m = "unknown category \(MatrixTextChecks.quote(s.text))"
        if let suggestion {
          m += "; did you mean \"\(suggestion)\"?"
        } else {
          m += "; the categories are the 8 of the template (see `escalation template`)"
        }
        add(.rowUnknown, s.position, m)
      }
    }
  }

  mutating func reportMissingRows(_ g: inout GridState) {
    g.missing = MatrixRowKey.all.filter { g.rowFirst[$0] == nil }
    func candidate() -> String {
      guard g.missing.count == 1, g.unknownRows.count == 1 else { return "" }
      let s = g.grid.rows[g.unknownRows[0]]
      return
        "; is the \(g.words.rowLine) at \(g.rowPlace(s.position)) "
        + "(\(MatrixTextChecks.quote(s.text, limit: 40))) meant to be it?"
    }
    for row in g.missing {
      switch row {
      case .role:
        add(
          .roleRowMissing, nil,
          "the role \(g.words.rowLine) (\"\(row.label(g.language))\") is missing; add it with the "
            + "role that owns each level\(candidate())"
        )
      case .category(let c):
        add(
          .categoryMissing, nil,
          "category \"\(c.label(g.language))\" (\(c.rawValue)) is missing; add a \(g.words.rowLine) "
            + "for it\(candidate())"
        )
      }
    }

  }

  /// The cells, and the matrix when every level and row was found.
  mutating func readCells(_ g: GridState) -> MatrixDocument {
    var cells: [MatrixCellKey: MatrixText] = [:]
    var unrecognized: [Int: MatrixUnrecognizedRow] = [:]
    for (i, rowSlots) in g.grid.cells.enumerated() where i < g.grid.rows.count {
      if g.rowOf[i] == nil {
        var found: [Level: MatrixText] = [:]
        for (j, s) in rowSlots.enumerated() where j < g.grid.levels.count && s.present {
          if let l = g.levelOf[j] { found[l] = s.matrixText }
        }
        unrecognized[i] = MatrixUnrecognizedRow(label: g.grid.rows[i].matrixText, cells: found)
      }
      let rowName: String
      if let r = g.rowOf[i] {
        rowName = r == .role ? "the role" : "\"\(r.label(g.language))\""
      } else {
        rowName = "\(g.words.rowLine) \(MatrixTextChecks.quote(g.grid.rows[i].text, limit: 30))"
      }
      var keys: [(Int, String)] = []
      for (j, s) in rowSlots.enumerated() where j < g.grid.levels.count {
        guard s.present else { continue }
        let what = "\(rowName) at \(g.levelName(j))"
        if let r = g.rowOf[i], let l = g.levelOf[j] { cells[MatrixCellKey(r, l)] = s.matrixText }
        if s.blank {
          let task =
            g.rowOf[i] == .role
            ? "write the role that owns \(g.levelName(j))"
            : "write what the role does for this category at this level"
          add(.emptyCell, s.position, "empty cell: \(what); \(task)")
          continue
        }
        findings += MatrixTextChecks.findings(s.text, at: s.position, what: "the cell", file: file)
        let key = LabelNormalizer.key(s.text)
        if let (k, _) = keys.first(where: { $0.1 == key }) {
          add(
            .repeatedText, s.position,
            "\(what) repeats the text of \(g.levelName(k)) (\(g.place(rowSlots[k].position))); say "
              + "what changes at this level"
          )
        }
        keys.append((j, key))
      }
    }

    // The matrix, when every level and row was found.
    var matrix: Matrix?
    if g.levelFirst.count == 4 && g.missing.isEmpty {
      let roles = Level.all.map { cells[MatrixCellKey(.role, $0)]?.text ?? "" }
      var texts: [CategoryKey: [String]] = [:]
      for c in CategoryKey.allCases {
        texts[c] = Level.all.map { cells[MatrixCellKey(.category(c), $0)]?.text ?? "" }
      }
      matrix = Matrix(roles: roles, cells: texts)
    }
    var levelHeaders: [Level: MatrixText] = [:]
    for (l, j) in g.levelFirst { levelHeaders[l] = g.grid.levels[j].matrixText }
    var rowLabels: [MatrixRowKey: MatrixText] = [:]
    for (r, i) in g.rowFirst { rowLabels[r] = g.grid.rows[i].matrixText }
    return MatrixDocument(
      file: file, orientation: g.grid.orientation, language: g.language,
      corner: g.grid.corner.map(\.matrixText), levelHeaders: levelHeaders, rowLabels: rowLabels,
      cells: cells,
      matrix: matrix,
      unrecognizedRows: unrecognized.sorted { $0.key < $1.key }.map(\.value))
  }
}
