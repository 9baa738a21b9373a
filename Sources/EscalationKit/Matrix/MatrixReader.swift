import CSVImport

/// One CSV record of a matrix file, as strings.
struct MatrixRecord: Sendable {
  /// 1-based line where the record starts, and where it ends.
  var line: Int
  var endLine: Int
  /// The fields, trailing empty ones excluded.
  var fields: [String]
  /// The number of fields as written (trailing empty ones included).
  var rawCount: Int
  /// The spreadsheet column (1-based) of each field, when columns outside the matrix were
  /// taken out; `nil` when field `i` is column `i + 1`.
  var columns: [Int]?

  init(line: Int, fields: [String], rawCount: Int? = nil) {
    self.line = line
    self.endLine = line
    var f = fields
    while let last = f.last, last.isEmpty { f.removeLast() }
    self.fields = f
    self.rawCount = rawCount ?? fields.count
  }

  var count: Int { fields.count }
  func field(_ i: Int) -> String { i < fields.count ? fields[i] : "" }

  /// The spreadsheet column (1-based) of field `i`.
  func column(_ i: Int) -> Int {
    guard let columns, !columns.isEmpty else { return i + 1 }
    return i < columns.count ? columns[i] : columns[columns.count - 1] + i - columns.count + 1
  }

  /// The record with only the fields at `kept` (0-based, increasing).
  func keeping(_ kept: [Int]) -> MatrixRecord {
    var r = MatrixRecord(line: line, fields: kept.map { field($0) })
    r.endLine = endLine
    r.rawCount = kept.filter { $0 < max(rawCount, count) }.count
    r.columns = kept.map { column($0) }
    return r
  }
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
  /// Reads the records of an opened `reader` (a CSV file or a workbook's sheet, on disk or in
  /// memory).
  static func readRecords(reader: any RecordReader) throws(CSVError) -> (
    file: String, dialect: CSVDialect?, records: [MatrixRecord], failure: Finding?
  ) {
    var records: [MatrixRecord] = []
    var failure: Finding?
    do {
      try reader.forEachRecord { r in
        if records.count >= maxRecords { throw TooManyRecords() }
        var record = MatrixRecord(line: r.line, fields: r.strings, rawCount: r.rawCount)
        record.endLine = r.endLine
        records.append(record)
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
    var analysis = MatrixAnalysis(file: file)
    let document = analysis.run(records)
    return (document, analysis.findings)
  }
}

/// One place of the logical grid: a label or a cell.
struct Slot {
  var text: String
  var position: MatrixPosition
  /// `false` when the record is too short to hold this field.
  var present: Bool
  var blank: Bool { MatrixTextChecks.isBlank(text) }
  var matrixText: MatrixText { MatrixText(text: text, position: position) }
}

/// The analysis of one file; collects findings as it goes (the grid checks are in
/// `MatrixGridAnalysis.swift`).
struct MatrixAnalysis {
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
    dropNotesBelow(&records)
    guard var header = records.first else { return nil }
    var data = Array(records.dropFirst())
    if let kept = extraColumns(header, frLevels: frLevels, frRows: frRows) {
      header = header.keeping(kept)
      data = data.map { $0.keeping(kept) }
    }

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
        text: r.field(i), position: MatrixPosition(line: r.line, column: r.column(i)),
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
        .raggedRecord, MatrixPosition(line: r.line, column: r.column(width)),
        "this record has \(r.count) fields where the matrix has \(width); the text from column "
          + "\(Finding.columnLetter(r.column(width))) on is outside the matrix and ignored; move it into "
          + "the matrix or delete it"
      )
    } else if max(r.rawCount, r.count) < width {
      add(
        .raggedRecord, MatrixPosition(line: r.line, column: r.column(r.rawCount)),
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
}
