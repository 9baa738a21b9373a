/// Where a problem is, as a person finds it in a spreadsheet: the file as given on the command
/// line, the 1-based line and the 1-based column (field number), each when known.
public struct DiagnosticPosition: Sendable, Equatable {
  public var file: String
  public var line: Int?
  public var column: Int?

  public init(file: String, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }
}

/// An error that knows how it ends the command: the exit status (1 invalid input, 2 usage or I/O;
/// see the README's "Exit status"), its documented code and its position.
///
/// Every error type the libraries and the command line throw adopts it, so the command's single
/// error handler prints ``standardErrorText`` and exits with ``exitStatus`` without knowing the
/// concrete type.
public protocol EscalationError: Error, CustomStringConvertible {
  /// The process exit status this error ends the command with.
  var exitStatus: Int32 { get }
  /// The documented code (see ``DiagnosticCode``), or `nil` for usage errors and exit requests.
  var diagnostic: DiagnosticCode? { get }
  /// The file, line and column the error is about, when it is about a place in a file.
  var position: DiagnosticPosition? { get }
  /// What to print on standard error, or `nil` when there is nothing more to say (the findings
  /// were already printed, or the reader of standard output went away).
  var standardErrorText: String? { get }
}

extension EscalationError {
  public var diagnostic: DiagnosticCode? { nil }
  public var position: DiagnosticPosition? { nil }
  public var standardErrorText: String? { description }
}
