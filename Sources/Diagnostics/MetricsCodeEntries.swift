/// The warnings of ticket reconstruction (`metrics`, `report`, `import`): anomalies applied as
/// written (see docs/metrics.md, "Reconstruction").
extension DiagnosticCode {
  public static let metricsCodes: [DiagnosticCode] = [
    metric(
      "MET001",
      "escalation that does not go up (or de-escalation that does not go down), applied as written",
      "The event's word and its level disagree; the level wins: the ticket moves to it."),
    metric(
      "MET002", "escalation that skips a level, applied as written",
      "For example 1 → 3. The skipped level counts as reached (with no time spent there)."),
    metric(
      "MET003", "move on a resolved ticket, read as a reopen",
      "A level change after the resolution reopens the ticket at that level; the resolution no "
        + "longer counts unless the ticket is resolved again."),
    metric(
      "MET004", "ticket whose first event is not an open; it starts at that event",
      "The ticket starts at its first event, at that event's level (1 if it has none)."),
    metric(
      "MET005", "ticket whose category changes; its latest category is used",
      "The category at the as-of time is used for all the ticket's figures."),
    metric(
      "MET006", "exact duplicate event, counted once",
      "Never printed by the command line: the importer already drops such records as LOG020."),
    metric(
      "MET007", "open or reopen on a ticket that is already open",
      "It moves the ticket when it names another level, else it changes nothing."),
    metric(
      "MET008", "resolve on a resolved ticket, ignored (the first resolution stands)",
      "The second resolution is ignored."),
    metric(
      "MET009", "move to the level the ticket is already at, changes nothing",
      "The event is ignored; the stay continues."),
    metric(
      "MET010", "escalate/de-escalate without a level that would leave levels 1-4, ignored",
      "A blank-level escalate at level 4 or de-escalate at level 1: the move is ignored."),
    metric(
      "MET011", "ticket without a category, counted as uncategorized",
      "The ticket appears under `uncategorized` in every table."),
    metric(
      "MET012", "open on a resolved ticket, read as a reopen",
      "The ticket reopens at the open's level (else the level it was resolved at)."),
    metric(
      "MET013", "pause on a resolved ticket, ignored",
      "Nothing is open, so nothing is paused: the pause is ignored (its category and owner "
        + "still count as for any status word); a later reopen starts unpaused "
        + "(docs/metrics.md#pauses)."),
  ]

  private static func metric(_ code: String, _ summary: String, _ what: String) -> DiagnosticCode {
    DiagnosticCode(
      code, .warning, summary: summary,
      explanation: what + " Reported as a warning; the figures use the events as written.",
      fix: "Correct the ticket's events in the tracker if they are wrong; otherwise nothing to do.")
  }
}
