import ArgumentParser

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "validate", abstract: "(in progress)")
  func run() throws {
    throw CLIError.usage("'validate' is not available yet")
  }
}
