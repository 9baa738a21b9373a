import EscalationKit
import Foundation
import TOMLKit

/// Reads a profile (TOML, parsed by TOMLKit) into a typed ``Profile``.
///
/// Top-level keys come first (`null`, `tz`, `date_order`, `lang`, `matrix`, `sla`, `layout`,
/// `delimiter`), then the tables `[columns]`, `[levels]`, `[categories]`, `[events]` and
/// `[calendar]`. Each key
/// and each table has an entry in a registry, so that a later table (`[calendar]`,
/// `[targets]`, …) is one more entry; anything not in the registry is an error with the
/// profile line and the closest known name.
public enum ProfileReader {
  /// The profile read when present and no `--profile` is given.
  public static let defaultFileName = "escalation.toml"

  /// Reads the profile at `path`.
  public static func load(path: String) throws(ProfileError) -> Profile {
    guard let data = FileManager.default.contents(atPath: path) else {
      var isDir: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
      throw ProfileError(
        code: ProfileCode.cannotRead, path: path, line: nil,
        message: exists
          ? (isDir.boolValue ? "is a directory, not a profile" : "cannot be read (permission?)")
          : "no such file; write one with: escalation profile LOG -o \(path)")
    }
    return try parse(bytes: [UInt8](data), path: path)
  }

  /// Reads a profile held in memory (`path` names it in errors and in JSON output).
  public static func parse(bytes: [UInt8], path: String) throws(ProfileError) -> Profile {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ProfileError(
        code: ProfileCode.syntax, path: path, line: nil,
        message: "is not UTF-8 text; save it as UTF-8")
    }
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let e as TOMLParseError {
      throw ProfileError(
        code: ProfileCode.syntax, path: path, line: e.source.begin.line,
        column: e.source.begin.column, message: "not valid TOML: \(e.description)")
    } catch {
      throw ProfileError(code: ProfileCode.syntax, path: path, line: nil, message: "not valid TOML")
    }
    var context = ProfileContext(
      profile: Profile(path: path, hash: Profile.fnv1a64(bytes)), keyLines: KeyLines(text: text),
      text: text)
    context.profile.lines = context.keyLines.lines
    // Keys in file order (TOMLKit's order is not the file's): errors name the first mistake.
    let keys = table.keys.sorted { (context.line($0) ?? Int.max) < (context.line($1) ?? Int.max) }
    for key in keys {
      guard let value = table[key] else { continue }
      if let read = ProfileSchema.topLevel[key] {
        try read(value, key, &context)
      } else if let read = ProfileSchema.tables[key] {
        guard let t = value.table else {
          throw context.error(
            ProfileCode.wrongType, key,
            "\(key) is a table: write it as [\(key)] with its entries below")
        }
        try read(t, &context)
      } else {
        let known = ProfileSchema.topLevel.keys.sorted() + ProfileSchema.tables.keys.sorted()
        let what = value.table != nil ? "table [\(key)]" : "key \"\(key)\""
        throw context.error(
          ProfileCode.unknownKey, value.table != nil ? "[\(key)]" : key,
          "unknown \(what)" + ProfileSchema.suggestion(key, in: known)
            + "; the profile knows \(known.joined(separator: ", "))")
      }
    }
    return context.profile
  }
}

/// What a reader of one key or table works on.
public struct ProfileContext {
  public var profile: Profile
  let keyLines: KeyLines
  /// The profile's text (for the lines of a `[calendar]` table's keys).
  var text: String? = nil

  /// The profile line of a key path (`tz`, `columns.ticket`), else of its table.
  public func line(_ path: String) -> Int? {
    if let l = keyLines[path] ?? keyLines["[\(path)]"] { return l }
    if let dot = path.firstIndex(of: ".") { return keyLines["[\(path[..<dot])]"] }
    return nil
  }

  public func error(_ code: String, _ path: String, _ message: String) -> ProfileError {
    ProfileError(code: code, path: profile.path, line: line(path), message: message)
  }

  /// The string value of `key`, or a wrong-type error.
  func string(_ value: TOMLValueConvertible, _ path: String) throws(ProfileError) -> String {
    guard let s = value.string else {
      throw error(
        ProfileCode.wrongType, path, "\(path) must be text in quotes, e.g. \(path) = \"…\"")
    }
    return s
  }
}
