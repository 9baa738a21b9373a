/// Output formats for findings.
public enum FindingsFormat: String, CaseIterable, Sendable {
  case text
  case json
  case sarif
}

/// A set of findings about one run of a command, rendered as text, JSON or SARIF 2.1.0.
///
/// The JSON schema (docs/schema/findings.schema.json, documented in the README):
/// `{ "tool", "version", "schemaVersion", "command", "files": [..], "valid": bool, <extra fields>,
///    "summary": {"errors", "warnings", "notes"},
///    "findings": [{"code","severity","file","line","column","columnLetter","message"}] }`
public struct FindingsReport: Sendable {
  public var command: String
  public var files: [String]
  public var findings: [Finding]
  /// Whether the command judged its input acceptable (drives the exit status).
  public var valid: Bool
  /// Command-specific fields for JSON (e.g. `orientation`, `accounting`), in order.
  public var extra: [(String, JSON)]
  /// Command-specific lines printed after the findings in text form, before the summary.
  public var textLines: [String]
  /// Descriptions of the codes used, for SARIF rules: code → short description.
  public var ruleDescriptions: [String: String]

  public init(
    command: String, files: [String], findings: [Finding], valid: Bool,
    extra: [(String, JSON)] = [],
    textLines: [String] = [], ruleDescriptions: [String: String] = [:]
  ) {
    self.command = command
    self.files = files
    self.findings = findings
    self.valid = valid
    self.extra = extra
    self.textLines = textLines
    self.ruleDescriptions = ruleDescriptions
  }

  public static let toolVersion = "0.1.0"
  /// The version of the JSON layouts (`schemaVersion` in every JSON output; docs/schema/).
  public static let schemaVersion = 1

  /// Renders in `format`; `color` adds ANSI colours to the text form, `display` says how many
  /// findings the text form lists, `columns` gives SARIF its character columns.
  public func render(
    _ format: FindingsFormat, color: Bool = false, display: FindingsDisplay = FindingsDisplay(),
    columns: SourceColumns? = nil
  ) -> String {
    switch format {
    case .text: return text(color: color, display: display)
    case .json: return json().serialized() + "\n"
    case .sarif: return sarif(columns: columns).serialized() + "\n"
    }
  }

  /// One line per finding (grouped per code past a threshold, see ``FindingsDisplay``), then
  /// `textLines`, then a summary line.
  public func text(color: Bool, display: FindingsDisplay = FindingsDisplay()) -> String {
    var out = ""
    let (lines, omitted) = display.lines(findings)
    for line in lines {
      switch line {
      case .finding(let f):
        out += prefix(f, color: color) + f.message + "\n"
      case .group(let f, let count, let positions):
        let summary = ruleDescriptions[f.code] ?? f.message
        let sameFile = positions.allSatisfy { $0.file == f.file }
        let places = positions.compactMap { p -> String? in
          guard let l = p.line else { return nil }
          return sameFile ? String(l) : "\(p.file):\(l)"
        }
        var text = FindingsReport.lowercasingFirst(summary)
        if !places.isEmpty {
          text += "; first at line\(places.count == 1 ? "" : "s") \(places.joined(separator: ", "))"
        }
        var head = f
        head.line = nil
        head.column = nil
        // `file: warning[MET002] × 5278: …`
        out += prefix(head, color: color).dropLast(2) + " × \(count): " + text
        out += "; --verbose lists all\n"
      }
    }
    if omitted > 0 {
      out +=
        "… \(omitted) more finding\(omitted == 1 ? "" : "s") not listed (--max-findings \(display.maxFindings ?? 0))\n"
    }
    for l in textLines { out += l + "\n" }
    if !display.quiet { out += summaryLine(color: color) + "\n" }
    return out
  }

  /// "Exact duplicate …" → "exact duplicate …" (not "CSV …").
  static func lowercasingFirst(_ s: String) -> String {
    guard let f = s.first, s.dropFirst().first?.isLowercase == true else { return s }
    return f.lowercased() + s.dropFirst()
  }

  /// `file:line:col: severity[CODE]: `, coloured on a terminal.
  func prefix(_ f: Finding, color: Bool) -> String {
    let pos = f.position  // `file:line:col`, or the sheet and cell of a workbook
    let sev = f.severity.rawValue
    guard color else { return "\(pos): \(sev)[\(f.code)]: " }
    let code: String
    switch f.severity {
    case .error: code = "1;31"
    case .warning: code = "1;33"
    case .note: code = "1;36"
    }
    return "\u{1B}[1m\(pos)\u{1B}[0m: \u{1B}[\(code)m\(sev)[\(f.code)]\u{1B}[0m: "
  }

  /// E.g. `matrix.csv: not valid: 2 errors, 1 warning, 3 notes`.
  public func summaryLine(color: Bool) -> String {
    let c = findings.counts
    var verdict = valid ? "valid" : "not valid"
    if color {
      verdict = valid ? "\u{1B}[1;32m\(verdict)\u{1B}[0m" : "\u{1B}[1;31m\(verdict)\u{1B}[0m"
    }
    return
      "\(files.joined(separator: ", ")): \(verdict): \(Plural.count(c.errors, .error, .en)), \(Plural.count(c.warnings, .warning, .en)), \(Plural.count(c.notes, .note, .en))"
  }

  public func json() -> JSON {
    let c = findings.counts
    var o: [(String, JSON)] = [
      ("tool", .string("escalation")),
      ("version", .string(FindingsReport.toolVersion)),
      ("schemaVersion", .int(FindingsReport.schemaVersion)),
      ("command", .string(command)),
      ("files", .array(files.map { .string($0) })),
      ("valid", .bool(valid)),
    ]
    o += extra
    o.append(
      (
        "summary",
        .object([
          ("errors", .int(c.errors)), ("warnings", .int(c.warnings)), ("notes", .int(c.notes)),
        ])
      ))
    o.append(("findings", .array(findings.map(FindingsReport.json))))
    return .object(o)
  }

  /// A finding in a workbook also has `sheet` and `row` (the same as `line`).
  static func json(_ f: Finding) -> JSON {
    var o: [(String, JSON)] = [
      ("code", .string(f.code)),
      ("severity", .string(f.severity.rawValue)),
      ("file", .string(f.file)),
    ]
    if let sheet = f.sheet { o += [("sheet", .string(sheet)), ("row", .optional(f.line))] }
    o += [
      ("line", .optional(f.line)),
      ("column", .optional(f.column)),
      ("columnLetter", .optional(f.columnLetter)),
      ("message", .string(f.message)),
    ]
    return .object(o)
  }

  /// SARIF 2.1.0: one run, one rule per code used, one result per finding. `startColumn` is
  /// the character column (Unicode code points) where `columns` knows it; the field number
  /// and its letter are in each result's `properties`; the command's own fields (the import's
  /// accounting, the matrix's orientation) are in the run's `properties`.
  public func sarif(columns: SourceColumns? = nil) -> JSON {
    let codes = Array(Set(findings.map(\.code))).sorted()
    let rules: [JSON] = codes.map { code in
      .object([
        ("id", .string(code)),
        ("shortDescription", .object([("text", .string(ruleDescriptions[code] ?? code))])),
      ])
    }
    let results = findings.map { sarifResult($0, columns: columns) }
    let properties: [(String, JSON)] =
      [
        ("schemaVersion", .int(FindingsReport.schemaVersion)), ("command", .string(command)),
        ("files", .array(files.map { .string($0) })), ("valid", .bool(valid)),
      ] + extra
    return .object([
      ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
      ("version", .string("2.1.0")),
      (
        "runs",
        .array([
          .object([
            (
              "tool",
              .object([
                (
                  "driver",
                  .object([
                    ("name", .string("escalation")),
                    ("version", .string(FindingsReport.toolVersion)),
                    ("rules", .array(rules)),
                  ])
                )
              ])
            ),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
            ("properties", .object(properties)),
          ])
        ])
      ),
    ])
  }

  /// One SARIF result: the finding's rule, level, message and location.
  private func sarifResult(_ f: Finding, columns: SourceColumns?) -> JSON {
    var region: [(String, JSON)] = []
    let place = columns?.position(of: f)
    if let l = place?.line ?? f.line { region.append(("startLine", .int(l))) }
    if let c = place?.column { region.append(("startColumn", .int(c))) }
    var physical: [(String, JSON)] = [("artifactLocation", .object([("uri", .string(f.file))]))]
    if !region.isEmpty { physical.append(("region", .object(region))) }
    let location = sarifLocation(f, physical)
    var result: [(String, JSON)] = [
      ("ruleId", .string(f.code)),
      ("level", .string(f.severity.rawValue)),
      ("message", .object([("text", .string(f.message))])),
      ("locations", .array([.object(location)])),
    ]
    if let c = f.column {
      result.append(
        (
          "properties",
          .object([("field", .int(c)), ("columnLetter", .optional(f.columnLetter))])
        ))
    }
    return .object(result)
  }

  /// A SARIF location: the file and region, plus for a workbook the cell as a logical
  /// location and its sheet, row and column letter.
  private func sarifLocation(_ f: Finding, _ physical: [(String, JSON)]) -> [(String, JSON)] {
    var location: [(String, JSON)] = [("physicalLocation", .object(physical))]
    if let sheet = f.sheet {
      // The cell as a spreadsheet names it, and its parts.
      let cell = f.line.map { l in (f.columnLetter ?? "") + "\(l)" }
      location.append(
        (
          "logicalLocations",
          .array([
            .object([
              ("name", .string(cell ?? sheet)),
              ("fullyQualifiedName", .string(cell.map { "\(sheet)!\($0)" } ?? sheet)),
              ("kind", .string("element")),
            ])
          ])
        ))
      location.append(
        (
          "properties",
          .object([
            ("sheet", .string(sheet)), ("row", .optional(f.line)),
            ("columnLetter", .optional(f.columnLetter)),
          ])
        ))
    }
    return location
  }
}
