import Foundation
import Testing
@testable import PikirPipeline

/// Paths resolve against the pipeline file's folder, lexically.
struct PathsTests {
    @Test func normalisation() {
        #expect(Paths.normalise("/a/./b/../c//d/") == "/a/c/d")
        #expect(Paths.normalise("/../x") == "/x")
        #expect(Paths.resolve("../sample-data/*.csv", against: "/srv/pikir/pipelines") == "/srv/pikir/sample-data/*.csv")
        #expect(Paths.resolve("/abs/file.csv", against: "/srv") == "/abs/file.csv")
        #expect(Paths.resolve("Қарағанды/Алматы_2024.csv", against: "/d") == "/d/Қарағанды/Алматы_2024.csv")
        #expect(Paths.directory(of: "/a/b.toml") == "/a")
        #expect(Paths.directory(of: "/b.toml") == "/")
        #expect(Paths.fileName(of: "/a/b.toml") == "b.toml")
    }

    @Test func aLeadingTildeIsTheHomeFolder() throws {
        let home = try #require(ProcessInfo.processInfo.environment["HOME"])
        #expect(Paths.resolve("~/exports", against: "/srv") == Paths.normalise(home + "/exports"))
        #expect(Paths.resolve("a/~/b", against: "/srv") == "/srv/a/~/b")
    }

    @Test func aFileNamedRelativeToTheCurrentDirectoryKeepsThatNameInIssues() throws {
        let box = Sandbox()
        box.standardData()
        let absolute = box.write("pipelines/rel.toml", minimal(stages: "[[stage]]\ntype = \"ingets\"\n"))
        let depth = Paths.currentDirectory.split(separator: "/").count
        let relative = String(repeating: "../", count: depth) + absolute.dropFirst()
        do {
            _ = try Pipeline.load(relative)
            Issue.record("expected an issue")
        } catch {
            #expect(error.issues.map(\.file) == [relative])
            #expect(error.description.hasPrefix(relative + ":8: stage.type: unknown stage 'ingets'"))
        }
        let fixed = box.write("pipelines/rel.toml", minimal())
        #expect(fixed == absolute)
        #expect(try Pipeline.load(relative).file == absolute)
        #expect(try Pipeline.load(relative).output == box.path("out"))
    }
}
