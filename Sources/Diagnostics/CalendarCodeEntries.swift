/// The business-hours calendar's codes (`--calendar FILE` or a profile's `[calendar]`; see
/// docs/calendar.md): each stops the command with exit status 1.
extension DiagnosticCode {
  public static let calendarCodes: [DiagnosticCode] = [
    calendar(
      "CAL001", "calendar file that is not valid TOML",
      "The TOML parser could not read the file (or it is not UTF-8 text); the position is the "
        + "parser's.",
      "Correct the TOML at that line: quote strings, close lists and tables."),
    calendar(
      "CAL002", "calendar file without a [calendar] table or calendar keys",
      "The file has none of the calendar's keys (tz, mon … sun, holidays, days), at the top level "
        + "or in a [calendar] table.",
      "Write [calendar], then tz = \"Europe/Paris\" and the working hours of each weekday, e.g. "
        + "mon = [\"09:00-12:30\", \"13:30-18:00\"]."),
    calendar(
      "CAL003", "unknown key in a calendar",
      "The calendar has no such key: weekdays are written mon, tue, wed, thu, fri, sat, sun; the "
        + "other keys are tz, holidays and the table [calendar.days].",
      "Rename the key as the message says (e.g. monday → mon, timezone → tz)."),
    calendar(
      "CAL004", "calendar value of the wrong type",
      "A weekday or a date of [calendar.days] takes a list of strings, tz a string, holidays a "
        + "list, days a table.",
      "Write the value as the message shows, e.g. tue = [\"09:00-18:00\"] ([] for no working "
        + "time)."),
    calendar(
      "CAL005", "calendar without a time zone, or with an unknown one",
      "Working hours are wall-clock times of a zone: tz must be an IANA zone name (a profile's "
        + "calendar without tz uses the report's --tz).",
      "Write tz = \"Europe/Paris\", \"America/New_York\", \"UTC\" or another IANA name."),
    calendar(
      "CAL006", "working interval that is not HH:MM-HH:MM or ends before it starts",
      "An interval runs from 00:00 to 24:00 at most, within one day, and ends after it starts.",
      "Write \"HH:MM-HH:MM\"; split a night shift over two days: \"22:00-24:00\" on one, "
        + "\"00:00-06:00\" on the next."),
    calendar(
      "CAL007", "overlapping working intervals",
      "Two intervals of the same day share some time, which would count twice.",
      "Write each working time once: merge the two intervals, or end one before the other "
        + "starts."),
    calendar(
      "CAL008", "unknown holiday set",
      "holidays holds built-in sets by country code (FR, US) and dates.",
      "Use FR or US, or list the holidays as dates \"YYYY-MM-DD\"."),
    calendar(
      "CAL009", "calendar date that is not a real YYYY-MM-DD date",
      "A holiday or a [calendar.days] key is not a date of the calendar (e.g. 2026-02-30, "
        + "31/12/2026).",
      "Write the date as YYYY-MM-DD, e.g. \"2026-12-24\"."),
  ]

  private static func calendar(_ code: String, _ summary: String, _ what: String, _ fix: String)
    -> DiagnosticCode
  {
    DiagnosticCode(
      code, .error, summary: summary, explanation: what + " The command stops (exit status 1).",
      fix: fix)
  }
}
