extension DiagnosticCode {
  /// Profile codes (`PRF…`): mistakes in a profile (`--profile FILE` or `escalation.toml`). A
  /// profile is part of the command line, so each one ends the command with exit status 2.
  static let profileCodes: [DiagnosticCode] = [
    profile(
      "PRF001", "the profile is not valid TOML (line and column from TOMLKit)",
      "TOMLKit could not parse the profile, or it is not UTF-8 text.",
      "Correct the TOML at the line given (quotes around texts, one key per line)."),
    profile(
      "PRF002", "unknown key or table in the profile (did you mean …)",
      "A top-level key or a [table] the profile format does not have.",
      "Use one of the keys the message lists; the closest one is suggested."),
    profile(
      "PRF003", "profile value of the wrong type",
      "A key holds a number where text is expected (or the reverse), or a list is not a list.",
      "Write texts in quotes, levels as numbers, null as a list: null = [\"?\", \"N/A\"]."),
    profile(
      "PRF004", "[columns] names an unknown field",
      "A key of [columns] is not a field of a log.",
      "Use a field: ticket, time, event, status, level, category, owner, note, opened, "
        + "escalated-2, escalated-3, escalated-4, resolved, closed."),
    profile(
      "PRF005", "[levels] value that is not a level 1-4",
      "A [levels] entry maps a value to something other than a level from 1 to 4.",
      "Write the level as a number: \"3 - Moderate\" = 2."),
    profile(
      "PRF006", "[events] value that is not an event kind (did you mean …)",
      "An [events] entry maps a word to something other than open, escalate, de-escalate, "
        + "resolve, reopen, update or pause.",
      "Write one of the event kinds; the closest one is suggested."),
    profile(
      "PRF007", "[categories] target that is no category of the matrix in use",
      "A [categories] entry maps a value to a text that is neither a category key nor a label.",
      "Write a category key (performance-issues) or its label, as in the matrix in use."),
    profile(
      "PRF008", "option value refused (tz, date_order, lang, layout, delimiter, sla)",
      "A top-level option holds a value the matching command-line option would refuse.",
      "Write a value the option accepts; the message lists them."),
    profile(
      "PRF009", "[columns] header not in the log",
      "A [columns] entry names a header the log's header row does not have.",
      "Correct the header, or write field = \"\" when the file has no such column."),
    profile(
      "PRF010", "the profile file cannot be read",
      "The profile given with --profile is missing, a directory or not readable.",
      "Give the right path, or write one with: escalation profile LOG -o FILE."),
  ]

  private static func profile(_ code: String, _ summary: String, _ what: String, _ fix: String)
    -> DiagnosticCode
  {
    DiagnosticCode(code, .error, .exit2, summary: summary, explanation: what, fix: fix)
  }
}
