import Foundation
import Testing

/// --encoding, --delimiter, --line-ending and --header-line replace what is detected.
@Suite("inspect: overrides")
struct InspectOverrideTests {
    private func inspectOne(_ arguments: String...) throws -> InspectedFile {
        let (run, files) = try InspectedFile.inspect(arguments)
        #expect(run.status == 0, "\(run)")
        #expect(files.count == 1)
        return try #require(files.first)
    }

    @Test("--delimiter ';' on a comma file: honoured, each line becomes one field")
    func delimiterOnCommaFile() throws {
        let detected = try inspectOne(SampleData.googleFormsEN)
        #expect(detected.delimiter == ",")
        #expect(detected.columns.count == 14)

        let forced = try inspectOne("--delimiter", ";", SampleData.googleFormsEN)
        #expect(forced.delimiter == ";")
        #expect(forced.delimiterEvidence == "given with --delimiter")
        #expect(forced.columns == ["column1"])
        #expect(forced.headerLine == nil)
        #expect(forced.records == 43)
        #expect(forced.sample.first?.fields.first?.hasPrefix("Timestamp,City,Which module did you attend?,") == true)
    }

    @Test("--delimiter tab is reported as a TAB character")
    func delimiterTab() throws {
        let forced = try inspectOne("--delimiter", "tab", SampleData.googleFormsEN)
        #expect(forced.delimiter == "\t")
        #expect(forced.delimiterEvidence == "given with --delimiter")
    }

    @Test("--header-line 0: no header, columns numbered, the header row becomes a record")
    func noHeader() throws {
        let got = try inspectOne("--header-line", "0", SampleData.googleFormsEN)
        #expect(got.headerLine == nil)
        #expect(got.columns == (1...14).map { "column\($0)" })
        #expect(got.records == 36 + 1)
        #expect(got.sample.first?.line == 1)
        #expect(got.sample.first?.fields.prefix(3) == ["Timestamp", "City", "Which module did you attend?"])
    }

    @Test("--header-line N on the detected header changes nothing")
    func headerLineAgreeing() throws {
        let got = try inspectOne("--header-line", "4", SampleData.kz1048)
        #expect(got.headerLine == 4)
        #expect(got.columns.first == "Қала")
        #expect(got.records == 38)
        #expect(got.ignoredLines.map(\.description) == ["1:title_line", "2:title_line", "3:blank_line", "46:blank_line", "47:totals_row"])
    }

    @Test("--header-line past the end of the file: the file is reported, exit 1")
    func headerLinePastEnd() throws {
        try withTemporaryDirectory { dir in
            let path = try dir.writeFile("two-lines.csv", text: "x,y\n1,2\n")
            let run = try PikirBinary.run("inspect", "--header-line", "99", path)
            #expect(run.status == 1)
            #expect(run.stdout == "")
            #expect(run.stderr.contains("\(path): --header-line 99:"))
        }
    }

    @Test("--encoding cp1251 on a UTF-8 Russian file: honoured, text comes out as mojibake")
    func encodingOverride() throws {
        let detected = try inspectOne(SampleData.googleFormsRU)
        #expect(detected.encoding == "utf-8")
        #expect(detected.columns.prefix(2) == ["Отметка времени", "Ваш город"])

        let forced = try inspectOne("--encoding", "cp1251", SampleData.googleFormsRU)
        #expect(forced.encoding == "cp1251")
        #expect(forced.encodingEvidence == "given with --encoding")
        // The UTF-8 bytes of "Отметка времени" read one byte per letter in Windows-1251.
        #expect(forced.columns.prefix(2) == ["РћС‚РјРµС‚РєР° РІСЂРµРјРµРЅРё", "Р’Р°С€ РіРѕСЂРѕРґ"])
        #expect(forced.headerLine == 1)
        #expect(forced.columns.count == 14)
        // Byte 0x98 (in the UTF-8 of "И") is undefined in cp1251: that record is rejected, not garbled silently.
        #expect(forced.rejectPairs.map(\.description) == ["18:invalid_encoding"])
        #expect(forced.rejects.first?.reason.contains("byte 0x98 is undefined in cp1251") == true)
        #expect(forced.records == 39)
    }

    @Test("--encoding cp1251 on the KZ-1048 file: Kazakh letters turn into their cp1251 look-alikes")
    func cp1251OnKZ1048() throws {
        let forced = try inspectOne("--encoding", "cp1251", SampleData.kz1048)
        #expect(forced.encoding == "cp1251")
        #expect(forced.columns.prefix(3) == ["Ќала", "Кїні", "Тренер"])
    }

    @Test("--encoding names are accepted in upper case too")
    func encodingCase() throws {
        let forced = try inspectOne("--encoding", "UTF-8", SampleData.googleFormsRU)
        #expect(forced.encoding == "utf-8")
        #expect(forced.encodingEvidence == "given with --encoding")
        #expect(forced.columns.first == "Отметка времени")
    }

    @Test("--line-ending crlf on an LF file still reads every record")
    func lineEndingCRLFOnLF() throws {
        try withTemporaryDirectory { dir in
            let path = try dir.writeFile("lf.csv", text: "a,b\n1,2\n3,4\n5,6\n")
            let got = try inspectOne("--line-ending", "crlf", path)
            #expect(got.lineEnding == "crlf")
            #expect(got.records == 3)
        }
    }

    /// Forcing LF on a CR-only file leaves one physical line: all of it after the
    /// header should land somewhere (a record, a reject or an error), not vanish.
    @Test("--line-ending lf on a CR-only file: the data must not vanish silently")
    func lineEndingWrongOverride() throws {
        let (run, files) = try InspectedFile.inspect(["--line-ending", "lf", SampleData.macCR])
        let got = try #require(files.first)
        #expect(got.lineEnding == "lf")
        #expect(run.status != 0 || got.records + got.rejected + got.ignored > 0,
                "records \(got.records), rejected \(got.rejected), physical lines \(got.physicalLines)")
    }
}
