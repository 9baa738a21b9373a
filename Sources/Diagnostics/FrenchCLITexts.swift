/// French summaries and fixes of the codes added with the command-line behaviour (file kinds,
/// workbooks to standard output, formula cells, joined logs, local times read as UTC).
extension DiagnosticCode {
  static let frenchCLI: [(String, String, String)] = [
    (
      "IO013", "un classeur pour la sortie standard (`-`) alors qu'elle est un terminal",
      "Redirigez la sortie standard vers un fichier ou un tube (`> rapport.xlsx`), ou donnez un nom de fichier."
    ),
    (
      "MTX013",
      "le fichier est un journal d'escalades (son en-tête a une colonne ticket et une colonne date)",
      "Lisez le journal avec `escalation import FICHIER` ; vérifiez le fichier de la matrice avec `validate`."
    ),
    (
      "LOG006", "le fichier est une matrice d'escalade, pas un journal",
      "Passez la matrice avec `--matrix FICHIER` et donnez le journal en argument ; vérifiez la matrice avec `escalation validate FICHIER`."
    ),
    (
      "LOG028", "des cellules qu'un tableur exécuterait comme formules (une fois par colonne)",
      "Corrigez ces cellules dans le traqueur ; les sorties CSV les écrivent précédées de `'` (sauf avec `--raw-csv`)."
    ),
    (
      "LOG038", "la ligne d'en-tête répétée dans le fichier (journaux mis bout à bout), ignorée",
      "Rien à faire ; la remarque indique comment le fichier a été lu."
    ),
    (
      "LOG039", "des dates saisies jour/mois ou mois/jour lues en UTC faute de `--tz`",
      "Donnez le fuseau des heures avec `--tz` (par exemple `--tz Europe/Paris`)."
    ),
  ]
}
