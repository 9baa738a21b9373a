import ArgumentParser
import EscalationKit
import XLSXExport

#if canImport(Glibc)
  import Glibc
#endif

/// `escalation report LOG`: the monthly escalation report as an XLSX workbook.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write the monthly escalation report (XLSX) for a log.",
    usage: """
      escalation report <log> [--month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD]
                        [--as-of <time>] [--sla <targets>] [--lang en|fr] [-o <file>]
                        [--matrix <file>] [--tz <zone>] [import options]
      """,
    discussion: """
      Eight sheets (Summary, Escalation rates, Time at level, Trend, Backlog, Tickets, Matrix, \
      Data quality) with native charts, in the report language. Without a period, the latest \
      complete month of the log (the month before the current one, or the log's last month if \
      it ends earlier). The default output is Reports/escalations-YYYY-MM.xlsx \
      (Reports/escalations-FROM_TO.xlsx for --from/--to); the file is written to a temporary \
      file and renamed into place, and the same inputs give a byte-identical file. Exit status: \
      0 written; 1 the log cannot be read as a log; 2 usage or I/O error (nothing left behind).
      """)

  @Argument(help: ArgumentHelp("The log file (- for standard input).", valueName: "log"))
  var log: String

  @OptionGroup var importOptions: ImportOptions

  @OptionGroup var period: PeriodOptions

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Write the workbook here (default: Reports/escalations-<period>.xlsx).", valueName: "file"))
  var output: String?

  func run() throws {
    var (importing, options) = try importOptions.metricsSetup(period, includeTickets: true)
    let language = period.language(importing.profile)
    let inputs = [log] + [importOptions.matrix].compactMap { $0 }
    // Check an explicit target before the work (the default one once the period is known).
    if let output { try OutputWriter.checkTarget(output, inputs: inputs) }
    let events = try importOptions.loadLog(log, options: importing, command: "report")
    if !period.hasPeriod, let last = events.events.lazy.map(\.time).max() {
      options.period = PeriodSpec.latestCompleteMonth(
        lastEvent: last, now: Int64(time(nil)), zone: options.zone)
    }
    try NothingToReport.checkUsed(events, command: "report")
    let content = MetricsEngine.compute(events, options: options)
    try NothingToReport.checkPeriod(events, content.period, command: "report")
    var previous: ReportContent?
    if let p = options.period.previous {
      var o = options
      o.period = p
      o.asOf = nil
      o.includeTickets = false
      o.includeTrend = false
      previous = MetricsEngine.compute(events, options: o)
    }
    let path: String
    if let output {
      path = output
    } else {
      // The default folder is created on first use, like any report folder a person keeps.
      if mkdir("Reports", 0o755) != 0 && errno != EEXIST {
        throw CLIError.io(
          "Reports: error[IO010]: cannot create the Reports directory; choose a path with -o")
      }
      path =
        "Reports/escalations-\(content.period.label.replacingOccurrences(of: "..", with: "_")).xlsx"
    }
    let input = ReportWorkbookInput(
      content: content, previous: previous, language: language, matrix: importing.matrix,
      files: [ReportInputFile(name: events.source, accounting: events.accounting)],
      importFindings: events.findings)
    try ReportWorkbook.write(input, to: path, inputs: inputs)
    let a = events.accounting
    print(
      "wrote \(path): \(content.period.label) (\(options.zone.identifier)), "
        + "\(content.headline.opened) tickets opened, \(content.backlog.count) open at as-of; \(a.line)"
    )
  }
}
