import Foundation

/// The words a sample is written with, per language: headers, event words and their synonyms,
/// level spellings, owners, notes, and the mistakes of messy exports. Every word here is one the
/// importer accepts (docs/logs.md), except ``misspelledCategories`` and ``unreadableDates``, which
/// are meant to be rejected.
enum SampleVocabulary {
  /// Events-layout header: ticket, time, event, level, category, owner, note.
  static func eventsHeader(_ lang: Language, messy: Bool) -> [String] {
    switch (lang, messy) {
    case (.en, false):
      return ["Ticket", "Timestamp", "Event", "Level", "Category", "Owner", "Note"]
    case (.en, true):
      return [
        "Issue ID", "Date/Time", "Status", "Escalation level", "Issue type", "Assigned to",
        "Comment",
      ]
    case (.fr, false):
      return [
        "N° de ticket", "Horodatage", "Événement", "Niveau", "Catégorie", "Responsable",
        "Commentaire",
      ]
    case (.fr, true):
      return [
        "Identifiant", "Date de l'événement", "Statut", "Niveau de remontée", "Type de problème",
        "Assigné à",
        "Note",
      ]
    }
  }

  /// Tickets-layout header.
  static func ticketsHeader(_ lang: Language) -> [String] {
    switch lang {
    case .en:
      return [
        "Ticket ID", "Category", "Date raised", "Escalated to L2", "Escalated to L3",
        "Escalated to L4",
        "Date resolved", "Current level", "Status", "Owner", "Note",
      ]
    case .fr:
      return [
        "N° de ticket", "Catégorie", "Date d'ouverture", "Remonté au niveau 2",
        "Remonté au niveau 3",
        "Remonté au niveau 4", "Date de résolution", "Niveau actuel", "Statut", "Responsable",
        "Commentaire",
      ]
    }
  }

  /// Tickets-layout status: open, resolved, reopened (and still open).
  static func ticketStatus(_ lang: Language) -> [String] {
    lang == .en ? ["Open", "Resolved", "Reopened"] : ["Ouvert", "Résolu", "Rouvert"]
  }

  /// The clean event word per kind (index = `EventKind.rawValue`, update unused; pause only
  /// with `--process service-desk`).
  static func eventWord(_ lang: Language) -> [String] {
    lang == .en
      ? ["opened", "escalated", "de-escalated", "resolved", "reopened", "updated", "On hold"]
      : ["ouvert", "remonté", "rétrogradé", "résolu", "rouvert", "mis à jour", "En attente client"]
  }

  /// Synonyms a messy export uses, per kind (all listed in docs/logs.md).
  static func eventSynonyms(_ lang: Language) -> [[String]] {
    switch lang {
    case .en:
      return [
        ["Opened", "Created", "New", "raised", "OPENED"],
        ["Escalated", "ESCALATED", "escalated "],
        ["De-escalated", "Downgraded", "downgraded"],
        ["Resolved", "Closed", "Done", "Fixed", "closed"],
        ["Reopened", "REOPENED"],
        ["Updated"],
        ["Waiting for customer", "Awaiting customer", "on hold"],
      ]
    case .fr:
      return [
        ["Ouvert", "Créé", "Nouveau", "cree", "OUVERT"],
        ["Remonté", "Escaladé", "escalade", "remonte"],
        ["Rétrogradé", "retrograde"],
        ["Résolu", "Clos", "Fermé", "Terminé", "resolu"],
        ["Rouvert", "ROUVERT"],
        ["Mis à jour"],
        ["En attente du client", "en attente client", "En pause"],
      ]
    }
  }

  /// Other ways of writing level `l` (1-based) that the importer accepts.
  static func levelVariants(_ l: Int, _ lang: Language) -> [String] {
    lang == .en
      ? ["L\(l)", "Level \(l)", "level \(l)", "Level \(l) escalation"]
      : ["N\(l)", "Niveau \(l)", "niveau \(l)", "Remontée de niveau\u{00A0}\(l)"]
  }

  /// The canonical role of level `l` (1-based): messy exports name the role, not the level.
  static func role(_ l: Int, _ lang: Language) -> String {
    CanonicalMatrix.roles[l - 1][lang == .en ? 0 : 1]
  }

  /// Loose spellings of a category label that still match it (docs/model.md#matching-labels): case, accents,
  /// apostrophe, spacing, or the other language.
  static func looseCategoryLabels(_ c: CategoryKey, _ lang: Language) -> [String] {
    let label = c.label(lang)
    var out = [
      label.uppercased(),
      label.lowercased(),
      label.folding(options: .diacriticInsensitive, locale: nil).replacingOccurrences(
        of: "’", with: "'"),
      label.replacingOccurrences(of: " ", with: "  ") + " ",
      c.label(lang == .en ? .fr : .en),
    ]
    out.removeAll { $0 == label }
    return out
  }

  /// Misspelt category labels that match nothing: the importer rejects them with a suggestion.
  static func misspelledCategories(_ lang: Language) -> [String] {
    lang == .en
      ? [
        "Operational challanges", "Schedule adjustements", "Guidance aquisition",
        "Customer date issues",
        "Service detial concerns", "Equipement purchase", "Perfomance issues",
        "Subscription cancelations",
      ]
      : [
        "Défis opérationels", "Ajustements du calandrier", "Aquisition de conseils",
        "Problèmes liés aux donées clients", "Préocupations concernant les détails du service",
        "Achat de matérel",
        "Problèmes de performence", "Résiliation d’abonements",
      ]
  }

  /// Dates nobody can read: the importer rejects the row.
  static func unreadableDates(_ lang: Language) -> [String] {
    lang == .en
      ? ["#VALUE!", "TBD", "n/a", "see email", "?"]
      : ["#VALEUR!", "à définir", "n/a", "voir mail", "?"]
  }

  /// A few owners per level (index 0 = level 1).
  static func owners(_ lang: Language) -> [[String]] {
    lang == .en
      ? [
        ["Alex Martin", "Sam Patel", "Jordan Lee", "Chris Wong", "Taylor Brooks"],
        ["Morgan Davis", "Jamie Clarke", "Riley Evans"],
        ["Robin Hayes", "Casey Nguyen"],
        ["Dana Whitfield"],
      ]
      : [
        ["Camille Durand", "Lucas Bernard", "Léa Moreau", "Hugo Petit", "Chloé Lefèvre"],
        ["Julie Fontaine", "Thomas Girard", "Inès Robert"],
        ["Nathalie Roux", "Antoine Mercier"],
        ["Isabelle Laurent"],
      ]
  }

  /// Notes, clean and messy side by side (same count): messy ones hold commas, quotes, the
  /// delimiter and line breaks.
  static func notes(_ lang: Language, messy: Bool) -> [String] {
    switch (lang, messy) {
    case (.en, false):
      return [
        "Customer called back", "Waiting for the customer's reply",
        "Needs approval, budget over 5k",
        "Duplicate of an older request", "Follow-up call booked", "Raised at the weekly review",
        "Site visit planned", "Workaround sent, waiting for confirmation",
      ]
    case (.en, true):
      return [
        "Customer called back, twice", "Waiting for the customer's reply\nreminder sent Friday",
        "Needs approval; budget over 5k", "Customer says \"not acceptable\", wants a call",
        "Follow-up call booked\nsee email, thread \"ACME renewal\"",
        "Raised at the weekly review (again)",
        "Site visit planned; bring the spare unit", "Workaround sent, waiting for confirmation",
      ]
    case (.fr, false):
      return [
        "Client rappelé", "En attente de la réponse du client",
        "Validation requise, budget supérieur à 5 k€",
        "Doublon d’une demande précédente", "Rendez-vous téléphonique fixé",
        "Signalé à la revue hebdomadaire",
        "Visite sur site prévue", "Contournement envoyé, en attente de confirmation",
      ]
    case (.fr, true):
      return [
        "Client rappelé, deux fois", "En attente de la réponse du client\nrelance envoyée vendredi",
        "Validation requise; budget supérieur à 5 k€",
        "Le client dit \"inacceptable\", veut un appel",
        "Rendez-vous fixé\nvoir le mail \"Renouvellement ACME\"",
        "Signalé à la revue hebdomadaire (encore)",
        "Visite sur site prévue; prendre l’unité de rechange",
        "Contournement envoyé, en attente de confirmation",
      ]
    }
  }
}
