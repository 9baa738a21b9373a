import ArgumentParser

/// `escalation help NOSUCH`: ArgumentParser shows the general help and exits 0; a mistyped
/// command name is a usage error (exit 2) that lists the commands.
enum HelpTopic {
  /// The message for `help WORD…` naming no command, or `nil`.
  static func unknown(in arguments: [String]) -> String? {
    let args = Array(arguments.dropFirst())
    guard args.first == "help", args.count > 1 else { return nil }
    let names = Escalation.configuration.subcommands.map { $0._commandName }
    let topic = args[1]
    guard !topic.hasPrefix("-"), !names.contains(topic) else { return nil }
    return "escalation: error: no command '\(topic)'; the commands are "
      + names.joined(separator: ", ") + " (escalation help COMMAND)"
  }
}
