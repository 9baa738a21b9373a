import ArgumentParser

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "import", abstract: "(in progress)")
  func run() throws {
    throw CLIError.usage("'import' is not available yet")
  }
}
