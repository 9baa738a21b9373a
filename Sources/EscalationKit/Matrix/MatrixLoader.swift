import CSVImport
import XLSXImport

/// The entry point for reading a matrix file, for `validate` and for every command that takes
/// `--matrix FILE`.
///
/// ```swift
/// let loaded = try MatrixLoader.load(path: "matrix.csv")
/// guard loaded.isValid, let matrix = loaded.matrix else { … }
/// ```
public enum MatrixLoader {
  /// Reads and checks `path` (`-` for standard input): structure, labels and cell texts.
  /// No diff notes (see ``MatrixValidation``).
  ///
  /// Throws only when the file cannot be opened or read (exit status 2); a malformed file is
  /// a result with its CSV error as a finding.
  /// `sheet` (`--sheet NAME|N`) chooses the worksheet of a workbook.
  public static func load(path: String, sheet: String? = nil) throws(CSVError) -> MatrixLoadResult {
    let reader: any RecordReader
    do {
      reader = try RecordInput.open(path: path, sheet: sheet.map(SheetChoice.init))
    } catch {
      return try unreadable(error)
    }
    return WorkbookInput.placed(reader, try result(MatrixReader.readRecords(reader: reader)))
  }

  /// A workbook that opens but is damaged: a result with the error as its finding. I/O errors
  /// (exit status 2) are thrown.
  private static func unreadable(_ error: CSVError) throws(CSVError) -> MatrixLoadResult {
    if error.isIOError { throw error }
    return MatrixLoadResult(
      file: error.path, dialect: nil, document: nil, findings: [MatrixCode.finding(for: error)])
  }

  /// Reads and checks a matrix held in memory (`bytes`, shown as `name` in findings), as
  /// ``load(path:)`` does a file. For tests and the fuzzing harness.
  public static func load(bytes: [UInt8], name: String, sheet: String? = nil) throws(CSVError)
    -> MatrixLoadResult
  {
    let reader: any RecordReader
    do {
      reader = try RecordInput.open(bytes: bytes, name: name, sheet: sheet.map(SheetChoice.init))
    } catch {
      return try unreadable(error)
    }
    return WorkbookInput.placed(reader, try result(MatrixReader.readRecords(reader: reader)))
  }

  private static func result(
    _ read: (file: String, dialect: CSVDialect?, records: [MatrixRecord], failure: Finding?)
  ) -> MatrixLoadResult {
    let (file, dialect, records, failure) = read
    if let log = logHeader(records, file: file) {
      return MatrixLoadResult(file: file, dialect: dialect, document: nil, findings: [log])
    }
    if let failure {
      return MatrixLoadResult(file: file, dialect: dialect, document: nil, findings: [failure])
    }
    let (document, findings) = MatrixReader.analyze(records, file: file)
    return MatrixLoadResult(
      file: file, dialect: dialect, document: document, findings: sortFindings(findings))
  }

  /// MTX013 when the first record is an escalation log's header (a ticket and a time column):
  /// one finding that says which command reads it, instead of one per cell.
  static func logHeader(_ records: [MatrixRecord], file: String) -> Finding? {
    guard let first = records.first,
      let header = try? LogHeader.detect(headers: first.fields, file: file, map: [:], forced: nil),
      let ticket = header[.ticket]
    else { return nil }
    let time = header[.time] ?? header[.opened]
    let columns =
      "a ticket column \"\(first.fields[ticket])\""
      + (time.map { " and a time column \"\(first.fields[$0])\"" } ?? "")
    let name = file == "<stdin>" ? "-" : file
    return Finding(
      matrix: .logGivenAsMatrix, file: file, line: first.line,
      "this looks like an escalation log (its header has \(columns)), not a matrix; "
        + "read it with `escalation import \(name)`")
  }

  /// Positioned findings first, by line then column, then the others in the order found.
  static func sortFindings(_ findings: [Finding]) -> [Finding] {
    let indexed = findings.enumerated().map { ($0.offset, $0.element) }
    return indexed.sorted { a, b in
      switch (a.1.line, b.1.line) {
      case (nil, nil): return a.0 < b.0
      case (nil, _): return false
      case (_, nil): return true
      case (let la?, let lb?):
        if la != lb { return la < lb }
        let ca = a.1.column ?? 0
        let cb = b.1.column ?? 0
        if ca != cb { return ca < cb }
        return a.0 < b.0
      }
    }.map(\.1)
  }
}

/// A baseline that cannot serve as the reference for `validate --baseline`.
public enum MatrixBaselineError: Error, CustomStringConvertible, Sendable {
  /// The baseline has errors (or is not structurally a matrix).
  case invalid(path: String, errors: Int, first: Finding?)

  public var description: String {
    switch self {
    case .invalid(let path, let errors, let first):
      var m =
        "the baseline \(path) is not a valid matrix (\(errors) error\(errors == 1 ? "" : "s"))"
      if let first { m += "; first: \(first.description)" }
      return m + "; run `escalation validate \(path)` and fix it, or choose another baseline"
    }
  }
}

/// `escalation validate`: a matrix file checked, with its changes against the canonical matrix
/// (or a baseline file), rendered as a findings report.
public struct MatrixValidation: Sendable {
  /// The file read, with all findings (diff notes included), sorted.
  public var result: MatrixLoadResult
  /// Cells whose text differs from the canonical matrix in the file's language.
  public var canonicalChanges: [MatrixDiff.Change]
  /// The baseline's name, when one was given.
  public var baseline: String?
  /// Cells whose text differs from the baseline, when one was given.
  public var baselineChanges: [MatrixDiff.Change]?

  /// Validates `path`, with diff notes against `baseline` when given, else against the
  /// canonical matrix.
  ///
  /// Throws ``CSVError`` when a file cannot be opened or read, ``MatrixBaselineError`` when
  /// the baseline is not a valid matrix (both exit status 2).
  /// `sheet` and `baselineSheet` choose the worksheets of workbooks.
  public static func run(
    path: String, baseline: String? = nil, sheet: String? = nil, baselineSheet: String? = nil
  ) throws -> MatrixValidation {
    var reference: (Matrix, String)?
    if let baseline {
      let b = try MatrixLoader.load(path: baseline, sheet: baselineSheet)
      let errors = b.findings.filter { $0.severity == .error }
      guard errors.isEmpty, let m = b.matrix else {
        throw MatrixBaselineError.invalid(
          path: b.file, errors: max(errors.count, 1), first: errors.first)
      }
      reference = (m, b.file)
    }
    return validate(try MatrixLoader.load(path: path, sheet: sheet), reference: reference)
  }

  /// Validates an already loaded matrix (for instance ``MatrixLoader/load(bytes:name:)``),
  /// with diff notes against the canonical matrix.
  public static func run(loaded: MatrixLoadResult) -> MatrixValidation {
    validate(loaded, reference: nil)
  }

  private static func validate(_ loaded: MatrixLoadResult, reference: (Matrix, String)?)
    -> MatrixValidation
  {
    var result = loaded
    var canonical: [MatrixDiff.Change] = []
    var againstBaseline: [MatrixDiff.Change]?
    if let document = result.document {
      canonical = MatrixDiff.changes(document, against: Matrix.canonical(document.language))
      var notes: [Finding]
      if let (m, name) = reference {
        let changes = MatrixDiff.changes(document, against: m)
        againstBaseline = changes
        notes = MatrixDiff.findings(
          changes, file: result.file, language: document.language, baseline: name)
      } else {
        notes = MatrixDiff.findings(
          canonical, file: result.file, language: document.language, baseline: nil)
      }
      notes = notes.placed(inSheet: result.sheet, of: result.file)
      result.findings = MatrixLoader.sortFindings(result.findings + notes)
    }
    return MatrixValidation(
      result: result, canonicalChanges: canonical, baseline: reference?.1,
      baselineChanges: againstBaseline)
  }

  /// Whether the matrix passes: no error, and no warning when `strict`.
  public func passes(strict: Bool) -> Bool {
    let c = result.findings.counts
    return c.errors == 0 && (!strict || c.warnings == 0)
  }

  /// The findings report for text, JSON and SARIF output.
  ///
  /// JSON fields beside the common ones: `orientation` (`levels-across`, `levels-down` or
  /// null), `language` (`en`, `fr` or null), `encoding`, `delimiter`, `baseline` (path or
  /// null), `canonicalDiffCount`, `baselineDiffCount` (null without a baseline), `strict`.
  public func report(strict: Bool) -> FindingsReport {
    let d = result.dialect
    var extra: [(String, JSON)] = [
      ("orientation", .optional(result.orientation?.rawValue)),
      ("language", .optional(result.language?.rawValue)),
      ("encoding", .optional(d?.encoding.rawValue)),
      ("delimiter", .optional(d?.delimiterName)),
      ("baseline", .optional(baseline)),
      ("canonicalDiffCount", result.document == nil ? .null : .int(canonicalChanges.count)),
      ("baselineDiffCount", .optional(baselineChanges?.count)),
      ("strict", .bool(strict)),
    ]
    if let sheet = result.sheet { extra.insert(("sheet", .string(sheet)), at: 2) }
    var lines: [String] = []
    if let o = result.orientation { lines.append("orientation: \(o.phrase)") }
    return FindingsReport(
      command: "validate", files: [result.file], findings: result.findings,
      valid: passes(strict: strict),
      extra: extra, textLines: lines, ruleDescriptions: MatrixCode.descriptions)
  }
}
