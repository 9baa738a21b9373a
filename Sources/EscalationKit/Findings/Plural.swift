import Diagnostics

/// Count and noun with the language's plural rule: English uses the singular for 1 only
/// ("0 errors", "1 error", "2 errors"), French for 0 and 1 ("0 erreur", "1 erreur",
/// "2 erreurs").
public enum Plural {
  /// Whether `n` takes the singular in `language`.
  public static func isSingular(_ n: Int, _ language: Language) -> Bool {
    switch language {
    case .en: return n == 1
    case .fr: return n == 0 || n == 1
    }
  }

  /// `n`, a space and `singular` or `plural` by the rule of `language`: `count(2, "erreur",
  /// "erreurs", .fr)` is "2 erreurs". Thousands are not grouped here; the caller formats `n`
  /// when it must be.
  public static func count(
    _ n: Int, _ singular: String, _ plural: String, _ language: Language
  ) -> String {
    "\(n) \(isSingular(n, language) ? singular : plural)"
  }

  /// The word for findings of `severity` counted `n` times ("1 warning", "0 avertissement").
  public static func count(_ n: Int, _ severity: Severity, _ language: Language) -> String {
    switch (severity, language) {
    case (.error, .en): return count(n, "error", "errors", language)
    case (.warning, .en): return count(n, "warning", "warnings", language)
    case (.note, .en): return count(n, "note", "notes", language)
    case (.error, .fr): return count(n, "erreur", "erreurs", language)
    case (.warning, .fr): return count(n, "avertissement", "avertissements", language)
    case (.note, .fr): return count(n, "remarque", "remarques", language)
    }
  }
}

extension DiagnosticCode {
  /// The one-line summary in `language` (the French text when one exists, which
  /// `DiagnosticCodeFrenchTests` requires of every code).
  public func summary(in language: Language) -> String {
    language == .fr ? (frenchSummary ?? summary) : summary
  }

  /// What to do, in `language`.
  public func fix(in language: Language) -> String {
    language == .fr ? (frenchFix ?? fix) : fix
  }
}
