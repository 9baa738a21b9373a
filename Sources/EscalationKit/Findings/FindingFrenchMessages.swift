import Diagnostics

// French messages for the findings a report most often shows (the notes on how a log was read,
// the local-time note and the reconstruction warnings MET001–MET012): their English messages
// have a fixed shape, so the values they carry (ticket, levels, event word, headers) are taken
// back out of the English text and put in a French sentence. Other codes get the generic
// French text of ``Finding/localizedMessage(_:)`` (summary, quoted value, fix).

extension Finding {
  /// The message in French when its English shape is one of those below, else `nil`.
  var frenchMessage: String? {
    switch code {
    case "LOG030": return Finding.frenchLayoutRead(message)
    case "LOG031": return Finding.frenchDateOrder(message)
    case "LOG039":
      return message.hasPrefix("times such as 03/10/2026 14:05 carry no UTC offset")
        ? DiagnosticCode.typeset(
          "les heures comme 03/10/2026 14:05 n'indiquent pas de décalage UTC et ont été lues en "
            + "UTC faute de --tz ; si ce sont des heures locales, donnez leur fuseau, par exemple "
            + "--tz Europe/Paris") : nil
    default:
      guard code.hasPrefix("MET"), message.hasPrefix("ticket "),
        let colon = message.range(of: ": ")
      else { return nil }
      let ticket = message[message.index(message.startIndex, offsetBy: 7)..<colon.lowerBound]
      guard let rest = Finding.frenchMetrics(code, message[colon.upperBound...]) else {
        return nil
      }
      return "ticket \(ticket)\u{00A0}: " + rest
    }
  }

  /// "read as the events layout (detected from the header): ticket = A "N° de ticket", …".
  static func frenchLayoutRead(_ m: String) -> String? {
    guard let v = captures(m[...], ["read as the ", " layout (", "): ", ""]) else { return nil }
    let layout = v[0] == "events" ? "une ligne par événement" : "une ligne par ticket"
    let source: String
    switch v[1] {
    case "detected from the header": source = "détectée d’après l’en-tête"
    case "the profile": source = "donnée par le profil"
    default: source = "donnée par \(v[1])"
    }
    return "lu avec la disposition «\u{00A0}\(layout)\u{00A0}» (\(source))\u{00A0}: "
      + guillemets(v[2])
  }

  /// "dates such as 03/10/2026 are read day-first: "13/01/2026 08:41" on this line is only
  /// valid that way, …" and "… are read day-first (--date-order dmy)".
  static func frenchDateOrder(_ m: String) -> String? {
    func order(_ phrase: Substring) -> String? {
      switch phrase {
      case "day-first": return "jour en premier (jj/mm)"
      case "month-first": return "mois en premier (mm/jj)"
      default: return nil
      }
    }
    let start = "dates such as 03/10/2026 are read "
    if let v = captures(
      m[...],
      [start, ": \"", "\" on this line is only valid that way, and no date contradicts it"]),
      let o = order(v[0])
    {
      return "les dates comme 03/10/2026 sont lues \(o)\u{00A0}: «\u{00A0}\(v[1])\u{00A0}» sur "
        + "cette ligne n’est valide que lue ainsi, et aucune date ne contredit cet ordre"
    }
    if let v = captures(m[...], [start, " (", ")"]), let o = order(v[0]) {
      return "les dates comme 03/10/2026 sont lues \(o) (\(v[1]))"
    }
    return nil
  }

  /// The French text of a reconstruction warning's message after "ticket X: " (the English
  /// texts are those of MetricsWarning.finding).
  static func frenchMetrics(_ code: String, _ m: Substring) -> String? {
    // (English pieces around the values, French text with {0}, {1}, … for the values.)
    let shapes: [(String, [String], String)] = [
      (
        "MET001", ["de-escalation from level ", " to ", " goes up; applied as written"],
        "baisse de niveau du niveau {0} au niveau {1}, qui monte ; appliquée telle quelle"
      ),
      (
        "MET001", ["escalation from level ", " to ", " does not go up; applied as written"],
        "remontée du niveau {0} au niveau {1}, qui ne monte pas ; appliquée telle quelle"
      ),
      (
        "MET002", ["move from level ", " to ", " skips a level; applied as written"],
        "passage du niveau {0} au niveau {1}, qui saute un niveau ; appliqué tel quel"
      ),
      (
        "MET003", ["", " on a resolved ticket; read as a reopen at level ", ""],
        "{0} sur un ticket résolu ; lu comme une réouverture au niveau {1}"
      ),
      (
        "MET004",
        [
          "first event is ", ", not an open, and gives no level; the ticket starts here at level ",
          "",
        ],
        "le premier événement est {0}, pas une ouverture, et ne donne pas de niveau ; le ticket "
          + "commence ici au niveau {1}"
      ),
      (
        "MET004", ["first event is ", ", not an open; the ticket starts here at level ", ""],
        "le premier événement est {0}, pas une ouverture ; le ticket commence ici au niveau {1}"
      ),
      (
        "MET005", ["category changes from ", " to ", "; the latest one is used"],
        "la catégorie passe de {0} à {1} ; la dernière est retenue"
      ),
      (
        "MET006", ["exact duplicate of an earlier ", " event at the same time; counted once"],
        "doublon exact d'un événement {0} antérieur à la même heure ; compté une fois"
      ),
      (
        "MET007", ["", " on a ticket already open at level ", "; changes nothing"],
        "{0} sur un ticket déjà ouvert au niveau {1} ; sans effet"
      ),
      (
        "MET007", ["", " on a ticket open at level ", " names level ", "; read as a move"],
        "{0} sur un ticket ouvert au niveau {1} nomme le niveau {2} ; lu comme un changement de "
          + "niveau"
      ),
      (
        "MET008",
        ["resolve on a ticket already resolved; ignored, the first resolution stands"],
        "résolution d'un ticket déjà résolu ; ignorée, la première résolution est retenue"
      ),
      (
        "MET009", ["", " to level ", ", where the ticket already is; changes nothing"],
        "{0} vers le niveau {1}, où le ticket se trouve déjà ; sans effet"
      ),
      (
        "MET010", ["", " without a level at level ", " would leave levels 1-4; ignored"],
        "{0} sans niveau au niveau {1} sortirait des niveaux 1 à 4 ; ignoré"
      ),
      (
        "MET011", ["no category given; counted as uncategorized"],
        "aucune catégorie ; compté sans catégorie"
      ),
      (
        "MET012", ["open on a resolved ticket; read as a reopen"],
        "ouverture d'un ticket résolu ; lue comme une réouverture"
      ),
    ]
    for (c, english, french) in shapes where c == code {
      guard let v = captures(m, english) else { continue }
      // The template is typeset (non-breaking spaces, ’), the values are kept as written.
      var out = DiagnosticCode.typeset(french)
      for (i, value) in v.enumerated() {
        // A category key (MET005) is named by its French label.
        let text = CategoryKey(rawValue: String(value)).map { "«\u{00A0}\($0.label(.fr))\u{00A0}»" }
        out = out.replacingOccurrences(of: "{\(i)}", with: text ?? String(value))
      }
      return out
    }
    return nil
  }

  /// The texts between `pieces` when `text` is `pieces[0]`, a value, `pieces[1]`, … with the
  /// last piece ending the text (an empty last piece: the last value runs to the end); `nil`
  /// when `text` has another shape.
  static func captures(_ text: Substring, _ pieces: [String]) -> [Substring]? {
    guard let first = pieces.first, text.hasPrefix(first) else { return nil }
    var rest = text.dropFirst(first.count)
    if pieces.count == 1 { return rest.isEmpty ? [] : nil }
    var values: [Substring] = []
    for (i, piece) in pieces.enumerated().dropFirst() {
      if i == pieces.count - 1 {
        guard rest.hasSuffix(piece) else { return nil }
        values.append(rest.dropLast(piece.count))
      } else {
        guard !piece.isEmpty, let r = rest.range(of: piece) else { return nil }
        values.append(rest[..<r.lowerBound])
        rest = rest[r.upperBound...]
      }
    }
    return values
  }

  /// `text` with each pair of straight double quotes turned into « » (non-breaking spaces
  /// inside).
  static func guillemets(_ text: Substring) -> String {
    var out = ""
    var open = false
    for ch in text {
      if ch == "\"" {
        out += open ? "\u{00A0}»" : "«\u{00A0}"
        open.toggle()
      } else {
        out.append(ch)
      }
    }
    return out
  }
}
