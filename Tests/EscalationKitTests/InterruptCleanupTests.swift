import Foundation
import Testing

@testable import EscalationKit

/// The registry of temporary files that the interrupt handler removes. (The handler itself is
/// exercised on the real binary: FaultTests.interruptedWhileWriting.)
@Suite(.serialized) struct InterruptCleanupTests {
  @Test func registerAndUnregister() throws {
    let a = "/tmp/.a-\(UUID().uuidString).tmp"
    let b = "/tmp/.b-\(UUID().uuidString).tmp"
    let sa = try #require(InterruptCleanup.register(a))
    let sb = try #require(InterruptCleanup.register(b))
    #expect(sa != sb)
    #expect(InterruptCleanup.registered.contains(a) && InterruptCleanup.registered.contains(b))
    InterruptCleanup.unregister(sa, path: a)
    #expect(!InterruptCleanup.registered.contains(a))
    // The freed slot goes to the next file; a second unregister of `a` must not free it.
    let c = "/tmp/.c-\(UUID().uuidString).tmp"
    let sc = try #require(InterruptCleanup.register(c))
    InterruptCleanup.unregister(sc, path: a)
    #expect(InterruptCleanup.registered.contains(c))
    InterruptCleanup.unregister(sb, path: b)
    InterruptCleanup.unregister(sc, path: c)
    #expect(!InterruptCleanup.registered.contains(b) && !InterruptCleanup.registered.contains(c))
  }

  @Test func pathsThatCannotBeRegistered() {
    #expect(InterruptCleanup.register("") == nil)
    #expect(InterruptCleanup.register(String(repeating: "x", count: 5000)) == nil)  // > PATH_MAX
  }

  @Test func outputWriterRegistersItsTemporaryFileUntilCommitted() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let target = dir.appendingPathComponent("out.csv").path
    let temp = OutputWriter.temporaryPath(for: target)
    do {
      let w = try OutputWriter(path: target)
      #expect(InterruptCleanup.registered.contains(temp))
      try w.write("x\n")
      try w.commit()
      #expect(!InterruptCleanup.registered.contains(temp))
    }
    do {
      // Dropped without commit: file removed and slot freed.
      let w = try OutputWriter(path: target)
      try w.write("y\n")
      #expect(InterruptCleanup.registered.contains(temp))
    }
    #expect(!InterruptCleanup.registered.contains(temp))
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "x\n")
  }
}
