/// The option errors of the libraries are usage errors: the command cannot run (exit status 2)
/// and says so on one line starting `escalation: error:` (README, "Exit status").
extension PeriodError: EscalationError {
  public var exitStatus: Int32 { 2 }
  public var standardErrorText: String? { "escalation: error: " + description }
}

extension SLAError: EscalationError {
  public var exitStatus: Int32 { 2 }
  public var standardErrorText: String? { "escalation: error: " + description }
}

extension SampleError: EscalationError {
  public var exitStatus: Int32 { 2 }
  public var standardErrorText: String? { "escalation: error: " + description }
}

/// A `--baseline` that is not a valid matrix stops `validate` with exit status 2.
extension MatrixBaselineError: EscalationError {
  public var exitStatus: Int32 { 2 }
  public var standardErrorText: String? { "escalation: error: " + description }
}
