/// The labels of the metrics outputs in English and French: the one table the terminal, JSON
/// and CSV renderers (``MetricsRenderer``) and the XLSX report workbook read. A label used in
/// more than one place is a named entry here; a label used once is written where it is used,
/// in both languages, through ``t(_:_:)``, the one way to pick a language.
public struct Labels: Sendable {
  public let language: Language

  public init(_ language: Language) { self.language = language }

  /// `english` or `french`, by the language.
  @inline(__always) public func t(_ english: String, _ french: String) -> String {
    language == .en ? english : french
  }

  // MARK: Plurals

  /// Nouns that are counted in the outputs, with their singular and plural in each language.
  public enum Noun: Sendable, CaseIterable {
    case error, warning, note, ticket, finding

    /// English singular and plural, French singular and plural.
    var forms: (en: String, ens: String, fr: String, frs: String) {
      switch self {
      case .error: return ("error", "errors", "erreur", "erreurs")
      case .warning: return ("warning", "warnings", "avertissement", "avertissements")
      case .note: return ("note", "notes", "remarque", "remarques")
      case .ticket: return ("ticket", "tickets", "ticket", "tickets")
      // "constat": "remarque" is already the French of a note, one of the severities counted.
      case .finding: return ("finding", "findings", "constat", "constats")
      }
    }
  }

  /// `n` and the noun, singular or plural by the language's rule: English uses the singular
  /// for 1 only ("0 errors", "1 error"), French for 0 and 1 ("0 erreur", "1 erreur",
  /// "2 erreurs").
  public static func count(_ n: Int, _ noun: Noun, _ language: Language) -> String {
    let f = noun.forms
    switch language {
    case .en: return "\(n) \(n == 1 ? f.en : f.ens)"
    case .fr: return "\(n) \(n == 0 || n == 1 ? f.fr : f.frs)"
    }
  }

  /// `n` and the noun in this table's language.
  public func count(_ n: Int, _ noun: Noun) -> String { Labels.count(n, noun, language) }

  /// The word for a severity ("warning", "avertissement").
  public func severity(_ s: Severity) -> String {
    switch s {
    case .error: return t("error", "erreur")
    case .warning: return t("warning", "avertissement")
    case .note: return t("note", "remarque")
    }
  }

  // MARK: Shared labels

  /// The report's title.
  public var title: String { t("Escalation report", "Rapport des remontées") }
  public var category: String { t("Category", "Catégorie") }
  public var level: String { t("Level", "Niveau") }
  public var role: String { t("Role", "Rôle") }
  public var ticket: String { "Ticket" }
  public var tickets: String { "Tickets" }
  /// "Opened", as the count of tickets opened.
  public var opened: String { t("Opened", "Ouverts") }
  public var resolved: String { t("Resolved", "Résolus") }
  public var month: String { t("Month", "Mois") }
  public var escalations: String { t("Escalations", "Remontées") }
  public var period: String { t("Period", "Période") }
  public var dataQuality: String { t("Data quality", "Qualité des données") }
  public var yes: String { t("yes", "oui") }
  /// "Level 2".
  public func levelName(_ n: Int) -> String { t("Level \(n)", "Niveau \(n)") }
  /// Tickets opened in P.
  public var ticketsOpened: String { t("Tickets opened", "Tickets ouverts") }

  // MARK: Dates

  /// The month's name in lower case in French, capitalised in English ("octobre", "October").
  public func monthName(_ month: Int) -> String {
    let en = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December",
    ]
    let fr = [
      "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
      "octobre", "novembre", "décembre",
    ]
    guard (1...12).contains(month) else { return String(month) }
    return t(en[month - 1], fr[month - 1])
  }

  /// "October 2026", "octobre 2026".
  public func monthYear(_ m: MonthKey) -> String { "\(monthName(m.month)) \(m.year)" }

  /// "1 November 2026", "1er novembre 2026" (French writes the first of the month "1er").
  public func longDate(_ d: LocalDateTime) -> String {
    let day = language == .fr && d.day == 1 ? "1er" : String(d.day)
    return "\(day) \(monthName(d.month)) \(d.year)"
  }

  /// "1 November 2026, 00:00", "1er novembre 2026 à 00:00".
  public func longDateTime(_ d: LocalDateTime) -> String {
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
    let hm = "\(two(d.hour)):\(two(d.minute))"
    return longDate(d) + t(", ", " à ") + hm
  }

  /// The period's name: "October 2026" for a month, "1 October 2026 – 15 October 2026" for
  /// days (both included), "all" ("tout") for the whole log.
  public func periodName(_ p: ResolvedPeriod) -> String {
    switch p.spec {
    case .all: return t("whole log", "tout le journal")
    case .month(let y, let m): return monthYear(MonthKey(year: y, month: m))
    case .days(let f, let to): return "\(longDate(f)) – \(longDate(to))"
    }
  }

  /// A comparison the log cannot give.
  public var notAvailable: String { t("n/a", "n.d.") }

  // MARK: Owners and aging

  public var owner: String { t("Owner", "Responsable") }
  /// The owner of tickets without one.
  public var noOwner: String { t("(no owner)", "(sans responsable)") }
  public var openAtAsOf: String { t("Open at as-of", "En cours à l'arrêté") }
  public var breachedTickets: String { t("Tickets over SLA", "Tickets hors délai") }
  public var medianAtLevelHours: String { t("Median at level h", "Méd. au niveau h") }
  public var ownersTitle: String {
    t(
      "Owners (owner at as-of; stays ended in the period or open)",
      "Responsables (responsable à l'arrêté ; séjours terminés sur la période ou en cours)")
  }
  public var rolesTitle: String {
    t("Roles of the matrix (current level)", "Rôles de la matrice (niveau actuel)")
  }
  public var agingTitle: String {
    t(
      "Backlog aging (age = as-of − first open, days)",
      "Ancienneté des en-cours (âge = arrêté − ouverture, jours)")
  }
  /// The aging buckets: [0,1), [1,3), [3,7), [7,30), [30,∞) days.
  public var agingBuckets: [String] {
    language == .en
      ? ["< 1 d", "1–3 d", "3–7 d", "7–30 d", "≥ 30 d"]
      : ["< 1 j", "1–3 j", "3–7 j", "7–30 j", "≥ 30 j"]
  }

  // MARK: Sheet names

  public var dashboardSheet: String { t("Dashboard", "Tableau de bord") }
  public var slaSheet: String { t("SLA", "Délais") }
  public var flowSheet: String { t("Escalation flow", "Flux de remontée") }
  public var ownersSheet: String { t("Owners", "Responsables") }
  public var agingSheet: String { t("Aging", "Ancienneté") }

  public var summarySheet: String { t("Summary", "Synthèse") }
  public var ratesSheet: String { t("Escalation rates", "Taux de remontée") }
  public var timeSheet: String { t("Time at level", "Temps par niveau") }
  public var trendSheet: String { t("Trend", "Tendance") }
  public var backlogSheet: String { t("Backlog", "En cours") }
  public var ticketsSheet: String { tickets }
  public var matrixSheet: String { t("Matrix", "Matrice") }
  public var qualitySheet: String { dataQuality }
  public var qualityDetailSheet: String { t("Data quality detail", "Détail qualité des données") }
}
