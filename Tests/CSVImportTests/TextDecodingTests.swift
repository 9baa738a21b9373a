import Testing

@testable import CSVImport

@Suite struct UTF8ValidationTests {
  func check(_ bytes: [UInt8]) -> UTF8Validation {
    bytes.withUnsafeBufferPointer { validateUTF8($0) }
  }

  @Test func acceptsWellFormed() {
    let r = check(Array("Résiliation d’abonnements 😀 plain ascii text here".utf8))
    #expect(r.invalidAt == nil)
    #expect(r.validPrefix == Array("Résiliation d’abonnements 😀 plain ascii text here".utf8).count)
  }

  @Test func rejectsOverlongAndSurrogates() {
    #expect(check([0x61, 0xC0, 0x80]).invalidAt == 1)
    #expect(check([0xED, 0xA0, 0x80]).invalidAt == 0)
    #expect(check([0xF4, 0x90, 0x80, 0x80]).invalidAt == 0)
  }

  @Test func cutSequenceAtTheEndIsNotInvalid() {
    let r = check([0x61, 0x62, 0xE2, 0x80])
    #expect(r.invalidAt == nil)
    #expect(r.validPrefix == 2)
  }
}
