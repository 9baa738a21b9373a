import Testing

@testable import EscalationKit

/// The French texts of the codes and the French message of a finding in a report.
@Suite struct FindingFrenchTests {
  @Test func everyCodeHasFrenchTextsThatDifferFromTheEnglish() {
    // Every code of the registry has its French texts (the loop below names any that lacks one).
    #expect(DiagnosticCode.all.filter { $0.frenchSummary != nil }.count == DiagnosticCode.all.count)
    for c in DiagnosticCode.all {
      let summary = c.summary(in: .fr)
      let fix = c.fix(in: .fr)
      #expect(c.frenchSummary != nil && c.frenchFix != nil, "\(c.code) has no French text")
      #expect(!summary.isEmpty && !fix.isEmpty, "\(c.code)")
      #expect(summary != c.summary && fix != c.fix, "\(c.code) is not translated")
      #expect(c.summary(in: .en) == c.summary && c.fix(in: .en) == c.fix)
      // French typography: no plain space before : ; ? ! or », none after «, no straight
      // apostrophe.
      for text in [summary, fix] {
        for bad in [" :", " ;", " ?", " !", " »", "« ", "'"] {
          #expect(!text.contains(bad), "\(c.code): \(bad) in \(text)")
        }
      }
    }
  }

  @Test func typesetMakesTheSpacesNonBreaking() {
    #expect(
      DiagnosticCode.typeset("l'en-tête : « Niveau 2 » ; ok ? oui !")
        == "l’en-tête\u{00A0}: «\u{00A0}Niveau 2\u{00A0}»\u{00A0}; ok\u{00A0}? oui\u{00A0}!")
  }

  /// Three findings as the tool writes them (the messages are copied from `escalation validate
  /// Samples/matrix-edited.csv`, from `import` of a log with a 40th of March, and as
  /// Reconstruction.swift words MET005); the French
  /// texts are the registry's (FrenchTexts.swift, FrenchLogTexts.swift), put together by
  /// hand: summary with a capital, « quoted value », full stop, fix.
  @Test func threeFindingsInFrench() {
    let unknownCategory = Finding(
      code: "MTX008", severity: .error, file: "m.csv", line: 9, column: 1,
      message: "unknown category \"Problèmes de performance\"; did you mean "
        + "\"Problèmes de performances\"?")
    #expect(unknownCategory.quotedValue == "Problèmes de performance")
    #expect(
      unknownCategory.localizedMessage(.fr)
        == "Catégorie (intitulé de ligne) inconnue ou vide\u{00A0}: «\u{00A0}Problèmes de "
        + "performance\u{00A0}». Corrigez l’intitulé\u{00A0}; le message propose la catégorie "
        + "la plus proche.")
    #expect(unknownCategory.localizedMessage(.en) == unknownCategory.message)

    let badDate = Finding(
      code: "LOG012", severity: .error, file: "log.csv", line: 3, column: 2,
      message: "date \"2026-03-40 09:00\" is not a real calendar date in either day/month "
        + "order; the record is not used")
    #expect(
      badDate.localizedMessage(.fr)
        == "Date, heure ou décalage illisible\u{00A0}: «\u{00A0}2026-03-40 09:00\u{00A0}». "
        + "Écrivez la date dans l’un des formats que le message énumère.")

    // No quoted value: summary and fix only.
    let categoryChanged = Finding(
      code: "MET005", severity: .warning, file: "log.csv",
      message: "ticket T-7: category changes from operational-challenges to "
        + "performance-issues; the latest one is used")
    #expect(categoryChanged.quotedValue == nil)
    // A reconstruction warning is translated whole (FindingFrenchMessages.swift): the ticket,
    // and each category key named by its French label (the canonical matrix's rows).
    #expect(
      categoryChanged.localizedMessage(.fr)
        == "Ticket T-7\u{00A0}: la catégorie passe de «\u{00A0}Défis opérationnels\u{00A0}» à "
        + "«\u{00A0}Problèmes de performances\u{00A0}»\u{00A0}; la dernière est retenue.")
  }

  /// The messages of `escalation import Samples/escalations-2026-fr.csv --tz Europe/Paris`
  /// (copied from its output), translated whole with their values: the sheet a French
  /// manager reads has no English sentence.
  @Test func sampleFindingsInFrench() {
    let layout = Finding(
      code: "LOG030", severity: .note, file: "s.csv", line: 1,
      message: "read as the events layout (detected from the header): ticket = A \"N° de "
        + "ticket\", time = B \"Horodatage\"")
    #expect(
      layout.localizedMessage(.fr)
        == "Lu avec la disposition «\u{00A0}une ligne par événement\u{00A0}» (détectée d’après "
        + "l’en-tête)\u{00A0}: ticket = A «\u{00A0}N° de ticket\u{00A0}», time = B "
        + "«\u{00A0}Horodatage\u{00A0}».")
    let order = Finding(
      code: "LOG031", severity: .note, file: "s.csv", line: 29,
      message: "dates such as 03/10/2026 are read day-first: \"13/01/2026 08:41\" on this "
        + "line is only valid that way, and no date contradicts it")
    #expect(
      order.localizedMessage(.fr)
        == "Les dates comme 03/10/2026 sont lues jour en premier (jj/mm)\u{00A0}: "
        + "«\u{00A0}13/01/2026 08:41\u{00A0}» sur cette ligne n’est valide que lue ainsi, et "
        + "aucune date ne contredit cet ordre.")
    let skipped = Finding(
      code: "MET002", severity: .warning, file: "s.csv", line: 37,
      message: "ticket ESC-0017: move from level 1 to 3 skips a level; applied as written")
    #expect(
      skipped.localizedMessage(.fr)
        == "Ticket ESC-0017\u{00A0}: passage du niveau 1 au niveau 3, qui saute un "
        + "niveau\u{00A0}; appliqué tel quel.")
    // A message of another shape (a changed wording) falls back to the code's French texts.
    let other = Finding(
      code: "MET002", severity: .warning, file: "s.csv", message: "ticket X: something else")
    #expect(other.localizedMessage(.fr).hasPrefix("Remontée qui saute un niveau"))
    // English stays the message as printed.
    #expect(skipped.localizedMessage(.en) == skipped.message)
  }

  @Test func pluralRules() {
    // English: singular for 1 only; French: for 0 and 1.
    #expect(Plural.count(0, .error, .en) == "0 errors")
    #expect(Plural.count(1, .warning, .en) == "1 warning")
    #expect(Plural.count(2, .warning, .en) == "2 warnings")
    #expect(Plural.count(0, .error, .fr) == "0 erreur")
    #expect(Plural.count(1, .error, .fr) == "1 erreur")
    #expect(Plural.count(2, .error, .fr) == "2 erreurs")
    #expect(Plural.count(1, .note, .fr) == "1 remarque")
    #expect(Plural.count(3, "ticket", "tickets", .fr) == "3 tickets")
  }
}
