import ArgumentParser
import EscalationKit

/// `escalation validate`: checks a matrix file against the model and reports findings.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check an escalation matrix CSV against the canonical 4 × 9 model.",
    discussion: """
      Reports each finding as file:line:col: severity[CODE]: message, then the orientation read \
      and a summary. Exit status: 0 valid (warnings and notes allowed), 1 not valid (or warnings \
      with --strict), 2 the command could not run.
      """
  )

  @Argument(help: "The matrix CSV file, or - for standard input.")
  var matrix: String

  @Option(help: "Report changes against this matrix file instead of the canonical matrix.")
  var baseline: String?

  @Option(help: "Output format: text, json or sarif.")
  var format: String = "text"

  @Flag(help: "Fail (exit status 1) on warnings too.")
  var strict = false

  func validate() throws {
    guard FindingsFormat(rawValue: format.lowercased()) != nil else {
      throw ValidationError("--format must be text, json or sarif, not '\(format)'")
    }
  }

  func run() throws {
    let format = FindingsFormat(rawValue: self.format.lowercased()) ?? .text
    let validation: MatrixValidation
    do {
      validation = try MatrixValidation.run(path: matrix, baseline: baseline)
    } catch let e as MatrixBaselineError {
      throw CLIError.usage(e.description)
    }
    let report = validation.report(strict: strict)
    let writer = try OutputWriter(path: nil)
    try writer.write(report.render(format, color: format == .text && Terminal.useColor(fd: 1)))
    try writer.commit()
    if !report.valid { throw ExitStatus.invalid }
  }
}
