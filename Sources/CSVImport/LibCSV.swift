import CLibCSV

/// Owns one libcsv `struct csv_parser`: `csv_init` on creation, `csv_free` in `deinit`.
///
/// This is the only place that calls libcsv. The parser runs in strict mode
/// (`CSV_STRICT | CSV_STRICT_FINI`), so a stray quote is an error instead of swallowing the rest
/// of the file, with a space function that trims nothing, so stray spaces reach the caller, and
/// with `CSV_REPALL_NL`, so that every line end outside a field reaches the record callback and
/// lines can be counted without a second scan of the input.
final class LibCSVParser {
  private let parser: UnsafeMutablePointer<csv_parser>

  /// Errors reported by libcsv itself.
  enum Failure: Error {
    /// `CSV_EPARSE`: malformed quoting.
    case parse
    /// `CSV_ENOMEM` / `CSV_ETOOBIG`: a field too large to buffer.
    case tooBig
    /// `csv_init` failed.
    case initFailed
  }

  typealias FieldCallback =
    @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void
  typealias RecordCallback = @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void

  /// Calls `csv_init` and `csv_set_delim`, `csv_set_space_func`.
  init(delimiter: UInt8) throws(Failure) {
    parser = .allocate(capacity: 1)
    if csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)) != 0 {
      parser.deallocate()
      throw .initFailed
    }
    csv_set_delim(parser, delimiter)
    csv_set_space_func(parser, { _ in 0 })
    csv_set_blk_size(parser, 4096)
  }

  /// The bytes libcsv has buffered for a field not yet delivered (`entry_buf`, `entry_pos`).
  var pendingEntry: UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: parser.pointee.entry_buf, count: parser.pointee.entry_pos)
  }

  /// libcsv is between records (`ROW_NOT_BEGUN`, which libcsv.c defines as 0, with nothing
  /// buffered), where its state is that of a fresh parser.
  var isIdle: Bool {
    parser.pointee.pstate == 0 && parser.pointee.entry_pos == 0 && parser.pointee.status == 0
  }

  deinit {
    csv_free(parser)
    parser.deallocate()
  }

  /// Calls `csv_parse`; throws when libcsv stops before the end of `bytes`.
  func parse(
    _ bytes: UnsafeRawPointer, count: Int, field: FieldCallback, record: RecordCallback,
    context: UnsafeMutableRawPointer
  ) throws(Failure) {
    let done = csv_parse(parser, bytes, count, field, record, context)
    if done < count { throw failure() }
  }

  /// Calls `csv_fini`, which delivers a last record without a line end; checks `csv_error` first.
  func finish(field: FieldCallback, record: RecordCallback, context: UnsafeMutableRawPointer)
    throws(Failure)
  {
    if csv_error(parser) != CSV_SUCCESS { throw failure() }
    if csv_fini(parser, field, record, context) != 0 { throw failure() }
  }

  private func failure() -> Failure {
    switch csv_error(parser) {
    case CSV_EPARSE: return .parse
    default: return .tooBig
    }
  }
}
