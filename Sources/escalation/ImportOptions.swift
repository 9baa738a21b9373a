import ArgumentParser
import EscalationKit
import Foundation
import ProfileTOML

/// The options that say how to read an escalation log; shared by `import`, `metrics` and
/// `report` through `@OptionGroup`.
struct ImportOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The matrix in use (its roles resolve as levels); default: the canonical one.",
      valueName: "file"),
    completion: .file(extensions: ["csv", "xlsx"]))
  var matrix: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The worksheet of an .xlsx log, by name or number (1 = first); default: the first visible one.",
      valueName: "name|n"))
  var sheet: String?

  @Option(
    name: .customLong("matrix-sheet"),
    help: ArgumentHelp(
      "The worksheet of an .xlsx --matrix, by name or number; default: the first visible one.",
      valueName: "name|n"))
  var matrixSheet: String?

  @Option(
    name: .long,
    help:
      "Force the layout: events (one row per event) or tickets (one row per ticket); default: detected from the header."
  )
  var layout: LogLayout?

  @Option(
    name: .customLong("map"),
    help: ArgumentHelp(
      "Name the column of a field the tool does not recognise (repeatable), e.g. --map ticket=\"Réf.\".",
      valueName: "field=Header"))
  var map: [String] = []

  @Option(
    name: .customLong("date-order"),
    help: ArgumentHelp(
      "Read dates like 03/10/2026 day-first (dmy) or month-first (mdy) when the file does not tell.",
      valueName: "order"))
  var dateOrder: DateOrder?

  @Option(
    name: .customLong("tz"),
    help: ArgumentHelp(
      "IANA time zone of times written without an offset, e.g. Europe/Paris (default: UTC).",
      valueName: "zone"))
  var tz: Zone?

  @Option(
    name: .long,
    help: ArgumentHelp("Field delimiter; default: detected from the header.", valueName: "char"))
  var delimiter: Delimiter?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Read columns, values and options from this profile (TOML); default: ./escalation.toml when present.",
      valueName: "file"))
  var profile: String?

  @Flag(name: .customLong("no-profile"), help: "Do not read ./escalation.toml.")
  var noProfile = false

  @Flag(
    name: .customLong("no-cache"),
    help:
      "Read the log afresh: neither use nor fill the event cache (also ESCALATION_NO_CACHE=1).")
  var noCache = false

  func validate() throws {
    _ = try tz?.validated()
    for m in map where headerMapping(m) == nil {
      throw ValidationError(
        "--map \(m): write --map field=Header, e.g. --map ticket=\"Réf. dossier\"")
    }
  }

  private func headerMapping(_ m: String) -> (String, String)? {
    guard let eq = m.firstIndex(of: "="), eq != m.startIndex, m.index(after: eq) != m.endIndex
    else { return nil }
    return (String(m[..<eq]), String(m[m.index(after: eq)...]))
  }

  /// The library options (flags, then the profile, then the defaults); a `--matrix` that is
  /// not a valid matrix exits 1 after its errors.
  func logImportOptions() throws -> LogImportOptions {
    let profile = try loadProfile()
    var o = LogImportOptions()
    o.profile = profile
    o.layout = layout ?? profile?.layout
    o.sheet = sheet
    o.dateOrder = dateOrder ?? profile?.dateOrder
    let flagged = try flagMap()
    for (field, header) in profile?.columns ?? [] where flagged[field.rawValue] == nil {
      if header.isEmpty {
        o.absentFields.insert(field)
      } else {
        o.headerMap[field.rawValue] = header
      }
    }
    for (k, v) in flagged { o.headerMap[k] = v }
    o.zone = try tz?.validated() ?? profile?.zone ?? .utc
    o.delimiter = delimiter?.byte ?? profile?.delimiter
    if !noCache { o.cache = EventCache.fromEnvironment(ProcessInfo.processInfo.environment) }
    if let matrix = matrixPath(profile) { try loadMatrix(matrix, into: &o) }
    if let profile {
      o.values = try ValueMap(profile: profile, categoryLabels: o.categoryLabels)
    }
    return o
  }

  /// `--matrix`, else the profile's matrix.
  func matrixPath(_ profile: Profile?) -> String? { matrix ?? profile?.matrix }

  /// `--map field=Header` entries keyed by the field's name (an unknown name is kept as
  /// written, for the importer's error).
  private func flagMap() throws -> [String: String] {
    var out: [String: String] = [:]
    for (name, header) in map.compactMap(headerMapping) {
      out[LogField(mapName: name)?.rawValue ?? name] = header
    }
    return out
  }

  /// Loads the matrix in use into `o` (its roles and category labels); an invalid matrix
  /// prints its errors and exits 1.
  private func loadMatrix(_ matrix: String, into o: inout LogImportOptions) throws {
    // A file that cannot be read exits 2 (CSVError I/O); one that is not a valid matrix, 1.
    let loaded = try MatrixLoader.load(path: matrix, sheet: matrixSheet)
    guard loaded.isValid, let m = loaded.matrix else {
      let errors = loaded.findings.filter { $0.severity == .error }
      for f in errors { Terminal.standardError(f.description) }
      Terminal.standardError(
        "escalation: error: --matrix \(matrix) is not a valid matrix (\(errors.count) error(s)); "
          + "check it with: escalation validate \(matrix)")
      throw ExitStatus.invalid
    }
    o.matrix = m
    for case (.category(let key), let label) in loaded.document?.rowLabels ?? [:] {
      o.categoryLabels[key] = label.text
    }
  }

  /// The profile in use: `--profile FILE`, else `./escalation.toml` when present (unless
  /// `--no-profile`), else none.
  func loadProfile() throws -> Profile? {
    if let profile {
      if noProfile { throw CLIError.usage("--profile and --no-profile: give one of them") }
      return try ProfileReader.load(path: profile)
    }
    guard !noProfile, FileManager.default.fileExists(atPath: ProfileReader.defaultFileName) else {
      return nil
    }
    return try ProfileReader.load(path: ProfileReader.defaultFileName)
  }

  /// `escalation import LOG` with the options given here, quoted for a POSIX shell, so that
  /// a hint runs as printed.
  func importCommand(_ logs: [String]) -> String {
    var words = ["escalation", "import"] + logs
    if let matrix { words += ["--matrix", matrix] }
    if let layout { words += ["--layout", layout.rawValue] }
    for m in map { words += ["--map", m] }
    if let dateOrder { words += ["--date-order", dateOrder.rawValue] }
    if let tz { words += ["--tz", tz.identifier] }
    if let delimiter { words += ["--delimiter", delimiter.rawValue] }
    if let profile { words += ["--profile", profile] }
    if noProfile { words += ["--no-profile"] }
    // A log read from standard input: the command reads `-` too.
    return words.map(shellQuoted).joined(separator: " ") + (logs.contains("-") ? " < LOG" : "")
  }
}

/// `word` as a POSIX shell reads it back: unchanged when it holds only safe characters, else
/// in single quotes.
func shellQuoted(_ word: String) -> String {
  let safe = word.unicodeScalars.allSatisfy {
    ($0.properties.isAlphabetic || $0.properties.numericType != nil)
      || "-_./=:,+@%".unicodeScalars.contains($0)
  }
  if safe && !word.isEmpty { return word }
  return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
