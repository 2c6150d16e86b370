import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `-o` of `pikir export` and `pikir report`: special files are written in
/// place, `-` is standard output, regular files are replaced whole, and a
/// file that cannot be written is one line and exit status 73.
@Suite("pikir -o")
struct OutputFlagTests {
    /// A warehouse of `sample-data/` (its CSV export is about 120 KB) in a fresh folder.
    static func withWarehouse<T>(_ body: (URL, String) throws -> T) throws -> T {
        try withTemporaryDirectory { dir throws in
            let db = dir.appendingPathComponent("pikir.sqlite").path
            let ingest = try PikirBinary.run(["ingest", "--db", db] + AggCommandTests.registries + ["sample-data/"])
            try #require(ingest.status == 0, "\(ingest)")
            return try body(dir, db)
        }
    }

    /// The export as it goes to standard output: what every `-o` must receive.
    static func expectedExport(_ db: String) throws -> String {
        let run = try PikirBinary.run(["export", "--db", db])
        try #require(run.status == 0 && run.stdout.hasPrefix("\u{FEFF}"), "\(run)")
        return run.stdout
    }

    /// Temporary files (`*.tmp`) in a folder.
    static func temporaries(in dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".tmp") }.sorted()
    }

    @Test("-o FIFO: the export goes through the FIFO, which stays a FIFO")
    func fifo() throws {
        try Self.withWarehouse { dir, db in
            let expected = try Self.expectedExport(db)
            let fifo = dir.appendingPathComponent("pipe").path
            try #require(mkfifo(fifo, 0o600) == 0)
            let reader = try FIFOReader(fifo, into: dir.appendingPathComponent("received"))
            let run = try PikirBinary.run(["export", "--db", db, "-o", fifo], timeout: 30)
            let received = reader.finish()
            #expect(run.status == 0, "\(run)")
            #expect(FileType(fifo) == .fifo, "the FIFO was replaced: it is now \(FileType(fifo))")
            #expect(received.map { String(decoding: $0, as: UTF8.self) } == expected, "the reader did not get the export")
            #expect(Self.temporaries(in: dir).isEmpty)
        }
    }

    @Test("-o a character device (/dev/null): written in place, still a device, no error")
    func characterDevice() throws {
        try Self.withWarehouse { dir, db in
            let device = try privateNullDevice(in: dir)
            for arguments in [["export"], ["report", "trainers", "--lang", "en"], ["report", "yearly", "--year", "2024", "--format", "html"]] {
                let run = try PikirBinary.run(arguments + ["--db", db, "-o", device])
                #expect(run.status == 0, "\(arguments): \(run)")
                #expect(run.stderr == "", "\(arguments): \(run.stderr)")
                #expect(FileType(device) == .characterDevice, "\(arguments): \(device) is now \(FileType(device))")
            }
            #expect(Self.temporaries(in: dir).isEmpty)
        }
    }

    @Test("-o - is standard output: no file named -")
    func dash() throws {
        try Self.withWarehouse { dir, db in
            let expected = try Self.expectedExport(db)
            let export = try PikirBinary.run(["export", "--db", db, "-o", "-"], in: dir)
            #expect(export.status == 0, "\(export)")
            #expect(export.stdout == expected)
            let report = try PikirBinary.run(["report", "trainers", "--lang", "en", "--db", db, "-o", "-"], in: dir)
            #expect(report.status == 0, "\(report)")
            #expect(report.stdout == (try PikirBinary.run(["report", "trainers", "--lang", "en", "--db", db])).stdout)
            #expect(report.stdout.contains("pikir agg --by trainer"), "\(report.stdout.prefix(300))")
            #expect(FileType(dir.appendingPathComponent("-").path) == .missing, "a file named - was written")
        }
    }

    @Test("-o a link to standard output (like /dev/stdout) writes to the open output and keeps the link")
    func linkToStandardOutput() throws {
        try Self.withWarehouse { dir, db in
            let expected = try Self.expectedExport(db)
            // /dev/stdout itself is a link to /proc/self/fd/1; a private one, so that
            // a pikir that replaced links could not break the machine's /dev/stdout.
            let link = dir.appendingPathComponent("stdout").path
            try #require(symlink("/proc/self/fd/1", link) == 0)
            let run = try PikirBinary.run(["export", "--db", db, "-o", link])
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout == expected, "standard output did not get the export")
            #expect(FileType(link) == .symbolicLink, "the link is now \(FileType(link))")
        }
    }

    @Test("a regular file is replaced whole, by a rename: a hard link keeps the old bytes; its permissions stay")
    func regularFileReplacedByRename() throws {
        try Self.withWarehouse { dir, db in
            let expected = try Self.expectedExport(db)
            let file = try dir.writeFile("responses.csv", text: "old export\n")
            try #require(chmod(file, 0o640) == 0)
            let other = dir.appendingPathComponent("hard-link.csv").path
            try #require(link(file, other) == 0)
            let run = try PikirBinary.run(["export", "--db", db, "-o", file])
            #expect(run.status == 0, "\(run)")
            #expect(String(decoding: FileManager.default.contents(atPath: file) ?? Data(), as: UTF8.self) == expected)
            #expect(String(decoding: FileManager.default.contents(atPath: other) ?? Data(), as: UTF8.self) == "old export\n",
                    "the old file was written over in place instead of replaced")
            var info = stat()
            #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o640, "permissions \(String(info.st_mode & 0o777, radix: 8))")
            #expect(Self.temporaries(in: dir).isEmpty)
        }
    }

    @Test("a symbolic link to a regular file stays a link; its target gets the new bytes")
    func linkToRegularFile() throws {
        try Self.withWarehouse { dir, db in
            let target = try dir.writeFile("latest-2024.txt", text: "old report\n")
            let link = dir.appendingPathComponent("latest.txt").path
            try #require(symlink("latest-2024.txt", link) == 0)
            let run = try PikirBinary.run(["report", "trainers", "--lang", "kk", "--db", db, "-o", link])
            #expect(run.status == 0, "\(run)")
            #expect(FileType(link) == .symbolicLink, "the link is now \(FileType(link))")
            let text = String(decoding: FileManager.default.contents(atPath: target) ?? Data(), as: UTF8.self)
            #expect(text.contains("pikir agg --by trainer"), "the target was not rewritten: \(text.prefix(200))")
            #expect(Self.temporaries(in: dir).isEmpty)
        }
    }

    @Test("a missing folder: one line naming it, exit 73, nothing created")
    func missingFolder() throws {
        try Self.withWarehouse { dir, db in
            let folder = dir.appendingPathComponent("no-such-folder").path
            for arguments in [["export"], ["report", "trainers"]] {
                // A report's format follows the extension, so it is written to a .txt.
                let name = arguments[0] == "report" ? "out.txt" : "out.csv"
                let run = try PikirBinary.run(arguments + ["--db", db, "-o", folder + "/" + name])
                #expect(run.status == 73, "\(arguments): \(run)")
                #expect(run.stderr == "pikir: cannot write \(folder)/\(name): the folder \(folder) does not exist; choose another -o\n", "\(run.stderr)")
                #expect(FileType(folder) == .missing)
            }
        }
    }

    @Test("a folder that cannot be written: one line, exit 73, no raw system error",
          .enabled(if: getuid() != 0 || Tmpfs.available, "as root only a read-only mount stops a write, and mounting is not allowed here"))
    func unwritableFolder() throws {
        try Self.withWarehouse { dir, db in
            func check(_ folder: URL, reason: String) throws {
                for arguments in [["export"], ["report", "trainers"]] {
                    let out = folder.appendingPathComponent(arguments[0] == "report" ? "out.txt" : "out.csv").path
                    let run = try PikirBinary.run(arguments + ["--db", db, "-o", out])
                    #expect(run.status == 73, "\(arguments): \(run)")
                    #expect(run.stderr == "pikir: cannot write \(out): the folder \(folder.path) \(reason); choose another -o\n", "\(run.stderr)")
                }
            }
            if getuid() == 0 {
                try Tmpfs.with(options: "size=64k,ro", at: dir.appendingPathComponent("mount")) { try check($0, reason: "is on a read-only file system") }
            } else {
                let folder = dir.appendingPathComponent("locked")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try #require(chmod(folder.path, 0o555) == 0)
                defer { chmod(folder.path, 0o755) }
                try check(folder, reason: "is not writable (permission denied)")
            }
        }
    }

    @Test("a full disk: 'no space left on device', exit 73, the old file intact, no temporary left",
          .enabled(if: Tmpfs.available, "needs root and a tmpfs mount"))
    func fullDisk() throws {
        try Self.withWarehouse { dir, db in
            try Tmpfs.with(options: "size=64k", at: dir.appendingPathComponent("mount")) { small in
                let file = try small.writeFile("responses.csv", text: "old export\n")
                let run = try PikirBinary.run(["export", "--db", db, "-o", file])
                #expect(run.status == 73, "\(run)")
                #expect(run.stderr == "pikir: cannot write \(file): no space left on device; free some space or choose another -o\n", "\(run.stderr)")
                #expect(String(decoding: FileManager.default.contents(atPath: file) ?? Data(), as: UTF8.self) == "old export\n")
                #expect(Self.temporaries(in: small).isEmpty, "left behind: \(Self.temporaries(in: small))")
            }
        }
    }

    @Test("-o removes the temporaries of the same file that dead processes left, and nothing else")
    func staleTemporariesOfTheSameName() throws {
        try Self.withWarehouse { dir, db in
            // 99999999 is above Linux's largest process id: no such process runs.
            let dead = [".responses.csv.pikir-99999999.tmp", ".responses.csv.99999999.tmp"]
            let kept = [".responses.csv.pikir-\(getpid()).tmp",  // this test's own process is running
                        ".other.csv.pikir-99999999.tmp", "responses.csv.99999999.tmp", ".responses.csv.tmp", ".responses.csv.abc.tmp"]
            for name in dead + kept { try dir.writeFile(name, text: "partial\n") }
            let run = try PikirBinary.run(["export", "--db", db, "-o", dir.appendingPathComponent("responses.csv").path])
            #expect(run.status == 0, "\(run)")
            #expect(Self.temporaries(in: dir) == kept.filter { $0.hasSuffix(".tmp") }.sorted())
        }
    }
}
