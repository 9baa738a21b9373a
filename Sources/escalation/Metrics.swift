import ArgumentParser

struct Metrics: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "metrics", abstract: "(in progress)")
  func run() throws {
    throw CLIError.usage("'metrics' is not available yet")
  }
}
