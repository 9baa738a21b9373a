import ArgumentParser
import EscalationKit
import XLSXExport

/// `escalation validate`: checks a matrix file against the model and reports findings.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check an escalation matrix (CSV or .xlsx) against the canonical 4 × 9 model.",
    usage: """
      escalation validate <matrix> [--sheet <name|n>] [--baseline <file>]
                          [--baseline-sheet <name|n>] [--format text|json|sarif] [--strict]
                          [--xlsx <file>]
      """,
    discussion: """
      Reports each finding as file:line:col: severity[CODE]: message, then the orientation read \
      and a summary. Exit status: 0 valid (warnings and notes allowed), 1 not valid (or warnings \
      with --strict), 2 the command could not run.
      """
  )

  @Argument(help: "The matrix file (CSV or .xlsx), or - for standard input.")
  var matrix: String

  @Option(
    help: ArgumentHelp(
      "Report changes against this matrix file instead of the canonical matrix.",
      valueName: "file"))
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

  @Option(help: "Output format: text, json or sarif.")
  var format: String = "text"

  @Flag(help: "Fail (exit status 1) on warnings too.")
  var strict = false

  @Option(
    help: ArgumentHelp(
      "Also write the matrix as a workbook laid out like the template, findings as cell comments and changed cells marked.",
      valueName: "file"))
  var xlsx: String?

  func validate() throws {
    guard FindingsFormat(rawValue: format.lowercased()) != nil else {
      throw ValidationError("--format must be text, json or sarif, not '\(format)'")
    }
  }

  func run() throws {
    let format = FindingsFormat(rawValue: self.format.lowercased()) ?? .text
    let validation: MatrixValidation
    do {
      validation = try MatrixValidation.run(
        path: matrix, baseline: baseline, sheet: sheet, baselineSheet: baselineSheet)
    } catch let e as MatrixBaselineError {
      throw CLIError.usage(e.description)
    }
    let report = validation.report(strict: strict)
    let writer = try OutputWriter(path: nil)
    try writer.write(report.render(format, color: format == .text && Terminal.useColor(fd: 1)))
    try writer.commit()
    if let xlsx {
      guard let input = MatrixWorkbookInput(validation: validation) else {
        throw CLIError.io(
          "\(xlsx): error[IO012]: \(matrix) could not be read as a table, so no workbook was written"
        )
      }
      try MatrixWorkbook.write(
        input, to: xlsx, created: MatrixWorkbook.creationTime(of: matrix),
        inputs: [matrix] + [baseline].compactMap { $0 })
    }
    if !report.valid { throw ExitStatus.invalid }
  }
}
