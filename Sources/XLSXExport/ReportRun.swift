import EscalationKit

#if canImport(Glibc)
  import Glibc
#endif

/// `escalation report` as a library function: imports the log, computes the period and the
/// previous one, picks the file name and writes the workbook. The command only parses options
/// and prints the status line; tests call it without a process.
public enum ReportRun {
  public struct Request: Sendable {
    /// The log (`-` for standard input).
    public var log: String
    public var importing: LogImportOptions
    /// The metrics options; without a period (`hasPeriod` false) the latest complete month.
    public var options: MetricsOptions
    public var hasPeriod: Bool
    public var language: Language
    /// `-o`: a path, `-` for standard output, `nil` for ``defaultPath(log:period:)``.
    public var output: String?
    /// Files that must not be overwritten (the log, the matrix).
    public var inputs: [String]
    /// The current time (seconds since 1970), which decides the latest complete month.
    public var now: Int64
    /// `--paper`: `nil` for ``ReportWorkbook/defaultPaper(language:zone:)``.
    public var paper: Worksheet.Paper?

    public init(
      log: String, importing: LogImportOptions, options: MetricsOptions, hasPeriod: Bool,
      language: Language, output: String?, inputs: [String], now: Int64
    ) {
      self.log = log
      self.importing = importing
      self.options = options
      self.hasPeriod = hasPeriod
      self.language = language
      self.output = output
      self.inputs = inputs
      self.now = now
    }
  }

  public struct Outcome: Sendable {
    /// Where the workbook went (`<stdout>` for `-o -`).
    public var path: String
    public var content: ReportContent
    public var accounting: RecordAccounting
    /// `wrote PATH: 2026-10 (Europe/Paris), 18 tickets opened, 11 open at as-of; records read: …`
    public var statusLine: String {
      "wrote \(path): \(content.period.label) (\(content.zone)), "
        + "\(content.headline.opened) tickets opened, \(content.backlog.count) open at as-of; "
        + accounting.line
    }
  }

  /// The steps, for a progress line.
  public enum Step: Sendable, Equatable {
    case reading(String)
    case computing
    case writing(String)
    /// A sheet of the workbook being written: its name, position and the sheet count.
    case writingSheet(path: String, name: String, position: Int, count: Int)
  }

  /// `Reports/<log>-<period>.xlsx`: the log's file name without its extension (`escalations`
  /// for standard input) and the period label (`2026-10`, or `2026-10-01_2026-10-31`).
  public static func defaultPath(log: String, period: String) -> String {
    var name = log == "-" ? "escalations" : String(log.split(separator: "/").last ?? "escalations")
    if let dot = name.lastIndex(of: "."), dot != name.startIndex {
      name = String(name[..<dot])
    }
    return "Reports/\(name)-\(period.replacing("..", with: "_")).xlsx"
  }

  /// Imports, computes and writes. Throws ``ImportStop``, `CSVError`, ``XLSXError``, and
  /// ``NothingToReportError`` when no record is usable or the period holds no event.
  public static func run(_ r: Request, progress: (Step) -> Void = { _ in }) throws -> Outcome {
    var options = r.options
    // Check an explicit target before the work (the default one once the period is known).
    if let output = r.output, output != "-" {
      do {
        try OutputWriter.checkTarget(output, inputs: r.inputs)
      } catch {
        throw SafeOutput.map(error)
      }
    }
    progress(.reading(r.log))
    let events = try LogSet.load([r.log], options: r.importing).log
    if !r.hasPeriod, let last = events.events.lazy.map(\.time).max() {
      options.period = PeriodSpec.latestCompleteMonth(
        lastEvent: last, now: r.now, zone: options.zone)
    }
    try NothingToReport.checkUsed(events, command: "report")
    progress(.computing)
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
    if let output = r.output {
      path = output
    } else {
      // The default folder is created on first use, like any report folder a person keeps.
      if mkdir("Reports", 0o755) != 0 && errno != EEXIST {
        throw XLSXError.directoryNotWritable(
          path: "Reports",
          reason: "the Reports directory cannot be created (\(OutputWriter.errnoText(errno)))")
      }
      path = defaultPath(log: r.log, period: content.period.label)
    }
    let input = ReportWorkbookInput(
      content: content, previous: previous, language: r.language, matrix: r.importing.matrix,
      files: [ReportInputFile(name: events.source, accounting: events.accounting)],
      importFindings: events.findings, firstEvent: events.events.lazy.map(\.time).min(),
      paper: r.paper)
    let shown = path == "-" ? "<stdout>" : path
    progress(.writing(shown))
    try withoutActuallyEscaping(progress) { progress in
      let sheetStarted: (String, Int, Int) -> Void = { name, position, count in
        progress(.writingSheet(path: shown, name: name, position: position, count: count))
      }
      if path == "-" {
        try StandardOutputFile.write { temp throws(XLSXError) in
          try ReportWorkbook.write(input, to: temp, inputs: r.inputs, sheetStarted: sheetStarted)
        }
      } else {
        try ReportWorkbook.write(input, to: path, inputs: r.inputs, sheetStarted: sheetStarted)
      }
    }
    return Outcome(
      path: path == "-" ? "<stdout>" : path, content: content, accounting: events.accounting)
  }
}

/// A workbook for standard output (`-o -`, `--xlsx -`): libxlsxwriter writes files only, so
/// it is written to a temporary file, then copied to standard output and removed.
public enum StandardOutputFile {
  public static func write(_ body: (String) throws(XLSXError) -> Void) throws {
    let dir = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    let temp = "\(dir)/escalation-\(getpid())-stdout.xlsx"
    let slot = InterruptCleanup.register(temp)
    defer {
      unlink(temp)
      if let slot { InterruptCleanup.unregister(slot, path: temp) }
    }
    try body(temp)
    let fd = open(temp, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw XLSXError.writeFailed(path: "<stdout>", reason: OutputWriter.errnoText(errno))
    }
    defer { close(fd) }
    let out = try OutputWriter(path: nil)
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { break }
      try buffer.withUnsafeBufferPointer { b throws(OutputError) in
        try out.write(bytes: UnsafeBufferPointer(rebasing: b[..<n]))
      }
    }
    try out.commit()
  }
}
