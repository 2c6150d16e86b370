import Testing
@testable import PikirIngest

struct DialectTests {
    @Test(arguments: [(",", UInt8(0x2C)), (";", 0x3B), ("\t", 0x09), ("|", 0x7C)])
    func detectsEachDelimiterEvenWithTheOthersInsideAnswers(_ pair: (String, UInt8)) throws {
        let (d, byte) = pair
        let text = ["Қала", "Тренер", "Баға", "Пікір"].joined(separator: d) + "\n"
            + ["Алматы", "Нұрлыбай Наурызбаев", "5", "\"Жақсы, өте жақсы; рақмет | ok\""].joined(separator: d) + "\n"
            + ["Астана", "Айгерім", "4", "Тамаша"].joined(separator: d) + "\n"
        let result = try read(text)
        #expect(result.format.dialect.delimiter == byte)
        #expect(result.records.map(\.fields) == [
            ["Алматы", "Нұрлыбай Наурызбаев", "5", "Жақсы, өте жақсы; рақмет | ok"],
            ["Астана", "Айгерім", "4", "Тамаша"],
        ])
    }

    @Test func excelSepLineNamesTheDelimiterAndIsIgnored() throws {
        let result = try read("sep=;\r\nГород;Оценка,балл\r\nАлматы;4,5\r\n")
        #expect(result.format.dialect.delimiter == 0x3B)
        #expect(result.format.hasSepDirective)
        #expect(result.format.headerLine == 2)
        #expect(result.ignoredPairs == ["1:sep_directive"])
        #expect(result.records.map(\.fields) == [["Алматы", "4,5"]])
    }

    @Test(arguments: [("\r\n", LineEnding.crlf), ("\n", .lf), ("\r", .cr)])
    func lineEndingsAndPhysicalLines(_ pair: (String, LineEnding)) throws {
        let (eol, ending) = pair
        let text = "city,comment\(eol)Almaty,\"two\(eol)lines\"\(eol)Astana,ok\(eol)"
        let result = try read(text)
        #expect(result.format.dialect.lineEnding == ending)
        #expect(result.records.map(\.line) == [2, 4])
        #expect(result.records.map(\.fields) == [["Almaty", "two\(eol)lines"], ["Astana", "ok"]])
        #expect(result.summary.physicalLines == 4)
    }

    @Test func quotedFieldsWithDoubledQuotesDelimitersAndNewlines() throws {
        let text = "Тренер,Пікір\nАйгерім,\"Ол айтты: \"\"Жарайсың!\"\", сосын\nкеттік\"\nЖанар,\"\"\n"
        let result = try read(text)
        #expect(result.records.map(\.fields) == [
            ["Айгерім", "Ол айтты: \"Жарайсың!\", сосын\nкеттік"],
            ["Жанар", ""],
        ])
        #expect(result.records.map(\.line) == [2, 4])
    }

    @Test func trailingEmptyColumnsAreDropped() throws {
        let result = try read("Город;Оценка;;;\nАлматы;5;;;\nАстана;4;;;\n")
        #expect(result.format.columns == ["Город", "Оценка"])
        #expect(result.records.map(\.fields) == [["Алматы", "5"], ["Астана", "4"]])
        #expect(result.summary.shortRecordLines.isEmpty)
    }

    @Test func aLastLineWithoutTerminatorIsRead() throws {
        let result = try read("city,n\nAlmaty,1\nAstana,2")
        #expect(result.records.map(\.fields) == [["Almaty", "1"], ["Astana", "2"]])
        #expect(result.summary.physicalLines == 3)
    }

    @Test func overridesWinOverDetection() throws {
        let text = "a;b,c\n1;2,3\n4;5,6\n"
        let detected = try read(text)
        #expect(detected.format.dialect.delimiter == 0x3B || detected.format.dialect.delimiter == 0x2C)
        let forced = try read(text, ReadOptions(delimiter: 0x2C))
        #expect(forced.format.columns == ["a;b", "c"])
        #expect(forced.format.delimiterEvidence.contains("--delimiter"))
        let noHeader = try read(text, ReadOptions(delimiter: 0x3B, headerLine: 0))
        #expect(noHeader.format.columns == ["column1", "column2"])
        #expect(noHeader.records.count == 3)
    }

    @Test func strayQuoteInsideAnUnquotedFieldIsKeptLiterally() throws {
        let result = try read("Город;Модуль\nАлматы;Тренинг \"Цифровая работа\"\n")
        #expect(result.records.map(\.fields) == [["Алматы", "Тренинг \"Цифровая работа\""]])
        #expect(result.sink.rejects.isEmpty)
    }
}
