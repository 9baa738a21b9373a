import ArgumentParser
import CSVImport
import Diagnostics
import EscalationKit
import ProfileTOML
import XLSXExport

#if canImport(Glibc)
  import Glibc
#endif

/// The `escalation` command: parses arguments and hands off to the libraries.
struct Escalation: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "escalation",
    abstract: "Import, check and report on a 4-level escalation matrix and its escalation logs.",
    version: FindingsReport.toolVersion,
    subcommands: [
      Template.self, Validate.self, Import.self, Sample.self, Metrics.self, Report.self,
      Explain.self, ProfileCommand.self, CacheCommand.self,
    ]
  )
}

/// How a subcommand asks for a particular exit status after it has printed what it had to say.
struct ExitStatus: EscalationError {
  var code: Int32
  /// Findings of error severity (or warnings with `--strict`): the input is not valid.
  static let invalid = ExitStatus(code: 1)
  var exitStatus: Int32 { code }
  var description: String { "exit status \(code)" }
  /// The findings were already printed.
  var standardErrorText: String? { nil }
}

/// A usage or I/O problem found by the command line itself: exit status 2.
enum CLIError: EscalationError {
  case usage(String)
  case io(String)
  var description: String {
    switch self {
    case .usage(let m), .io(let m): return m
    }
  }
  var exitStatus: Int32 { 2 }
  var standardErrorText: String? { "escalation: error: " + description }
}

@main
enum Main {
  static func main() {
    signal(SIGPIPE, SIG_IGN)
    // Ctrl-C, SIGTERM, SIGHUP: remove unfinished output files, say so, exit 128 + signal.
    InterruptCleanup.install()
    if let m = HelpTopic.unknown(in: CommandLine.arguments) {
      Terminal.standardError(m)
      exit(2)
    }
    let code: Int32
    do {
      var command = try Escalation.parseAsRoot()
      try command.run()
      code = 0
    } catch {
      code = report(error)
    }
    exit(code)
  }

  /// Prints `error` and returns the exit status: 0 ok, 1 invalid input, 2 usage or I/O.
  static func report(_ error: Error) -> Int32 {
    // The tool's own errors know their message and exit status (``EscalationError``).
    if let e = error as? any EscalationError {
      if let text = e.standardErrorText { Terminal.standardError(text) }
      return e.exitStatus
    }
    // ArgumentParser's: usage errors, `--help`, `--version`.
    let exit = Escalation.exitCode(for: error)
    let message = Escalation.fullMessage(for: error)
    if exit == .success {
      print(message)
      return 0
    }
    // One prefix for every usage error, whether ArgumentParser or the tool found it.
    if !message.isEmpty { Terminal.standardError(usageMessage(message)) }
    // ArgumentParser uses 64 for usage errors; this tool documents 2.
    return exit == .validationFailure ? 2 : (exit.rawValue == 1 ? 1 : 2)
  }
}

extension Main {
  /// ArgumentParser's `Error: …` first line, written like the tool's own usage errors.
  static func usageMessage(_ message: String) -> String {
    message.hasPrefix("Error: ") ? "escalation: error: " + message.dropFirst(7) : message
  }
}

/// Terminal facts: colour with `--color always`, or (`auto`) on a terminal unless `NO_COLOR`
/// is set to a non-empty value (no-color.org: an empty `NO_COLOR` does not count).
enum Terminal {
  static func useColor(fd: Int32, mode: ColorMode = .auto) -> Bool {
    switch mode {
    case .always: return true
    case .never: return false
    case .auto:
      if let v = getenv("NO_COLOR"), v.pointee != 0 { return false }
      return isatty(fd) == 1
    }
  }

  static func standardError(_ text: String) {
    var t = text
    if !t.hasSuffix("\n") { t += "\n" }
    t.withUTF8 { b in
      var off = 0
      while off < b.count {
        let n = write(2, b.baseAddress! + off, b.count - off)
        if n <= 0 { break }
        off += n
      }
    }
  }
}
