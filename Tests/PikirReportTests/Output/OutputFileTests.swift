import Foundation
@testable import PikirReport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `OutputFile`: where the bytes of an output go, and what a failure says.
@Suite("OutputFile")
struct OutputFileTests {
    final class Folder {
        let path: String
        init() {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-output-\(UUID().uuidString)").path
            try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        func file(_ name: String, _ text: String = "old\n") -> String {
            let full = path + "/" + name
            FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
            return full
        }
        var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
        func text(_ name: String) -> String? {
            FileManager.default.contents(atPath: path + "/" + name).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    @Test("- and the names of open descriptors are those descriptors")
    func descriptors() throws {
        let folder = Folder()
        let link = folder.path + "/out"
        try #require(symlink("/dev/stdout", link) == 0)
        #expect(OutputFile.target(of: "-") == .descriptor(1))
        #expect(OutputFile.target(of: "/dev/stdout") == .descriptor(1))
        #expect(OutputFile.target(of: "/dev/stderr") == .descriptor(2))
        #expect(OutputFile.target(of: "/dev/fd/2") == .descriptor(2))
        #expect(OutputFile.target(of: "/proc/self/fd/1") == .descriptor(1))
        #expect(OutputFile.target(of: link) == .descriptor(1), "a link to /dev/stdout")
    }

    @Test("special files are written in place; regular and new files through a temporary file")
    func targets() throws {
        let folder = Folder()
        let fifo = folder.path + "/fifo"
        try #require(mkfifo(fifo, 0o600) == 0)
        #expect(OutputFile.target(of: "/dev/null") == .inPlace(create: false))
        #expect(OutputFile.target(of: fifo) == .inPlace(create: false))
        let regular = folder.file("a.csv")
        try #require(chmod(regular, 0o640) == 0)
        #expect(OutputFile.target(of: regular) == .replace(regular, mode: 0o640))
        #expect(OutputFile.target(of: folder.path + "/new.csv") == .replace(folder.path + "/new.csv", mode: nil))
        try #require(symlink("a.csv", folder.path + "/link.csv") == 0)
        #expect(OutputFile.target(of: folder.path + "/link.csv") == .replace(regular, mode: 0o640), "a link's target is replaced")
        try #require(symlink("nowhere.csv", folder.path + "/dangling.csv") == 0)
        #expect(OutputFile.target(of: folder.path + "/dangling.csv") == .inPlace(create: true))
    }

    @Test("a dangling link gets its target made; the link stays")
    func danglingLink() throws {
        let folder = Folder()
        try #require(symlink("target.txt", folder.path + "/link.txt") == 0)
        try OutputFile.write(Data("Сәлем\n".utf8), to: folder.path + "/link.txt")
        #expect(folder.text("target.txt") == "Сәлем\n")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: folder.path + "/link.txt")) == "target.txt")
    }

    @Test("written in pieces, committed whole; discarded, the old file stays and no temporary is left")
    func commitAndDiscard() throws {
        let folder = Folder()
        let path = folder.file("report.txt")
        let file = try OutputFile(path)
        try file.write("Жаңа ")
        try file.write(String(repeating: "есеп ", count: 30_000))
        #expect(folder.text("report.txt") == "old\n", "nothing is seen before the commit")
        #expect(folder.names == [".report.txt.pikir-\(getpid()).tmp", "report.txt"])
        try file.commit()
        #expect(folder.text("report.txt") == "Жаңа " + String(repeating: "есеп ", count: 30_000))
        #expect(folder.names == ["report.txt"])

        let second = try OutputFile(path)
        try second.write("half")
        second.discard()
        #expect(folder.text("report.txt")?.hasPrefix("Жаңа ") == true)
        #expect(folder.names == ["report.txt"])
    }

    @Test("folders: made when asked, else a missing one is named")
    func folders() throws {
        let folder = Folder()
        let deep = folder.path + "/a/b/c.json"
        do {
            try OutputFile.write(Data("{}".utf8), to: deep)
            Issue.record("a missing folder was not an error")
        } catch {
            #expect(error.description == "cannot write \(deep): the folder \(folder.path)/a/b does not exist")
            #expect(error.commandMessage.hasSuffix("; choose another -o"))
        }
        try OutputFile.write(Data("{}".utf8), to: deep, createFolders: true)
        #expect(folder.text("a/b/c.json") == "{}")
        do {
            try OutputFile.write(Data("x".utf8), to: folder.path + "/a")
            Issue.record("a folder was written over")
        } catch {
            #expect(error.description == "cannot write \(folder.path)/a: it is a folder")
        }
    }

    @Test("a temporary's name: recognised by its pid, short enough for a long output name")
    func temporaryNames() {
        #expect(StaleTemporaries.temporaryName(for: "responses.csv", pid: 42) == ".responses.csv.pikir-42.tmp")
        #expect(StaleTemporaries.owner(of: ".responses.csv.pikir-42.tmp")?.pid == 42)
        #expect(StaleTemporaries.owner(of: ".responses.csv.42.tmp", legacy: true)?.pid == 42, "the name before 0.2")
        #expect(StaleTemporaries.owner(of: ".responses.csv.42.tmp") == nil, "other programs use that form too")
        #expect(StaleTemporaries.owner(of: ".responses.csv.pikir-42.tmp")?.name == "responses.csv")
        for other in ["responses.csv.42.tmp", ".responses.csv.tmp", ".42.tmp", ".a.pikir-.tmp", ".a.pikir-4x.tmp", ".a.-1.tmp",
                      ".a.99999999999.tmp", ".a.42.tmp.bak", ".a.pikir-0.tmp"] {
            #expect(StaleTemporaries.owner(of: other, legacy: true) == nil, "\(other)")
        }
        let long = String(repeating: "я", count: 200) + ".html"
        let name = StaleTemporaries.temporaryName(for: long, pid: 4_194_304)
        #expect(name.utf8.count <= 255)
        #expect(StaleTemporaries.owner(of: name)?.pid == 4_194_304)
    }

    @Test("cleaning a folder tree removes only dead processes' temporaries, and follows no link")
    func cleanTree() throws {
        let folder = Folder()
        let outside = Folder()
        try FileManager.default.createDirectory(atPath: folder.path + "/sub", withIntermediateDirectories: true)
        let dead = [".a.csv.pikir-99999999.tmp", "sub/.b.html.pikir-99999999.tmp"]
        let kept = [".c.csv.pikir-\(getpid()).tmp", "sub/d.99999999.tmp", "sub/.e.tmp", "sub/.b.html.99999999.tmp"]
        for name in dead + kept { _ = folder.file(name, "partial") }
        _ = outside.file(".f.csv.pikir-99999999.tmp", "not ours to clean")
        try #require(symlink(outside.path, folder.path + "/link") == 0)
        let removed = StaleTemporaries.clean(folder: folder.path)
        #expect(removed.files == 2 && removed.bytes == 14)
        for name in dead { #expect(folder.text(name) == nil, "\(name)") }
        for name in kept { #expect(folder.text(name) == "partial", "\(name)") }
        #expect(outside.text(".f.csv.pikir-99999999.tmp") == "not ours to clean")
    }

    @Test("cleaning for one output removes its temporaries in both forms, and only its own")
    func cleanOneOutput() {
        let folder = Folder()
        let dead = [".b.html.99999999.tmp", ".b.html.pikir-99999999.tmp"]
        let kept = [".b.html.pikir-\(getpid()).tmp", ".c.html.99999999.tmp", ".b.htm.99999999.tmp"]
        for name in dead + kept { _ = folder.file(name, "partial") }
        #expect(StaleTemporaries.clean(output: folder.path + "/b.html").files == 2)
        #expect(folder.names == kept.sorted())
    }
}
