import ArgumentParser
import CSVImport
import EscalationKit

/// `escalation metrics LOG`: escalation figures for a period, as text, JSON or CSV.
struct Metrics: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "metrics",
    abstract: "Compute escalation metrics of a log for a month, a range of days or the whole log.",
    discussion: """
      Intake, escalation rates and step rates per category, escalations in the period, time at \
      each level and time to resolution of the tickets resolved in the period (mean, median, \
      p90, max), the backlog at the as-of time with the owning role, SLA breaches with --sla, \
      and a monthly trend. Only events strictly before the as-of time (the end of the period \
      unless --as-of) are used; without a period, every event is used. --table keeps one table \
      (CSV: rates unless given; JSON: that table only). CSV text cells starting with = + - @ \
      tab or CR get a leading ' unless --raw-csv. Exit status: 0 when the figures are \
      produced (findings in the log are summarised, not fatal); 1 when the file cannot be read \
      as a log, no record could be used or no event falls in the period; 2 for usage and I/O \
      errors.
      """)

  @Argument(
    help: ArgumentHelp("The log file (- for standard input).", valueName: "log"),
    completion: .file(extensions: ["csv", "tsv", "txt"]))
  var log: String

  @OptionGroup var importOptions: ImportOptions

  @OptionGroup var period: PeriodOptions

  @Option(name: .long, help: "Output format.")
  var format: MetricsFormat = .text

  @Option(name: .long, help: "Only this table (CSV default: rates).")
  var table: MetricsTable?

  @OptionGroup var output: OutputOptions

  @Flag(
    name: .customLong("raw-csv"),
    help: "Write CSV cells as read, even those a spreadsheet would run as formulas.")
  var rawCSV = false

  @OptionGroup var console: ConsoleOptions

  func run() throws {
    var (importing, options) = try importOptions.metricsSetup(
      period, includeTickets: table == .tickets)
    options.includeStays = table == .stays
    // The figures read the events in ticket order: a cache hit gives them so, without the
    // input order or a sorted copy.
    importing.cache?.figuresOnly = true
    // Opened first so that a bad -o fails before the work; dropped uncommitted, it leaves nothing.
    let writer = try OutputWriter(
      path: output.output, inputs: [log] + [importOptions.matrix].compactMap { $0 })
    let progress = Progress(quiet: console.quiet)
    progress.step("reading \(log == "-" ? "standard input" : log)")
    var events = try importOptions.loadLog(
      log, options: importing, command: "metrics",
      color: Terminal.useColor(fd: 2, mode: console.color))
    progress.finish()
    try NothingToReport.checkUsed(events, command: "metrics")
    progress.step("computing the figures")
    // The events are given up as they are reconstructed (less memory for the figures).
    var content = try MetricsEngine.compute(releasing: &events, options: options) {
      try NothingToReport.checkPeriod($0, $1, command: "metrics")
    }
    content.importCommand = importOptions.importCommand([log])
    progress.finish()
    let renderer = MetricsRenderer(
      content: content, language: period.language(importing.profile), zone: importing.zone)
    let color =
      format == .text && writer.path == nil && Terminal.useColor(fd: 1, mode: console.color)
    try CSVField.$neutralizeFormulas.withValue(!rawCSV) {
      if format == .json, case .object(var fields) = renderer.json(table: table) {
        // The profile used, beside the figures (the renderer knows figures only).
        fields.append(("profile", ProfileJSON.value(importing.profile)))
        let bytes = JSON.object(fields).serializedBytes(suffix: "\n")
        try bytes.withUnsafeBufferPointer { b throws(OutputError) in try writer.write(bytes: b) }
      } else {
        try writer.write(renderer.render(format, table: table, color: color))
      }
    }
    try writer.commit()
  }
}
