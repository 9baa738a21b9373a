import ArgumentParser

struct Sample: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "sample", abstract: "(in progress)")
  func run() throws {
    throw CLIError.usage("'sample' is not available yet")
  }
}
