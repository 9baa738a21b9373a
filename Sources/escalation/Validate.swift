import ArgumentParser
import EscalationKit
import XLSXExport

/// `escalation validate`: checks a matrix file against the model and reports findings.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract:
      "Check an escalation matrix (CSV or .xlsx) against the canonical model (4 levels, 8 categories).",
    discussion: """
      Reports each finding as file:line:col: severity[CODE]: message, then the orientation read \
      and a summary, on standard output (on standard error when --xlsx - writes the workbook \
      there). Exit status: 0 valid (warnings and notes allowed), 1 not valid (or warnings with \
      --strict), 2 the command could not run.
      """
  )

  @Argument(
    help: ArgumentHelp(
      "The matrix file (CSV or .xlsx), or - for standard input.", valueName: "matrix"),
    completion: .file(extensions: ["csv", "xlsx"]))
  var matrix: String

  @Option(
    help: ArgumentHelp(
      "Report changes against this matrix file (CSV or .xlsx) instead of the canonical matrix.",
      valueName: "file"),
    completion: .file(extensions: ["csv", "xlsx"]))
  var baseline: String?

  @Option(
    help: ArgumentHelp(
      "The worksheet of an .xlsx matrix, by name or number (1 = first); default: the first visible one.",
      valueName: "name|n"))
  var sheet: String?

  @Option(
    name: .customLong("baseline-sheet"),
    help: ArgumentHelp(
      "The worksheet of an .xlsx baseline, by name or number.", valueName: "name|n"))
  var baselineSheet: String?

  @Option(help: "Output format of the findings.")
  var format: FindingsFormat = .text

  @Flag(help: "Fail (exit status 1) on warnings too.")
  var strict = false

  @Option(
    help: ArgumentHelp(
      "Also write the matrix as a workbook laid out like the template, findings as cell comments and changed cells marked (- for standard output).",
      valueName: "file"),
    completion: .file(extensions: ["xlsx"]))
  var xlsx: String?

  @OptionGroup var display: DisplayOptions

  @OptionGroup var console: ConsoleOptions

  func run() throws {
    try refuseWorkbookOnTerminal(xlsx)
    let validation: MatrixValidation
    do {
      validation = try MatrixValidation.run(
        path: matrix, baseline: baseline, sheet: sheet, baselineSheet: baselineSheet)
    } catch let e as MatrixBaselineError {
      throw CLIError.usage(e.description)
    }
    let report = validation.report(strict: strict)
    // With the workbook on standard output, the findings go to standard error.
    let fd: Int32 = xlsx == "-" ? 2 : 1
    let text = report.render(
      format, color: format == .text && Terminal.useColor(fd: fd, mode: console.color),
      display: display.display(quiet: console.quiet),
      columns: format == .sarif ? SourceColumns(findings: report.findings) : nil)
    if fd == 2 {
      Terminal.standardError(text)
    } else {
      let writer = try OutputWriter(path: nil)
      try writer.write(text)
      try writer.commit()
    }
    if let xlsx {
      guard let input = MatrixWorkbookInput(validation: validation) else {
        throw CLIError.io(
          "\(xlsx): error[IO012]: \(matrix) could not be read as a table, so no workbook was written"
        )
      }
      let inputs = [matrix] + [baseline].compactMap { $0 }
      let created = MatrixWorkbook.creationTime(of: matrix)
      if xlsx == "-" {
        try StandardOutputFile.write { temp throws(XLSXError) in
          try MatrixWorkbook.write(input, to: temp, created: created, inputs: inputs)
        }
      } else {
        try MatrixWorkbook.write(input, to: xlsx, created: created, inputs: inputs)
      }
    }
    if !report.valid { throw ExitStatus.invalid }
  }
}
