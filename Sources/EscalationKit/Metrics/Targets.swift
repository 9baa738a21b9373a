/// The targets the dashboard colours its key figures against (docs/metrics.md#dashboard).
/// Every field is settable (a profile's `[targets]` table sets them); `nil` means no target.
public struct MetricsTargets: Sendable, Equatable {
  /// Largest acceptable share of the tickets opened that reach level ≥ 2 (default 25 %).
  public var escalationShareMax: Double?
  /// Smallest acceptable SLA compliance, 1 − breached / stays (default 90 %).
  public var slaComplianceMin: Double?
  /// Largest acceptable median time to resolution, seconds (default none).
  public var medianResolutionMax: Double?
  /// Largest acceptable backlog at as-of (default none).
  public var backlogMax: Int?

  public init(
    escalationShareMax: Double? = 0.25, slaComplianceMin: Double? = 0.90,
    medianResolutionMax: Double? = nil, backlogMax: Int? = nil
  ) {
    self.escalationShareMax = escalationShareMax
    self.slaComplianceMin = slaComplianceMin
    self.medianResolutionMax = medianResolutionMax
    self.backlogMax = backlogMax
  }

  /// Escalation share ≤ 25 %, SLA compliance ≥ 90 %, no other target.
  public static let defaults = MetricsTargets()
}
