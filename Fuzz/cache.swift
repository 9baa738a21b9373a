// libFuzzer target: any bytes as an event cache entry (docs/cache.md) through
// EventCacheCodec.decode, twice: as they are (almost always refused by the header or the
// checksums), and "sealed" — the header rewritten so that the lengths and checksums match —
// so that the checks behind the checksum (counts, lengths, kinds, levels, categories, string
// indexes, severities) are what refuses them. A decoded log must hold only indexes within its
// tables and survive an encode/decode round trip unchanged.
// Built by Scripts/fuzz.sh with the codec's sources only; not part of the package.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCache(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let key = fuzzStoredKey(bytes) ?? "fuzz"
  fuzzCheck(bytes, key: key)
  fuzzCheck(bytes, key: "fuzz")
  var sealed = bytes.count >= 48 ? bytes : [UInt8](repeating: 0, count: 48) + bytes
  EventCacheCodec.seal(&sealed, key: key)
  fuzzCheck(sealed, key: key)
  return 0
}

/// The key written at the start of the payload, when its length fits.
func fuzzStoredKey(_ bytes: [UInt8]) -> String? {
  guard bytes.count >= 56 else { return nil }
  var n: UInt64 = 0
  for i in (48..<56).reversed() { n = n << 8 | UInt64(bytes[i]) }
  guard n <= UInt64(bytes.count - 56) else { return nil }
  return String(decoding: bytes[56..<56 + Int(n)], as: UTF8.self)
}

func fuzzCheck(_ bytes: [UInt8], key: String) {
  // Read for the figures, at once and part by part (as `metrics` reads a file): the same.
  let whole = bytes.withUnsafeBytes { EventCacheCodec.decode($0, key: key, figuresOnly: true) }
  let parts = FiguresDecode.decode(size: bytes.count, key: key) { buffer, offset in
    guard offset >= 0, offset + buffer.count <= bytes.count else { return false }
    bytes.withUnsafeBytes {
      buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + buffer.count]))
    }
    return true
  }
  precondition((whole == nil) == (parts == nil), "the two reads for the figures disagree")
  if let whole, let parts {
    precondition(whole.events == parts.events && whole.ticketOffsets == parts.ticketOffsets)
    precondition(whole.findings == parts.findings && whole.ticketIDs == parts.ticketIDs)
  }
  guard let log = bytes.withUnsafeBytes({ EventCacheCodec.decode($0, key: key) }) else { return }
  for e in log.events {
    precondition(Int(e.ticket) < log.ticketIDs.count, "ticket index out of range")
    precondition(Int(e.owner) <= log.owners.count, "owner index out of range")
    precondition(Int(e.note) <= log.notes.count, "note index out of range")
    precondition(e.levelRaw <= 4 && e.categoryRaw <= 8, "level or category out of range")
    _ = e.kind.word
  }
  let a = log.accounting
  precondition(a.read >= 0 && a.used >= 0 && a.rejected >= 0 && a.duplicates >= 0)
  guard let again = EventCacheCodec.encode(log, key: key),
    let back = again.withUnsafeBytes({ EventCacheCodec.decode($0, key: key) })
  else { preconditionFailure("a decoded log does not encode and decode again") }
  precondition(back.events == log.events, "events changed in a round trip")
  precondition(back.ticketIDs == log.ticketIDs && back.owners == log.owners, "strings changed")
  precondition(
    back.notes == log.notes && back.findings == log.findings, "notes or findings changed")
  precondition(back.source == log.source && back.sheet == log.sheet && back.accounting == a)
}
