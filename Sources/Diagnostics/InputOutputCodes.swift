/// The I/O codes (shared by every command and both writers), the workbook writer's codes and the
/// CSV reader's codes.
extension DiagnosticCode {
  public static let ioCodes: [DiagnosticCode] = [
    DiagnosticCode(
      "IO001", .error, .exit2, summary: "the file cannot be opened",
      explanation:
        "An input named on the command line does not exist, is a directory, or cannot be read "
        + "with your permissions. Nothing was read and nothing was written.",
      fix: "Check the path (relative paths start from the current directory) and the file's "
        + "permissions; use `-` to read standard input."),
    DiagnosticCode(
      "IO002", .error, .exit2, summary: "reading the file failed",
      explanation:
        "The file was opened but reading it failed part-way: an I/O error, or the file changed "
        + "(grew, shrank or was replaced) while it was being read, for example because a tracker "
        + "was still exporting into it.",
      fix: "Run the command again once the file is complete and no longer being written."),
    DiagnosticCode(
      "IO010", .error, .exit2,
      summary: "the output directory does not exist or is not writable",
      explanation:
        "The file given with `-o` or `--xlsx` (or the default `Reports/` file) cannot be created: "
        + "its directory is missing or read-only. Nothing was created.",
      fix: "Create the directory, fix its permissions, or choose another path with `-o`."),
    DiagnosticCode(
      "IO011", .error, .exit2, summary: "the output would overwrite an input",
      explanation:
        "The output path names one of the inputs (the same path, a hard link or a symbolic link "
        + "to it). This is checked before anything is read; the input is left untouched.",
      fix: "Choose another output path."),
    DiagnosticCode(
      "IO012", .error, .exit2,
      summary: "writing the output failed (disk full, I/O error); nothing was written",
      explanation:
        "Writing, syncing or renaming the output failed, typically because the disk is full. "
        + "Outputs are written to a hidden temporary file beside the target and renamed into "
        + "place only when complete, so the temporary file was removed and the target is as it "
        + "was before.",
      fix: "Free some space (or fix the device) and run the command again."),
    DiagnosticCode(
      "IO013", .error, .exit2,
      summary: "a workbook for standard output (`-`) when standard output is a terminal",
      explanation:
        "`-o -` or `--xlsx -` writes a workbook (binary) to standard output; on a terminal it "
        + "would only print garbage, so nothing is written.",
      fix: "Redirect standard output to a file or a pipe (`> report.xlsx`), or give a file name."),
  ]

  public static let xlsxCodes: [DiagnosticCode] = [
    xlsxBug("XLS001", "libxlsxwriter refused a call", "a bad range, format or argument"),
    xlsxBug(
      "XLS002", "a cell outside Excel's 1,048,576 rows × 16,384 columns",
      "a row or column beyond the worksheet grid"),
    xlsxBug(
      "XLS003", "a row written above one already written",
      "rows written out of order in constant-memory mode, which writes top to bottom"),
    xlsxBug("XLS004", "the workbook was already closed", "a write after the workbook was closed"),
    xlsxBug(
      "XLS005", "a feature libxlsxwriter refuses in constant-memory mode",
      "a feature such as an Excel table that constant-memory mode cannot write"),
  ]

  private static func xlsxBug(_ code: String, _ summary: String, _ cause: String)
    -> DiagnosticCode
  {
    DiagnosticCode(
      code, .error, .exit2, summary: summary,
      explanation:
        "The workbook writer asked libxlsxwriter for \(cause). The report layout never does "
        + "this on purpose: it is a bug in the tool, not in your data. Nothing was written.",
      fix: "Please report it with the command line and, if you can, the input file.")
  }

  public static let csvCodes: [DiagnosticCode] = [
    DiagnosticCode(
      "CSV001", .error, summary: "the file is empty",
      explanation: "The file holds no bytes, or only a byte-order mark and white space.",
      fix: "Export the sheet again, with its header row."),
    DiagnosticCode(
      "CSV002", .error, summary: "bytes that are not valid UTF-8 in a UTF-8 file (line, byte)",
      explanation:
        "The file starts as UTF-8 but a later byte sequence is not valid UTF-8, usually because "
        + "two exports in different encodings were pasted together. The position gives the line "
        + "and the byte within the line. (A file that is not UTF-8 from the start is read as "
        + "Windows-1252.)",
      fix: "Re-save the file as \"CSV UTF-8\" from the spreadsheet, or fix the bytes at the "
        + "position shown."),
    DiagnosticCode(
      "CSV003", .error, summary: "truncated UTF-16 or unpaired surrogate",
      explanation:
        "A UTF-16 file has an odd number of bytes or a surrogate without its pair: it was cut "
        + "or damaged.",
      fix: "Export the file again."),
    DiagnosticCode(
      "CSV004", .error,
      summary: "a quoted field is never closed (line where it starts)",
      explanation:
        "A field opens with a double quote that is never closed, so the rest of the file would "
        + "be one cell. The position is the line where the quote opens.",
      fix: "Close the quote or remove it."),
    DiagnosticCode(
      "CSV005", .error, summary: "a stray double quote",
      explanation:
        "A double quote inside an unquoted field, or text right after a closing quote.",
      fix: "Quote the whole field and double the inner quote (`\"\"`)."),
    DiagnosticCode(
      "CSV006", .error, summary: "a field larger than 32 MiB",
      explanation:
        "One field is larger than 32 MiB, the largest the reader accepts (far beyond Excel's "
        + "32,767 characters per cell): the file is not a spreadsheet export.",
      fix: "Check that the right file was given; split or shorten the field."),
    DiagnosticCode(
      "CSV007", .error, summary: "a record with more than 16,384 fields (Excel's column limit)",
      explanation:
        "A record has more fields than Excel has columns; the file is not a spreadsheet export, "
        + "or its delimiter was detected wrongly.",
      fix: "Check the file and, for a log, force the delimiter with `--delimiter`."),
    DiagnosticCode(
      "CSV008", .warning, summary: "a double quote read as written (log record)",
      explanation:
        "In a log, a double quote inside a field that does not start with one (`27\" monitor`), "
        + "or text right after a closing quote (`\"A\"B`), is read as Excel, LibreOffice and "
        + "Python read it: kept as written (`27\" monitor`, `AB`). The record is used; strict "
        + "CSV would refuse the whole file (CSV005, still the rule for matrices).",
      fix: "Nothing, if the field reads right; otherwise quote the whole field and double the "
        + "inner quote (`\"27\"\" monitor\"`)."),
    DiagnosticCode(
      "CSV009", .error, .recordRejected, summary: "a quote never closed: its record is not used",
      explanation:
        "In a log, a field opens with a double quote that is never closed before the end of the "
        + "file. The record is read to the end of that line and not used, and the lines after it "
        + "are read as records again (strict CSV would make the rest of the file one cell: "
        + "CSV004, still the rule for matrices).",
      fix: "Close the quote or remove it, then import again."),
  ]
}
