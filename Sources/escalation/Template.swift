import ArgumentParser
import EscalationKit
import XLSXExport

/// `escalation template`: writes the canonical matrix as CSV.
struct Template: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write the canonical 4 × 9 escalation matrix as CSV.",
    discussion: """
      The CSV is written as Excel saves "CSV UTF-8" (byte order mark, CRLF line ends), levels \
      across as in the template. Edit it in a spreadsheet, then check it with `escalation validate`.
      """
  )

  @Option(help: "Language of the labels and texts: en or fr.")
  var lang: String = "en"

  @Option(help: "Field delimiter: , or ; (default: , for en, ; for fr, as Excel writes them).")
  var delimiter: String?

  @Option(name: .shortAndLong, help: "Write to FILE instead of standard output.")
  var output: String?

  @Option(
    help: ArgumentHelp("Also write the matrix as a formatted workbook to FILE.", valueName: "file"))
  var xlsx: String?

  func validate() throws {
    guard Language(rawValue: lang.lowercased()) != nil else {
      throw ValidationError("--lang must be en or fr, not '\(lang)'")
    }
    if let delimiter, Template.delimiterByte(delimiter) == nil {
      throw ValidationError("--delimiter must be , or ; not '\(delimiter)'")
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
