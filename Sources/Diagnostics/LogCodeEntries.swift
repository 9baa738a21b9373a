/// The codes of log import (`escalation import`, and the import step of `metrics` and `report`).
extension DiagnosticCode {
  public static let logCodes: [DiagnosticCode] = logStops + logRejections + logWarnings + logNotes

  static let logStops: [DiagnosticCode] = [
    DiagnosticCode(
      "LOG001", .error, .stops,
      summary: "required column missing (events: ticket, time; tickets: ticket, opened)",
      explanation:
        "No header of the file names a field the layout needs. The message lists the headers "
        + "accepted for the field, the headers found and the fields of the layout.",
      fix: "Rename the column, or name it with `--map FIELD=HEADER` (for example "
        + "`--map ticket=\"Réf.\"`); force the other layout with `--layout` if it was misdetected."),
    DiagnosticCode(
      "LOG002", .error, .exit2, summary: "`--map` names an unknown field",
      explanation: "The part before `=` in `--map` is not one of the log fields.",
      fix: "Use one of the fields the message lists."),
    DiagnosticCode(
      "LOG003", .error, .exit2, summary: "`--map` header not in the file",
      explanation: "The header given after `=` in `--map` is not in the file's header row.",
      fix: "Copy the header exactly as the message lists it."),
    DiagnosticCode(
      "LOG004", .error, .stops, summary: "every d/m date is ambiguous; use `--date-order`",
      explanation:
        "Every slashed date could be read day-first or month-first (no field above 12 tells), and "
        + "the tool never guesses.",
      fix: "Say which with `--date-order dmy` (03/10 = 3 October) or `--date-order mdy` "
        + "(03/10 = March 10)."),
    DiagnosticCode(
      "LOG005", .error, .stops, summary: "dates prove both day-first and month-first",
      explanation:
        "Some dates are only valid day-first and others only month-first: the file mixes "
        + "exports from different locales.",
      fix: "Correct the wrong dates, or force one order with `--date-order` (the dates invalid "
        + "in that order are then rejected as LOG013)."),
    DiagnosticCode(
      "LOG006", .error, .stops, summary: "the file is an escalation matrix, not a log",
      explanation:
        "The header has no log column, and the file reads as an escalation matrix (level headers "
        + "across or down): a matrix was given where a log was expected.",
      fix: "Pass the matrix with `--matrix FILE` and give the log as the argument; check the "
        + "matrix with `escalation validate FILE`."),
  ]

  static let logRejections: [DiagnosticCode] = [
    rejected("LOG010", "no ticket id", "The ticket cell is empty.", "Fill in the ticket id."),
    rejected(
      "LOG011", "no date", "The date cell of the record is empty.",
      "Fill in when the event happened."),
    rejected(
      "LOG012", "unreadable date, time or offset",
      "The date is not in a format the tool reads: ISO 8601, day-first or month-first with `/` "
        + "or `.`, or an Excel serial number.",
      "Write the date in one of the formats the message lists."),
    rejected(
      "LOG013", "date invalid in the file's day/month order",
      "The date is not a valid date in the order decided for the file (for example 31/04 "
        + "day-first, or a month above 12).",
      "Correct the date."),
    rejected(
      "LOG014", "Excel serial 60 (the 1900 leap-year bug) or out of range",
      "Excel's serial 60 is 29 February 1900, a day that never existed; other serials outside "
        + "the years 1900–9999 are not dates.",
      "Format the cell as a date in the spreadsheet and export again."),
    rejected(
      "LOG015", "unknown level (did you mean …)",
      "The level is not 1–4, a level name (`L2`, `Niveau 2`, `Level 2 escalation`) or the role of "
        + "a level in the matrix in use.",
      "Correct the level, or pass the matrix whose roles the log uses with `--matrix`."),
    rejected(
      "LOG016", "escalate / de-escalate without a level",
      "An escalation or de-escalation event does not say to which level.",
      "Fill in the level."),
    rejected(
      "LOG017", "unknown category (did you mean …)",
      "The category is not a category key, a label in English or French, or a label of the "
        + "matrix in use.",
      "Correct the category (the message suggests the closest one), or pass the matrix with "
        + "`--matrix`."),
  ]

  private static func rejected(_ code: String, _ summary: String, _ what: String, _ fix: String)
    -> DiagnosticCode
  {
    DiagnosticCode(
      code, .error, .recordRejected, summary: summary,
      explanation: what + " The whole record is not used; it counts as rejected.", fix: fix)
  }

  static let logWarnings: [DiagnosticCode] = [
    DiagnosticCode(
      "LOG020", .warning, summary: "exact duplicate, not used",
      explanation:
        "The record repeats an earlier one: same ticket, time, event, level and category. It is "
        + "counted as a duplicate in the accounting line, not used.",
      fix: "Nothing to do, unless the export should not contain it."),
    DiagnosticCode(
      "LOG021", .warning, summary: "local time in a spring-forward gap, moved forward by the gap",
      explanation:
        "A time without an offset falls in the hour skipped when the clocks go forward in the "
        + "`--tz` zone; it cannot have happened, so it is moved forward by the gap.",
      fix: "Check the time, or the `--tz` zone."),
    DiagnosticCode(
      "LOG022", .warning, summary: "a ticket's first event has no category",
      explanation: "The category is taken from the ticket's later events when they have one.",
      fix: "Fill in the category on the ticket's first event."),
    DiagnosticCode(
      "LOG023", .warning, summary: "no event/status column: tickets are never resolved (said once)",
      explanation:
        "Without an event or status column every row is read as an open or a level change, so "
        + "no ticket is ever resolved.",
      fix: "Export the status column, or name it with `--map event=HEADER`."),
    DiagnosticCode(
      "LOG024", .warning, summary: "no category column",
      explanation: "Every ticket is counted as `uncategorized`.",
      fix: "Export the category column, or name it with `--map category=HEADER`."),
    DiagnosticCode(
      "LOG026", .warning,
      summary: "tickets layout: current level above the last escalation date filled",
      explanation:
        "A ticket row says the ticket is at a level whose escalation date is blank: a date is "
        + "missing. The escalation dates that are filled are used.",
      fix: "Fill in the missing escalation date."),
    DiagnosticCode(
      "LOG027", .warning, summary: "status says resolved but no resolution date",
      explanation:
        "The ticket row's status is resolved or closed but the resolution date is blank, so the "
        + "ticket stays open in the figures.",
      fix: "Fill in the resolution date."),
    DiagnosticCode(
      "LOG028", .warning,
      summary: "text cells a spreadsheet would run as formulas (once per column)",
      explanation:
        "A ticket, owner or note starts with `=`, `+`, `-`, `@`, tab or CR (and is not a number): "
        + "opened in a spreadsheet, a CSV holding it would run it as a formula (CSV injection). "
        + "CSV outputs write such cells with a leading `'`; said once per column, with the "
        + "first line and the count.",
      fix: "Nothing to do for the tool's outputs; `--raw-csv` keeps the bytes as read. Clean "
        + "the source if the text should not start that way."),
  ]

  static let logNotes: [DiagnosticCode] = [
    note(
      "LOG030", "layout and columns read",
      "Which layout was read and which column feeds each field."),
    note(
      "LOG031", "how the date order was decided",
      "Which date proved day-first or month-first, or that `--date-order` decided."),
    note(
      "LOG032", "other status word read as an update (once per word)",
      "A status that is not an event word (\"In progress\") is read as an update: the ticket "
        + "moves when the row's level differs."),
    note(
      "LOG033", "blank event cells read as updates (once)", "Rows without an event are updates."),
    note(
      "LOG034", "fractional seconds truncated (once)",
      "Times are kept to the second; fractions are dropped, not rounded."),
    note(
      "LOG035", "a fall-back time that occurs twice: first occurrence used",
      "A local time in the hour repeated when the clocks go back is read as its first occurrence."),
    note(
      "LOG036", "level given as a role or alias (once per value)",
      "A level was written as the role that owns it in the matrix, or as an alias such as `N2`."),
    note("LOG037", "column not used", "A column the tool does not read, or a duplicate header."),
    note(
      "LOG038", "the header line repeated inside the file (joined logs), skipped",
      "A record identical to the header (a byte order mark ignored), as when monthly exports "
        + "are joined with `cat`, is skipped and not counted as a record; said once."),
    DiagnosticCode(
      "LOG039", .note,
      summary: "day-first or month-first times read as UTC because `--tz` was not given",
      explanation:
        "The dates are written as people type local times (03/10/2026 14:05) and no `--tz` was "
        + "given, so they were read as UTC; every figure by day or month may shift by the "
        + "zone's offset.",
      fix: "Give the zone of the times with `--tz` (for example `--tz Europe/Paris`), or "
        + "`--tz UTC` if they really are UTC."),
  ]

  private static func note(_ code: String, _ summary: String, _ what: String) -> DiagnosticCode {
    DiagnosticCode(
      code, .note, summary: summary, explanation: what,
      fix: "Nothing to do; the note says how the file was read.")
  }
}
