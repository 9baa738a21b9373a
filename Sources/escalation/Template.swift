import ArgumentParser
import EscalationKit
import XLSXExport

/// `escalation template`: writes the canonical matrix as CSV.
struct Template: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write the canonical escalation matrix (4 levels, 8 categories) as CSV.",
    discussion: """
      The CSV is written as Excel saves "CSV UTF-8" (byte order mark, CRLF line ends), levels \
      across as in the template. Edit it in a spreadsheet, then check it with `escalation validate`.
      """
  )

  @Option(help: "Language of the labels and texts.")
  var lang: Language = .en

  @Option(
    help: ArgumentHelp(
      "Field delimiter: , or ; (default: , for en, ; for fr, as Excel writes them).",
      valueName: "char"))
  var delimiter: Delimiter?

  @OptionGroup var output: OutputOptions

  @Option(
    help: ArgumentHelp(
      "Also write the matrix as a formatted workbook to this file (- for standard output).",
      valueName: "file"),
    completion: .file(extensions: ["xlsx"]))
  var xlsx: String?

  func validate() throws {
    if let delimiter, delimiter != .comma && delimiter != .semicolon {
      throw ValidationError(
        "--delimiter \(delimiter.rawValue): a template is written with , or ; only; write --delimiter , or --delimiter ;"
      )
    }
    if xlsx == "-" && output.isStandardOutput {
      throw ValidationError(
        "--xlsx - and the CSV would both go to standard output; write the CSV with -o FILE")
    }
  }

  func run() throws {
    try refuseWorkbookOnTerminal(xlsx)
    if let xlsx {
      let input = MatrixWorkbookInput(matrix: .canonical(lang), language: lang)
      if xlsx == "-" {
        try StandardOutputFile.write { temp throws(XLSXError) in
          try MatrixWorkbook.write(input, to: temp, created: MatrixWorkbook.templateCreated)
        }
      } else {
        try MatrixWorkbook.write(input, to: xlsx, created: MatrixWorkbook.templateCreated)
      }
    }
    let writer = try OutputWriter(path: output.output)
    try MatrixCSVWriter.write(
      Matrix.canonical(lang), language: lang, delimiter: delimiter?.byte, to: writer)
  }
}
