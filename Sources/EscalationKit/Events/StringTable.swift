/// Strings kept back to back in one byte array, with where each one ends: the notes of an
/// ``EventLog``. A million notes cost their bytes and 8 bytes each, with no allocation per
/// string, and the import hands its interner's bytes over without making a `String` of each;
/// ``subscript(_:)`` makes the `String` of one when it is asked for.
public struct StringTable: Sendable, Equatable, RandomAccessCollection, ExpressibleByArrayLiteral {
  /// The strings' UTF-8 bytes, back to back.
  public private(set) var bytes: [UInt8]
  /// `count + 1` offsets into ``bytes``: string `i` is `bytes[starts[i]..<starts[i + 1]]`.
  public private(set) var starts: [Int]

  public init() {
    bytes = []
    starts = [0]
  }

  public init(_ strings: some Sequence<String>) {
    self.init()
    for s in strings { append(s) }
  }

  public init(arrayLiteral strings: String...) { self.init(strings) }

  /// A table over `bytes` and its `starts` (`starts[0] == 0`, increasing, last ==
  /// `bytes.count`: the caller's invariant, checked).
  init(bytes: [UInt8], starts: [Int]) {
    precondition(starts.first == 0 && starts.last == bytes.count, "string table bounds")
    self.bytes = bytes
    self.starts = starts
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { starts.count - 1 }

  /// String `i` as text.
  public subscript(_ i: Int) -> String {
    withBytes(i) { String(decoding: $0, as: UTF8.self) }
  }

  /// Calls `body` with the UTF-8 bytes of string `i`.
  @inline(__always)
  public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows
    -> R
  {
    let a = starts[i]
    let b = starts[i + 1]
    return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[a..<b])) }
  }

  public mutating func append(_ s: String) {
    bytes.append(contentsOf: s.utf8)
    starts.append(bytes.count)
  }

  public static func += (table: inout StringTable, other: StringTable) {
    let base = table.bytes.count
    table.bytes += other.bytes
    table.starts.reserveCapacity(table.starts.count + other.count)
    for s in other.starts.dropFirst() { table.starts.append(base + s) }
  }
}
