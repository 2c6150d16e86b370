/// One mistake in a pipeline file: where it is, which key, what is wrong,
/// and the values that would be right.
public struct PipelineIssue: Sendable, Equatable, CustomStringConvertible {
    /// The pipeline file, as the caller named it (`pipelines/demo.toml`).
    public var file: String
    /// The 1-based line of the offending key, or of its table's header when
    /// the key is missing; nil when the file has no such place (a missing
    /// `[pipeline]` table, an unreadable file).
    public var line: Int?
    /// The key as a dotted path without array indices: `stage.type`,
    /// `stage.table.name`, `inputs.exports`; empty for a syntax error on a
    /// line that names no key.
    public var key: String
    public var message: String
    /// The values or keys that would be accepted; empty when there is no list.
    public var allowed: [String]

    public init(file: String, line: Int?, key: String, message: String, allowed: [String] = []) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
        self.allowed = allowed
    }

    /// `pipelines/demo.toml:12: stage.type: unknown stage 'ingets'; allowed: ingest, aggregate, render, export`
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if !text.isEmpty { text += ": " }
        if !key.isEmpty { text += "\(key): " }
        text += message
        if !allowed.isEmpty { text += "; allowed: " + allowed.joined(separator: ", ") }
        return text
    }
}

/// Every mistake found in a pipeline file, in the order of their lines.
public struct PipelineIssues: Error, Sendable, CustomStringConvertible {
    public var issues: [PipelineIssue]

    public init(_ issues: [PipelineIssue]) { self.issues = issues }

    /// One issue a line.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
