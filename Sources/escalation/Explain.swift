import ArgumentParser
import Diagnostics
import EscalationKit

/// `escalation explain [CODE]`: what a diagnostic code means and how to fix it, from the registry
/// (``DiagnosticCode``) that also generates docs/codes.md and the README's code table.
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain a diagnostic code (MTX010, LOG004, …): what it means and how to fix it.",
    discussion: """
      Without a code, lists every code with its severity and summary. `--markdown` prints every \
      entry as Markdown: the text of docs/codes.md; `--markdown-table` the README's code table.
      """
  )

  @Argument(help: ArgumentHelp("A code such as MTX010 or log004.", valueName: "code"))
  var code: String?

  @Flag(help: "Print every entry as Markdown (docs/codes.md).")
  var markdown = false

  @Flag(help: "Print the code table of the README (Markdown).")
  var markdownTable = false

  func validate() throws {
    if markdown && markdownTable {
      throw ValidationError("give either --markdown or --markdown-table, not both")
    }
    if (markdown || markdownTable) && code != nil {
      throw ValidationError("give either a code or --markdown, not both")
    }
  }

  func run() throws {
    let out = try OutputWriter(path: nil)
    try out.write(
      markdownTable ? DiagnosticCode.markdownTable : Explain.text(code: code, markdown: markdown))
    try out.commit()
  }

  /// What the command prints on standard output; throws a usage error for an unknown code.
  static func text(code: String?, markdown: Bool) throws -> String {
    if markdown { return DiagnosticCode.markdownDocument }
    guard let code else { return list() }
    if let entry = DiagnosticCode.lookup(code) { return entry.terminalText }
    let near = DiagnosticCode.closest(to: code).map(\.code).joined(separator: ", ")
    throw CLIError.usage(
      "\(code) is not a diagnostic code; the closest are \(near); "
        + "`escalation explain` lists them all")
  }

  /// One line per code: code, severity, summary.
  static func list() -> String {
    let codeWidth = DiagnosticCode.all.map(\.code.count).max() ?? 0
    let severityWidth = DiagnosticCode.all.map(\.severityText.count).max() ?? 0
    var s = ""
    for c in DiagnosticCode.all {
      s += pad(c.code, codeWidth) + "  " + pad(c.severityText, severityWidth) + "  " + c.summary
      s += "\n"
    }
    return s
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}
