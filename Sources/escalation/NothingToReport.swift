import EscalationKit

/// The checks that make a scheduled job notice an empty result: when no record of the log
/// could be used, or when the period holds no event, `import`, `metrics` and `report` exit 1
/// with a message instead of writing empty figures.
enum NothingToReport {
  /// Exits 1 when the log has records but none was used (all rejected or duplicates).
  static func checkUsed(_ log: EventLog, command: String) throws {
    let a = log.accounting
    guard a.used == 0 else { return }
    let why =
      a.read == 0
      ? "\(log.source) holds no record below its header"
      : "no record of \(log.source) could be used (\(a.read) read, \(a.rejected) rejected, "
        + "\(a.duplicates) duplicates; "
        + (command == "import"
          ? "the findings above say why)" : "escalation import \(log.source) lists why)")
    Terminal.standardError("escalation: error: \(why); \(command) has nothing to work on")
    throw ExitStatus.invalid
  }

  /// Exits 1 when no used event of `log` falls in the period; the message shows the log's
  /// date range so that the right period can be chosen.
  static func checkPeriod(_ log: EventLog, _ period: ResolvedPeriod, command: String) throws {
    var first = Int64.max
    var last = Int64.min
    var inPeriod = false
    for e in log.events {
      if e.time < first { first = e.time }
      if e.time > last { last = e.time }
      if e.time >= period.start && e.time < period.end { inPeriod = true }
    }
    guard !inPeriod, first <= last else { return }
    Terminal.standardError(
      "escalation: error: no event of \(log.source) falls in the period \(period.label) "
        + "(\(CivilDate.iso8601UTC(period.start)) to \(CivilDate.iso8601UTC(period.end)), end excluded); "
        + "the log's events run from \(CivilDate.iso8601UTC(first)) to \(CivilDate.iso8601UTC(last)); "
        + "choose a period inside that range (\(command) wrote nothing)")
    throw ExitStatus.invalid
  }
}

/// The profile used, as JSON output records it: `{"path": …, "hash": "fnv1a64:…"}`, or null.
enum ProfileJSON {
  static func value(_ profile: Profile?) -> JSON {
    guard let profile else { return .null }
    return .object([("path", .string(profile.path)), ("hash", .string("fnv1a64:" + profile.hash))])
  }
}
