import Foundation

/// What a run says on stderr: plain lines, or JSON lines for cron and log
/// collectors; a progress bar only when stderr is a terminal.
public final class RunLog: @unchecked Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json }

    let format: Format
    let quiet: Bool
    private let terminal: Bool
    private var progressShown = false
    private let lock = NSLock()

    public init(format: Format = .text, quiet: Bool = false, terminal: Bool = isatty(STDERR_FILENO) != 0) {
        self.format = format
        self.quiet = quiet
        self.terminal = terminal && format == .text
    }

    public func info(_ stage: String, _ message: String, _ fields: [String: Any] = [:]) {
        guard !quiet else { return }
        emit("info", stage, message, fields)
    }

    public func error(_ stage: String, _ message: String, _ fields: [String: Any] = [:]) {
        emit("error", stage, message, fields)
    }

    /// A progress bar with counts and rate (terminal only; a no-op otherwise).
    func progress(_ stage: String, done: Int, total: Int, rate: String) {
        guard terminal, !quiet, total > 0 else { return }
        let width = 30
        let filled = done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\(stage) \(bar) \(done)/\(total) files  \(rate)\u{1B}[K".utf8))
        progressShown = true
    }

    private func emit(_ level: String, _ stage: String, _ message: String, _ fields: [String: Any]) {
        lock.lock()
        defer { lock.unlock() }
        if progressShown {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            progressShown = false
        }
        switch format {
        case .text:
            let prefix = level == "error" ? "pikir run: error: " : "pikir run: "
            FileHandle.standardError.write(Data((prefix + (stage.isEmpty ? "" : stage + ": ") + message + "\n").utf8))
        case .json:
            var object = fields
            object["time"] = ISO8601DateFormatter().string(from: Date())
            object["level"] = level
            object["stage"] = stage
            object["message"] = message
            if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) {
                FileHandle.standardError.write(data + Data("\n".utf8))
            }
        }
    }
}
