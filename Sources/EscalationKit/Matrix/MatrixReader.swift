import CSVImport

/// One CSV record of a matrix file, as strings.
struct MatrixRecord: Sendable {
  /// 1-based line where the record starts.
  var line: Int
  /// The fields, trailing empty ones excluded.
  var fields: [String]
  /// The number of fields as written (trailing empty ones included).
  var rawCount: Int

  init(line: Int, fields: [String], rawCount: Int? = nil) {
    self.line = line
    var f = fields
    while let last = f.last, last.isEmpty { f.removeLast() }
    self.fields = f
    self.rawCount = rawCount ?? fields.count
  }

  var count: Int { fields.count }
  func field(_ i: Int) -> String { i < fields.count ? fields[i] : "" }
}

/// Reads a matrix file into a ``MatrixDocument`` and the findings about its structure, labels
/// and cell texts (see docs/model.md). Diffs against a reference are ``MatrixDiff``'s.
enum MatrixReader {
  /// A matrix has 10 records; past this many the file is not a matrix and reading stops.
  static let maxRecords = 200

  private struct TooManyRecords: Error {}

  /// Reads the records of `path` (`-` for standard input).
  ///
  /// Throws only when the file cannot be opened or read (exit status 2); a malformed file
  /// gives its CSV error as `failure`.
  static func readRecords(path: String) throws(CSVError) -> (
    file: String, dialect: CSVDialect?, records: [MatrixRecord], failure: Finding?
  ) {
    try readRecords(reader: CSVReader(path: path))
  }

  /// Reads the records of an opened `reader` (a file, or bytes in memory).
  static func readRecords(reader: CSVReader) throws(CSVError) -> (
    file: String, dialect: CSVDialect?, records: [MatrixRecord], failure: Finding?
  ) {
    var records: [MatrixRecord] = []
    var failure: Finding?
    do {
      try reader.forEachRecord { r in
        if records.count >= maxRecords { throw TooManyRecords() }
        records.append(MatrixRecord(line: r.line, fields: r.strings, rawCount: r.rawCount))
      }
    } catch let e as CSVError {
      if e.isIOError { throw e }
      failure = MatrixCode.finding(for: e)
    } catch is TooManyRecords {
      failure = Finding(
        matrix: .tooManyRecords, file: reader.displayName, line: records.last.map { $0.line + 1 },
        "more than \(maxRecords) records, where a matrix has 10 (a header and 9 rows); is this "
          + "the matrix file?"
      )
    } catch {
      failure = Finding(
        code: "IO002", severity: .error, file: reader.displayName,
        message: "reading failed: \(error)")
    }
    return (reader.displayName, reader.dialect, records, failure)
  }

  /// Reads `records` of `file` into a document and findings (unsorted).
  static func analyze(_ records: [MatrixRecord], file: String) -> (MatrixDocument?, [Finding]) {
    var analysis = Analysis(file: file)
    let document = analysis.run(records)
    return (document, analysis.findings)
  }
}

/// One place of the logical grid: a label or a cell.
private struct Slot {
  var text: String
  var position: MatrixPosition
  /// `false` when the record is too short to hold this field.
  var present: Bool
  var blank: Bool { MatrixTextChecks.isBlank(text) }
  var matrixText: MatrixText { MatrixText(text: text, position: position) }
}

/// The analysis of one file; collects findings as it goes.
private struct Analysis {
  let file: String
  var findings: [Finding] = []

  init(file: String) { self.file = file }

  mutating func add(_ code: MatrixCode, _ position: MatrixPosition?, _ message: String) {
    findings.append(
      Finding(matrix: code, file: file, line: position?.line, column: position?.column, message))
  }

  mutating func add(_ code: MatrixCode, line: Int, _ message: String) {
    findings.append(Finding(matrix: code, file: file, line: line, column: nil, message))
  }

  // MARK: Reading the grid

  /// The grid in logical terms, whatever the orientation: level slots, row slots and cells
  /// indexed [row][level].
  struct Grid {
    var orientation: MatrixOrientation
    var corner: Slot?
    var levels: [Slot] = []
    var rows: [Slot] = []
    var cells: [[Slot]] = []
    /// Line of the header record.
    var headerLine: Int
  }

  mutating func run(_ input: [MatrixRecord]) -> MatrixDocument? {
    var records = input
    let frLevels = MatrixLabelTables.levelHeaders(primary: .fr)
    let frRows = MatrixLabelTables.rowLabels(primary: .fr)
    func known<V>(_ d: LabelDictionary<V>, _ s: String) -> Bool {
      if case .found = d.match(s) { return true }
      return false
    }
    func isLabel(_ s: String) -> Bool {
      known(frLevels, s) || known(frRows, s) || known(MatrixLabelTables.corner, s)
    }

    // Title lines above the header (the template's title when saved from the workbook).
    while records.count > 1, records[0].count == 1, records[1].count > 1,
      !isLabel(records[0].field(0))
    {
      add(
        .titleSkipped, line: records[0].line,
        "line \(records[0].line) (\(MatrixTextChecks.quote(records[0].field(0), limit: 40))) is "
          + "taken as a title above the matrix and ignored"
      )
      records.removeFirst()
    }
    guard let header = records.first else { return nil }
    let data = Array(records.dropFirst())

    // Orientation: levels in the header row (as the template) or in the first column.
    let headerLabels = header.fields.dropFirst()
    let across =
      headerLabels.filter { known(frLevels, $0) }.count
      + data.filter { known(frRows, $0.field(0)) }.count
    let down =
      headerLabels.filter { known(frRows, $0) }.count
      + data.filter { known(frLevels, $0.field(0)) }.count
    let orientation: MatrixOrientation = down > across ? .levelsDown : .levelsAcross

    // Width: the header's, or the usual record width when larger (an empty header cell at the end).
    var tally: [Int: Int] = [:]
    for r in data { tally[r.count, default: 0] += 1 }
    let usual = tally.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? header.count
    let width = max(header.count, usual, 1)

    var grid = Grid(orientation: orientation, headerLine: header.line)
    func slot(_ r: MatrixRecord, _ i: Int) -> Slot {
      Slot(
        text: r.field(i), position: MatrixPosition(line: r.line, column: i + 1),
        present: i < max(r.rawCount, r.count))
    }
    if header.rawCount > 0 { grid.corner = slot(header, 0) }
    let headerSlots = (1..<max(width, 2)).filter { $0 < width }.map { slot(header, $0) }
    for r in data { checkRagged(r, width: width, header: header) }
    switch orientation {
    case .levelsAcross:
      grid.levels = headerSlots
      for r in data {
        grid.rows.append(slot(r, 0))
        grid.cells.append((1..<max(width, 2)).filter { $0 < width }.map { slot(r, $0) })
      }
    case .levelsDown:
      grid.rows = headerSlots
      grid.cells = Array(repeating: [], count: headerSlots.count)
      for r in data {
        grid.levels.append(slot(r, 0))
        for i in headerSlots.indices { grid.cells[i].append(slot(r, i + 1)) }
      }
    }
    return analyze(grid, frLevels: frLevels, frRows: frRows)
  }

  /// A record wider than the matrix, or physically shorter than the header.
  mutating func checkRagged(_ r: MatrixRecord, width: Int, header: MatrixRecord) {
    if r.count > width {
      add(
        .raggedRecord, MatrixPosition(line: r.line, column: width + 1),
        "this record has \(r.count) fields where the matrix has \(width); the text from column "
          + "\(Finding.columnLetter(width + 1)) on is outside the matrix and ignored; move it into "
          + "the matrix or delete it"
      )
    } else if max(r.rawCount, r.count) < width {
      add(
        .raggedRecord, MatrixPosition(line: r.line, column: r.rawCount + 1),
        "this record has only \(r.rawCount) fields where the header row (line \(header.line)) "
          + "has \(width); add the missing cells"
      )
    }
  }

  // MARK: Labels

  /// Words for the messages, by orientation.
  struct Words {
    var levelLine: String  // "column" / "row"
    var rowLine: String  // "row" / "column"
  }

  /// Looks a label up; a label that only differs by white space counts as exact (the white
  /// space warning says the rest).
  func lookup<V>(_ text: String, in d: LabelDictionary<V>) -> LabelDictionary<V>.Match {
    let m = d.match(text)
    if case .found(_, let kind, _) = m, kind != .exact,
      let cleaned = MatrixTextChecks.spaceCleaned(text),
      case .found(let v, .exact, let canonical) = d.match(cleaned)
    {
      return .found(v, .exact, canonical: canonical)
    }
    return m
  }

  /// Adds the finding for a label accepted through normalization, the other language or an alias.
  mutating func noteMatch(
    kind: LabelMatchKind, text: String, expected: String, what: String, language: Language,
    at p: MatrixPosition
  ) {
    let lang = language == .en ? "English" : "French"
    switch kind {
    case .exact: break
    case .loose:
      add(
        .looseLabel, p,
        "\(what) \(MatrixTextChecks.quote(text)) matches \"\(expected)\" only when case, "
          + "accents, quotes and spaces are ignored; write it \"\(expected)\""
      )
    case .otherLanguage:
      add(
        .otherLanguageLabel, p,
        "\(what) \(MatrixTextChecks.quote(text)) is in the other language of this \(lang) "
          + "matrix; read as \"\(expected)\""
      )
    case .alias:
      add(
        .aliasLabel, p,
        "\(what) \(MatrixTextChecks.quote(text)) is an alias; read as \"\(expected)\"")
    }
  }

  mutating func analyze(
    _ grid: Grid, frLevels: LabelDictionary<Level>, frRows: LabelDictionary<MatrixRowKey>
  ) -> MatrixDocument {
    let across = grid.orientation == .levelsAcross
    let words = Words(levelLine: across ? "column" : "row", rowLine: across ? "row" : "column")
    func place(_ p: MatrixPosition) -> String {
      across ? "column \(p.columnLetter)" : "line \(p.line)"
    }
    func rowPlace(_ p: MatrixPosition) -> String {
      across ? "line \(p.line)" : "column \(p.columnLetter)"
    }

    // Language: the majority of labels that name a language.
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
    let language: Language = en > fr ? .en : .fr
    let levelDict = MatrixLabelTables.levelHeaders(primary: language)
    let rowDict = MatrixLabelTables.rowLabels(primary: language)

    // Corner.
    if let c = grid.corner, !c.blank {
      if case .notFound = MatrixLabelTables.corner.match(c.text) {
        add(
          .unexpectedCorner, c.position,
          "the corner cell holds \(MatrixTextChecks.quote(c.text)) where the template has "
            + "\"\(CanonicalMatrix.cornerLabel[language == .en ? 0 : 1])\"; it is ignored"
        )
      }
      findings += MatrixTextChecks.findings(
        c.text, at: c.position, what: "the corner cell", file: file)
    }

    // Level headers.
    if grid.levels.count != 4 {
      let p = grid.levels.first?.position
      add(
        .levelCount, across ? p.map { MatrixPosition(line: $0.line, column: 2) } : p,
        "found \(grid.levels.count) level \(words.levelLine)s, expected 4 "
          + "(\"\(CanonicalMatrix.levelHeader(Level.all[0], language))\" to "
          + "\"\(CanonicalMatrix.levelHeader(Level.all[3], language))\")"
          + (across ? " after the label column" : " under the header row")
      )
    }
    var levelOf: [Level?] = Array(repeating: nil, count: grid.levels.count)
    var levelFirst: [Level: Int] = [:]
    var rawLevel: [Level?] = Array(repeating: nil, count: grid.levels.count)
    for (j, s) in grid.levels.enumerated() {
      guard !s.blank else { continue }
      if case .found(let level, _, _) = lookup(s.text, in: levelDict) { rawLevel[j] = level }
    }
    for (j, s) in grid.levels.enumerated() {
      let expectedHere: Level? =
        j < 4 && !rawLevel.contains(Level(rawValue: j + 1)) ? Level(rawValue: j + 1) : nil
      if s.blank {
        var m = "empty level header"
        if let e = expectedHere { m += "; write \"\(CanonicalMatrix.levelHeader(e, language))\"" }
        add(.levelUnknown, s.position, m)
        continue
      }
      findings += MatrixTextChecks.findings(
        s.text, at: s.position, what: "the level header", file: file)
      switch lookup(s.text, in: levelDict) {
      case .found(let level, let kind, _):
        if let first = levelFirst[level] {
          add(
            .levelDuplicated, s.position,
            "level \(level) appears again (first in \(place(grid.levels[first].position))); each "
              + "level has one \(words.levelLine): rename or delete this one"
          )
          continue
        }
        levelFirst[level] = j
        levelOf[j] = level
        noteMatch(
          kind: kind, text: s.text, expected: CanonicalMatrix.levelHeader(level, language),
          what: "level header", language: language, at: s.position)
      case .notFound(let suggestion):
        var m = "unknown level header \(MatrixTextChecks.quote(s.text))"
        if let suggestion {
          m += "; did you mean \"\(suggestion)\"?"
        } else if let e = expectedHere {
          m += "; write \"\(CanonicalMatrix.levelHeader(e, language))\""
        } else {
          m += "; the levels are \"\(CanonicalMatrix.levelHeader(Level.all[0], language))\" to 4"
        }
        add(.levelUnknown, s.position, m)
      }
    }
    // Order of the levels that were recognised.
    let seen = levelOf.enumerated().compactMap { j, l in l.map { (j, $0) } }
    let sorted = seen.map(\.1).sorted()
    if let bad = zip(seen, sorted).first(where: { $0.0.1 != $0.1 }) {
      let read = seen.map { String($0.1.rawValue) }.joined(separator: ", ")
      add(
        .levelOrder, grid.levels[bad.0.0].position,
        "level headers are out of order: \(place(grid.levels[bad.0.0].position)) holds level "
          + "\(bad.0.1) where level \(bad.1) belongs (levels read in the order \(read)); move the "
          + "\(words.levelLine)s, each header with its cells, into the order 1, 2, 3, 4"
      )
    }

    // Row labels.
    var rowOf: [MatrixRowKey?] = Array(repeating: nil, count: grid.rows.count)
    var rowFirst: [MatrixRowKey: Int] = [:]
    var unknownRows: [Int] = []
    if grid.rows.count != 9 {
      add(
        .rowCount,
        across ? nil : grid.rows.first.map { MatrixPosition(line: $0.position.line, column: 2) },
        across
          ? "found \(grid.rows.count) rows under the header row, expected 9: the role row and the 8 categories"
          : "found \(grid.rows.count) columns after the level column, expected 9: the role column and the 8 categories"
      )
    }
    for (i, s) in grid.rows.enumerated() {
      if s.blank {
        unknownRows.append(i)
        add(
          .rowUnknown, s.position,
          "empty \(across ? "row label" : "column header"); write the category this \(words.rowLine) is for"
        )
        continue
      }
      findings += MatrixTextChecks.findings(s.text, at: s.position, what: "the label", file: file)
      switch lookup(s.text, in: rowDict) {
      case .found(let row, let kind, _):
        if let first = rowFirst[row] {
          let name =
            row == .role ? "the role \(words.rowLine)" : "category \"\(row.label(language))\""
          add(
            .rowDuplicated, s.position,
            "\(name) appears again (first at \(rowPlace(grid.rows[first].position))); keep one "
              + "\(words.rowLine) and delete or merge the other"
          )
          continue
        }
        rowFirst[row] = i
        rowOf[i] = row
        noteMatch(
          kind: kind, text: s.text, expected: row.label(language),
          what: row == .role ? "role label" : "category",
          language: language, at: s.position)
      case .notFound(let suggestion):
        unknownRows.append(i)
        var m = "unknown category \(MatrixTextChecks.quote(s.text))"
        if let suggestion {
          m += "; did you mean \"\(suggestion)\"?"
        } else {
          m += "; the categories are the 8 of the template (see `escalation template`)"
        }
        add(.rowUnknown, s.position, m)
      }
    }
    let missing = MatrixRowKey.all.filter { rowFirst[$0] == nil }
    func candidate() -> String {
      guard missing.count == 1, unknownRows.count == 1 else { return "" }
      let s = grid.rows[unknownRows[0]]
      return
        "; is the \(words.rowLine) at \(rowPlace(s.position)) "
        + "(\(MatrixTextChecks.quote(s.text, limit: 40))) meant to be it?"
    }
    for row in missing {
      switch row {
      case .role:
        add(
          .roleRowMissing, nil,
          "the role \(words.rowLine) (\"\(row.label(language))\") is missing; add it with the "
            + "role that owns each level\(candidate())"
        )
      case .category(let c):
        add(
          .categoryMissing, nil,
          "category \"\(c.label(language))\" (\(c.rawValue)) is missing; add a \(words.rowLine) "
            + "for it\(candidate())"
        )
      }
    }

    // Cells.
    var cells: [MatrixCellKey: MatrixText] = [:]
    func levelName(_ j: Int) -> String {
      if let l = levelOf[j] { return "level \(l)" }
      return
        "\(words.levelLine) "
        + "\(across ? grid.levels[j].position.columnLetter : String(grid.levels[j].position.line))"
    }
    var unrecognized: [Int: MatrixUnrecognizedRow] = [:]
    for (i, rowSlots) in grid.cells.enumerated() where i < grid.rows.count {
      if rowOf[i] == nil {
        var found: [Level: MatrixText] = [:]
        for (j, s) in rowSlots.enumerated() where j < grid.levels.count && s.present {
          if let l = levelOf[j] { found[l] = s.matrixText }
        }
        unrecognized[i] = MatrixUnrecognizedRow(label: grid.rows[i].matrixText, cells: found)
      }
      let rowName: String
      if let r = rowOf[i] {
        rowName = r == .role ? "the role" : "\"\(r.label(language))\""
      } else {
        rowName = "\(words.rowLine) \(MatrixTextChecks.quote(grid.rows[i].text, limit: 30))"
      }
      var keys: [(Int, String)] = []
      for (j, s) in rowSlots.enumerated() where j < grid.levels.count {
        guard s.present else { continue }
        let what = "\(rowName) at \(levelName(j))"
        if let r = rowOf[i], let l = levelOf[j] { cells[MatrixCellKey(r, l)] = s.matrixText }
        if s.blank {
          let task =
            rowOf[i] == .role
            ? "write the role that owns \(levelName(j))"
            : "write what the role does for this category at this level"
          add(.emptyCell, s.position, "empty cell: \(what); \(task)")
          continue
        }
        findings += MatrixTextChecks.findings(s.text, at: s.position, what: "the cell", file: file)
        let key = LabelNormalizer.key(s.text)
        if let (k, _) = keys.first(where: { $0.1 == key }) {
          add(
            .repeatedText, s.position,
            "\(what) repeats the text of \(levelName(k)) (\(place(rowSlots[k].position))); say "
              + "what changes at this level"
          )
        }
        keys.append((j, key))
      }
    }

    // The matrix, when every level and row was found.
    var matrix: Matrix?
    if levelFirst.count == 4 && missing.isEmpty {
      let roles = Level.all.map { cells[MatrixCellKey(.role, $0)]?.text ?? "" }
      var texts: [CategoryKey: [String]] = [:]
      for c in CategoryKey.allCases {
        texts[c] = Level.all.map { cells[MatrixCellKey(.category(c), $0)]?.text ?? "" }
      }
      matrix = Matrix(roles: roles, cells: texts)
    }
    var levelHeaders: [Level: MatrixText] = [:]
    for (l, j) in levelFirst { levelHeaders[l] = grid.levels[j].matrixText }
    var rowLabels: [MatrixRowKey: MatrixText] = [:]
    for (r, i) in rowFirst { rowLabels[r] = grid.rows[i].matrixText }
    return MatrixDocument(
      file: file, orientation: grid.orientation, language: language,
      corner: grid.corner.map(\.matrixText), levelHeaders: levelHeaders, rowLabels: rowLabels,
      cells: cells,
      matrix: matrix,
      unrecognizedRows: unrecognized.sorted { $0.key < $1.key }.map(\.value))
  }
}
