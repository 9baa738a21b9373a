import ArgumentParser
import CSVImport
import EscalationKit

/// `escalation import LOG`: normalised events out, findings and the accounting line to stderr.
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract:
      "Read an escalation log (CSV or .xlsx, English or French) and write normalised events.",
    usage: """
      escalation import <log> [--sheet <name|n>] [--matrix <file>] [--matrix-sheet <name|n>]
                        [--layout events|tickets]
                        [--map <field=Header> ...] [--date-order dmy|mdy] [--tz <zone>]
                        [--delimiter <char>] [--format csv|jsonl] [-o <file>]
                        [--findings-format text|json|sarif] [--strict]
      """,
    discussion: """
      Writes one event per line (ticket, time in UTC, event, level, category key, owner, \
      note, source line) to standard output or -o FILE. Every record is used or reported: \
      findings go to standard error, followed by the line \
      "records read: N = used U + rejected R + duplicates D".

      Exit status: 0; 1 with --strict when a record was rejected, or when the file cannot be \
      read as a log; 2 for usage and I/O errors.
      """)

  @Argument(help: ArgumentHelp("The log file (- for standard input).", valueName: "log"))
  var log: String

  @OptionGroup var importOptions: ImportOptions

  @Option(name: .long, help: "Output format of the events: csv or jsonl.")
  var format: NormalizedEventFormat = .csv

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Write the events to this file instead of standard output.", valueName: "file"))
  var output: String?

  @Option(
    name: .customLong("findings-format"), help: "Findings on standard error as text, json or sarif."
  )
  var findingsFormat: String = "text"

  @Flag(name: .long, help: "Exit 1 (and write no events) when any record was rejected.")
  var strict = false

  func run() throws {
    guard let fformat = FindingsFormat(rawValue: findingsFormat) else {
      throw CLIError.usage("--findings-format \(findingsFormat): use text, json or sarif")
    }
    let options = try importOptions.logImportOptions()
    // Opened first so that a bad -o fails before the work; dropped uncommitted, it leaves nothing.
    let writer = try OutputWriter(path: output, inputs: [log])
    let result = try importOptions.loadLog(
      log, options: options, command: "import", format: fformat)
    let failed = strict && result.accounting.rejected > 0
    var lines = [String]()
    if failed {
      lines.append("--strict: \(result.accounting.rejected) record(s) rejected; no events written")
    }
    if !failed {
      try EventLogWriter.write(result, format: format, to: writer)
      try writer.commit()
    }
    let a = result.accounting
    // Ticket-level anomalies (docs/metrics.md#decided-edge-cases) are found by reconstructing every ticket; they are
    // warnings, listed here in full so that `metrics` can point to this command for details.
    let ticketWarnings = Reconstruction(log: result, cutoff: Reconstruction.never)
      .findings(source: result.source, ids: result.ticketIDs)
      .placed(inSheet: result.sheet, of: result.source)
    let descriptions = DiagnosticCode.summaries(prefix: ["LOG", "MET", "CSV", "IO", "XLSX"])
    let report = FindingsReport(
      command: "import", files: [result.source], findings: result.findings + ticketWarnings,
      valid: a.rejected == 0,
      extra: [
        (
          "accounting",
          .object([
            ("read", .int(a.read)), ("used", .int(a.used)), ("rejected", .int(a.rejected)),
            ("duplicates", .int(a.duplicates)),
          ])
        ),
        ("events", .int(result.events.count)), ("tickets", .int(result.ticketIDs.count)),
      ],
      textLines: lines, ruleDescriptions: descriptions)
    var text = report.render(fformat, color: Terminal.useColor(fd: 2))
    text += a.line + "\n"
    Terminal.standardError(text)
    if failed { throw ExitStatus.invalid }
  }
}
