import ArgumentParser
import EscalationKit

/// Reading the option values several subcommands share, with one message per kind of mistake,
/// so that `--lang` and `--tz` mean and say the same thing everywhere.
enum OptionValues {
  /// `--lang en|fr` (any case), or a usage error naming the value and the choices.
  static func language(_ value: String) throws -> Language {
    guard let language = Language(rawValue: value.lowercased()) else {
      throw ValidationError("--lang must be en or fr, not '\(value)'")
    }
    return language
  }

  /// The message for a `--tz` value that is not an IANA zone name.
  static func unknownZone(_ value: String) -> String {
    "--tz \(value): not a known IANA time zone; write a name such as Europe/Paris, "
      + "America/New_York or UTC"
  }

  /// `--tz ZONE` as zone rules, or a usage error.
  static func zone(_ value: String) throws -> ZoneRules {
    guard let zone = ZoneRules(identifier: value) else {
      throw CLIError.usage(unknownZone(value))
    }
    return zone
  }
}
