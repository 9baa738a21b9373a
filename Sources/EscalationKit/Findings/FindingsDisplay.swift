/// How many findings a text report lists (machine formats always list every finding).
///
/// A code found more than ``groupThreshold`` times is shown as one line at its first
/// occurrence — `file: warning[MET002] × 5278: <summary>; first at lines 12, 40, 77; --verbose
/// lists all` — unless ``verbose``. ``quiet`` keeps errors only; ``maxFindings`` caps the
/// lines listed and says how many were left out.
public struct FindingsDisplay: Sendable, Equatable {
  /// A code with more findings than this is grouped.
  public var groupThreshold: Int
  /// How many positions a grouped line names.
  public var positionsShown: Int
  /// Every finding on its own line.
  public var verbose: Bool
  /// Errors only.
  public var quiet: Bool
  /// At most this many finding lines (a group counts as one).
  public var maxFindings: Int?

  public init(
    groupThreshold: Int = 10, positionsShown: Int = 3, verbose: Bool = false, quiet: Bool = false,
    maxFindings: Int? = nil
  ) {
    self.groupThreshold = groupThreshold
    self.positionsShown = positionsShown
    self.verbose = verbose
    self.quiet = quiet
    self.maxFindings = maxFindings
  }

  /// One line of the text report: a finding, or a group of findings of one code.
  public enum Line: Sendable, Equatable {
    case finding(Finding)
    case group(first: Finding, count: Int, positions: [Finding])
  }

  /// The lines to print for `findings`, in order, and how many findings were left out by
  /// ``maxFindings``.
  public func lines(_ findings: [Finding]) -> (lines: [Line], omitted: Int) {
    let shown = quiet ? findings.filter { $0.severity == .error } : findings
    var lines: [Line] = []
    if verbose {
      lines = shown.map { .finding($0) }
    } else {
      var byCode: [String: [Int]] = [:]
      for (i, f) in shown.enumerated() { byCode[f.code, default: []].append(i) }
      for (i, f) in shown.enumerated() {
        guard let all = byCode[f.code], all.count > groupThreshold else {
          lines.append(.finding(f))
          continue
        }
        guard all[0] == i else { continue }
        let positions = all.prefix(positionsShown).map { shown[$0] }
        lines.append(.group(first: f, count: all.count, positions: positions))
      }
    }
    guard let max = maxFindings, lines.count > max else { return (lines, 0) }
    var omitted = 0
    for l in lines[max...] {
      if case .group(_, let n, _) = l { omitted += n } else { omitted += 1 }
    }
    return (Array(lines[..<max]), omitted)
  }
}
