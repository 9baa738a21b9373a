import Foundation
import Testing

@testable import CSVImport

#if canImport(Glibc)
  import Glibc
#endif

/// A file that changes while it is read (a log still being written, an export copied over it)
/// is an I/O error (IO002), not a silent mix of two versions.
@Suite struct InputChangeTests {
  /// 20 lines of 10 bytes ("r00,v0000\n" …), read in 64-byte blocks so that the reader is
  /// still reading when the first record arrives; `change` runs on the first record.
  func read(change: (String) -> Void) throws -> (records: Int, error: CSVError?) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "change-\(UUID().uuidString).csv")
    var text = ""
    for i in 0..<20 { text += String(format: "r%02d,v%04d\n", i, i) }
    try Data(text.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let reader = try CSVReader(path: url.path, options: CSVReadOptions(blockSize: 64))
    var records = 0
    do {
      try reader.forEachRecord { _ in
        if records == 0 { change(url.path) }
        records += 1
      }
      return (records, nil)
    } catch let e as CSVError {
      return (records, e)
    }
  }

  @Test func unchangedFileReadsWhole() throws {
    let r = try read { _ in }
    #expect(r.records == 20)
    #expect(r.error == nil)
  }

  @Test func appendedWhileRead() throws {
    let r = try read { path in
      let h = FileHandle(forWritingAtPath: path)!
      h.seekToEndOfFile()
      h.write(Data("r20,v0020\n".utf8))
      h.closeFile()
    }
    // The appended line was read too (21 records), then the change is reported: 200 bytes
    // when opened, 210 read, 210 now.
    #expect(r.records == 21)
    #expect(r.error?.code == "IO002")
    #expect(
      r.error?.description.contains(
        "reading the file failed: the file changed while it was being read (210 bytes read, 210 "
          + "bytes now); run again once it is no longer being written") == true)
  }

  @Test func truncatedWhileRead() throws {
    let r = try read { path in _ = truncate(path, 100) }
    // 64 bytes were in the first block, the rest up to byte 100 in the next: 10 records.
    #expect(r.records == 10)
    #expect(r.error?.code == "IO002")
    #expect(r.error?.description.contains("(100 bytes read, 100 bytes now)") == true)
  }

  @Test func rewrittenInPlaceWithTheSameSize() throws {
    let r = try read { path in
      // Same length, other bytes: only the modification time tells.
      usleep(20_000)
      let h = FileHandle(forWritingAtPath: path)!
      h.seek(toFileOffset: 150)
      h.write(Data("x".utf8))
      h.closeFile()
    }
    #expect(r.records == 20)
    #expect(r.error?.code == "IO002")
  }
}
