/// The reference data of the tool: the Smartsheet escalation-matrix template, in French (the
/// seed, `shared/seed/`) and in the project's English rendering.
public enum CanonicalMatrix {
  /// Title of the label column ("Escalation types").
  public static let cornerLabel = ["Escalation types", "Types de remontée"]
  /// Header of each level column, index 0 = level 1. French as in the seed (with its U+00A0).
  public static func levelHeader(_ level: Level, _ language: Language) -> String {
    language == .en
      ? "Level \(level.rawValue) escalation" : "Remontée de niveau\u{00A0}\(level.rawValue)"
  }
  /// Label of the role row.
  public static let roleRowLabel = ["Operational role", "Rôle opérationnel"]

  /// Category labels `[English, French]` in canonical order (French with the seed's ’).
  public static let categoryLabels: [[String]] = [
    ["Operational challenges", "Défis opérationnels"],
    ["Schedule adjustments", "Ajustements du calendrier"],
    ["Guidance acquisition", "Acquisition de conseils"],
    ["Customer data issues", "Problèmes liés aux données clients"],
    ["Service detail concerns", "Préoccupations concernant les détails du service"],
    ["Equipment purchase", "Achat de matériel"],
    ["Performance issues", "Problèmes de performances"],
    ["Subscription cancellations", "Résiliation d’abonnements"],
  ]

  /// Roles per level, `[English, French]`.
  public static let roles: [[String]] = [
    ["Project team contact", "Contact au sein de l’équipe de projet"],
    ["Project manager", "Cheffe de projet"],
    ["Account manager", "Gestionnaire de compte"],
    ["Sales lead", "Responsable commerciale"],
  ]

  /// Responsibility texts in English, per category (canonical order), levels 1–4.
  public static let textsEN: [[String]] = [
    [
      "Assess and remedy immediate operational disruptions.",
      "Develop strategic solutions to operational problems that affect logistics.",
      "Apply customer retention strategies during critical operational crises.",
      "Implement sales strategies to mitigate the impact of operations on customer relationships.",
    ],
    [
      "Coordinate the revision or confirmation of project schedules.",
      "Approve and communicate significant changes to project schedules.",
      "Negotiate service delivery deadlines with key customers and partners.",
      "Assess and manage the impact of schedule changes on customer commitments.",
    ],
    [
      "Obtain the instructions needed to continue the project.",
      "Provide actionable guidance for operational excellence.",
      "Communicate with senior management to obtain high-level operational instructions.",
      "Communicate with executive management to align operational decisions with company objectives.",
    ],
    [
      "Collect and verify the customer information needed for operations.",
      "Manage the integration and updating of essential customer data.",
      "Ensure customer satisfaction through accurate and timely data management.",
      "Direct the strategic use of customer data to improve service offerings.",
    ],
    [
      "Clear up any confusion about the specifics of services.",
      "Resolve misunderstandings related to service changes.",
      "Mediate complex disputes about service contracts.",
      "Take decisive action to change and improve services.",
    ],
    [
      "Facilitate the purchase of equipment essential to the project.",
      "Authorise and expedite the procurement of essential logistics equipment.",
      "Ensure timely delivery and logistical coordination of equipment.",
      "Approve equipment procurement strategies that support sales objectives.",
    ],
    [
      "Identify and resolve performance issues.",
      "Formulate strategies to improve service performance.",
      "Communicate operational performance and remediation plans to customers.",
      "Lead initiatives to restore and improve service performance.",
    ],
    [
      "Handle initial requests and concerns about stopping services.",
      "Oversee and streamline the service discontinuation process.",
      "Handle sensitive negotiations and resolutions related to service terminations.",
      "Develop and apply policies for managing discontinuations effectively.",
    ],
  ]

  /// Responsibility texts in French, exactly as in the seed.
  public static let textsFR: [[String]] = [
    [
      "Évaluer les perturbations opérationnelles immédiates et y remédier.",
      "Élaborer des solutions stratégiques aux problèmes opérationnels qui affectent la logistique.",
      "Appliquer des stratégies de fidélisation des clients pendant les crises opérationnelles critiques.",
      "Mettre en œuvre des stratégies de vente pour atténuer l’impact des opérations sur les relations client.",
    ],
    [
      "Coordonner la révision ou la confirmation des calendriers de projet.",
      "Approuver et communiquer les modifications importantes apportées aux calendriers de projet.",
      "Négocier les délais de prestation de services avec les principaux clients et partenaires.",
      "Évaluer et gérer l’impact des modifications de calendrier sur les engagements client.",
    ],
    [
      "Obtenir les instructions nécessaires à la poursuite du projet.",
      "Fournir des directives exploitables à des fins d’excellence opérationnelle.",
      "Communiquer avec la haute direction pour obtenir des instructions opérationnelles de haut niveau.",
      "Communiquer avec la direction générale afin de coordonner les décisions opérationnelles avec les objectifs de l’entreprise.",
    ],
    [
      "Collecter et vérifier les informations clients nécessaires aux opérations.",
      "Gérer l’intégration et la mise à jour des données clients essentielles.",
      "Assurer la satisfaction client via une gestion précise et opportune des données.",
      "Diriger l’utilisation stratégique des données aux clients afin d’améliorer les offres de services.",
    ],
    [
      "Clarifier toute confusion concernant les spécificités des services.",
      "Résoudre les malentendus liés à la modification des services.",
      "Assurer la médiation des litiges complexes concernant les contrats de service.",
      "Prendre des mesures décisives pour modifier et améliorer les services.",
    ],
    [
      "Faciliter l’acquisition du matériel essentiel au projet.",
      "Autoriser et accélérer l’approvisionnement en matériel logistique essentiel.",
      "Assurer la livraison en temps voulu et la coordination logistique du matériel.",
      "Approuver les stratégies d’approvisionnement en matériel qui soutiennent les objectifs de vente.",
    ],
    [
      "Identifier et résoudre les problèmes de performances.",
      "Formuler des stratégies pour améliorer les performances des services.",
      "Communiquer avec les clients les performances opérationnelles et les plans de remédiation.",
      "Mener des initiatives visant à rétablir et améliorer la performance des services.",
    ],
    [
      "Gérer les demandes et préoccupations initiales concernant l’arrêt des services.",
      "Superviser et rationaliser la procédure d’interruption des services.",
      "Gérer les négociations et les résolutions sensibles liées aux fins de service.",
      "Élaborer et appliquer des politiques de gestion efficace des interruptions.",
    ],
  ]

  static func matrix(_ language: Language) -> Matrix {
    let k = language == .en ? 0 : 1
    let texts = language == .en ? textsEN : textsFR
    var cells: [CategoryKey: [String]] = [:]
    for c in CategoryKey.allCases { cells[c] = texts[c.index] }
    return Matrix(roles: roles.map { $0[k] }, cells: cells)
  }
}
