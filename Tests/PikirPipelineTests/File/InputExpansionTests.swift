import Foundation
import Testing
@testable import PikirPipeline

/// `Inputs.expand()`: folders, globs (with `**`), de-duplication, sorting,
/// Kazakh and Russian file names.
struct InputExpansionTests {
    /// A tree of exports and other files.
    static func tree() -> Sandbox {
        let box = Sandbox()
        box.write("data/Алматы_2024.csv")
        box.write("data/Қарағанды.csv")
        box.write("data/astana.TSV")
        box.write("data/notes.md", "not an export")
        box.write("data/.hidden.csv")
        box.write("data/2023/Шымкент.txt")
        box.write("data/2023/deep/Өскемен.csv")
        box.write("data/2023/deep/report.pdf", "%PDF")
        box.write("data/.cache/old.csv")
        box.write("other/x.csv")
        return box
    }

    func expand(_ box: Sandbox, _ patterns: [String]) throws -> [String] {
        try Pipeline.Inputs(exports: patterns.map { box.path($0) }).expand()
    }

    @Test func aFolderStandsForItsExportsNotItsSubfolders() throws {
        let box = Self.tree()
        #expect(try expand(box, ["data"]) == [
            box.path("data/astana.TSV"),
            box.path("data/Алматы_2024.csv"),
            box.path("data/Қарағанды.csv"),
        ])
    }

    @Test func globsMatchWithinOneFolder() throws {
        let box = Self.tree()
        #expect(try expand(box, ["data/*.csv"]) == [box.path("data/Алматы_2024.csv"), box.path("data/Қарағанды.csv")])
        #expect(try expand(box, ["data/Алматы_????.csv"]) == [box.path("data/Алматы_2024.csv")])
        #expect(try expand(box, ["data/[ҚА]*"]) == [box.path("data/Алматы_2024.csv"), box.path("data/Қарағанды.csv")])
        #expect(try expand(box, ["data/[!Ққ]*.csv"]) == [box.path("data/Алматы_2024.csv")])
        #expect(try expand(box, ["data/[a-z]*"]) == [box.path("data/astana.TSV"), box.path("data/notes.md")])
        // A glob keeps files only: the folder 2023 is not among them.
        #expect(try expand(box, ["data/*"]).contains(box.path("data/2023")) == false)
        #expect(try expand(box, ["*/x.csv"]) == [box.path("other/x.csv")])
    }

    @Test func doubleStarMatchesAnyDepthButNotHiddenFolders() throws {
        let box = Self.tree()
        #expect(try expand(box, ["data/**/*.csv"]) == [
            box.path("data/2023/deep/Өскемен.csv"),
            box.path("data/Алматы_2024.csv"),
            box.path("data/Қарағанды.csv"),
        ])
        #expect(try expand(box, ["**/Шымкент.txt"]) == [box.path("data/2023/Шымкент.txt")])
        #expect(try expand(box, ["data/2023/**"]) == [
            box.path("data/2023/deep/report.pdf"),
            box.path("data/2023/deep/Өскемен.csv"),
            box.path("data/2023/Шымкент.txt"),
        ])
    }

    @Test func overlappingPatternsGiveEachFileOnceInOrder() throws {
        let box = Self.tree()
        let files = try expand(box, ["data/Қарағанды.csv", "data/*.csv", "data", "data/../data/Алматы_2024.csv"])
        #expect(files == [
            box.path("data/astana.TSV"),
            box.path("data/Алматы_2024.csv"),
            box.path("data/Қарағанды.csv"),
        ])
        #expect(files == files.sorted())
    }

    @Test func aNameWrittenInAnotherNormalisationFormIsFound() throws {
        let box = Sandbox()
        // "й" decomposed (и + combining breve) on disk, composed in the pattern.
        box.write("data/Бәйтерек_\u{0438}\u{0306}.csv")
        let files = try expand(box, ["data/Бәйтерек_\u{0439}.csv"])
        #expect(files.count == 1)
        #expect(try expand(box, ["data/*_\u{0439}.csv"]).count == 1)
    }

    @Test func patternsThatMatchNothingAreAllReported() {
        let box = Self.tree()
        #expect(throws: PipelineIssues.self) { try expand(box, ["data/*.xlsx", "data/*.csv", "nowhere", "data/.cache/*.xls"]) }
        do {
            _ = try Pipeline.Inputs(exports: [box.path("data/*.xlsx"), box.path("data/*.csv"), box.path("nowhere")]).expand()
        } catch {
            #expect(error.issues.map(\.message) == [
                "'\(box.path("data/*.xlsx"))': matches no files",
                "'\(box.path("nowhere"))': no such file or folder",
            ])
            #expect(error.issues.allSatisfy { $0.key == "inputs.exports" && $0.line == nil })
        }
    }

    @Test func aLoadedPipelineReportsTheLineOfEachPattern() throws {
        let box = Self.tree()
        let text = """
        [pipeline]
        output = "out"
        [inputs]
        exports = [
          "../data/**/*.csv",
          "../other",
        ]
        [[stage]]
        type = "ingest"
        """
        let pipeline = try Pipeline.load(box.write("pipelines/p.toml", text))
        #expect(pipeline.inputs.exports == [box.path("data/**/*.csv"), box.path("other")])
        #expect(try pipeline.inputs.expand().count == 4)
        // The files go away after loading: expand() reports the lines as written.
        try FileManagerShim.remove(box.path("other/x.csv"))
        do {
            _ = try pipeline.inputs.expand()
            Issue.record("expected an issue")
        } catch {
            #expect(error.issues == [PipelineIssue(file: box.path("pipelines/p.toml"), line: 6, key: "inputs.exports",
                                                   message: "'../other' (\(box.path("other"))): the folder holds no .csv, .tsv or .txt files")])
        }
    }

    @Test func wildcardMatching() {
        func m(_ pattern: String, _ name: String) -> Bool { Glob.matches(Array(pattern), Array(name)) }
        #expect(m("*.csv", "a.csv"))
        #expect(!m("*.csv", ".a.csv"))
        #expect(m(".*.csv", ".a.csv"))
        #expect(m("a*b*c", "aXXbYYc"))
        #expect(!m("a*b*c", "aXXbYY"))
        #expect(m("?лматы", "Алматы"))
        #expect(m("[0-9][0-9]_*", "24_x"))
        #expect(!m("[0-9][0-9]_*", "2x_x"))
        #expect(m("[]]x", "]x"))
        #expect(m("\\*x", "*x"))
        #expect(!m("\\*x", "ax"))
        #expect(m("[abc", "[abc"))
        #expect(m("***", "anything"))
        #expect(m("", "") && !m("", "a"))
    }
}

enum FileManagerShim {
    static func remove(_ path: String) throws { try FileManager.default.removeItem(atPath: path) }
}
