import ArgumentParser
import CSVImport
import EscalationKit

extension MetricsFormat: ExpressibleByArgument {}
extension MetricsTable: ExpressibleByArgument {}

/// `escalation metrics LOG`: escalation figures for a period, as text, JSON or CSV.
struct Metrics: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "metrics",
    abstract: "Compute escalation metrics of a log for a month, a range of days or the whole log.",
    usage: """
      escalation metrics <log> [--month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD]
                         [--as-of <time>] [--sla <targets>] [--lang en|fr]
                         [--format text|json|csv] [--table <table>] [-o <file>]
                         [--matrix <file>] [--tz <zone>] [import options]
      """,
    discussion: """
      Intake, escalation rates and step rates per category, escalations in the period, time at \
      each level and time to resolution of the tickets resolved in the period (mean, median, \
      p90, max), the backlog at the as-of time with the owning role, SLA breaches with --sla, \
      and a monthly trend. Only events strictly before the as-of time (the end of the period \
      unless --as-of) are used; without a period, every event is used. --table keeps one table \
      (CSV: rates unless given; JSON: that table only). Exit status: 0 when the figures are \
      produced (findings in the log are summarised, not fatal); 1 when the file cannot be read \
      as a log; 2 for usage and I/O errors.
      """)

  @Argument(help: ArgumentHelp("The log file (- for standard input).", valueName: "log"))
  var log: String

  @OptionGroup var importOptions: ImportOptions

  @OptionGroup var period: PeriodOptions

  @Option(name: .long, help: "Output format: text, json or csv.")
  var format: MetricsFormat = .text

  @Option(
    name: .long,
    help: "Only this table: rates, time-at-level, trend, backlog or tickets (CSV default: rates).")
  var table: MetricsTable?

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Write the figures to this file instead of standard output.", valueName: "file"))
  var output: String?

  func run() throws {
    let (importing, options) = try importOptions.metricsSetup(
      period, includeTickets: table == .tickets)
    let zone = importing.zone
    let language = period.language(importing.profile)
    // Opened first so that a bad -o fails before the work; dropped uncommitted, it leaves nothing.
    let writer = try OutputWriter(
      path: output, inputs: [log] + [importOptions.matrix].compactMap { $0 })
    let events = try importOptions.loadLog(log, options: importing, command: "metrics")
    try NothingToReport.checkUsed(events, command: "metrics")
    let content = MetricsEngine.compute(events, options: options)
    try NothingToReport.checkPeriod(events, content.period, command: "metrics")
    let renderer = MetricsRenderer(content: content, language: language, zone: zone)
    if format == .json, case .object(var fields) = renderer.json(table: table) {
      // The profile used, beside the figures (the renderer knows figures only).
      fields.append(("profile", ProfileJSON.value(importing.profile)))
      try writer.write(JSON.object(fields).serialized() + "\n")
    } else {
      try writer.write(
        renderer.render(
          format, table: table,
          color: format == .text && writer.path == nil && Terminal.useColor(fd: 1)))
    }
    try writer.commit()
  }
}
