/// `escalation import` as a library function: loads one or several logs, adds the findings
/// that need the whole import (ticket warnings, formula-looking cells, local times read as
/// UTC) and builds the findings report with the accounting. The command only parses options
/// and writes what this returns; tests call it without a process.
public enum ImportRun {
  /// What the caller asked for besides the import options.
  public struct Request: Sendable {
    /// The logs, in order (`-` for standard input, at most once).
    public var paths: [String]
    public var options: LogImportOptions
    /// Whether `--tz` was given (without it, local-looking times get a note).
    public var zoneGiven: Bool
    /// `--strict`: a rejected record fails the run.
    public var strict: Bool

    public init(paths: [String], options: LogImportOptions, zoneGiven: Bool, strict: Bool = false) {
      self.paths = paths
      self.options = options
      self.zoneGiven = zoneGiven
      self.strict = strict
    }
  }

  /// The import and everything the command prints about it.
  public struct Outcome: Sendable {
    /// Every used event of every log (several logs: their events in file order).
    public var log: EventLog
    /// The findings report (text, JSON or SARIF): accounting, events and tickets in its extra
    /// fields.
    public var report: FindingsReport
    /// `--strict` and a record was rejected, or no record could be used: no events are to be
    /// written.
    public var failed: Bool
    /// The accounting line, `records read: …`.
    public var statusLine: String { log.accounting.line }
  }

  /// Loads the logs and builds the report. Throws ``CSVError`` (the file cannot be read) and
  /// ``ImportStop`` (the import cannot go on: its finding says why).
  public static func run(_ request: Request) throws -> Outcome {
    let set = try LogSet.load(request.paths, options: request.options)
    let log = set.log
    // Ticket-level anomalies (docs/metrics.md#decided-edge-cases) are found by reconstructing every ticket; they are
    // warnings, listed here in full so that `metrics` can point to this command for details.
    let ticketWarnings = set.fileFindings(
      Reconstruction.warnings(TicketOrder(log)).map {
        $0.finding(source: log.source, ids: log.ticketIDs)
      })
    var findings = set.findings + ticketWarnings
    findings += FormulaCells.findings(set)
    if !request.zoneGiven, let note = localTimeNote(findings, zone: request.options.zone) {
      findings.append(note)
    }
    let a = log.accounting
    // Nothing usable is a failure too (the command says so after the findings).
    let strictFailed = request.strict && a.rejected > 0 && a.used > 0
    let failed = strictFailed || a.used == 0
    let descriptions = DiagnosticCode.summaries(prefix: ["LOG", "MET", "CSV", "IO", "XLSX"])
    let report = FindingsReport(
      command: "import", files: set.files, findings: findings, valid: a.rejected == 0,
      extra: [
        (
          "accounting",
          .object([
            ("read", .int(a.read)), ("used", .int(a.used)), ("rejected", .int(a.rejected)),
            ("duplicates", .int(a.duplicates)),
          ])
        ),
        ("events", .int(log.events.count)), ("tickets", .int(log.ticketIDs.count)),
        ("profile", ProfileJSON.value(request.options.profile)),
      ],
      textLines: strictFailed
        ? [
          "--strict: \(Plural.count(a.rejected, "record", "records", .en)) rejected; no events written"
        ] : [],
      ruleDescriptions: descriptions)
    return Outcome(log: set.strippedLog, report: report, failed: failed)
  }

  /// A note when times written without an offset were read as UTC only because no zone was
  /// given: dates written day-first or month-first (LOG031) are local times as people type them.
  static func localTimeNote(_ findings: [Finding], zone: ZoneRules) -> Finding? {
    guard zone.isUTC, let f = findings.first(where: { $0.code == LogCode.dateOrderDecided })
    else { return nil }
    return Finding(
      code: LogCode.localTimesReadAsUTC, severity: .note, file: f.file,
      message:
        "times such as 03/10/2026 14:05 carry no UTC offset and were read as UTC because --tz "
        + "was not given; if they are local times, give their zone, e.g. --tz Europe/Paris")
  }
}

/// The import could not go on; `finding` says why and `exitStatus` is 1 (invalid input) or 2
/// (a usage error such as a `--map` naming no field).
public struct ImportStop: Error, Sendable {
  public var finding: Finding
  public var exitStatus: Int32
  public init(finding: Finding, exitStatus: Int32) {
    self.finding = finding
    self.exitStatus = exitStatus
  }
}
