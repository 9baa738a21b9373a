import Diagnostics

/// The checks that make a scheduled job notice an empty result: when no record of the log
/// could be used, or when the period holds no event, `import`, `metrics` and `report` exit 1
/// with a message instead of writing empty figures. The checks throw
/// ``NothingToReportError``; the command prints it.
public enum NothingToReport {
  /// Exits 1 when the log has records but none was used (all rejected or duplicates).
  public static func checkUsed(_ log: EventLog, command: String) throws {
    let a = log.accounting
    guard a.used == 0 else { return }
    let why =
      a.read == 0
      ? "\(log.source) holds no record below its header"
      : "no record of \(log.source) could be used (\(a.read) read, \(a.rejected) rejected, "
        + "\(a.duplicates) duplicates; "
        + (command == "import"
          ? "the findings above say why)" : "escalation import \(log.source) lists why)")
    throw NothingToReportError(message: "\(why); \(command) has nothing to work on")
  }

  /// Exits 1 when no used event of `log` falls in the period; the message shows the log's
  /// date range so that the right period can be chosen.
  public static func checkPeriod(_ log: EventLog, _ period: ResolvedPeriod, command: String) throws
  {
    var first = Int64.max
    var last = Int64.min
    var inPeriod = false
    for e in log.events {
      if e.time < first { first = e.time }
      if e.time > last { last = e.time }
      if e.time >= period.start && e.time < period.end { inPeriod = true }
    }
    guard !inPeriod, first <= last else { return }
    throw NothingToReportError(
      message: "no event of \(log.source) falls in the period \(period.label) "
        + "(\(CivilDate.iso8601UTC(period.start)) to \(CivilDate.iso8601UTC(period.end)), end excluded); "
        + "the log's events run from \(CivilDate.iso8601UTC(first)) to \(CivilDate.iso8601UTC(last)); "
        + "choose a period inside that range (\(command) wrote nothing)")
  }
}

/// Nothing usable in the log, or no event in the period: exit 1 with `message`.
public struct NothingToReportError: EscalationError, Equatable, Sendable {
  public var message: String
  public var exitStatus: Int32 { 1 }
  public var description: String { message }
  public var standardErrorText: String? { "escalation: error: " + message }
}
