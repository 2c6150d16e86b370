import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The warehouse as another user, a read-only folder or mount, an empty,
/// foreign or damaged file: readers work wherever they can read, and every
/// refusal is one line saying what is wrong and what to do.
@Suite(.serialized)
struct WarehouseAccessTests {
    static let readers: [[String]] = [
        ["agg", "--by", "city", "--format", "csv"], ["export", "--format", "csv"], ["rejects"], ["report", "trainers", "--lang", "en"],
    ]

    /// A warehouse of the sample exports in `dir/warehouse/`; returns its path.
    private func sampleWarehouse(in dir: URL) throws -> String {
        let folder = dir.appendingPathComponent("warehouse")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("pikir.sqlite").path
        let run = try PikirBinary.run("ingest", "--db", db, "sample-data")
        try #require(run.status == 0, "\(run)")
        return db
    }

    /// What the readers print for the owner, read from a copy: a reader
    /// that can write beside a warehouse leaves SQLite's `-shm` and `-wal`
    /// there, through which others could then read it even before the fix.
    private func readersOnACopy(of db: String, in dir: URL) throws -> [PikirRun] {
        let copy = dir.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: db, toPath: copy)
        let runs = try Self.readers.map { try PikirBinary.run($0 + ["--db", copy]) }
        for run in runs { try #require(run.status == 0, "\(run)") }
        return runs
    }

    private func listing(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test(.enabled(if: ReadOnlyUser.available, "needs setpriv to read as another user when running as root"))
    func aUserWhoMayOnlyReadRunsEveryReader() throws {
        try withTemporaryDirectory { dir in
            let db = try sampleWarehouse(in: dir)
            let folder = (db as NSString).deletingLastPathComponent
            let expected = try readersOnACopy(of: db, in: dir)
            chmod(db, 0o444)
            chmod(folder, 0o555)
            defer { chmod(folder, 0o755) }
            let files = listing(folder)

            for (arguments, owner) in zip(Self.readers, expected) {
                let run = try ReadOnlyUser.run(arguments + ["--db", db])
                #expect(run.status == 0, "\(arguments): \(run)")
                #expect(run.stdout == owner.stdout, "\(arguments)")
            }
            #expect(listing(folder) == files, "a reader left files beside the warehouse")
        }
    }

    @Test(.enabled(if: SmallDisk.available, "a read-only bind mount needs root (as for the tmpfs)"))
    func everyReaderWorksOnAReadOnlyMount() throws {
        try withTemporaryDirectory { dir in
            let db = try sampleWarehouse(in: dir)
            let expected = try readersOnACopy(of: db, in: dir)
            let mount = dir.appendingPathComponent("mounted")
            try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
            try #require(SmallDisk.command("/bin/mount", ["--bind", dir.appendingPathComponent("warehouse").path, mount.path]) == 0)
            defer { SmallDisk.unmount(mount) }
            try #require(SmallDisk.command("/bin/mount", ["-o", "remount,bind,ro", mount.path]) == 0)
            let mounted = mount.appendingPathComponent("pikir.sqlite").path

            for (arguments, owner) in zip(Self.readers, expected) {
                let run = try PikirBinary.run(arguments + ["--db", mounted])
                #expect(run.status == 0, "\(arguments): \(run)")
                #expect(run.stdout == owner.stdout, "\(arguments)")
            }
            let ingest = try PikirBinary.run("ingest", "--db", mounted, "sample-data")
            #expect(ingest.status == 1)
            #expect(ingest.stderr == "pikir: \(mounted): cannot write to the warehouse: the file is read-only; "
                + "fix its permissions, or copy the warehouse to a folder you can write and give that --db\n", "\(ingest)")
        }
    }

    @Test(.enabled(if: ReadOnlyUser.available, "needs setpriv to run as another user when running as root"))
    func aWarehouseInAFolderThatCannotBeWrittenIsSaidSo() throws {
        try withTemporaryDirectory { dir in
            let folder = dir.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            chmod(folder.path, 0o555)
            defer { chmod(folder.path, 0o755) }
            let db = folder.appendingPathComponent("pikir.sqlite").path
            let run = try ReadOnlyUser.run(["ingest", "--db", db, "sample-data/2022-11-05_astana_google-forms_en.csv"])
            #expect(run.status == 1)
            #expect(run.stderr == "pikir: \(db): cannot create the warehouse: the folder \(folder.path) is not writable; "
                + "choose another --db or fix its permissions\n", "\(run)")
        }
    }

    @Test func anEmptyWarehouseFileIsNoWarehouseYetForReadersAndANewOneForIngest() throws {
        try withTemporaryDirectory { dir in
            let db = try dir.writeFile("empty.sqlite", bytes: [])
            let agg = try PikirBinary.run("agg", "--db", db)
            #expect(agg.status == 66)
            #expect(agg.stderr == "pikir: \(db): no warehouse here yet (the file is empty); run `pikir ingest --db \(db) FILE…` first\n", "\(agg)")
            let ingest = try PikirBinary.run("ingest", "--db", db, "sample-data/2022-11-05_astana_google-forms_en.csv")
            #expect(ingest.status == 0, "\(ingest)")
            #expect(try PikirBinary.run("agg", "--db", db).status == 0)
        }
    }

    @Test func aDamagedWarehouseIsOneLineWithoutSQL() throws {
        try withTemporaryDirectory { dir in
            // Random bytes: found when the file is opened.
            var generator = SystemRandomNumberGenerator()
            let random = try dir.writeFile("random.sqlite", bytes: (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
            for arguments in [["rejects"], ["ingest", "sample-data/2022-11-05_astana_google-forms_en.csv"]] {
                let run = try PikirBinary.run(arguments + ["--db", random])
                #expect(run.status == 1)
                #expect(run.stderr == "pikir: \(random): not a pikir warehouse, or it is damaged (SQLite: file is not a database); "
                    + "restore it from a backup, or ingest the exports into a new --db\n", "\(run)")
            }

            // A damaged page of the rejects, found only while reading them.
            let db = try sampleWarehouse(in: dir)
            var bytes = try Data(contentsOf: URL(fileURLWithPath: db))
            let header = Int(bytes[16]) << 8 | Int(bytes[17])  // the page size; 1 stands for 65,536
            let pageSize = header == 1 ? 65_536 : header
            let hit = try #require(bytes.range(of: Data("too_many_fields".utf8)), "the reject is not in the file")
            let page = (hit.lowerBound / pageSize) * pageSize
            bytes.replaceSubrange(page..<(page + pageSize), with: Data(repeating: 0xA5, count: pageSize))
            try bytes.write(to: URL(fileURLWithPath: db))
            let run = try PikirBinary.run("rejects", "--db", db)
            #expect(run.status == 1)
            #expect(run.stderr.contains("\(db): not a pikir warehouse, or it is damaged (SQLite: database disk image is malformed); "
                + "restore it from a backup, or ingest the exports into a new --db"), "\(run)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(run)")
            #expect(!run.stderr.contains("SELECT"), "\(run)")
        }
    }

    @Test(arguments: [("UTF-8", [0xEF, 0xBB, 0xBF] as [UInt8]), ("UTF-16LE", [0xFF, 0xFE])])
    func aFileOfOnlyAByteOrderMarkIsEmpty(encoding: String, bom: [UInt8]) throws {
        try withTemporaryDirectory { dir in
            let file = try dir.writeFile("empty-\(encoding).csv", bytes: bom)
            let good = "sample-data/2022-11-05_astana_google-forms_en.csv"
            let run = try PikirBinary.run("ingest", "--db", dir.appendingPathComponent("w.sqlite").path, file, good)
            #expect(run.status == 1)
            #expect(run.stdout.contains("\(file): FAILED: the file is empty (only a byte order mark); nothing to ingest"), "\(run)")
            #expect(run.stdout.contains("1 ingested"), "\(run)")
        }
    }
}
