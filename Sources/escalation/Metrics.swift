import ArgumentParser
import CSVImport
import EscalationKit

extension MetricsFormat: ExpressibleByArgument {}
extension MetricsTable: ExpressibleByArgument {}

/// `escalation metrics LOG`: escalation figures for a period, as text, JSON or CSV.
struct Metrics: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "metrics",
    abstract: "Compute escalation metrics of a log for a month or a range of days.",
    discussion: """
      Intake, escalation rates and step rates per category, escalations in the period, time at \
      each level and time to resolution of the tickets resolved in the period (mean, median, \
      p90, max), the backlog at the as-of time with the owning role, SLA breaches with --sla, \
      and a monthly trend. Only events strictly before the as-of time (the end of the period \
      unless --as-of) are used; without a period, every event is used. Exit status: 0, or 2 \
      for usage and I/O errors (findings in the log are summarised, not fatal).
      """)

  @Argument(help: ArgumentHelp("The log file (- for standard input).", valueName: "log"))
  var log: String

  @OptionGroup var importOptions: ImportOptions

  @Option(
    name: .long,
    help: ArgumentHelp("The calendar month to report on, in --tz.", valueName: "YYYY-MM"))
  var month: String?

  @Option(
    name: .long, help: ArgumentHelp("First day of the period (with --to).", valueName: "YYYY-MM-DD")
  )
  var from: String?

  @Option(
    name: .long,
    help: ArgumentHelp("Last day of the period, included (with --from).", valueName: "YYYY-MM-DD"))
  var to: String?

  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp(
      "Use only events before this time (default: the end of the period), in --tz unless it ends with Z or +HH:MM.",
      valueName: "time"))
  var asOf: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "SLA targets per level, e.g. 1=24h,2=48h,3=72h,4=120h (m, h or d).", valueName: "targets"))
  var sla: String?

  @Option(name: .long, help: "Language of labels: en or fr.")
  var lang: String = "en"

  @Option(name: .long, help: "Output format: text, json or csv.")
  var format: MetricsFormat = .text

  @Option(
    name: .long,
    help: "Only this table: rates, time-at-level, trend, backlog or tickets (CSV default: rates).")
  var table: MetricsTable?

  func validate() throws {
    if month != nil && (from != nil || to != nil) {
      throw ValidationError("give either --month or --from/--to, not both")
    }
    if (from == nil) != (to == nil) {
      throw ValidationError("--from and --to go together: give both days (both are included)")
    }
    guard Language(rawValue: lang.lowercased()) != nil else {
      throw ValidationError("--lang must be en or fr, not '\(lang)'")
    }
  }

  func run() throws {
    let language = Language(rawValue: lang.lowercased()) ?? .en
    var importing = try importOptions.logImportOptions()
    // Without --matrix, the canonical roles in the report's language.
    if importOptions.matrix == nil { importing.matrix = .canonical(language) }
    let zone = importing.zone
    var options = MetricsOptions(
      zone: zone, matrix: importing.matrix, includeTickets: table == .tickets)
    do {
      if let month {
        options.period = try PeriodSpec.parseMonth(month)
      } else if let from, let to {
        options.period = try PeriodSpec.parseDays(from: from, to: to)
      }
      if let asOf { options.asOf = try PeriodSpec.parseInstant(asOf, zone: zone) }
    } catch {
      throw CLIError.usage(error.description)
    }
    if let sla {
      do {
        options.sla = try SLATargets.parse(sla)
      } catch {
        throw CLIError.usage(error.description)
      }
    }
    let writer = try OutputWriter(path: nil)
    let events: EventLog
    do {
      events = try LogImporter.load(path: log, options: importing)
    } catch let e as LogImportError {
      let report = FindingsReport(
        command: "metrics", files: [log == "-" ? "<stdin>" : log], findings: [e.finding],
        valid: false,
        ruleDescriptions: LogCode.descriptions)
      Terminal.standardError(report.render(.text, color: Terminal.useColor(fd: 2)))
      throw ExitStatus(code: e.isUsageError ? 2 : 1)
    }
    let content = MetricsEngine.compute(events, options: options)
    let renderer = MetricsRenderer(content: content, language: language, zone: zone)
    try writer.write(
      renderer.render(format, table: table, color: format == .text && Terminal.useColor(fd: 1)))
    try writer.commit()
  }
}
