import Dispatch
import EscalationKit
import Foundation
import XLSXExport

/// A progress line on standard error, only when standard error is a terminal and not
/// `--quiet`: `escalation: computing the figures… 2.4 s`, redrawn in place every quarter of a
/// second so that a long step shows it is alive, and erased at the end.
final class Progress: @unchecked Sendable {
  private let enabled: Bool
  private let lock = NSLock()
  private var text = ""
  private var started = Date()
  private var timer: DispatchSourceTimer?

  init(quiet: Bool) {
    enabled = !quiet && isatty(2) == 1
    guard enabled else { return }
    let t = DispatchSource.makeTimerSource(queue: .global())
    t.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(250))
    t.setEventHandler { [weak self] in self?.redraw() }
    t.resume()
    timer = t
  }

  deinit { timer?.cancel() }

  /// Starts a step.
  func step(_ text: String) {
    guard enabled else { return }
    lock.lock()
    self.text = text
    started = Date()
    lock.unlock()
    redraw()
  }

  private func redraw() {
    lock.lock()
    defer { lock.unlock() }
    guard !text.isEmpty else { return }
    let seconds = Date().timeIntervalSince(started)
    let elapsed = seconds < 0.25 ? "" : " " + String(format: "%.1f s", seconds)
    write("\r\u{1B}[K" + "escalation: \(text)…\(elapsed)")
  }

  /// Erases the line (before a status line or a message).
  func finish() {
    guard enabled else { return }
    timer?.cancel()
    lock.lock()
    text = ""
    write("\r\u{1B}[K")
    lock.unlock()
  }

  private func write(_ s: String) {
    var s = s
    s.withUTF8 { b in _ = Glibc.write(2, b.baseAddress, b.count) }
  }
}

extension Progress {
  /// The steps of `report` as progress text.
  func report(_ step: ReportRun.Step) {
    switch step {
    case .reading(let log): self.step("reading \(log == "-" ? "standard input" : log)")
    case .computing: self.step("computing the figures")
    case .writing(let path): self.step("writing \(path)")
    case .writingSheet(let path, let name, let position, let count):
      // Past `count`, a long list continues on further sheets ("Tickets (2)").
      self.step("writing \(path): sheet \(min(position, count)) of \(count) (\(name))")
    }
  }
}
