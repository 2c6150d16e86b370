import Foundation
import Testing
@testable import PikirPipeline

/// A temporary folder with real files in it, removed when the sandbox goes.
final class Sandbox {
    let root: String

    init() {
        let name = "pikir-pipeline-\(UUID().uuidString)"
        root = Paths.normalise(FileManager.default.temporaryDirectory.appendingPathComponent(name).path)
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// The absolute path of `relative`.
    func path(_ relative: String) -> String { root + "/" + relative }

    /// Writes a file, making its folders.
    @discardableResult
    func write(_ relative: String, _ text: String = "a,b\n1,2\n") -> String {
        let full = path(relative)
        try! FileManager.default.createDirectory(atPath: Paths.directory(of: full), withIntermediateDirectories: true)
        try! text.write(toFile: full, atomically: false, encoding: .utf8)
        return full
    }

    func mkdir(_ relative: String) {
        try! FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    /// The usual layout: three exports, two registries and a mapping beside `pipelines/`.
    func standardData() {
        write("sample-data/2023_almaty.csv")
        write("sample-data/2024_astana.tsv")
        write("sample-data/2024_karaganda.txt")
        write("sample-data/README.md", "# not an export\n")
        write("sample-data/registries/trainers.csv", "id,name\n")
        write("sample-data/registries/sessions.csv", "id,date\n")
        write("pipelines/mapping.csv", "from,to\n")
    }

    /// Writes `pipelines/<name>` and loads it.
    func load(_ toml: String, name: String = "test.toml") throws(PipelineIssues) -> Pipeline {
        try Pipeline.load(write("pipelines/" + name, toml))
    }

    /// Writes `pipelines/<name>` and returns the issues loading it reports (none if it loads).
    func issues(_ toml: String, name: String = "test.toml") -> [PipelineIssue] {
        do {
            _ = try load(toml, name: name)
            return []
        } catch {
            return error.issues
        }
    }
}

/// The 1-based line of the only line of `text` that contains `marker`.
func line(_ marker: String, in text: String) -> Int {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let found = lines.indices.filter { lines[$0].contains(marker) }
    guard found.count == 1 else {
        Issue.record("'\(marker)' is on \(found.count) lines")
        return 0
    }
    return found[0] + 1
}

/// A minimal valid pipeline, with `extra` appended (more stages, say).
func minimal(stages: String = "[[stage]]\ntype = \"ingest\"\n", pipeline: String = "", inputs: String = "") -> String {
    """
    [pipeline]
    output = "../out"
    \(pipeline)
    [inputs]
    exports = ["../sample-data"]
    \(inputs)
    \(stages)
    """
}
