/// French summaries and fixes of the profile codes (`PRF…`) and of the log notes added with
/// profiles (close date used as the resolution, title line skipped).
extension DiagnosticCode {
  static let frenchProfile: [(String, String, String)] = [
    (
      "PRF001", "le profil n'est pas du TOML valide (ligne et colonne données par TOMLKit)",
      "Corrigez le TOML à la ligne indiquée (guillemets autour des textes, une clé par ligne)."
    ),
    (
      "PRF002", "clé ou table inconnue dans le profil (vouliez-vous dire …)",
      "Utilisez une des clés que le message liste ; la plus proche est proposée."
    ),
    (
      "PRF003", "valeur du profil d'un mauvais type",
      "Écrivez les textes entre guillemets, les niveaux en chiffres, et null comme une liste : "
        + "null = [\"?\", \"N/A\"]."
    ),
    (
      "PRF004", "[columns] nomme un champ inconnu",
      "Utilisez un champ : ticket, time, event, status, level, category, owner, note, opened, "
        + "escalated-2, escalated-3, escalated-4, resolved, closed."
    ),
    (
      "PRF005", "valeur de [levels] qui n'est pas un niveau de 1 à 4",
      "Écrivez le niveau en chiffre : \"3 - Modéré\" = 2."
    ),
    (
      "PRF006", "valeur de [events] qui n'est pas un type d'événement (vouliez-vous dire …)",
      "Écrivez un des types d'événement (open, escalate, de-escalate, resolve, reopen, update, "
        + "pause) ; le plus proche est proposé."
    ),
    (
      "PRF007", "cible de [categories] qui n'est pas une catégorie de la matrice utilisée",
      "Écrivez une clé de catégorie (performance-issues) ou son libellé, comme dans la matrice "
        + "utilisée."
    ),
    (
      "PRF008", "valeur d'option refusée (tz, date_order, lang, layout, delimiter, sla)",
      "Écrivez une valeur que l'option accepte ; le message les liste."
    ),
    (
      "PRF009", "en-tête de [columns] absent du journal",
      "Corrigez l'en-tête, ou écrivez champ = \"\" si le fichier n'a pas cette colonne."
    ),
    (
      "PRF010", "le fichier du profil ne peut pas être lu",
      "Donnez le bon chemin, ou écrivez un profil avec : escalation profile JOURNAL -o FICHIER."
    ),
    (
      "LOG040",
      "disposition par ticket : la date de clôture sert de résolution quand la date de résolution est vide",
      frenchNoteFix
    ),
    ("LOG041", "ligne de titre au-dessus de l'en-tête, ignorée", frenchNoteFix),
  ]
}
