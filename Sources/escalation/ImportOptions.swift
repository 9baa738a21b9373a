import ArgumentParser
import EscalationKit

extension LogLayout: ExpressibleByArgument {}
extension DateOrder: ExpressibleByArgument {}
extension NormalizedEventFormat: ExpressibleByArgument {}

/// The options that say how to read an escalation log; shared by `import`, `metrics` and
/// `report` through `@OptionGroup`.
struct ImportOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The matrix in use (its roles resolve as levels); default: the canonical one.",
      valueName: "file"))
  var matrix: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The worksheet of an .xlsx log, by name or number (1 = first); default: the first visible one.",
      valueName: "name|n"))
  var sheet: String?

  @Option(
    name: .customLong("matrix-sheet"),
    help: ArgumentHelp(
      "The worksheet of an .xlsx --matrix, by name or number; default: the first visible one.",
      valueName: "name|n"))
  var matrixSheet: String?

  @Option(
    name: .long,
    help:
      "Force the layout: events (one row per event) or tickets (one row per ticket); default: detected from the header."
  )
  var layout: LogLayout?

  @Option(
    name: .customLong("map"),
    help: ArgumentHelp(
      "Name the column of a field the tool does not recognise (repeatable), e.g. --map ticket=\"Réf.\".",
      valueName: "field=Header"))
  var map: [String] = []

  @Option(
    name: .customLong("date-order"),
    help:
      "Read dates like 03/10/2026 day-first (dmy) or month-first (mdy) when the file does not tell."
  )
  var dateOrder: DateOrder?

  @Option(
    name: .customLong("tz"),
    help: ArgumentHelp(
      "IANA time zone of times written without an offset, e.g. Europe/Paris.", valueName: "zone"))
  var tz: String = "UTC"

  @Option(
    name: .long,
    help: ArgumentHelp("Field delimiter: , ; tab or |; default: detected.", valueName: "char"))
  var delimiter: String?

  /// The library options, or a usage error.
  func logImportOptions() throws -> LogImportOptions {
    var o = LogImportOptions()
    o.layout = layout
    o.sheet = sheet
    o.dateOrder = dateOrder
    for m in map {
      guard let eq = m.firstIndex(of: "="), eq != m.startIndex, m.index(after: eq) != m.endIndex
      else {
        throw CLIError.usage(
          "--map \(m): write --map field=Header, e.g. --map ticket=\"Réf. dossier\"")
      }
      o.headerMap[String(m[..<eq])] = String(m[m.index(after: eq)...])
    }
    o.zone = try OptionValues.zone(tz)
    if let d = delimiter {
      switch d {
      case ",", "comma": o.delimiter = 0x2C
      case ";", "semicolon": o.delimiter = 0x3B
      case "tab", "\\t", "\t": o.delimiter = 0x09
      case "|", "pipe": o.delimiter = 0x7C
      default: throw CLIError.usage("--delimiter \(d): use , ; tab or |")
      }
    }
    if let matrix {
      // A file that cannot be read exits 2 (CSVError I/O); one that is not a valid matrix, 1.
      let loaded = try MatrixLoader.load(path: matrix, sheet: matrixSheet)
      guard loaded.isValid, let m = loaded.matrix else {
        let errors = loaded.findings.filter { $0.severity == .error }
        for f in errors { Terminal.standardError(f.description) }
        Terminal.standardError(
          "escalation: error: --matrix \(matrix) is not a valid matrix (\(errors.count) error(s)); "
            + "check it with: escalation validate \(matrix)")
        throw ExitStatus.invalid
      }
      o.matrix = m
      for case (.category(let key), let label) in loaded.document?.rowLabels ?? [:] {
        o.categoryLabels[key] = label.text
      }
    }
    return o
  }
}
