import Foundation
import Testing

@testable import EscalationKit

/// `escalation template`'s CSV: as Excel saves it, and read back as the canonical matrix.
@Suite struct MatrixCSVWriterTests {
  @Test func frenchTemplateIsTheSample() throws {
    // Samples/matrix-fr.csv is the template's output byte for byte.
    let csv = MatrixCSVWriter.csv(.canonical(.fr), language: .fr)
    let sample = try Data(contentsOf: MatrixFixture.samples.appendingPathComponent("matrix-fr.csv"))
    #expect(Data(csv.utf8) == sample)
    // The first line: BOM, corner, the four headers with the seed's no-break space, CRLF.
    let first = csv.split(separator: "\r\n", omittingEmptySubsequences: false)[0]
    #expect(
      first
        == "\u{FEFF}Types de remontée;Remontée de niveau\u{00A0}1;Remontée de niveau\u{00A0}2;Remontée de niveau\u{00A0}3;Remontée de niveau\u{00A0}4"
    )
    #expect(csv.components(separatedBy: "\r\n").count == 11)  // 10 records and the final line end
  }

  @Test func roundTripsInBothLanguagesAndDelimiters() throws {
    for language in Language.allCases {
      for d in [UInt8(ascii: ","), UInt8(ascii: ";")] {
        let csv = MatrixCSVWriter.csv(.canonical(language), language: language, delimiter: d)
        let r = try MatrixLoader.load(path: try MatrixFixture.temporaryFile(csv))
        #expect(r.findings.isEmpty)
        #expect(r.matrix == Matrix.canonical(language))
        #expect(r.dialect?.delimiter == d)
      }
    }
  }

  @Test func quotesOnlyWhatNeedsIt() {
    let semi = UInt8(ascii: ";")
    #expect(MatrixCSVWriter.field("a, b", delimiter: semi) == "a, b")
    #expect(MatrixCSVWriter.field("a; b", delimiter: semi) == "\"a; b\"")
    #expect(MatrixCSVWriter.field("dit \"oui\"", delimiter: semi) == "\"dit \"\"oui\"\"\"")
    #expect(MatrixCSVWriter.field("a\nb", delimiter: semi) == "\"a\nb\"")
    #expect(MatrixCSVWriter.field(" a", delimiter: semi) == "\" a\"")
  }

  @Test func anEditedMatrixRoundTrips() throws {
    var m = Matrix.canonical(.en)
    m.roles[1] = "Delivery lead; interim"
    m.cells[.equipmentPurchase]![2] = "Order \"approved\" items,\nthen track them."
    let csv = MatrixCSVWriter.csv(m, language: .en, delimiter: UInt8(ascii: ";"))
    let r = try MatrixLoader.load(path: try MatrixFixture.temporaryFile(csv))
    #expect(r.matrix == m)
    #expect(r.findings.isEmpty)
  }
}
