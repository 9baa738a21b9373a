import ArgumentParser
import EscalationKit
import XLSXExport

/// `escalation template`: writes the canonical matrix as CSV.
struct Template: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write the canonical 4 × 9 escalation matrix as CSV.",
    usage: """
      escalation template [--lang en|fr] [--delimiter ,|;] [-o <file>] [--xlsx <file>]
      """,
    discussion: """
      The CSV is written as Excel saves "CSV UTF-8" (byte order mark, CRLF line ends), levels \
      across as in the template. Edit it in a spreadsheet, then check it with `escalation validate`.
      """
  )

  @Option(help: "Language of the labels and texts: en or fr.")
  var lang: String = "en"

  @Option(
    help: ArgumentHelp(
      "Field delimiter: , or ; (default: , for en, ; for fr, as Excel writes them).",
      valueName: "char"))
  var delimiter: String?

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp("Write the CSV to this file instead of standard output.", valueName: "file"))
  var output: String?

  @Option(
    help: ArgumentHelp(
      "Also write the matrix as a formatted workbook to this file.", valueName: "file"))
  var xlsx: String?

  func validate() throws {
    _ = try OptionValues.language(lang)
    if let delimiter, Template.delimiterByte(delimiter) == nil {
      throw ValidationError(
        "--delimiter \(delimiter): a template is written with , or ; only; write --delimiter , or --delimiter ;"
      )
    }
  }

  static func delimiterByte(_ s: String) -> UInt8? {
    switch s.lowercased() {
    case ",", "comma": return UInt8(ascii: ",")
    case ";", "semicolon": return UInt8(ascii: ";")
    default: return nil
    }
  }

  func run() throws {
    let language = Language(rawValue: lang.lowercased()) ?? .en
    if let xlsx {
      try MatrixWorkbook.write(
        MatrixWorkbookInput(matrix: .canonical(language), language: language), to: xlsx,
        created: MatrixWorkbook.templateCreated)
    }
    let writer = try OutputWriter(path: output)
    try MatrixCSVWriter.write(
      Matrix.canonical(language), language: language,
      delimiter: delimiter.flatMap(Template.delimiterByte),
      to: writer)
  }
}
