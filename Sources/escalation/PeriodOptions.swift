import ArgumentParser
import EscalationKit

/// The period, as-of, SLA and language options shared by `metrics` and `report`.
struct PeriodOptions: ParsableArguments {
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
      "SLA targets per level, e.g. 1=24h,2=48h or 1=8bh,2=16bh (m, h, d calendar time; bm, bh business time of --calendar).",
      valueName: "targets"))
  var sla: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Business calendar (TOML, docs/calendar.md): business time beside calendar time, and SLA targets in bh/bm; its tz, else --tz.",
      valueName: "file"))
  var calendar: String?

  @Option(
    name: .customLong("at-risk"),
    help: ArgumentHelp(
      "With --calendar: open stays with at most this much of their target left are at risk, in each target's clock (default: 25 % of the target), e.g. 2h.",
      valueName: "duration"))
  var atRisk: String?

  @Flag(
    name: .customLong("exclude-paused"),
    help: ArgumentHelp(
      "Count time at level without paused time (pause events, docs/metrics.md#pauses); SLA clocks leave it out always."
    ))
  var excludePaused = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Language of the output (labels, decimal comma and sheet names with fr): en or fr; default: the profile's, else en."
    ))
  var lang: Language?

  func validate() throws {
    if month != nil && (from != nil || to != nil) {
      throw ValidationError("give either --month or --from/--to, not both")
    }
    if (from == nil) != (to == nil) {
      throw ValidationError("--from and --to go together: give both days (both are included)")
    }
  }

  /// `--lang`, else the profile's `lang`, else English.
  func language(_ profile: Profile?) -> Language { lang ?? profile?.language ?? .en }

  /// Whether a period was given (`--month` or `--from`/`--to`).
  var hasPeriod: Bool { month != nil || from != nil }

  /// Sets the period, as-of and SLA targets of `options`; a bad value is a usage error.
  func apply(to options: inout MetricsOptions, profile: Profile?) throws {
    do {
      if let month {
        options.period = try PeriodSpec.parseMonth(month)
      } else if let from, let to {
        options.period = try PeriodSpec.parseDays(from: from, to: to)
      }
      if let asOf { options.asOf = try PeriodSpec.parseInstant(asOf, zone: options.zone) }
    } catch {
      throw CLIError.usage(error.description)
    }
    if let sla {
      do {
        options.sla = try SLATargets.parse(sla)
      } catch {
        throw CLIError.usage(error.description)
      }
    } else if let s = profile?.sla {
      options.sla = s
    }
    if let atRisk {
      guard calendar != nil || profile?.calendar != nil else {
        throw CLIError.usage(
          "--at-risk goes with --calendar FILE (the at-risk stays are listed with a calendar)")
      }
      do {
        options.atRiskWindow = try SLATargets.parseWindow(atRisk)
      } catch {
        throw CLIError.usage(error.description)
      }
    }
    options.excludePaused = excludePaused
    if let calendar {
      options.calendar = try BusinessCalendar.load(path: calendar, defaultZone: options.zone)
    } else if let profile, var table = profile.calendar {
      // The profile's [calendar]; without its own tz, the report's zone.
      if !profile.calendarHasZone { table.zone = options.zone }
      options.calendar = table
    } else if let targets = options.sla, targets.hasBusinessTarget {
      throw CLIError.usage(
        "--sla \(targets.description): business-time targets (bh, bm) need a business calendar: "
          + "give --calendar FILE (docs/calendar.md), or write calendar time (h, m, d)")
    }
  }
}

extension ImportOptions {
  /// The import and metrics options of `metrics` and `report`: without `--matrix`, the
  /// canonical roles in the report's language; the period, as-of and SLA from `period`.
  func metricsSetup(_ period: PeriodOptions, includeTickets: Bool) throws -> (
    LogImportOptions, MetricsOptions
  ) {
    var importing = try logImportOptions()
    // The figures never show a note: without a cache entry to fill, the notes are not read.
    importing.readsNotes = importing.cache != nil
    if matrixPath(importing.profile) == nil {
      importing.matrix = .canonical(period.language(importing.profile))
    }
    var options = MetricsOptions(
      zone: importing.zone, matrix: importing.matrix, includeTickets: includeTickets)
    try period.apply(to: &options, profile: importing.profile)
    return (importing, options)
  }

  /// Loads the log for `command`; an import that cannot proceed prints its finding and exits
  /// 1 (or 2 for a usage error such as a bad `--map`).
  func loadLog(_ path: String, options: LogImportOptions, command: String, color: Bool) throws
    -> EventLog
  {
    try handlingImportStop(command: command, color: color) {
      try LogSet.load([path], options: options).log
    }
  }
}
