/// One public holiday: its date (day number, `CivilDate.days`) and name.
public struct Holiday: Hashable, Sendable, CustomStringConvertible {
  public var day: Int64
  public var name: String

  public init(day: Int64, name: String) {
    self.day = day
    self.name = name
  }

  /// `YYYY-MM-DD name`.
  public var description: String { calendarDateText(day) + " " + name }
}

/// A built-in set of public holidays, named by country code in a calendar file.
public enum HolidaySet: String, CaseIterable, Sendable {
  /// France: the 11 jours fériés of the Code du travail (art. L3133-1), Easter Monday,
  /// Ascension and Whit Monday computed from Easter.
  case fr = "FR"
  /// United States federal holidays (5 U.S.C. 6103) on their observed days: a holiday on a
  /// Saturday is observed on the Friday before, on a Sunday on the Monday after.
  case us = "US"

  /// The set named `code` (`FR`, `us`, …), case-insensitive.
  public init?(code: String) {
    guard let s = HolidaySet(rawValue: code.uppercased()) else { return nil }
    self = s
  }

  /// The holidays that belong to `year` (for the US, an observed day may fall on 31 December
  /// of the year before: New Year's Day on a Saturday), in date order.
  public func holidays(year: Int) -> [Holiday] {
    switch self {
    case .fr: return HolidaySet.france(year)
    case .us: return HolidaySet.unitedStates(year)
    }
  }

  /// Whether the date `day` is one of this set's holidays.
  public func contains(day: Int64) -> Bool {
    let y = CivilDate.civil(days: day).year
    return holidays(year: y).contains { $0.day == day }
      || holidays(year: y + 1).contains { $0.day == day }
  }

  /// Easter Sunday of `year` in the Gregorian calendar (anonymous Gregorian algorithm,
  /// Meeus/Jones/Butcher), as (month, day).
  public static func easter(year: Int) -> (month: Int, day: Int) {
    let a = year % 19
    let b = year / 100
    let c = year % 100
    let d = b / 4
    let e = b % 4
    let f = (b + 8) / 25
    let g = (b - f + 1) / 3
    let h = (19 * a + b - d - g + 15) % 30
    let i = c / 4
    let k = c % 4
    let l = (32 + 2 * e + 2 * i - h - k) % 7
    let m = (a + 11 * h + 22 * l) / 451
    let n = h + l - 7 * m + 114
    return (n / 31, n % 31 + 1)
  }

  static func france(_ y: Int) -> [Holiday] {
    func on(_ m: Int, _ d: Int, _ name: String) -> Holiday {
      Holiday(day: CivilDate.days(year: y, month: m, day: d), name: name)
    }
    let e = easter(year: y)
    let easterDay = CivilDate.days(year: y, month: e.month, day: e.day)
    let list = [
      on(1, 1, "Jour de l'an"),
      Holiday(day: easterDay + 1, name: "Lundi de Pâques"),
      on(5, 1, "Fête du Travail"),
      on(5, 8, "Victoire 1945"),
      Holiday(day: easterDay + 39, name: "Ascension"),
      Holiday(day: easterDay + 50, name: "Lundi de Pentecôte"),
      on(7, 14, "Fête nationale"),
      on(8, 15, "Assomption"),
      on(11, 1, "Toussaint"),
      on(11, 11, "Armistice 1918"),
      on(12, 25, "Noël"),
    ]
    return list.sorted { $0.day < $1.day }
  }

  static func unitedStates(_ y: Int) -> [Holiday] {
    func observed(_ m: Int, _ d: Int, _ name: String) -> Holiday {
      let day = CivilDate.days(year: y, month: m, day: d)
      switch Weekday(day: day) {
      case .sat: return Holiday(day: day - 1, name: name + " (observed)")
      case .sun: return Holiday(day: day + 1, name: name + " (observed)")
      default: return Holiday(day: day, name: name)
      }
    }
    func nth(_ n: Int, _ weekday: Weekday, _ m: Int, _ name: String) -> Holiday {
      let first = CivilDate.days(year: y, month: m, day: 1)
      let shift = (weekday.rawValue - Weekday(day: first).rawValue + 7) % 7
      return Holiday(day: first + Int64(shift + 7 * (n - 1)), name: name)
    }
    func last(_ weekday: Weekday, _ m: Int, _ name: String) -> Holiday {
      let end = CivilDate.days(year: y, month: m, day: CivilDate.daysInMonth(year: y, month: m))
      let back = (Weekday(day: end).rawValue - weekday.rawValue + 7) % 7
      return Holiday(day: end - Int64(back), name: name)
    }
    var list = [
      observed(1, 1, "New Year's Day"),
      nth(3, .mon, 2, "Washington's Birthday"),
      last(.mon, 5, "Memorial Day"),
      observed(7, 4, "Independence Day"),
      nth(1, .mon, 9, "Labor Day"),
      nth(2, .mon, 10, "Columbus Day"),
      observed(11, 11, "Veterans Day"),
      nth(4, .thu, 11, "Thanksgiving Day"),
      observed(12, 25, "Christmas Day"),
    ]
    if y >= 1986 { list.append(nth(3, .mon, 1, "Birthday of Martin Luther King, Jr.")) }
    if y >= 2021 { list.append(observed(6, 19, "Juneteenth National Independence Day")) }
    return list.sorted { $0.day < $1.day }
  }
}
