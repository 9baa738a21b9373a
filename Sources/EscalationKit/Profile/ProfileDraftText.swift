/// The starter profile of a ``ProfileDraft`` as commented TOML: the detected mapping, the
/// headers not placed, and each distinct value of the value columns with its count and the
/// best guess (`# ?` where there is none, on a commented-out line so the file stays valid).
extension ProfileDraft {
  /// The profile text; `categoryLabels` (the matrix in use) are tried for category values.
  public func text(categoryLabels: [CategoryKey: String] = [:]) -> String {
    var out: [String] = [
      "# Profile for \(file), written by `escalation profile` from \(Plural.count(records, "record", "records", .en)).",
      "# Check the guesses, answer the lines marked \"# ?\" (uncomment them), then run:",
      "#   escalation import \(file) --profile THIS_FILE   (or name it escalation.toml)",
      "",
      "# null = [\"?\", \"N/A\", \"NULL\", \"-\"]   # cell values that mean blank",
      "# tz = \"Europe/Paris\"                 # zone of times written without an offset",
      "layout = \"\(layout.rawValue)\"   # \(layoutReason)",
    ]
    if delimiter != 0x2C {
      out.append("delimiter = \"\(delimiter == 0x09 ? "tab" : String(UnicodeScalar(delimiter)))\"")
    }
    out += ["", "[columns]   # field = header in the file; \"\" = the file has no such column"]
    for f in LogField.fields(of: layout) {
      if let c = columns[f] {
        out.append("\(f.rawValue) = \(ProfileDraft.quoted(headers[c]))")
      } else if LogField.required(for: layout).contains(f) {
        out.append("# \(f.rawValue) = \"\"   # ? required: no header recognised; write the header")
      }
    }
    if !unplaced.isEmpty {
      out.append("# Headers not placed (give a field above if one holds it):")
      for (c, h) in unplaced {
        out.append("#   \(Finding.columnLetter(c + 1)) \(ProfileDraft.quoted(h))")
      }
    }
    if let v = values[.level] { out += section("levels", "value = level 1 to 4", v, levelGuess) }
    let resolver = CategoryResolver(labels: categoryLabels)
    if let v = values[.category] {
      out += section("categories", "value = category key (\"*\" = every other value)", v) {
        if case .success(let c) = resolver.resolve($0) { return (c.rawValue, true) }
        return nil
      }
    }
    let eventField: LogField? =
      layout == .events ? (values[.event] != nil ? .event : .status) : .status
    if let f = eventField, let v = values[f] {
      out += section(
        "events", "word = open | escalate | de-escalate | resolve | reopen | update | pause", v,
        eventGuess)
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// One value table: a line per distinct value, a commented one where there is no guess.
  private func section(
    _ name: String, _ help: String, _ values: [(value: String, count: Int)],
    _ guess: (String) -> (String, Bool)?
  ) -> [String] {
    var out = ["", "[\(name)]   # \(help); the count is the rows holding the value"]
    for (v, n) in values.prefix(ProfileDraft.maxListed) {
      let count = "\(n) row\(n == 1 ? "" : "s")"
      if let (g, sure) = guess(v) {
        let rhs = name == "levels" ? g : ProfileDraft.quoted(g)
        out.append("\(ProfileDraft.quoted(v)) = \(rhs)   # \(count)\(sure ? "" : "; a guess")")
      } else {
        out.append(
          "# \(ProfileDraft.quoted(v)) = \(name == "levels" ? "0" : "\"\"")   # ? \(count)")
      }
    }
    if values.count > ProfileDraft.maxListed {
      out.append("# … and \(values.count - ProfileDraft.maxListed) more values not listed")
    }
    return out
  }

  /// The level a value names: the built-in forms, else a priority read as most urgent first
  /// (`1 - Critical` and `P1` = 4, … `4`, `P4` = 1), else a priority word.
  func levelGuess(_ v: String) -> (String, Bool)? {
    if let l = LevelResolver.numericLevel(v) { return (String(l.rawValue), true) }
    let key = LabelNormalizer.key(v)
    let digits = key.drop { $0 == "p" }.prefix { $0.isNumber }
    if LogImportState.looksLikePriority(v), let n = Int(digits) {
      return (String(max(1, min(4, 5 - n))), false)
    }
    let words: [(String, Int)] = [
      ("critical", 4), ("highest", 4), ("urgent", 4), ("blocker", 4), ("high", 3),
      ("major", 3), ("medium", 2), ("moderate", 2), ("normal", 2), ("low", 1), ("lowest", 1),
      ("minor", 1), ("planning", 1), ("trivial", 1),
    ]
    for (w, l) in words where key.split(separator: " ").contains(Substring(w)) {
      return (String(l), false)
    }
    return nil
  }

  /// The event kind of a status word: the built-in words, else common tracker statuses.
  func eventGuess(_ v: String) -> (String, Bool)? {
    if let k = EventWords.kind(v) { return (k.word, true) }
    let key = LabelNormalizer.key(v)
    let pauses = ["hold", "awaiting", "waiting", "pending", "suspended", "paused", "blocked"]
    if pauses.contains(where: { key.contains($0) }) { return ("pause", false) }
    if ["solved", "cancelled", "canceled", "complete"].contains(where: { key.contains($0) }) {
      return ("resolve", false)
    }
    if ["progress", "assigned", "active", "work", "review", "open"].contains(where: {
      key.contains($0)
    }) {
      return ("update", false)
    }
    return nil
  }

  /// A TOML basic string: its escapes (`\"`, `\\`, `\n`, `\t`, `\r`, `\uXXXX` for the other
  /// control characters) are exactly JSON's, so the JSON writer's escaping serves.
  static func quoted(_ s: String) -> String {
    var out = ""
    JSON.escape(s, into: &out)
    return out
  }
}
