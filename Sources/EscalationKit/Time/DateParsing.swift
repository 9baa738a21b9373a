/// Date and time parsing over bytes for escalation logs (docs/logs.md#dates).
///
/// A cell is parsed once into a compact ``RawDateTime`` that keeps the two ambiguous fields of a
/// `03/10/2026` date unresolved. The day-first / month-first decision is taken afterwards, over
/// every date of the file (``DateOrderEvidence``), and ``UTCConverter`` then turns the values
/// into instants with the time-zone rules. No `DateFormatter`, no `String` per cell.

/// The order of the two first fields of a slashed date.
public enum DateOrder: String, Sendable, CaseIterable {
  /// Day first: `03/10/2026` is 3 October.
  case dmy
  /// Month first: `10/03/2026` is 3 October (US).
  case mdy

  /// "day-first" or "month-first".
  public var phrase: String { self == .dmy ? "day-first" : "month-first" }
}

/// One date cell as read, before the day/month order and the time zone are applied (12 bytes).
public struct RawDateTime: Sendable, Equatable {
  /// Full year (two-digit years already expanded).
  public var year: Int16
  /// Month for unambiguous forms; the first field of a slashed date.
  public var fieldA: UInt8
  /// Day for unambiguous forms; the second field of a slashed date.
  public var fieldB: UInt8
  public var hour: UInt8
  public var minute: UInt8
  public var second: UInt8
  public var flags: UInt8
  /// Offset from UTC in minutes when ``hasOffset``.
  public var offsetMinutes: Int16

  static let offsetFlag: UInt8 = 1
  static let slashedFlag: UInt8 = 2
  static let fractionFlag: UInt8 = 4
  static let serialFlag: UInt8 = 8
  static let dmyValidFlag: UInt8 = 16
  static let mdyValidFlag: UInt8 = 32
  static let separatorDot: UInt8 = 64

  /// The value carries its own UTC offset (`Z`, `+02:00`); `--tz` does not apply.
  public var hasOffset: Bool { flags & RawDateTime.offsetFlag != 0 }
  /// A `a/b/y` date whose order is decided for the whole file.
  public var isSlashed: Bool { flags & RawDateTime.slashedFlag != 0 }
  /// Fractional seconds were present and truncated.
  public var hadFraction: Bool { flags & RawDateTime.fractionFlag != 0 }
  /// The value was an Excel serial day number.
  public var isSerial: Bool { flags & RawDateTime.serialFlag != 0 }
  /// For a slashed date: it is a real date when read day-first.
  public var validDayFirst: Bool { flags & RawDateTime.dmyValidFlag != 0 }
  /// For a slashed date: it is a real date when read month-first.
  public var validMonthFirst: Bool { flags & RawDateTime.mdyValidFlag != 0 }

  /// The value in 60 bits, so that it can wait inside an `Int64` field until the order of the
  /// file is known: year 14 bits, fields 5+5, time 5+6+6, flags 7, offset + 1440 in 12.
  public var packed: Int64 {
    var v = Int64(year) & 0x3FFF
    v |= Int64(fieldA & 0x1F) << 14
    v |= Int64(fieldB & 0x1F) << 19
    v |= Int64(hour & 0x1F) << 24
    v |= Int64(minute & 0x3F) << 29
    v |= Int64(second & 0x3F) << 35
    v |= Int64(flags & 0x7F) << 41
    v |= Int64(Int(offsetMinutes) + 1440) << 48
    return v
  }

  /// The value of ``packed``.
  public init(packed v: Int64) {
    year = Int16(v & 0x3FFF)
    fieldA = UInt8(v >> 14 & 0x1F)
    fieldB = UInt8(v >> 19 & 0x1F)
    hour = UInt8(v >> 24 & 0x1F)
    minute = UInt8(v >> 29 & 0x3F)
    second = UInt8(v >> 35 & 0x3F)
    flags = UInt8(v >> 41 & 0x7F)
    offsetMinutes = Int16(Int(v >> 48 & 0xFFF) - 1440)
  }

  public init(
    year: Int16, fieldA: UInt8, fieldB: UInt8, hour: UInt8, minute: UInt8, second: UInt8,
    flags: UInt8,
    offsetMinutes: Int16
  ) {
    self.year = year
    self.fieldA = fieldA
    self.fieldB = fieldB
    self.hour = hour
    self.minute = minute
    self.second = second
    self.flags = flags
    self.offsetMinutes = offsetMinutes
  }

  /// The wall-clock reading in `order` (ignored for unambiguous forms); `nil` when the fields
  /// make no real date in that order.
  public func local(order: DateOrder?) -> LocalDateTime? {
    var month = Int(fieldA)
    var day = Int(fieldB)
    if isSlashed {
      guard let order else { return nil }
      if order == .dmy {
        guard validDayFirst else { return nil }
        swap(&month, &day)
      } else {
        guard validMonthFirst else { return nil }
      }
    }
    return LocalDateTime(
      year: Int(year), month: month, day: day, hour: Int(hour), minute: Int(minute),
      second: Int(second))
  }

  /// Seconds-as-if-UTC of the wall-clock reading in `order`.
  public func localSeconds(order: DateOrder?) -> Int64? {
    guard let l = local(order: order) else { return nil }
    return l.secondsAsIfUTC
  }

  /// The date part as written, for messages: `13/05/2026` (slashed dates only keep numbers).
  public var writtenDate: String {
    func p2(_ v: UInt8) -> String { v < 10 ? "0\(v)" : "\(v)" }
    if isSlashed {
      let sep = flags & RawDateTime.separatorDot != 0 ? "." : "/"
      return "\(p2(fieldA))\(sep)\(p2(fieldB))\(sep)\(year)"
    }
    return "\(year)-\(p2(fieldA))-\(p2(fieldB))"
  }
}

/// Why a date cell could not be read.
public enum DateProblem: UInt8, Sendable, Equatable {
  /// Not one of the accepted forms.
  case unrecognised
  /// The form is right but the fields make no real date (month 13, 31 April, 30/02).
  case notADate
  /// Hour, minute or second out of range (25:00, 14:61, 13 PM).
  case badTime
  /// An offset such as `+25:00`.
  case badOffset
  /// Excel serial 60, the 29 February 1900 that never existed.
  case excelLeapBug
  /// An Excel serial below 1 or past year 9999.
  case serialOutOfRange

  /// What is wrong, for a message that quotes the cell.
  public var reason: String {
    switch self {
    case .unrecognised:
      return
        "is not a date this tool reads (ISO 2026-10-03 14:05, 03/10/2026 14:05, 03.10.2026, "
        + "10/03/26 2:05 PM, or an Excel serial such as 46298.58)"
    case .notADate: return "is not a real calendar date in either day/month order"
    case .badTime: return "has a time of day out of range"
    case .badOffset: return "has a UTC offset out of range (at most ±23:59)"
    case .excelLeapBug:
      return
        "is Excel serial 60, the 29 February 1900 that only exists in Excel's calendar; correct the date"
    case .serialOutOfRange:
      return "is an Excel serial number outside 1…2958465 (1899-12-31…9999-12-31)"
    }
  }
}

/// The outcome of parsing a cell.
public enum DateParseResult: Sendable, Equatable {
  case value(RawDateTime)
  case failure(DateProblem)
}
