import EscalationKit
import Testing

/// The one label table of the metrics outputs and the report workbook.
@Suite struct LabelsTests {
  @Test func countsUseEachLanguagesPluralRule() {
    // English: singular for 1 only. French: singular for 0 and 1 (« 0 erreur »).
    #expect(Labels.count(0, .warning, .en) == "0 warnings")
    #expect(Labels.count(1, .warning, .en) == "1 warning")
    #expect(Labels.count(2, .warning, .en) == "2 warnings")
    #expect(Labels.count(0, .error, .fr) == "0 erreur")
    #expect(Labels.count(1, .warning, .fr) == "1 avertissement")
    #expect(Labels.count(2, .warning, .fr) == "2 avertissements")
    #expect(Labels(.fr).count(3, .note) == "3 remarques")
    #expect(Labels(.en).count(1, .ticket) == "1 ticket")
  }

  @Test func sheetNamesAndSharedLabelsComeFromTheTable() {
    let fr = Labels(.fr)
    #expect(fr.t("Level", "Niveau") == "Niveau")
    #expect(Labels(.en).t("Level", "Niveau") == "Level")
    #expect(fr.level == "Niveau" && fr.levelName(3) == "Niveau 3")
    #expect(fr.severity(.warning) == "avertissement")
    #expect(fr.qualitySheet == fr.dataQuality)
    #expect(Labels(.en).summarySheet == "Summary" && fr.summarySheet == "Synthèse")
  }
}
