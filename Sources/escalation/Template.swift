import ArgumentParser

struct Template: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "template", abstract: "(in progress)")
  func run() throws {
    throw CLIError.usage("'template' is not available yet")
  }
}
