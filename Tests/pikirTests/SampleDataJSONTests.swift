import Foundation
import Testing

/// `pikir inspect --format json` on all fifteen sample exports in one run, checked
/// against `sample-data/expected.json` (written by an independent Python generator).
@Suite("inspect --format json on every sample export")
struct SampleDataJSONTests {
    struct AllFiles: Sendable {
        var run: PikirRun
        var expected: [ExpectedFile]
        var files: [InspectedFile]
    }

    /// One run of the binary, shared by every test in this suite.
    static let allFiles = Result<AllFiles, any Error> {
        let expected = try SampleData.loadExpected()
        let (run, files) = try InspectedFile.inspect(expected.map(\.path))
        return AllFiles(run: run, expected: expected, files: files)
    }

    private func pair(_ path: String) throws -> (expected: ExpectedFile, got: InspectedFile) {
        let all = try Self.allFiles.get()
        let expected = try #require(all.expected.first { $0.path == path })
        let got = try #require(all.files.first { $0.path == path }, "no JSON object for \(path)")
        return (expected, got)
    }

    @Test("one object per file, in argument order, exit 0, nothing on stderr")
    func everyFileOnce() throws {
        let all = try Self.allFiles.get()
        #expect(all.expected.count == 15)
        #expect(SampleData.paths.count == all.expected.count)
        #expect(all.run.status == 0)
        #expect(all.run.stderr == "")
        #expect(all.files.map(\.path) == all.expected.map(\.path))
    }

    @Test("encoding, delimiter, line ending, header line and columns", arguments: SampleData.paths)
    func detection(path: String) throws {
        let (expected, got) = try pair(path)
        #expect(got.encoding == expected.encoding)
        #expect(got.delimiter == expected.delimiter)
        #expect(got.lineEnding == expected.lineEnding)
        #expect(got.headerLine == expected.headerLine)
        #expect(got.columns == expected.columns)
    }

    @Test("records, physical lines, ignored lines, rejects and short records", arguments: SampleData.paths)
    func lineAccounting(path: String) throws {
        let (expected, got) = try pair(path)
        #expect(got.records == expected.records)
        #expect(got.physicalLines == expected.physicalLines)
        #expect(got.ignoredLines == expected.ignoredLines)
        #expect(got.rejectPairs == expected.rejects)
        #expect(got.shortRecordLines == expected.shortRecordLines)
        // The totals agree with the lists (nothing here exceeds the list limit).
        #expect(got.ignored == got.ignoredLines.count)
        #expect(got.rejected == got.rejects.count)
        #expect(got.unlisted == 0)
        #expect(got.records + got.ignored + got.rejected + (got.headerLine == nil ? 0 : 1) <= got.physicalLines)
        let size = try FileManager.default.attributesOfItem(atPath: PikirBinary.repo.appendingPathComponent(path).path)[.size] as? Int
        #expect(got.bytes == size)
    }

    /// expected.json keeps the fields exactly as a CSV parser returns them; pikir
    /// drops trailing empty fields beyond the header (the cp1251 file ends every
    /// row with `;;;`), so those are trimmed before comparing.
    @Test("first sample record", arguments: SampleData.paths)
    func firstRecord(path: String) throws {
        let (expected, got) = try pair(path)
        let first = try #require(got.sample.first)
        var fields = expected.firstRecord.fields
        while fields.count > got.columns.count, fields.last == "" { fields.removeLast() }
        #expect(first.line == expected.firstRecord.line)
        #expect(first.fields == fields)
        #expect(got.sample.count == min(5, got.records))
    }

    @Test("reject entries carry the raw line and a reason that says what to do")
    func rejectDetails() throws {
        let badRow = try pair(SampleData.badRow).got
        let tooMany = try #require(badRow.rejects.first)
        #expect(tooMany.raw.hasPrefix("2024 ж. 5 қараша;Алматы;Нұрлыбай Наурызбаев;"))
        #expect(tooMany.raw.hasSuffix("Бәрі ұнады; рақмет; келесі жолы да келемін"))
        #expect(tooMany.reason.contains("header has only 14 columns"))
        #expect(tooMany.reason.contains("double quotes"))

        let unterminated = try pair(SampleData.unterminated).got
        let quote = try #require(unterminated.rejects.first)
        #expect(quote.raw.hasSuffix("\"Тренеру отдельное спасибо за кейс про Дом молодёжи"))
        #expect(quote.reason.contains("never closed"))
        #expect(quote.reason.contains("line 28"))
    }
}
