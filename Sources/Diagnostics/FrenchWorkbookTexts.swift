/// French summaries and fixes of the workbook-input codes (XLSX, and the matrix codes MTX107 and
/// MTX207 added with it), in the form of ``DiagnosticCode/french``.
extension DiagnosticCode {
  static let frenchWorkbook: [(String, String, String)] = [
    (
      "XLSX001",
      "`.xls`, `.ods` ou ZIP qui n'est pas un classeur : enregistrez-le en `.xlsx` ou en CSV",
      "Ouvrez le fichier dans Excel ou LibreOffice et enregistrez-le en Classeur Excel (.xlsx) "
        + "ou en CSV."
    ),
    (
      "XLSX002",
      "l'archive ZIP du classeur est illisible (tronquée, endommagée)",
      "Exportez ou copiez de nouveau le classeur ; si Excel l'ouvre, enregistrez-le de nouveau "
        + "en .xlsx."
    ),
    (
      "XLSX003",
      "une partie du classeur manque (ou aucune feuille de calcul)",
      "Ouvrez le classeur dans Excel ou LibreOffice et enregistrez-le de nouveau, ou enregistrez "
        + "la feuille en CSV."
    ),
    (
      "XLSX004",
      "une partie n'est pas du XML bien formé",
      "Ouvrez le classeur dans Excel ou LibreOffice et enregistrez-le de nouveau, ou enregistrez "
        + "la feuille en CSV."
    ),
    (
      "XLSX005",
      "une partie décompressée dépasse la limite (bombe ZIP)",
      "Répartissez les données sur plusieurs fichiers, ou enregistrez la feuille en CSV."
    ),
    (
      "XLSX006",
      "ligne ou colonne au-delà des limites d'Excel, cellules dans le désordre, chaîne partagée "
        + "manquante",
      "Ouvrez le classeur dans Excel ou LibreOffice et enregistrez-le de nouveau, ou enregistrez "
        + "la feuille en CSV."
    ),
    (
      "XLSX007",
      "`--sheet` ne nomme aucune feuille du classeur",
      "Donnez le nom d'une feuille (majuscules ou minuscules, peu importe) ou son numéro, 1 pour "
        + "la première."
    ),
    (
      "XLSX101",
      "la feuille lue, quand le classeur en a plusieurs",
      "Rien à faire si c'est la bonne feuille ; sinon choisissez-en une avec --sheet NOM ou N."
    ),
    (
      "XLSX102",
      "des lignes ou colonnes masquées ont été lues",
      "Rien à faire ; supprimez les lignes du classeur si elles ne doivent pas compter."
    ),
    (
      "XLSX103",
      "une cellule contient une valeur d'erreur Excel (`#N/A`, `#REF!`…), lue comme son texte",
      "Corrigez la formule, ou remplacez-la par sa valeur."
    ),
    (
      "MTX107",
      "colonnes qui ne sont pas des niveaux (Commentaires, ID de ligne, Créé… d'un outil de "
        + "suivi), ignorées",
      "Rien à faire, ou supprimez ces colonnes de la feuille de la matrice si elle doit passer "
        + "--strict."
    ),
    (
      "MTX207",
      "notes sous la matrice après une ligne vide, ignorées",
      "Rien à faire."
    ),
  ]
}
