import Testing
@testable import PikirIngest

struct LayoutTests {
    @Test func titleLinesAndBlankLinesAboveTheHeader() throws {
        let text = """
            Отчёт по тренингу «Открытая работа с молодёжью», г. Алматы;;;
            Тренер: Нұрлыбай Наурызбаев;;;

            Город;Дата;Оценка;Комментарий
            Алматы;05.11.2024;5;Отлично
            Алматы;05.11.2024;4;

            Алматы;06.11.2024;5;Спасибо
            Итого;;4,67;

            """
        let result = try read(text)
        #expect(result.format.headerLine == 4)
        #expect(result.format.columns == ["Город", "Дата", "Оценка", "Комментарий"])
        #expect(result.records.map(\.line) == [5, 6, 8])
        #expect(result.ignoredPairs == ["1:title_line", "2:title_line", "3:blank_line", "7:blank_line", "9:totals_row"])
        #expect(result.summary.physicalLines == 9)
    }

    @Test(arguments: ["Итого", "ИТОГО:", "Барлығы", "Жиыны", "Total", "Grand total", "Всего ответов"])
    func totalsRowsInEachLanguage(_ word: String) throws {
        let result = try read("Қала,Баға\nАлматы,5\n\(word),5\n")
        #expect(result.ignoredPairs == ["3:totals_row"])
        #expect(result.records.count == 1)
    }

    @Test func aCityIsNotATotalsRow() throws {
        let result = try read("Қала,Баға\nТотал-Сити,5\nБарлыбаев,4\n")
        #expect(result.records.count == 2)
    }

    @Test func repeatedHeaderAndEmptyRecordsAreIgnored() throws {
        let text = "City,Trainer,Score\nAlmaty,Aigerim,5\n,,\nCity,Trainer,Score\nAstana,Zhanar,4\n"
        let result = try read(text)
        #expect(result.ignoredPairs == ["3:empty_record", "4:repeated_header"])
        #expect(result.records.map(\.fields) == [["Almaty", "Aigerim", "5"], ["Astana", "Zhanar", "4"]])
    }

    @Test func shortRecordsAreKeptAndMarked() throws {
        let result = try read("Қала;Тренер;Баға;Пікір\nАлматы;Айгерім;5\nАстана;Жанар;4;Жақсы\n")
        #expect(result.records.map(\.fields) == [["Алматы", "Айгерім", "5"], ["Астана", "Жанар", "4", "Жақсы"]])
        #expect(result.summary.shortRecordLines == [2])
    }

    @Test func aFileWithoutHeaderGetsNumberedColumns() throws {
        let result = try read("05.11.2024;5;4\n06.11.2024;3;5\n")
        #expect(result.format.headerLine == nil)
        #expect(result.format.columns == ["column1", "column2", "column3"])
        #expect(result.records.count == 2)
    }

    @Test func fileLevelErrorsNameTheFileAndSayWhatToDo() throws {
        let empty = temporaryFile([UInt8]())
        #expect(throws: IngestError.self) { try readFile(empty) }
        do { _ = try readFile(empty) } catch let error as IngestError {
            #expect(error.code == .emptyFile)
            #expect(error.description.hasPrefix(empty))
        }
        do { _ = try readFile("/nonexistent/Алматы.csv") } catch let error as IngestError {
            #expect(error.code == .fileNotFound)
            #expect(error.description.contains("/nonexistent/Алматы.csv"))
        }
        let binary = temporaryFile([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x08, 0x00, 0x03, 0x00, 0x3E, 0x00])
        do { _ = try readFile(binary) } catch let error as IngestError {
            #expect(error.code == .binaryFile)
            #expect(error.message.contains("offset 4"))
            #expect(error.message.contains("save it as CSV"))
        }
    }

    @Test(arguments: [false, true])
    func utf16WithoutBOMIsDetectedForLatinAndCyrillicText(_ bigEndian: Bool) throws {
        let text = "Қала,Күні\nАлматы,05.11.2024\nAstana,06.11.2024\n"
        let bytes = Array(text.utf16).flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let result = try read(bytes: bytes)
        #expect(result.format.encoding == (bigEndian ? .utf16BE : .utf16LE))
        #expect(result.format.encodingEvidence.contains("no byte order mark"))
        #expect(result.format.columns == ["Қала", "Күні"])
        #expect(result.records.map(\.fields) == [["Алматы", "05.11.2024"], ["Astana", "06.11.2024"]])
    }

    @Test func spreadsheetsAreNamedAsSuch() throws {
        let xlsx = temporaryFile([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00], name: "report.xlsx")
        do {
            _ = try readFile(xlsx)
            Issue.record("expected an error")
        } catch let error as IngestError {
            #expect(error.code == .binaryFile)
            #expect(error.message.contains("Excel workbook (.xlsx)"))
            #expect(error.message.contains("CSV UTF-8"))
        }
    }

    @Test func recordsAfterAStrayCROnTheHeaderLineAreNotLost() throws {
        // Forcing LF on a CR-only file: one physical line holding every record.
        let result = try read("city,n\rAlmaty,1\rAstana,2\r", ReadOptions(lineEnding: .lf))
        #expect(result.format.columns == ["city", "n"])
        #expect(result.records.map(\.fields) == [["Almaty", "1"], ["Astana", "2"]])
    }
}
