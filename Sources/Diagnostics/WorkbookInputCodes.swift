/// The `.xlsx` reader's codes (XLSXImport): workbooks that cannot be read, and what a person
/// should know about the sheet read.
extension DiagnosticCode {
  public static let workbookInputCodes: [DiagnosticCode] = [
    DiagnosticCode(
      "XLSX001", .error, .exit2,
      summary: "`.xls`, `.ods` or a ZIP that is not a workbook: save it as `.xlsx` or CSV",
      explanation:
        "The input is an Excel 97–2003 workbook (`.xls`, recognised by its OLE signature), an "
        + "OpenDocument spreadsheet (`.ods`) or a ZIP archive without a spreadsheet in "
        + "`[Content_Types].xml`. The tool reads `.xlsx` workbooks and CSV only.",
      fix: "Open the file in Excel or LibreOffice and save it as Excel Workbook (.xlsx) or as "
        + "CSV UTF-8, then give that file."),
    DiagnosticCode(
      "XLSX002", .error,
      summary: "the workbook's ZIP archive cannot be read (truncated, damaged)",
      explanation:
        "The file starts as a ZIP archive but its directory or an entry cannot be read: a "
        + "truncated download, a copy still in progress, a damaged entry or a bad checksum.",
      fix: "Export or copy the workbook again; if Excel opens it, save it again as .xlsx."),
    DiagnosticCode(
      "XLSX003", .error, summary: "a part of the workbook is missing (or no worksheet)",
      explanation:
        "A part the workbook refers to (the workbook, its relationships, the sheet) is not in "
        + "the package, or the workbook has no worksheet (only chart sheets).",
      fix: "Open the workbook in Excel or LibreOffice and save it again, or save the sheet as CSV."),
    DiagnosticCode(
      "XLSX004", .error, summary: "a part is not well-formed XML",
      explanation:
        "A part of the package is not well-formed XML; the message names the part, its line and "
        + "column, and libxml2's description.",
      fix: "Open the workbook in Excel or LibreOffice and save it again, or save the sheet as CSV."),
    DiagnosticCode(
      "XLSX005", .error, summary: "a part inflates past the cap (zip bomb)",
      explanation:
        "A part inflates past the most this tool reads from one part (4 GiB for a sheet, 2 GiB "
        + "for the shared strings, 64 MiB for the others), or the package holds more than "
        + "100,000 parts. A damaged file or a ZIP bomb; reading stops there.",
      fix: "Split the data over several files, or save the sheet as CSV."),
    DiagnosticCode(
      "XLSX006", .error,
      summary: "a row or column past Excel's limits, cells out of order, a missing shared string",
      explanation:
        "The sheet part holds a row past 1,048,576 or a column past XFD (16,384), rows or cells "
        + "out of order, or a cell that refers to a shared string the workbook does not have. "
        + "No spreadsheet program writes this.",
      fix: "Open the workbook in Excel or LibreOffice and save it again, or save the sheet as CSV."),
    DiagnosticCode(
      "XLSX007", .error, .exit2, summary: "`--sheet` names no sheet of the workbook",
      explanation:
        "`--sheet` (or `--matrix-sheet`, `--baseline-sheet`) gives a name or number that is not "
        + "one of the workbook's worksheets; the message lists them.",
      fix: "Give a sheet's name (case does not matter) or its number, 1 for the first."),
    DiagnosticCode(
      "XLSX101", .note, summary: "the sheet read, when the workbook has several",
      explanation:
        "Without `--sheet` the first visible worksheet is read; the note names it and lists the "
        + "others.",
      fix: "Nothing to do if it is the right sheet; otherwise choose one with --sheet NAME or N."),
    DiagnosticCode(
      "XLSX102", .note, summary: "hidden rows or columns were read",
      explanation: "Hidden rows and columns are data like the others; they were read.",
      fix: "Nothing to do; delete the rows in the workbook if they must not count."),
    DiagnosticCode(
      "XLSX103", .warning,
      summary: "a cell holds an Excel error value (`#N/A`, `#REF!`…), read as its text",
      explanation:
        "A formula in the cell failed; its cached value is an error, read as its text (for "
        + "example `#N/A`), so the field that uses it is likely rejected. Said for the first 20 "
        + "cells, then counted.",
      fix: "Fix the formula, or replace it by the value."),
  ]
}
