/// The codes of `escalation validate`: errors `MTX0xx`, warnings `MTX1xx`, notes `MTX2xx`.
extension DiagnosticCode {
  public static let matrixCodes: [DiagnosticCode] = matrixErrors + matrixWarnings + matrixNotes

  static let matrixErrors: [DiagnosticCode] = [
    DiagnosticCode(
      "MTX001", .error, summary: "wrong number of level columns (or rows, transposed): 4 expected",
      explanation:
        "A matrix has exactly four escalation levels: four columns after the category column "
        + "(four rows after the header, when the matrix is transposed).",
      fix: "Add the missing level or remove the extra column, each level header with its cells."),
    DiagnosticCode(
      "MTX002", .error,
      summary: "wrong number of rows under the header: the role row and 8 categories expected",
      explanation:
        "Under the level headers a matrix has the role row and one row for each of the 8 issue "
        + "categories, 9 rows in all.",
      fix: "Add the missing rows or remove the extra ones; `escalation template` writes the "
        + "expected layout."),
    DiagnosticCode(
      "MTX003", .error, summary: "ragged record: more or fewer fields than the header row",
      explanation: "A row has a different number of cells than the header row.",
      fix: "Remove the stray delimiter or add the missing cell so every row has the header's "
        + "number of fields."),
    DiagnosticCode(
      "MTX004", .error, summary: "level header unknown or empty",
      explanation:
        "A level header is empty or is not a known way of naming a level (\"Escalation level 2\", "
        + "\"Remontée de niveau 2\", \"L2\", \"Niveau 2\", …).",
      fix: "Write the level's name; the message suggests the closest known header."),
    DiagnosticCode(
      "MTX005", .error, summary: "level header duplicated",
      explanation: "Two headers name the same level.", fix: "Rename the one that is wrong."),
    DiagnosticCode(
      "MTX006", .error, summary: "level headers out of order",
      explanation:
        "The levels must read 1, 2, 3, 4 from left to right (top to bottom, transposed).",
      fix: "Move the columns, each header with its cells, into the order 1, 2, 3, 4."),
    DiagnosticCode(
      "MTX007", .error, summary: "role row missing",
      explanation:
        "The row that names the role owning each level (\"Operational role\", \"Rôle "
        + "opérationnel\") is not there.",
      fix: "Add the role row right under the level headers."),
    DiagnosticCode(
      "MTX008", .error, summary: "category (row label) unknown or empty",
      explanation:
        "A row label is empty or is not one of the 8 categories in English or French, nor a "
        + "known alias, even after case, accents, quotes and spaces are ignored.",
      fix: "Correct the label; the message suggests the closest category."),
    DiagnosticCode(
      "MTX009", .error, summary: "category or role row duplicated",
      explanation: "Two rows name the same category (or two role rows).",
      fix: "Merge the two rows or correct the label of the wrong one."),
    DiagnosticCode(
      "MTX010", .error, summary: "category missing",
      explanation:
        "One of the 8 categories has no row. When an unknown row is close to it, the message "
        + "names that row.",
      fix: "Add a row for the category, or correct the label of the row meant to be it."),
    DiagnosticCode(
      "MTX011", .error, summary: "empty cell",
      explanation: "Every category says, at every level, what the level's role does; one is empty.",
      fix: "Write what the role does for this category at this level."),
    DiagnosticCode(
      "MTX012", .error, summary: "far more records than a matrix has: not a matrix file",
      explanation:
        "The file has over 200 records where a matrix has 10: it is most likely an escalation "
        + "log or another export.",
      fix: "Pass the matrix file; import a log with `escalation import`."),
    DiagnosticCode(
      "MTX013", .error,
      summary: "the file is an escalation log (its header has a ticket and a time column)",
      explanation:
        "The first record names a ticket column and a time (or opened-date) column, as an "
        + "escalation log's header does; the file is reported once as a log instead of cell by "
        + "cell as a malformed matrix.",
      fix: "Read the log with `escalation import FILE`; check the matrix file with `validate`."),
  ]

  static let matrixWarnings: [DiagnosticCode] = [
    DiagnosticCode(
      "MTX101", .warning,
      summary: "label matched only when case, accents, quotes or spaces are ignored",
      explanation:
        "A level header, the role row label or a category was recognised only after "
        + "normalising case, accents, typographic quotes or white space.",
      fix: "Write the label exactly as in the template."),
    DiagnosticCode(
      "MTX102", .warning, summary: "the same text in several levels of one row",
      explanation:
        "A row repeats one text at several levels, usually a copy-paste left unfinished.",
      fix: "Write what each level's role does."),
    DiagnosticCode(
      "MTX103", .warning, summary: "leading, trailing or doubled white space",
      explanation: "A cell starts or ends with spaces, or has two spaces in a row.",
      fix: "Remove the extra spaces."),
    DiagnosticCode(
      "MTX104", .warning, summary: "control character in a cell",
      explanation: "A cell holds an invisible control character (not a tab or line break).",
      fix: "Retype the cell."),
    DiagnosticCode(
      "MTX105", .warning,
      summary: "cell starts with = + - or @ and would run as a formula in a spreadsheet",
      explanation:
        "A spreadsheet opening the CSV would read the cell as a formula. The tool itself always "
        + "writes it as text.",
      fix: "Reword the cell so that it starts with a letter."),
    DiagnosticCode(
      "MTX106", .warning, summary: "cell longer than Excel's 32,767 characters",
      explanation: "Excel cannot hold the cell; a workbook written by the tool cuts it.",
      fix: "Shorten the text."),
    DiagnosticCode(
      "MTX107", .warning,
      summary: "columns that are not levels (a tracker's Comments, Row ID, Created…), ignored",
      explanation:
        "Beside the 4 levels the header has columns whose names are not level-like, such as "
        + "Smartsheet's Comments, Attachments, Row ID, Created, Modified, Created By, Modified "
        + "By or a checkbox column. They are not part of the model and are ignored; the matrix "
        + "is judged without them. A header that looks like a level (a fifth level, a misspelt "
        + "one) stays in the matrix and is an error.",
      fix: "Nothing to do, or delete the columns from the matrix sheet if the matrix must pass "
        + "--strict."),
  ]

  static let matrixNotes: [DiagnosticCode] = [
    DiagnosticCode(
      "MTX201", .note, summary: "label in the other language, accepted",
      explanation: "A French label in an English matrix, or the other way round.",
      fix: "Nothing to do; write it in the matrix's language for consistency."),
    DiagnosticCode(
      "MTX202", .note, summary: "label written as a known alias, accepted",
      explanation: "For example \"Chef de projet\" for \"Cheffe de projet\", or \"L2\".",
      fix: "Nothing to do."),
    DiagnosticCode(
      "MTX203", .note, summary: "cell text differs from the canonical matrix",
      explanation:
        "The organisation's wording differs from the canonical matrix in the file's language; "
        + "this is expected and listed for the people who approve the matrix.",
      fix: "Nothing to do if the change is intended."),
    DiagnosticCode(
      "MTX204", .note, summary: "cell text differs from the baseline matrix",
      explanation: "With `--baseline OLD`: the cell changed since the previous version.",
      fix: "Nothing to do if the change is intended."),
    DiagnosticCode(
      "MTX205", .note, summary: "unexpected text in the corner cell (ignored)",
      explanation: "The top-left cell holds text other than the template's; it is not used.",
      fix: "Nothing to do."),
    DiagnosticCode(
      "MTX206", .note, summary: "title line above the header row, ignored",
      explanation: "One or more lines above the level headers (a title) were skipped.",
      fix: "Nothing to do."),
    DiagnosticCode(
      "MTX207", .note, summary: "notes below the matrix after a blank line, ignored",
      explanation:
        "Lines of a single cell in the first column after a blank line at the end of the file "
        + "(such as the legend of `escalation template --xlsx`) are notes, not categories.",
      fix: "Nothing to do."),
  ]
}
