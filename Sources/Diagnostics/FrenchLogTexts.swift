/// French summaries and fixes of the log (`LOG…`), reconstruction (`MET…`) and calendar
/// (`CAL…`) codes; see FrenchTexts.swift.
extension DiagnosticCode {
  static let frenchLog: [(String, String, String)] = [
    (
      "LOG001",
      "colonne obligatoire absente (événements : ticket, date ; tickets : ticket, "
        + "ouverture)",
      "Renommez la colonne, ou désignez-la avec `--map CHAMP=EN-TÊTE` (par exemple "
        + "`--map ticket=\"Réf.\"`) ; imposez l'autre disposition avec `--layout` si elle a été "
        + "mal détectée."
    ),
    (
      "LOG002", "`--map` nomme un champ inconnu",
      "Utilisez l'un des champs que le message énumère."
    ),
    (
      "LOG003", "l'en-tête donné à `--map` n'est pas dans le fichier",
      "Recopiez l'en-tête exactement comme le message l'énumère."
    ),
    (
      "LOG004", "toutes les dates j/m sont ambiguës ; utilisez `--date-order`",
      "Précisez l'ordre avec `--date-order dmy` (03/10 = 3 octobre) ou `--date-order mdy` "
        + "(03/10 = 10 mars)."
    ),
    (
      "LOG005", "des dates prouvent à la fois l'ordre jour-mois et l'ordre mois-jour",
      "Corrigez les dates fausses, ou imposez un ordre avec `--date-order` (les dates invalides "
        + "dans cet ordre sont alors rejetées en LOG013)."
    ),
    ("LOG010", "numéro de ticket absent", "Renseignez le numéro du ticket."),
    ("LOG011", "date absente", "Indiquez quand l'événement a eu lieu."),
    (
      "LOG012", "date, heure ou décalage illisible",
      "Écrivez la date dans l'un des formats que le message énumère."
    ),
    ("LOG013", "date invalide dans l'ordre jour/mois du fichier", "Corrigez la date."),
    (
      "LOG014", "numéro de série Excel 60 (le 29 février 1900 qui n'a pas existé) ou hors limites",
      "Mettez la cellule au format date dans le tableur et exportez à nouveau."
    ),
    (
      "LOG015", "niveau inconnu",
      "Corrigez le niveau, ou donnez avec `--matrix` la matrice dont le journal utilise les rôles."
    ),
    (
      "LOG016",
      "retiré : une remontée ou redescente sans niveau fait désormais monter ou descendre d'un niveau",
      "Rien à faire."
    ),
    (
      "LOG017", "catégorie inconnue",
      "Corrigez la catégorie (le message propose la plus proche), ou donnez la matrice avec "
        + "`--matrix`."
    ),
    (
      "LOG020", "doublon exact, non utilisé",
      "Rien à faire, sauf si l'export ne devait pas le contenir."
    ),
    (
      "LOG021", "heure locale dans le saut du passage à l'heure d'été, avancée d'autant",
      "Vérifiez l'heure, ou le fuseau donné par `--tz`."
    ),
    (
      "LOG022", "le premier événement d'un ticket n'a pas de catégorie",
      "Renseignez la catégorie sur le premier événement du ticket."
    ),
    (
      "LOG023", "pas de colonne d'événement ou de statut : aucun ticket n'est jamais résolu",
      "Exportez la colonne du statut, ou désignez-la avec `--map event=EN-TÊTE`."
    ),
    (
      "LOG024", "pas de colonne de catégorie",
      "Exportez la colonne de la catégorie, ou désignez-la avec `--map category=EN-TÊTE`."
    ),
    (
      "LOG026", "niveau actuel au-dessus de la dernière date de remontée renseignée",
      "Renseignez la date de remontée manquante."
    ),
    (
      "LOG027", "le statut dit résolu mais la date de résolution est vide",
      "Renseignez la date de résolution."
    ),
    ("LOG030", "disposition et colonnes lues", frenchNoteFix),
    ("LOG031", "comment l'ordre des dates a été choisi", frenchNoteFix),
    ("LOG032", "autre statut lu comme une mise à jour (une fois par statut)", frenchNoteFix),
    ("LOG033", "cellules d'événement vides lues comme des mises à jour", frenchNoteFix),
    ("LOG034", "fractions de seconde ignorées", frenchNoteFix),
    (
      "LOG035", "heure qui existe deux fois au retour à l'heure d'hiver : la première est retenue",
      frenchNoteFix
    ),
    ("LOG036", "niveau donné par un rôle ou un alias (une fois par valeur)", frenchNoteFix),
    ("LOG037", "colonne non utilisée", frenchNoteFix),
  ]

  static let frenchNoteFix = "Rien à faire ; la remarque indique comment le fichier a été lu."

  static let frenchMetricFix =
    "Corrigez les événements du ticket dans l'outil de suivi s'ils sont faux ; sinon, rien à faire."

  static let frenchMetrics: [(String, String, String)] = [
    (
      "MET001",
      "remontée qui ne monte pas (ou redescente qui ne descend pas), appliquée telle "
        + "quelle",
      frenchMetricFix
    ),
    ("MET002", "remontée qui saute un niveau, appliquée telle quelle", frenchMetricFix),
    (
      "MET003", "changement de niveau d'un ticket résolu, lu comme une réouverture", frenchMetricFix
    ),
    (
      "MET004",
      "ticket dont le premier événement n'est pas une ouverture ; il commence à cet "
        + "événement",
      frenchMetricFix
    ),
    (
      "MET005", "ticket qui change de catégorie ; sa dernière catégorie est retenue",
      frenchMetricFix
    ),
    ("MET006", "événement en double exact, compté une fois", frenchMetricFix),
    ("MET007", "ouverture ou réouverture d'un ticket déjà ouvert", frenchMetricFix),
    (
      "MET008", "résolution d'un ticket déjà résolu, ignorée (la première résolution compte)",
      frenchMetricFix
    ),
    ("MET009", "passage au niveau où le ticket est déjà, sans effet", frenchMetricFix),
    (
      "MET010", "remontée ou redescente sans niveau qui sortirait des niveaux 1 à 4, ignorée",
      frenchMetricFix
    ),
    ("MET011", "ticket sans catégorie, compté comme « sans catégorie »", frenchMetricFix),
    ("MET012", "ouverture d'un ticket résolu, lue comme une réouverture", frenchMetricFix),
    ("MET013", "mise en pause d'un ticket résolu, ignorée", frenchMetricFix),
  ]

  static let frenchCalendar: [(String, String, String)] = [
    (
      "CAL001", "fichier de calendrier qui n'est pas du TOML valide",
      "Corrigez le TOML à cette ligne : chaînes entre guillemets, listes et tables refermées."
    ),
    (
      "CAL002", "fichier de calendrier sans table [calendar] ni clé de calendrier",
      "Écrivez [calendar], puis tz = \"Europe/Paris\" et les heures ouvrées de chaque jour, par "
        + "exemple mon = [\"09:00-12:30\", \"13:30-18:00\"]."
    ),
    (
      "CAL003", "clé inconnue dans un calendrier",
      "Renommez la clé comme l'indique le message (par exemple monday → mon, timezone → tz)."
    ),
    (
      "CAL004", "valeur de calendrier du mauvais type",
      "Écrivez la valeur comme le montre le message, par exemple tue = [\"09:00-18:00\"] ([] "
        + "pour un jour non ouvré)."
    ),
    (
      "CAL005", "calendrier sans fuseau horaire, ou avec un fuseau inconnu",
      "Écrivez tz = \"Europe/Paris\", \"America/New_York\", \"UTC\" ou un autre nom IANA."
    ),
    (
      "CAL006", "plage horaire qui n'est pas HH:MM-HH:MM ou qui finit avant de commencer",
      "Écrivez \"HH:MM-HH:MM\" ; répartissez un travail de nuit sur deux jours : \"22:00-24:00\" "
        + "sur l'un, \"00:00-06:00\" sur le suivant."
    ),
    (
      "CAL007", "plages horaires qui se chevauchent",
      "Écrivez chaque temps de travail une seule fois : fusionnez les deux plages, ou terminez "
        + "l'une avant le début de l'autre."
    ),
    (
      "CAL008", "jeu de jours fériés inconnu",
      "Utilisez FR ou US, ou listez les jours fériés sous forme de dates \"AAAA-MM-JJ\"."
    ),
    (
      "CAL009", "date de calendrier qui n'est pas une vraie date AAAA-MM-JJ",
      "Écrivez la date au format AAAA-MM-JJ, par exemple \"2026-12-24\"."
    ),
  ]
}
