/// The comparison of ``XMLByteScanner`` with libxml2 on the bytes of one part, event by event:
/// used by the differential tests and by `Fuzz/xlsxdiff.swift`.
enum XMLDifferential {
  /// Records the events a reader sends: `<name a=v …`, `/name`, and text (runs joined) as
  /// `"` then the bytes.
  final class Recorder: XMLHandler {
    var events: [[UInt8]] = []
    private var text: [UInt8] = []

    private func flush() {
      if !text.isEmpty { events.append([UInt8(ascii: "\"")] + text) }
      text.removeAll()
    }

    override func start(_ name: UnsafePointer<UInt8>, _ a: XMLAttributes) {
      flush()
      var e: [UInt8] = [UInt8(ascii: "<")] + bytes(name)
      for i in 0..<a.count {
        guard let base = a.base, let local = base[i * 5], let v0 = base[i * 5 + 3],
          let v1 = base[i * 5 + 4]
        else { continue }
        e += [0x20] + bytes(local) + [UInt8(ascii: "=")]
        e += Array(UnsafeBufferPointer(start: v0, count: v1 - v0))
      }
      events.append(e)
    }

    override func end(_ name: UnsafePointer<UInt8>) {
      flush()
      events.append([UInt8(ascii: "/")] + bytes(name))
    }

    override func characters(_ p: UnsafePointer<UInt8>, _ count: Int) {
      text.append(contentsOf: UnsafeBufferPointer(start: p, count: count))
    }

    func finished() -> [[UInt8]] {
      flush()
      return events
    }

    private func bytes(_ p: UnsafePointer<UInt8>) -> [UInt8] {
      var out: [UInt8] = []
      var k = 0
      while p[k] != 0 {
        out.append(p[k])
        k += 1
      }
      return out
    }
  }

  /// The scanner's events on `bytes` fed `chunk` bytes at a time, and why it bailed (`nil`:
  /// it read the part to the end).
  static func scan(_ bytes: [UInt8], chunk: Int) -> (events: [[UInt8]], bail: String?) {
    let recorder = Recorder()
    let scanner = XMLByteScanner(handler: recorder)
    do {
      var at = 0
      while at < bytes.count {
        let n = min(chunk, bytes.count - at)
        try bytes[at..<(at + n)].withUnsafeBytes { try scanner.feed($0) }
        at += n
      }
      try scanner.finish()
      return (recorder.finished(), nil)
    } catch {
      return (recorder.finished(), (error as? XMLScanBail)?.reason ?? "\(error)")
    }
  }

  /// libxml2's events on `bytes` fed at once, and whether it found the part well-formed.
  static func libxml2(_ bytes: [UInt8]) -> (events: [[UInt8]], ok: Bool) {
    let recorder = Recorder()
    do {
      let parser = try XMLPushParser(handler: recorder)
      try bytes.withUnsafeBytes { try parser.feed($0) }
      try parser.finish()
      return (recorder.finished(), true)
    } catch {
      return (recorder.finished(), false)
    }
  }

  /// A difference between the scanner (fed in each of `chunks`) and libxml2 on `bytes`, or
  /// `nil`: where the scanner reads the part to the end, libxml2 finds it well-formed and sends
  /// the same events; where it bails, what it sent is the start of libxml2's events. Also
  /// `nil` when `mustRead` is false and the scanner bails at once.
  static func difference(_ bytes: [UInt8], chunks: [Int]) -> String? {
    let reference = libxml2(bytes)
    for chunk in chunks {
      let (events, bail) = scan(bytes, chunk: chunk)
      if let bail {
        guard events.count <= reference.events.count,
          zip(events, reference.events).allSatisfy({ $0 == $1 })
        else {
          return "chunk \(chunk): bailed (\(bail)) after events libxml2 does not send"
        }
      } else if !reference.ok {
        return "chunk \(chunk): the scanner read a part libxml2 finds malformed"
      } else if events != reference.events {
        let k =
          zip(events, reference.events).enumerated().first { $0.element.0 != $0.element.1 }?
          .offset ?? min(events.count, reference.events.count)
        let show = { (e: [[UInt8]]) in k < e.count ? String(decoding: e[k], as: UTF8.self) : "end" }
        return
          "chunk \(chunk): event \(k): scanner \(show(events)), libxml2 \(show(reference.events))"
      }
    }
    return nil
  }
}
