/// What trackers add around a matrix, taken out before the grid is read (CSV and workbooks
/// alike): system and extra columns (Smartsheet's Comments, Attachments, Row ID, Created,
/// Modified, Created By, Modified By, a checkbox or status column), and notes below the matrix
/// (the legend of this tool's own workbook).
extension MatrixAnalysis {
  /// The columns to keep (0-based) when the header holds columns that are not part of the
  /// model, with one warning naming them; `nil` when every column is kept. Only in the
  /// template's orientation (levels across); a header that looks like a level (a fifth level,
  /// a misspelt one) is kept, so that it stays an error.
  mutating func extraColumns(
    _ header: MatrixRecord, frLevels: LabelDictionary<Level>, frRows: LabelDictionary<MatrixRowKey>
  ) -> [Int]? {
    func isLevel(_ s: String) -> Bool {
      if case .found = frLevels.match(s) { return true }
      return false
    }
    let labels = header.fields.dropFirst()
    let levelsAcross = labels.filter(isLevel).count
    let rowsAcross = labels.filter {
      if case .found = frRows.match($0) { return true } else { return false }
    }.count
    guard levelsAcross >= 2, levelsAcross > rowsAcross else { return nil }
    var kept = [0]
    var dropped: [Int] = []
    for i in 1..<max(header.count, 1) {
      let text = header.field(i)
      if MatrixTextChecks.isBlank(text) || isLevel(text)
        || MatrixAnalysis.looksLikeLevel(text, frLevels)
      {
        kept.append(i)
      } else {
        dropped.append(i)
      }
    }
    guard let first = dropped.first else { return nil }
    let names = dropped.map {
      "\(Finding.columnLetter(header.column($0))) \(MatrixTextChecks.quote(header.field($0), limit: 30))"
    }
    add(
      .extraColumns, MatrixPosition(line: header.line, column: header.column(first)),
      "\(dropped.count) column\(dropped.count == 1 ? "" : "s") outside the 4 levels "
        + "\(dropped.count == 1 ? "is" : "are") not part of the matrix and ignored: "
        + names.joined(separator: ", ")
        + "; delete \(dropped.count == 1 ? "it" : "them") from the matrix sheet if the matrix "
        + "must pass --strict"
    )
    return kept
  }

  /// A header that names a level the model lacks or misspells one: it mentions a level,
  /// escalation or tier, is `L5`/`N5`, or is close to a level header.
  static func looksLikeLevel(_ text: String, _ levels: LabelDictionary<Level>) -> Bool {
    if case .notFound(let suggestion?) = levels.match(text), !suggestion.isEmpty { return true }
    let key = LabelNormalizer.key(text)
    for word in ["level", "niveau", "escalat", "remontee", "tier", "echelon"]
    where key.contains(word) {
      return true
    }
    let compact = key.replacingOccurrences(of: " ", with: "")
    if let f = compact.first, f == "l" || f == "n", compact.count >= 2,
      compact.dropFirst().allSatisfy(\.isNumber)
    {
      return true
    }
    return false
  }

  /// Takes out the notes below the matrix: records of a single cell in the first column after
  /// a blank line, at the end of the file, with one note.
  mutating func dropNotesBelow(_ records: inout [MatrixRecord]) {
    var start = records.count
    while start > 0 && records[start - 1].count == 1 { start -= 1 }
    guard start < records.count, start >= 2, records[start].line > records[start - 1].endLine + 1
    else { return }
    let first = records[start].line
    let last = records[records.count - 1].line
    add(
      .notesBelow, line: first,
      "\(first == last ? "line \(first)" : "lines \(first)–\(last)") below the matrix, after a "
        + "blank line, \(first == last ? "is" : "are") taken as notes and ignored"
    )
    records.removeSubrange(start...)
  }
}
