/// The texts of a code for a French report: French summaries and fixes, written for a
/// service-desk user reading a French report (the explanations stay English: `escalation
/// explain` is a command-line help). `DiagnosticCode.summary(in:)` (EscalationKit, which owns
/// `Language`) picks the language.
extension DiagnosticCode {
  /// The French one-line summary (`nil`: none written; EscalationKit's `summary(in:)` then
  /// falls back to English).
  public var frenchSummary: String? { DiagnosticCode.french[code]?.summary }

  /// What to do, in French.
  public var frenchFix: String? { DiagnosticCode.french[code]?.fix }

  /// Code → French summary and fix, with French typography applied (see ``typeset(_:)``).
  static let french: [String: (summary: String, fix: String)] = {
    var d: [String: (summary: String, fix: String)] = [:]
    for (code, summary, fix) in frenchIO + frenchMatrix + frenchLog + frenchMetrics + frenchCLI
      + frenchCalendar + frenchProfile + frenchWorkbook
    {
      d[code] = (typeset(summary), typeset(fix))
    }
    return d
  }()

  /// French typography: the French texts are written with plain spaces before `:` `;` `?` `!`
  /// and `»` and after `«`, so that they stay readable in the source; this makes those spaces
  /// non-breaking (U+00A0, as the workbook's French labels write them), and turns `'` into
  /// the typographic apostrophe `’`.
  public static func typeset(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    let chars = Array(text)
    for (i, ch) in chars.enumerated() {
      if ch == " " {
        let next = i + 1 < chars.count ? chars[i + 1] : nil
        let previous = i > 0 ? chars[i - 1] : nil
        if let next, ":;?!»".contains(next) || previous == "«" {
          out.append("\u{00A0}")
          continue
        }
      }
      out.append(ch == "'" ? "’" : ch)
    }
    return out
  }

  static let frenchIO: [(String, String, String)] = [
    (
      "IO001", "le fichier ne peut pas être ouvert",
      "Vérifiez le chemin (un chemin relatif part du dossier courant) et les droits du fichier ; "
        + "utilisez `-` pour lire l'entrée standard."
    ),
    (
      "IO002", "la lecture du fichier a échoué",
      "Relancez la commande une fois le fichier complet et refermé."
    ),
    (
      "IO010", "le dossier de sortie n'existe pas ou n'est pas accessible en écriture",
      "Créez le dossier, corrigez ses droits ou choisissez un autre chemin avec `-o`."
    ),
    ("IO011", "la sortie écraserait un fichier d'entrée", "Choisissez un autre chemin de sortie."),
    (
      "IO012", "l'écriture de la sortie a échoué (disque plein, erreur d'E/S) ; rien n'a été écrit",
      "Libérez de la place (ou réparez le support) et relancez la commande."
    ),
    (
      "XLS001", "libxlsxwriter a refusé un appel",
      "C'est un défaut de l'outil, pas de vos données : signalez-le avec la ligne de commande et, "
        + "si possible, le fichier d'entrée."
    ),
    (
      "XLS002",
      "une cellule hors de la grille Excel (1\u{00A0}048\u{00A0}576 lignes × 16\u{00A0}384 colonnes)",
      "C'est un défaut de l'outil, pas de vos données : signalez-le avec la ligne de commande et, "
        + "si possible, le fichier d'entrée."
    ),
    (
      "XLS003", "une ligne écrite au-dessus d'une ligne déjà écrite",
      "C'est un défaut de l'outil, pas de vos données : signalez-le avec la ligne de commande et, "
        + "si possible, le fichier d'entrée."
    ),
    (
      "XLS004", "le classeur était déjà fermé",
      "C'est un défaut de l'outil, pas de vos données : signalez-le avec la ligne de commande et, "
        + "si possible, le fichier d'entrée."
    ),
    (
      "XLS005", "une fonction que libxlsxwriter refuse en mode mémoire constante",
      "C'est un défaut de l'outil, pas de vos données : signalez-le avec la ligne de commande et, "
        + "si possible, le fichier d'entrée."
    ),
    ("CSV001", "le fichier est vide", "Exportez à nouveau la feuille, avec sa ligne d'en-tête."),
    (
      "CSV002", "octets non valides dans un fichier UTF-8 (ligne, octet)",
      "Enregistrez à nouveau le fichier au format « CSV UTF-8 » depuis le tableur, ou corrigez "
        + "les octets à la position indiquée."
    ),
    (
      "CSV003", "UTF-16 tronqué ou demi-caractère (surrogate) isolé",
      "Exportez à nouveau le fichier."
    ),
    (
      "CSV004", "un champ entre guillemets n'est jamais refermé (ligne où il commence)",
      "Refermez le guillemet ou supprimez-le."
    ),
    (
      "CSV005", "un guillemet isolé dans un champ",
      "Mettez tout le champ entre guillemets et doublez le guillemet intérieur (`\"\"`)."
    ),
    (
      "CSV006", "un champ de plus de 32 Mio",
      "Vérifiez qu'il s'agit du bon fichier ; découpez ou raccourcissez le champ."
    ),
    (
      "CSV007", "une ligne de plus de 16\u{00A0}384 champs (la limite de colonnes d'Excel)",
      "Vérifiez le fichier et, pour un journal, imposez le séparateur avec `--delimiter`."
    ),
    (
      "CSV008", "un guillemet lu tel quel (ligne d’un journal)",
      "Rien si le champ se lit bien ; sinon mettez tout le champ entre guillemets et doublez le guillemet intérieur."
    ),
    (
      "CSV009", "un guillemet jamais refermé : la ligne n’est pas utilisée",
      "Refermez le guillemet ou supprimez-le, puis importez à nouveau."
    ),
  ]

  static let frenchMatrix: [(String, String, String)] = [
    (
      "MTX001",
      "nombre de colonnes de niveau incorrect (ou de lignes, si transposée) : 4 attendues",
      "Ajoutez le niveau manquant ou supprimez la colonne en trop, chaque en-tête de niveau avec "
        + "ses cellules."
    ),
    (
      "MTX002",
      "nombre de lignes sous l'en-tête incorrect : la ligne des rôles et 8 catégories "
        + "attendues",
      "Ajoutez les lignes manquantes ou supprimez celles en trop ; `escalation template` écrit "
        + "la disposition attendue."
    ),
    (
      "MTX003", "ligne irrégulière : plus ou moins de champs que la ligne d'en-tête",
      "Supprimez le séparateur en trop ou ajoutez la cellule manquante pour que chaque ligne ait "
        + "autant de champs que l'en-tête."
    ),
    (
      "MTX004", "en-tête de niveau inconnu ou vide",
      "Écrivez le nom du niveau ; le message propose l'en-tête connu le plus proche."
    ),
    ("MTX005", "en-tête de niveau en double", "Renommez celui qui est faux."),
    (
      "MTX006", "en-têtes de niveau dans le désordre",
      "Déplacez les colonnes, chaque en-tête avec ses cellules, dans l'ordre 1, 2, 3, 4."
    ),
    (
      "MTX007", "ligne des rôles absente",
      "Ajoutez la ligne des rôles juste sous les en-têtes de niveau."
    ),
    (
      "MTX008", "catégorie (intitulé de ligne) inconnue ou vide",
      "Corrigez l'intitulé ; le message propose la catégorie la plus proche."
    ),
    (
      "MTX009", "catégorie ou ligne des rôles en double",
      "Fusionnez les deux lignes ou corrigez l'intitulé de la mauvaise."
    ),
    (
      "MTX010", "catégorie absente",
      "Ajoutez une ligne pour cette catégorie, ou corrigez l'intitulé de la ligne qui devait la "
        + "porter."
    ),
    (
      "MTX011", "cellule vide",
      "Indiquez ce que fait le rôle pour cette catégorie à ce niveau."
    ),
    (
      "MTX012", "bien plus de lignes qu'une matrice : ce n'est pas un fichier de matrice",
      "Donnez le fichier de la matrice ; un journal s'importe avec `escalation import`."
    ),
    (
      "MTX101",
      "intitulé reconnu seulement en ignorant la casse, les accents, les guillemets ou "
        + "les espaces",
      "Écrivez l'intitulé exactement comme dans le modèle."
    ),
    (
      "MTX102", "le même texte à plusieurs niveaux d'une ligne",
      "Décrivez ce que fait le rôle de chaque niveau."
    ),
    (
      "MTX103", "espaces en début, en fin ou en double", "Supprimez les espaces en trop."
    ),
    ("MTX104", "caractère de contrôle dans une cellule", "Ressaisissez la cellule."),
    (
      "MTX105",
      "la cellule commence par = + - ou @ et serait exécutée comme une formule dans un "
        + "tableur",
      "Reformulez la cellule pour qu'elle commence par une lettre."
    ),
    (
      "MTX106", "cellule de plus de 32\u{00A0}767 caractères (la limite d'Excel)",
      "Raccourcissez le texte."
    ),
    (
      "MTX201", "intitulé dans l'autre langue, accepté",
      "Rien à faire ; écrivez-le dans la langue de la matrice par cohérence."
    ),
    ("MTX202", "intitulé écrit sous un alias connu, accepté", "Rien à faire."),
    (
      "MTX203", "texte de cellule différent de la matrice canonique",
      "Rien à faire si la modification est voulue."
    ),
    (
      "MTX204", "texte de cellule différent de la matrice de référence",
      "Rien à faire si la modification est voulue."
    ),
    ("MTX205", "texte inattendu dans la cellule d'angle (ignoré)", "Rien à faire."),
    ("MTX206", "ligne de titre au-dessus de l'en-tête, ignorée", "Rien à faire."),
  ]
}
