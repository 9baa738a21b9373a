import ArgumentParser
import CSVImport
import EscalationKit

/// `escalation profile LOG`: a commented starter profile for a tracker's export.
struct ProfileCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "profile",
    abstract: "Write a starter profile (TOML) for a log: its columns and the values to map.",
    usage: """
      escalation profile <log> [-o <file>] [--matrix <file>] [--delimiter <char>]
      """,
    discussion: """
      Reads the log, places the columns it recognises, and writes a commented profile: the \
      mapping found, every header it could not place, and for the level, category and event \
      columns every distinct value with its count and the best guess (a line marked "# ?" \
      where there is none). Edit it, then give it to import, metrics and report with \
      --profile FILE, or save it as escalation.toml in the directory you run them from. \
      Exit status: 0 written; 1 the file cannot be read as CSV; 2 usage or I/O error.
      """)

  @Argument(help: ArgumentHelp("The log file (- for standard input).", valueName: "log"))
  var log: String

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Write the profile to this file instead of standard output.", valueName: "file"))
  var output: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The matrix in use: its category labels are tried for category values.", valueName: "file"))
  var matrix: String?

  @Option(
    name: .long,
    help: ArgumentHelp("Field delimiter: , ; tab or |; default: detected.", valueName: "char"))
  var delimiter: String?

  func run() throws {
    // The shared import options, parsed from the flags this command takes (no profile read).
    var args = ["--no-profile"]
    if let matrix { args += ["--matrix", matrix] }
    if let delimiter { args += ["--delimiter", delimiter] }
    let importing = try ImportOptions.parse(args).logImportOptions()
    let writer = try OutputWriter(path: output, inputs: [log] + [matrix].compactMap { $0 })
    let draft = try ProfileDraft.read(path: log, delimiter: importing.delimiter)
    try writer.write(draft.text(categoryLabels: importing.categoryLabels))
    try writer.commit()
    if output != nil {
      Terminal.standardError(
        "wrote \(output!): \(Plural.count(draft.records, "record", "records", .en)), \(draft.layout.rawValue) layout; "
          + "edit the lines marked \"# ?\", then run: escalation import \(log) --profile \(output!)"
      )
    }
  }
}
