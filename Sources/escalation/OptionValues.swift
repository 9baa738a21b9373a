import ArgumentParser
import EscalationKit
import Foundation

// The typed option values several subcommands share: each one parses itself, lists its values
// for `--help` and for the completion scripts, and says the same thing in every subcommand.

extension LogLayout: ExpressibleByArgument {}
extension DateOrder: ExpressibleByArgument {}
extension NormalizedEventFormat: ExpressibleByArgument {}
extension MetricsFormat: ExpressibleByArgument {}
extension MetricsTable: ExpressibleByArgument {}
extension SampleOptions.Layout: ExpressibleByArgument {}

/// `--lang en|fr`, any case.
extension Language: ExpressibleByArgument {
  public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `--format` of `validate` and `--findings-format` of `import`: text, json or sarif, any case.
extension FindingsFormat: ExpressibleByArgument {
  public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `--delimiter`: the character itself or its name.
enum Delimiter: String, CaseIterable, ExpressibleByArgument {
  case comma = ","
  case semicolon = ";"
  case tab
  case pipe = "|"

  init?(argument: String) {
    switch argument.lowercased() {
    case ",", "comma": self = .comma
    case ";", "semicolon": self = .semicolon
    case "tab", "\\t", "\t": self = .tab
    case "|", "pipe": self = .pipe
    default: return nil
    }
  }

  var byte: UInt8 {
    switch self {
    case .comma: return 0x2C
    case .semicolon: return 0x3B
    case .tab: return 0x09
    case .pipe: return 0x7C
    }
  }
}

/// `--color auto|always|never`.
enum ColorMode: String, CaseIterable, ExpressibleByArgument {
  case auto
  case always
  case never
}

/// `--tz ZONE`: an IANA zone name. Any text parses, so that ``ZoneOption/validate()`` can say
/// what to write instead of a bare "invalid value"; the completion scripts offer the zone names.
struct Zone: ExpressibleByArgument {
  var identifier: String
  var rules: ZoneRules?

  init(_ identifier: String) {
    self.identifier = identifier
    rules = ZoneRules(identifier: identifier)
  }

  init?(argument: String) { self.init(argument) }

  var defaultValueDescription: String { identifier }

  static var defaultCompletionKind: CompletionKind {
    .list(["UTC"] + TimeZone.knownTimeZoneIdentifiers.sorted().filter { $0 != "UTC" })
  }

  /// The zone rules, or the usage error that names the value and shows good ones.
  func validated() throws -> ZoneRules {
    guard let rules else { throw ValidationError(OptionValues.unknownZone(identifier)) }
    return rules
  }
}

/// Messages shared by the options above.
enum OptionValues {
  /// The message for a `--tz` value that is not an IANA zone name.
  static func unknownZone(_ value: String) -> String {
    "--tz \(value): not a known IANA time zone; write a name such as Europe/Paris, "
      + "America/New_York or UTC"
  }
}
