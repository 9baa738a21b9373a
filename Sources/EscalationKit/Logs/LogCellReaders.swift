import CSVImport
import Foundation

/// The cell readers of a log import: dates, levels, categories and event words. A value cell is
/// resolved once per distinct value (``ValueCache``); later cells cost one interner look-up.
extension LogImportState {
  /// Parses a required date cell; records a problem (rejection) and returns `nil` when it is
  /// blank or unusable.
  mutating func date(_ record: borrowing CSVRecord, _ column: Int, what: String)
    -> RawDateTime?
  {
    switch dateCell(record, column, what: what) {
    case .value(let r): return r
    case .bad: return nil
    case .blank:
      problem(LogCode.missingDate, column, "no \(what); the record is not used")
      return nil
    }
  }

  /// A date cell: blank (or a profile's null), a date, or unusable (with a problem recorded).
  enum DateCell {
    case blank
    case value(RawDateTime)
    case bad
  }

  /// Parses a date cell that may be blank.
  mutating func dateCell(_ record: borrowing CSVRecord, _ column: Int, what: String) -> DateCell {
    let b = field(record, column)
    if b.isEmpty { return .blank }
    switch DateParser.parse(b) {
    case .value(let r):
      evidence.add(r, line: record.line, text: LogImportState.text(b))
      if r.hadFraction && !fractionNoted {
        fractionNoted = true
        note(
          LogCode.fractionTruncated, line: record.line, column: column + 1,
          "\"\(LogImportState.shown(LogImportState.text(b)))\": fractional seconds are truncated to the second (said once)"
        )
      }
      return .value(r)
    case .failure(let p):
      let text = LogImportState.text(b)
      if options.values.hasNulls && options.values.isNull(text) { return .blank }
      let code =
        p == .excelLeapBug || p == .serialOutOfRange ? LogCode.excelSerial : LogCode.unreadableDate
      problem(
        code, column,
        "\(what) \"\(LogImportState.shown(text))\" \(p.reason); the record is not used")
      return .bad
    }
  }

  /// Level cache code of a value that means blank (a profile's `null`).
  static let nullCode: UInt8 = 0xFF

  /// The level of a cell: 1…4, 0 when blank; records a problem and returns `nil` when unknown.
  mutating func level(_ record: borrowing CSVRecord, _ column: Int, reject: Bool = true)
    -> UInt8?
  {
    let b = field(record, column)
    if b.isEmpty { return 0 }
    let (id, isNew) = levelCache.interner.intern(b)
    if isNew { levelCache.values.append(resolveLevel(LogImportState.text(b), record.line, column)) }
    let v = levelCache.values[id]
    if v == LogImportState.nullCode { return 0 }
    if v == 0 {
      if reject {
        problem(
          LogCode.unknownLevel, column,
          unknownLevelMessage(LogImportState.text(b)) + "; the record is not used")
      }
      return nil
    }
    return v
  }

  /// The cache code of a new level value: the profile's `[levels]` first, then the built-in
  /// forms and roles (a role match is noted once).
  private mutating func resolveLevel(_ text: String, _ line: Int, _ column: Int) -> UInt8 {
    if let l = options.values.level(text) { return UInt8(l.rawValue) }
    if options.values.isNull(text) { return LogImportState.nullCode }
    switch levelResolver.resolve(text) {
    case .level(let l): return UInt8(l.rawValue)
    case .role(let l, let label):
      note(
        LogCode.roleAsLevel, line: line, column: column + 1,
        "\"\(LogImportState.shown(text))\" read as level \(l.rawValue) (the role or alias \"\(label)\"); said once per value"
      )
      return UInt8(l.rawValue)
    case .unknown: return 0
    }
  }

  /// Why a level value is unknown, and how to say what it means.
  private func unknownLevelMessage(_ text: String) -> String {
    let shown = LogImportState.shown(text)
    if LogImportState.looksLikePriority(text) {
      return
        "\"\(shown)\" is a priority, not a level: say which level it means in a profile's "
        + "[levels] table, e.g. \"\(shown)\" = 2 (escalation profile LOG writes one to edit)"
    }
    var m =
      "unknown level \"\(shown)\": write 1 to 4, L2, Level 2, Niveau 2, or the role of a level"
    if case .unknown(let s?) = levelResolver.resolve(text) { m += "; did you mean \"\(s)\"?" }
    return m + ", or map it in a profile's [levels] table"
  }

  /// `N - Label` (ServiceNow: `3 - Moderate`) or `PN` (Jira, ITIL: `P2`).
  static func looksLikePriority(_ text: String) -> Bool {
    let t = Array(text.utf8)
    guard let first = t.first else { return false }
    if (first == UInt8(ascii: "P") || first == UInt8(ascii: "p")) && t.count >= 2
      && t.dropFirst().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
    {
      return true
    }
    var i = 0
    while i < t.count && t[i] >= 0x30 && t[i] <= 0x39 { i += 1 }
    guard i > 0 else { return false }
    let rest = String(decoding: t[i...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
    return rest.hasPrefix("-") && rest.count > 1
  }

  /// The category of a cell: index + 1, 0 when blank; `nil` (with a problem) when unknown.
  mutating func category(_ record: borrowing CSVRecord) -> UInt8? {
    let b = field(record, col.category)
    if b.isEmpty { return 0 }
    let (id, isNew) = categoryCache.interner.intern(b)
    if isNew { categoryCache.values.append(resolveCategory(LogImportState.text(b))) }
    let v = categoryCache.values[id]
    if v == LogImportState.nullCode { return 0 }
    if v == 0 {
      let text = LogImportState.text(b)
      var m = "unknown category \"\(LogImportState.shown(text))\""
      if case .failure(let miss) = categoryResolver.resolve(text), let s = miss.suggestion {
        m += "; did you mean \"\(s)\"? A profile's [categories] table can also map it."
      } else {
        m +=
          "; write a category key (e.g. performance-issues) or its English or French label, "
          + "or map it in a profile's [categories] table."
      }
      problem(LogCode.unknownCategory, col.category, m + " The record is not used.")
      return nil
    }
    return v
  }

  /// The cache code of a new category value: the profile's `[categories]`, a null, the
  /// built-in keys and labels, then the profile's `"*"` catch-all.
  private func resolveCategory(_ text: String) -> UInt8 {
    if let c = options.values.category(text) { return UInt8(c.index + 1) }
    if options.values.isNull(text) { return LogImportState.nullCode }
    if case .success(let c) = categoryResolver.resolve(text) { return UInt8(c.index + 1) }
    if let c = options.values.categoryDefault { return UInt8(c.index + 1) }
    return 0
  }

  /// The event kind of the event/status cell (raw value of ``EventKind``).
  mutating func eventKind(_ record: borrowing CSVRecord) -> EventKind {
    guard col.event >= 0 else { return .update }
    let b = field(record, col.event)
    if !b.isEmpty {
      let (id, isNew) = eventCache.interner.intern(b)
      if isNew { eventCache.values.append(resolveEvent(LogImportState.text(b), record.line)) }
      let v = eventCache.values[id]
      if v != LogImportState.nullCode { return EventKind(rawValue: v) ?? .update }
    }
    if !blankEventNoted {
      blankEventNoted = true
      note(
        LogCode.blankEvent, line: record.line, column: col.event + 1,
        "blank event cells are read as updates (the ticket moves when the level differs); said once"
      )
    }
    return .update
  }

  /// The cache code of a new event word: the profile's `[events]`, a null, then the built-in
  /// words; any other word is an update, noted once.
  private mutating func resolveEvent(_ text: String, _ line: Int) -> UInt8 {
    if let k = options.values.event(text) { return k.rawValue }
    if options.values.isNull(text) { return LogImportState.nullCode }
    if let k = EventWords.kind(text) { return k.rawValue }
    note(
      LogCode.updateWord, line: line, column: col.event + 1,
      "\"\(LogImportState.shown(text))\" is not an event word; read as an update (the ticket moves when the level differs); said once per word"
    )
    return LogImportState.updateCode
  }
}
