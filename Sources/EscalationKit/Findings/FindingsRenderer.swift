/// Output formats for findings.
public enum FindingsFormat: String, CaseIterable, Sendable {
  case text
  case json
  case sarif
}

/// A set of findings about one run of a command, rendered as text, JSON or SARIF 2.1.0.
///
/// The JSON schema (documented in the README):
/// `{ "tool", "version", "command", "files": [..], "valid": bool, <extra fields>,
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

  /// Renders in `format`; `color` adds ANSI colours to the text form.
  public func render(_ format: FindingsFormat, color: Bool = false) -> String {
    switch format {
    case .text: return text(color: color)
    case .json: return json().serialized() + "\n"
    case .sarif: return sarif().serialized() + "\n"
    }
  }

  /// One line per finding, then `textLines`, then a summary line.
  public func text(color: Bool) -> String {
    var out = ""
    for f in findings {
      var pos = f.position
      let sev = f.severity.rawValue
      let tag: String
      if color {
        let code: String
        switch f.severity {
        case .error: code = "1;31"
        case .warning: code = "1;33"
        case .note: code = "1;36"
        }
        tag = "\u{1B}[\(code)m\(sev)[\(f.code)]\u{1B}[0m"
        pos = "\u{1B}[1m\(pos)\u{1B}[0m"
      } else {
        tag = "\(sev)[\(f.code)]"
      }
      out += "\(pos): \(tag): \(f.message)\n"
    }
    for l in textLines { out += l + "\n" }
    out += summaryLine(color: color) + "\n"
    return out
  }

  /// E.g. `matrix.csv: not valid: 2 errors, 1 warning, 3 notes`.
  public func summaryLine(color: Bool) -> String {
    let c = findings.counts
    func plural(_ n: Int, _ w: String) -> String { "\(n) \(w)\(n == 1 ? "" : "s")" }
    var verdict = valid ? "valid" : "not valid"
    if color {
      verdict = valid ? "\u{1B}[1;32m\(verdict)\u{1B}[0m" : "\u{1B}[1;31m\(verdict)\u{1B}[0m"
    }
    return
      "\(files.joined(separator: ", ")): \(verdict): \(plural(c.errors, "error")), \(plural(c.warnings, "warning")), \(plural(c.notes, "note"))"
  }

  public func json() -> JSON {
    let c = findings.counts
    var o: [(String, JSON)] = [
      ("tool", .string("escalation")),
      ("version", .string(FindingsReport.toolVersion)),
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

  /// SARIF 2.1.0: one run, one rule per code used, one result per finding.
  public func sarif() -> JSON {
    let codes = Array(Set(findings.map(\.code))).sorted()
    let rules: [JSON] = codes.map { code in
      .object([
        ("id", .string(code)),
        ("shortDescription", .object([("text", .string(ruleDescriptions[code] ?? code))])),
      ])
    }
    let results: [JSON] = findings.map { f in
      var region: [(String, JSON)] = []
      if let l = f.line { region.append(("startLine", .int(l))) }
      if let c = f.column { region.append(("startColumn", .int(c))) }
      var physical: [(String, JSON)] = [("artifactLocation", .object([("uri", .string(f.file))]))]
      if !region.isEmpty { physical.append(("region", .object(region))) }
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
      return .object([
        ("ruleId", .string(f.code)),
        ("level", .string(f.severity.rawValue)),
        ("message", .object([("text", .string(f.message))])),
        ("locations", .array([.object(location)])),
      ])
    }
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
            ("results", .array(results)),
          ])
        ])
      ),
    ])
  }
}
