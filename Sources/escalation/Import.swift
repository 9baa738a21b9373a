import ArgumentParser
import CSVImport
import EscalationKit

/// `escalation import LOG…`: normalised events on standard output (or `-o`), findings and the
/// accounting line on standard error (or `--findings-output`). The work is ``ImportRun``'s.
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract:
      "Read escalation logs (CSV or .xlsx, English or French) and write normalised events.",
    discussion: """
      Writes one event per line (ticket, time in UTC, event, level, category key, owner, \
      note, source line) to standard output or -o FILE. Several logs (monthly exports) are \
      read as one: tickets match by id across files and an event found in two files is a \
      duplicate. Every record is used or reported: findings go to standard error (or \
      --findings-output), in text followed by the line \
      "records read: N = used U + rejected R + duplicates D"; with --findings-format json or \
      sarif that stream holds the JSON or SARIF document alone, the accounting inside it. CSV \
      cells starting with = + - @ tab or CR are written with a leading ' (numbers untouched) \
      unless --raw-csv.

      Exit status: 0; 1 with --strict when a record was rejected, when no record could be \
      used, or when a file cannot be read as a log; 2 for usage and I/O errors.
      """)

  @Argument(
    help: ArgumentHelp("The log files, read as one log (- for standard input).", valueName: "log"),
    completion: .file(extensions: ["csv", "tsv", "txt", "xlsx"]))
  var logs: [String]

  @OptionGroup var importOptions: ImportOptions

  @Option(name: .long, help: "Output format of the events.")
  var format: NormalizedEventFormat = .csv

  @OptionGroup var output: OutputOptions

  @Option(
    name: .customLong("findings-format"),
    help: ArgumentHelp("Format of the findings.", valueName: "format"))
  var findingsFormat: FindingsFormat = .text

  @Option(
    name: .customLong("findings-output"),
    help: ArgumentHelp(
      "Write the findings to this file instead of standard error (- for standard output).",
      valueName: "file"),
    completion: .file())
  var findingsOutput: String?

  @Flag(name: .long, help: "Exit 1 (and write no events) when any record was rejected.")
  var strict = false

  @Flag(
    name: .customLong("raw-csv"),
    help: "Write CSV cells as read, even those a spreadsheet would run as formulas.")
  var rawCSV = false

  @OptionGroup var display: DisplayOptions

  @OptionGroup var console: ConsoleOptions

  func validate() throws {
    if logs.filter({ $0 == "-" }).count > 1 {
      throw ValidationError("standard input (-) can be read only once")
    }
    if findingsOutput == "-" && output.isStandardOutput {
      throw ValidationError(
        "--findings-output - and the events would both go to standard output; give -o FILE")
    }
  }

  func run() throws {
    var options = try importOptions.logImportOptions()
    // A cache that cannot be written is skipped; --verbose says so (one line).
    if display.verbose { options.cache?.note = { Terminal.standardError($0) } }
    let inputs = logs + [importOptions.matrix].compactMap { $0 }
    // Opened first so that a bad -o fails before the work; dropped uncommitted, it leaves nothing.
    let writer = try OutputWriter(path: output.output, inputs: inputs)
    let findingsWriter = try findingsOutput.map { try OutputWriter(path: $0, inputs: inputs) }
    let color = findingsWriter == nil && Terminal.useColor(fd: 2, mode: console.color)
    let progress = Progress(quiet: console.quiet)
    progress.step("reading \(logs.joined(separator: ", "))")
    let outcome: ImportRun.Outcome
    do {
      outcome = try ImportRun.run(
        ImportRun.Request(
          paths: logs, options: options, zoneGiven: importOptions.tz != nil, strict: strict))
    } catch let stop as ImportStop {
      // The finding that stopped the import goes where the findings go, in their format.
      progress.finish()
      try emit(stop.render(command: "import", format: findingsFormat, color: color), findingsWriter)
      throw ExitStatus(code: stop.exitStatus)
    }
    // Nothing usable: no events file at all (not a header alone), and exit 1 below.
    let nothingUsable = outcome.log.accounting.used == 0
    if !outcome.failed && !nothingUsable {
      progress.step("writing the events")
      try CSVField.$neutralizeFormulas.withValue(!rawCSV) {
        try EventLogWriter.write(outcome.log, format: format, to: writer)
      }
      try writer.commit()
    }
    progress.finish()
    var text: String
    switch findingsFormat {
    case .text:
      let shown = display.display(quiet: console.quiet)
      text = outcome.report.render(.text, color: color, display: shown)
      if !console.quiet { text += outcome.statusLine + "\n" }
    case .json:
      text = outcome.report.render(.json)
    case .sarif:
      let columns = SourceColumns(findings: outcome.report.findings)
      text = outcome.report.render(.sarif, columns: columns)
    }
    try emit(text, findingsWriter)
    if nothingUsable {
      // A JSON or SARIF stream holds only its document, whose accounting already says used 0.
      if findingsFormat != .text { throw ExitStatus.invalid }
      try NothingToReport.checkUsed(outcome.log, command: "import")
    }
    if outcome.failed { throw ExitStatus.invalid }
  }

  /// Writes the findings to `--findings-output`, else to standard error.
  private func emit(_ text: String, _ writer: OutputWriter?) throws {
    if let writer {
      try writer.write(text)
      try writer.commit()
    } else if !text.isEmpty {
      Terminal.standardError(text)
    }
  }
}
