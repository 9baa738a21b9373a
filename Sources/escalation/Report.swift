import ArgumentParser
import EscalationKit
import XLSXExport

#if canImport(Glibc)
  import Glibc
#endif

/// `escalation report LOG`: the monthly escalation report as an XLSX workbook. The work is
/// ``ReportRun``'s; the status line goes to standard error.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write the monthly escalation report (XLSX) for a log.",
    discussion: """
      Eight sheets (Summary, Escalation rates, Time at level, Trend, Backlog, Tickets, Matrix, \
      Data quality) with native charts, in the report language. Without a period, the latest \
      complete month of the log (the month before the current one, or the log's last month if \
      it ends earlier). The default output is Reports/<log>-YYYY-MM.xlsx, <log> being the \
      log's file name without its extension (Reports/<log>-FROM_TO.xlsx for --from/--to); \
      -o - writes the workbook to standard output (not to a terminal). The file is written to \
      a temporary file and renamed into place, and the same inputs give a byte-identical file. \
      The line "wrote …" goes to standard error. Exit status: 0 written; 1 the log cannot be \
      read as a log; 2 usage or I/O error (nothing left behind).
      """)

  @Argument(
    help: ArgumentHelp("The log file (- for standard input).", valueName: "log"),
    completion: .file(extensions: ["csv", "tsv", "txt"]))
  var log: String

  @OptionGroup var importOptions: ImportOptions

  @OptionGroup var period: PeriodOptions

  @OptionGroup var output: OutputOptions

  @OptionGroup var console: ConsoleOptions

  func run() throws {
    let (importing, options) = try importOptions.metricsSetup(period, includeTickets: true)
    try refuseWorkbookOnTerminal(output.output)
    let progress = Progress(quiet: console.quiet)
    let request = ReportRun.Request(
      log: log, importing: importing, options: options, hasPeriod: period.hasPeriod,
      language: period.language, output: output.output,
      inputs: [log] + [importOptions.matrix].compactMap { $0 }, now: Int64(time(nil)))
    let outcome = try handlingImportStop(
      command: "report", color: Terminal.useColor(fd: 2, mode: console.color)
    ) {
      try ReportRun.run(request, progress: progress.report)
    }
    progress.finish()
    if !console.quiet { Terminal.standardError(outcome.statusLine) }
  }
}
