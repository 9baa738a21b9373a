/// The notes of `--shape export`, shaped like a real tracker export: a note on about 72 % of
/// the rows, about 21 % of them quoted (a comma, doubled quotes or a line break), many with a
/// reference number so that most notes are distinct.
///
/// The note of an event depends only on its ticket and its sequence within the ticket (a
/// hash, not the process's random stream), so the process, and every other column, are the
/// same as in the plain shape, and ``SampleGenerator/events()`` gives the same notes as the CSV.
enum SampleExportNotes {
  /// Notes written without quotes (no delimiter, quote or line break).
  static let plain: [String] = [
    "Customer called back", "Waiting for the customer's reply", "Needs approval from finance",
    "Follow-up call booked", "Raised at the weekly review", "Site visit planned",
    "Workaround sent and waiting for confirmation", "Spare part ordered",
    "Assigned to the on-call engineer", "Vendor ticket opened", "Escalated by the account manager",
    "Logs attached", "Reproduced on staging", "Fix scheduled for the next release",
    "Customer unreachable", "Priority raised after the outage",
  ]

  /// Notes that must be quoted: a comma, doubled quotes, line breaks.
  static let quoted: [String] = [
    "Customer called back, twice", "Customer says \"not acceptable\", wants a call",
    "Waiting for the customer's reply\nreminder sent Friday",
    "Follow-up call booked\nsee email, thread \"ACME renewal\"",
    "Needs approval, budget over 5k", "Quote \"Q-2291\" sent",
    "Root cause unknown\r\nmonitoring for 48h", "Workaround: restart, then clear the cache",
  ]

  /// Share of rows with a note, and of those notes that need quotes.
  static let noteShare = 0.72
  static let quotedShare = 0.21

  /// The note of event `sequence` of ticket `ticket`, or `""`.
  static func note(ticket: Int, sequence: Int) -> String {
    var h = mix(UInt64(truncatingIfNeeded: ticket) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(sequence))
    if unit(h) >= noteShare { return "" }
    h = mix(h)
    let isQuoted = unit(h) < quotedShare
    h = mix(h)
    let list = isQuoted ? quoted : plain
    var text = list[Int(h % UInt64(list.count))]
    h = mix(h)
    // Half the notes carry a reference, which makes most of them distinct.
    if h & 1 == 0 { text += " (ref \((h >> 1) & 0xFFFFF))" }
    return text
  }

  /// SplitMix64's finaliser.
  private static func mix(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  private static func unit(_ h: UInt64) -> Double { Double(h >> 11) * 0x1.0p-53 }
}
