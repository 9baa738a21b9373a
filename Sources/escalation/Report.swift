import ArgumentParser

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "report", abstract: "(in progress)")
  func run() throws {
    throw CLIError.usage("'report' is not available yet")
  }
}
