import Diagnostics

extension Finding {
  /// The finding's text for a report in `language`.
  ///
  /// English: ``message`` as the command line prints it. French: the messages are English
  /// sentences built where each finding is found, so the French text is made of the code's
  /// French summary, the value the message quotes (its first `"…"`, see ``quotedValue``) in
  /// guillemets, and the code's French fix: `Catégorie inconnue : « Dommage client ». Corrigez
  /// la catégorie (…).` The messages whose English shape is known (FindingFrenchMessages.swift:
  /// LOG030, LOG031, LOG039, MET001–MET012) are translated whole, with their values:
  /// `Ticket ESC-0017 : passage du niveau 1 au niveau 3, qui saute un niveau ; appliqué tel
  /// quel.` The code, file, line and column go in their own columns of the report.
  public func localizedMessage(_ language: Language) -> String {
    guard language == .fr else { return message }
    if let m = frenchMessage { return m.prefix(1).uppercased() + m.dropFirst() + "." }
    let entry = DiagnosticCode.known(code)
    let summary = entry.summary(in: .fr)
    var s = summary.prefix(1).uppercased() + summary.dropFirst()
    if let value = quotedValue { s += "\u{00A0}: «\u{00A0}\(value)\u{00A0}»" }
    return s + ". " + entry.fix(in: .fr)
  }

  /// The first text the message quotes between straight double quotes (the cell, label, date
  /// or header the finding is about), or `nil` when it quotes none.
  public var quotedValue: String? {
    guard let open = message.firstIndex(of: "\"") else { return nil }
    let rest = message[message.index(after: open)...]
    guard let close = rest.firstIndex(of: "\"") else { return nil }
    let value = rest[..<close]
    return value.isEmpty ? nil : String(value)
  }
}
