import ArgumentParser
import EscalationKit

#if canImport(Glibc)
  import Glibc
#endif

/// `-o FILE`: where the command's data goes; `-` (or no `-o`) is standard output.
struct OutputOptions: ParsableArguments {
  @Option(
    name: .shortAndLong,
    help: ArgumentHelp("Write the output to this file (- for standard output).", valueName: "file"),
    completion: .file())
  var output: String?

  /// Whether the output goes to standard output.
  var isStandardOutput: Bool { output == nil || output == "-" }
}

/// How the command talks to a person: colour, and the progress and status lines.
struct ConsoleOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Colour: auto (on a terminal, unless NO_COLOR is set and not empty), always or never.",
      valueName: "when"))
  var color: ColorMode = .auto

  @Flag(
    name: .shortAndLong,
    help: "No progress line and no status lines; findings of error severity only.")
  var quiet = false
}

/// How many findings the text output lists.
struct DisplayOptions: ParsableArguments {
  @Flag(
    name: .shortAndLong,
    help: "List every finding (a code found more than 10 times is otherwise one line).")
  var verbose = false

  @Option(
    name: .customLong("max-findings"),
    help: ArgumentHelp(
      "List at most this many findings (a grouped code counts as one).", valueName: "n"))
  var maxFindings: Int?

  func validate() throws {
    if let maxFindings, maxFindings < 0 {
      throw ValidationError("--max-findings \(maxFindings): give 0 or more findings to list")
    }
  }

  func display(quiet: Bool) -> FindingsDisplay {
    FindingsDisplay(verbose: verbose, quiet: quiet, maxFindings: maxFindings)
  }
}

extension ImportStop {
  /// The finding that stopped the import, rendered as the command's findings are, and the exit
  /// status to leave with.
  func render(command: String, format: FindingsFormat, color: Bool) -> String {
    let report = FindingsReport(
      command: command, files: [finding.file], findings: [finding], valid: false,
      ruleDescriptions: LogCode.descriptions)
    return report.render(format, color: color)
  }
}

/// Runs `body`; an import that cannot go on prints its finding to standard error (in `format`)
/// and exits 1, or 2 for a usage error such as a bad `--map`.
func handlingImportStop<T>(
  command: String, format: FindingsFormat = .text, color: Bool, _ body: () throws -> T
) throws -> T {
  do {
    return try body()
  } catch let stop as ImportStop {
    Terminal.standardError(stop.render(command: command, format: format, color: color))
    throw ExitStatus(code: stop.exitStatus)
  }
}

/// A workbook for `--xlsx -` or `-o -` when standard output is a terminal (IO013, exit 2).
struct WorkbookOnTerminal: EscalationError {
  var exitStatus: Int32 { 2 }
  var diagnostic: DiagnosticCode? { DiagnosticCode.known("IO013") }
  var description: String {
    "<stdout>: error[IO013]: a workbook is binary and standard output is a terminal; "
      + "redirect it (> report.xlsx) or give a file name"
  }
}

/// Refuses a workbook for standard output (`-`) when standard output is a terminal.
func refuseWorkbookOnTerminal(_ path: String?) throws {
  guard path == "-", isatty(1) == 1 else { return }
  throw WorkbookOnTerminal()
}
