import Foundation
import Testing

/// `escalation explain`: the registry's entries on the terminal (issue 14).
@Suite struct ExplainCLITests {
  /// The entry as written in Sources/Diagnostics/MatrixCodeEntries.swift, laid out as
  /// `DiagnosticCode.terminalText` does: a header line, the explanation, the fix.
  @Test func oneCode() throws {
    let r = try CLI.run(["explain", "MTX010"])
    #expect(r.status == 0)
    #expect(r.stderr == "")
    #expect(
      r.stdout == """
        MTX010 (error): category missing

        One of the 8 categories has no row. When an unknown row is close to it, the message \
        names that row.

        How to fix: Add a row for the category, or correct the label of the row meant to be it.

        """)
  }

  /// Codes are matched without regard to case; the severity column says what the code does.
  @Test func lowerCaseAndEffect() throws {
    let r = try CLI.run(["explain", "log004"])
    #expect(r.status == 0)
    #expect(
      r.stdout.hasPrefix(
        "LOG004 (error, stops): every d/m date is ambiguous; use `--date-order`\n\n"))
    let io = try CLI.run(["explain", "IO011"])
    #expect(io.stdout.hasPrefix("IO011 (exit 2): the output would overwrite an input\n"))
  }

  /// MTX099 is no code: the nearest numbers of the same family are 101 (2 away), 102 (3) and
  /// 103 (4), nearer than MTX012 (87 away). A usage error: exit 2, nothing on standard output.
  @Test func unknownCodeSuggestsTheClosest() throws {
    let r = try CLI.run(["explain", "MTX099"])
    #expect(r.status == 2)
    #expect(r.stdout == "")
    #expect(
      r.stderr
        == "escalation: error: MTX099 is not a diagnostic code; the closest are MTX101, MTX102, "
        + "MTX103; `escalation explain` lists them all\n")
    // A family with its letters swapped (MXT) is read as that family (MTX), before families a
    // letter away (MET); then the nearest numbers: 10 itself, 9 and 11.
    let t = try CLI.run(["explain", "MXT010"])
    #expect(t.status == 2)
    #expect(t.stderr.contains("the closest are MTX010, MTX009, MTX011; "))
    // LOG025 does not exist: LOG024 and LOG026 are one away (the code order breaks the tie),
    // LOG023 and LOG027 two.
    let l = try CLI.run(["explain", "LOG025"])
    #expect(l.stderr.contains("the closest are LOG024, LOG026, LOG023; "))
  }

  /// Without a code: one line per code. IO 5 + XLS 5 + CSV 7 + XLSX 10 + MTX 26 + LOG 28 +
  /// MET 12 + CAL 9 = 102, counted from the README table before it was generated (XLSX and
  /// MTX107/207 added with workbook input, CAL with calendars), + the 6 codes of issue 14
  /// (IO013, MTX013, LOG006, LOG028, LOG038, LOG039) = 108, + the 12 of the profiles issue
  /// (LOG040, LOG041, PRF001-PRF010) = 120, + CSV008 and CSV009 (lenient quotes in logs) and
  /// MET013 (pause on a resolved ticket, issue 11) = 123: IO 6, XLS 5, CSV 9, XLSX 10, MTX 27,
  /// LOG 34 (LOG016 retired but listed), MET 13, CAL 9, PRF 10. Columns are padded to the longest
  /// code (7 characters, XLSX001) and severity ("error, record rejected", 22 characters).
  @Test func listsEveryCode() throws {
    let r = try CLI.run(["explain"])
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 124)  // 123 lines and the empty string after the last newline
    #expect(lines.first == "IO001    exit 2                  the file cannot be opened")
    #expect(
      lines.contains("LOG010   error, record rejected  no ticket id"))
    #expect(
      lines.contains(
        "XLSX001  exit 2                  `.xls`, `.ods` or a ZIP that is not a workbook: save it as `.xlsx` or CSV"
      ))
    #expect(
      lines[102] == "MET012   warning                 open on a resolved ticket, read as a reopen")
    #expect(
      lines[112]
        == "CAL009   error                   calendar date that is not a real YYYY-MM-DD date")
    #expect(lines[122] == "PRF010   exit 2                  the profile file cannot be read")
  }

  /// `--markdown` prints docs/codes.md exactly (the file is generated from it).
  @Test func markdownIsDocsCodes() throws {
    let r = try CLI.run(["explain", "--markdown"])
    #expect(r.status == 0)
    let file = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent("docs/codes.md"), encoding: .utf8)
    #expect(r.stdout == file)
  }

  /// `--markdown-table` prints the README's table: its first rows, written out by hand.
  @Test func markdownTable() throws {
    let r = try CLI.run(["explain", "--markdown-table"])
    #expect(r.status == 0)
    #expect(
      r.stdout.hasPrefix(
        "| code | severity | meaning |\n|---|---|---|\n"
          + "| [IO001](docs/codes.md#io001) | exit 2 | the file cannot be opened |\n"))
    #expect(
      r.stdout.contains(
        "| [LOG004](docs/codes.md#log004) | error, stops | every d/m date is ambiguous; use "
          + "`--date-order` |\n"))
  }

  @Test func codeAndMarkdownTogetherIsAUsageError() throws {
    let r = try CLI.run(["explain", "MTX010", "--markdown"])
    #expect(r.status == 2)
    #expect(r.stdout == "")
    #expect(r.stderr.hasPrefix("escalation: error: give either a code or --markdown, not both\n"))
  }
}
