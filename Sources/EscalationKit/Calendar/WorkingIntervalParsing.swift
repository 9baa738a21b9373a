// Reading `HH:MM-HH:MM` working intervals (docs/calendar.md); no TOML here, so that the
// fuzz targets build EscalationKit without TOMLKit (Scripts/fuzz.sh).

extension WorkingInterval {
  /// Parses `HH:MM-HH:MM` (spaces allowed around the dash, `24:00` as an end only).
  /// `nil` when the text is not of that form or the end is not after the start.
  public init?(parsing text: String) {
    guard let bounds = WorkingInterval.bounds(text),
      let iv = WorkingInterval(start: bounds.0, end: bounds.1)
    else { return nil }
    self = iv
  }

  /// The two bounds in seconds, whatever their order; `nil` when not `HH:MM-HH:MM`.
  static func bounds(_ text: String) -> (Int, Int)? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, let a = clockTime(parts[0]), let b = clockTime(parts[1]),
      a < 86_400
    else { return nil }
    return (a, b)
  }

  /// `HH:MM` (one or two hour digits), 00:00 to 24:00.
  static func clockTime(_ s: Substring) -> Int? {
    let t = Array(s.utf8.drop { $0 == 32 }.reversed().drop { $0 == 32 }.reversed())
    guard t.count == 4 || t.count == 5, t[t.count - 3] == UInt8(ascii: ":") else { return nil }
    var h = 0
    for c in t[0..<(t.count - 3)] {
      guard c >= 48 && c <= 57 else { return nil }
      h = h * 10 + Int(c - 48)
    }
    let m1 = t[t.count - 2]
    let m2 = t[t.count - 1]
    guard m1 >= 48 && m1 <= 53, m2 >= 48 && m2 <= 57 else { return nil }
    let m = Int(m1 - 48) * 10 + Int(m2 - 48)
    guard h < 24 || (h == 24 && m == 0) else { return nil }
    return h * 3600 + m * 60
  }
}
