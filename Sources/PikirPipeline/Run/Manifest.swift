import Foundation
import PikirReport

/// What a stage did, written to `<output>/manifests/<stage>.json` when it
/// succeeds: its inputs and outputs with hashes, counts, duration and the
/// pikir version, so any output can be traced to the exports that made it.
/// The next run compares its keys to decide what to skip.
public struct Manifest: Codable, Sendable {
    public struct File: Codable, Sendable, Equatable {
        public var path: String
        public var sha256: String
        public var size: Int
        /// Modification time (ns) of an input, so an unchanged file need not be hashed again.
        public var mtime: Int64?
        /// For an output: the key of what it was made from; unchanged key, unchanged output.
        public var key: String?
    }

    public var stage: String
    public var pikirVersion: String
    /// Hash of everything the stage read: equal keys, nothing to do.
    public var key: String
    public var durationSeconds: Double
    public var inputs: [File]
    public var outputs: [File]
    public var counts: [String: Int]

    enum CodingKeys: String, CodingKey {
        case stage, pikirVersion = "pikir_version", key, durationSeconds = "duration_s", inputs, outputs, counts
    }

    static func path(output: String, stage: String) -> String {
        (output as NSString).appendingPathComponent("manifests/\(stage).json")
    }

    static func load(output: String, stage: String) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: path(output: output, stage: stage)) else { return nil }
        return try? JSONDecoder().decode(Manifest.self, from: data)
    }

    func save(output: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try OutputFile.write(try encoder.encode(self) + Data("\n".utf8), to: Self.path(output: output, stage: stage), createFolders: true)
        } catch let error as OutputError {
            throw RunError(error)
        }
    }
}
