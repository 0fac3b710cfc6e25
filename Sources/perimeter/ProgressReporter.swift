import Foundation
import PerimeterKit

/// Renders progress on stderr: a bar with count and rate on a terminal, a line every few seconds
/// otherwise; nothing at all with `--quiet`. Thread-safe (called from worker tasks).
final class ProgressReporter: @unchecked Sendable {
    private let quiet: Bool
    private let label: String
    private let start = Date()
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drewAnything = false
    private let isTerminal = isatty(STDERR_FILENO) != 0

    init(label: String, quiet: Bool) {
        self.label = label
        self.quiet = quiet
    }

    /// The sink to hand to the domain layer.
    var sink: ProgressSink {
        { [self] done, total, unit in self.update(done: done, total: total, unit: unit) }
    }

    func update(done: Int, total: Int?, unit: String, force: Bool = false) {
        guard !quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let interval = isTerminal ? 0.1 : 5.0
        guard force || now.timeIntervalSince(lastDraw) >= interval else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 1e-9)
        let rate = Double(done) / elapsed
        var line = "\(label): \(done)"
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let width = 24
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            line = "\(label) [\(bar)] \(done)/\(total) \(unit)"
        } else {
            line += " \(unit)"
        }
        line += String(format: rate < 10 ? " (%.2f %@/s, %.1f s)" : " (%.0f %@/s, %.1f s)", rate, unit, elapsed)
        if isTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        } else {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        drewAnything = true
    }

    /// Ends the progress display (final count and a newline on a terminal).
    func finish(done: Int, total: Int?, unit: String) {
        update(done: done, total: total, unit: unit, force: true)
        lock.lock()
        defer { lock.unlock() }
        if !quiet && isTerminal && drewAnything { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
