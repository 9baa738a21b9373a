import TOMLKit

extension CalendarTOMLReader {
  /// A list of working intervals (a weekday, or a date of `[calendar.days]`): each one
  /// `HH:MM-HH:MM` with the end after the start, none overlapping another.
  func intervals(_ value: TOMLValueConvertible, key: String, path: [String]) throws(CalendarError)
    -> [WorkingInterval]
  {
    guard let list = value.array else {
      let shown = value.string.map { "\"\($0)\"" } ?? "\"09:00-18:00\""
      throw error(
        .wrongType, key: key, path: path,
        "\(key) must be a list of intervals: \(quotedKey(key, path)) = [\(shown)]; "
          + "an empty list [] is a day without working time")
    }
    var out: [(WorkingInterval, String)] = []
    for item in list {
      guard let text = item.string else {
        throw error(
          .wrongType, key: key, path: path,
          "\(key): intervals are strings \"HH:MM-HH:MM\", e.g. [\"09:00-12:30\", \"13:30-18:00\"]")
      }
      out.append((try interval(text, key: key, path: path), text))
    }
    out.sort { $0.0 < $1.0 }
    for (a, b) in zip(out, out.dropFirst()) where b.0.start < a.0.end {
      let merged = WorkingInterval(start: Int(a.0.start), end: Int(max(a.0.end, b.0.end)))!
      throw error(
        .overlappingIntervals, key: key, path: path, value: "\"\(b.1)\"",
        "\(key): \"\(a.1)\" and \"\(b.1)\" overlap; write each working time once, "
          + "e.g. \"\(merged)\", or make the intervals end before the next one starts")
    }
    return out.map(\.0)
  }

  private func interval(_ text: String, key: String, path: [String]) throws(CalendarError)
    -> WorkingInterval
  {
    let shown = Finding.excerpt(text)
    guard let bounds = WorkingInterval.bounds(text) else {
      throw error(
        .badInterval, key: key, path: path, value: "\"\(text)\"",
        "\(key): \"\(shown)\" is not an interval; write \"HH:MM-HH:MM\" from 00:00 to 24:00, "
          + "e.g. \"09:00-12:30\" (\"00:00-24:00\" for the whole day)")
    }
    let (a, b) = bounds
    if let iv = WorkingInterval(start: a, end: b) { return iv }
    let message: String
    if a == b {
      message = "\(key): \"\(shown)\" is empty (it ends when it starts); remove it"
    } else {
      let late = WorkingInterval.clock(a)
      let early = WorkingInterval.clock(b)
      message =
        "\(key): \"\(shown)\" ends before it starts; an interval cannot cross midnight: "
        + "write \"\(late)-24:00\" on this day and \"00:00-\(early)\" on the next"
    }
    throw error(.badInterval, key: key, path: path, value: "\"\(text)\"", message)
  }

  private func quotedKey(_ key: String, _ path: [String]) -> String {
    path.last == "days" ? "\"\(key)\"" : key
  }
}
