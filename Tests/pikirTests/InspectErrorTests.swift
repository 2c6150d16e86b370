import Foundation
import Testing

/// Files that cannot be read: reported on stderr with what to do, the other
/// files still inspected, exit status 1.
@Suite("inspect: unreadable files")
struct InspectErrorTests {
    static let good = "sample-data/2022-11-05_astana_google-forms_en.csv"

    /// Runs `inspect --format json BAD GOOD` and checks the shared contract.
    private func inspectBadThenGood(_ bad: String, in directory: URL = PikirBinary.repo,
                                    goodPath: String = good) throws -> PikirRun {
        let run = try PikirBinary.run(["inspect", "--format", "json", bad, goodPath], in: directory)
        #expect(run.status == 1, "\(run)")
        let files = try InspectedFile.decodeAll(run.stdout)
        #expect(files.map(\.path) == [goodPath])
        #expect(files.first?.records == 36)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one message for the one bad file: \(run.stderr)")
        #expect(run.stderr.hasPrefix("pikir inspect: \(bad): "))
        return run
    }

    @Test("missing file: named on stderr, the good file still inspected")
    func missingFile() throws {
        let run = try inspectBadThenGood("sample-data/no-such-export.csv")
        #expect(run.stderr == "pikir inspect: sample-data/no-such-export.csv: no such file; check the path\n")
    }

    @Test("missing file in text mode, between two good files")
    func missingFileText() throws {
        let run = try PikirBinary.run("inspect", SampleData.cp1251, "gone.csv", SampleData.kz1048)
        #expect(run.status == 1)
        #expect(run.stderr.contains("gone.csv: no such file"))
        #expect(run.stdout.contains(SampleData.cp1251 + "\n  encoding     cp1251"))
        #expect(run.stdout.contains(SampleData.kz1048 + "\n  encoding     kz1048"))
        #expect(!run.stdout.contains("gone.csv"))
    }

    @Test("empty file: says to export again")
    func emptyFile() throws {
        try withTemporaryDirectory { dir in
            let empty = try dir.writeFile("empty.csv", bytes: [])
            let run = try inspectBadThenGood(empty, goodPath: PikirBinary.repo.appendingPathComponent(Self.good).path)
            #expect(run.stderr.contains("the file is empty"))
            #expect(run.stderr.contains("export the survey answers again"))
        }
    }

    @Test("an .xlsx workbook: named as one, save as CSV UTF-8")
    func binaryFile() throws {
        try withTemporaryDirectory { dir in
            // The start of an .xlsx (a zip archive): "PK\3\4" then NULs.
            let xlsx = try dir.writeFile("answers.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00])
            let run = try inspectBadThenGood(xlsx, goodPath: PikirBinary.repo.appendingPathComponent(Self.good).path)
            #expect(run.stderr.contains("Excel workbook (.xlsx)"))
            #expect(run.stderr.contains("save it as \"CSV UTF-8\""))
        }
    }

    @Test("folder: says to name the files in it")
    func folder() throws {
        let run = try inspectBadThenGood("sample-data")
        #expect(run.stderr.contains("is a folder, not a file"))
        #expect(run.stderr.contains("sample-data/*.csv"))
    }

    @Test("UTF-16 without a byte order mark is detected, for English and Kazakh text")
    func utf16WithoutBOM() throws {
        try withTemporaryDirectory { dir in
            for (name, text, columns) in [
                ("no-bom-en.csv", "City,Date\nAlmaty,2024-11-05\n", ["City", "Date"]),
                ("no-bom-kk.csv", "Қала,Күні\nАлматы,05.11.2024\nАстана,06.11.2024\n", ["Қала", "Күні"]),
            ] {
                let bytes = Array(text.data(using: .utf16LittleEndian)!)
                #expect(bytes.first != 0xFF, "no BOM written")
                let path = try dir.writeFile(name, bytes: bytes)
                let (run, files) = try InspectedFile.inspect([path])
                #expect(run.status == 0, "\(run.stderr)")
                #expect(files.first?.encoding == "utf-16le")
                #expect(files.first?.columns == columns)
            }
        }
    }

    @Test("JSON output when no file can be read: an empty array, exit 1")
    func nothingReadable() throws {
        let (run, files) = try InspectedFile.inspect(["nope-1.csv", "nope-2.csv"])
        #expect(run.status == 1)
        #expect(files.isEmpty)
        #expect(run.stderr.split(separator: "\n") == [
            "pikir inspect: nope-1.csv: no such file; check the path",
            "pikir inspect: nope-2.csv: no such file; check the path",
        ])
    }
}
