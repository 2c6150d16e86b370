import Testing
@testable import PikirIngest

struct RejectTests {
    @Test func unterminatedQuoteInTheMiddleCostsOnlyItsLine() throws {
        let text = """
            Қала,Тренер,Баға,Пікір
            Алматы,Айгерім,5,Жақсы
            Астана,Жанар,4,"Керемет болды
            Қарағанды,Нұрлыбай,3,Орташа
            Алматы,Айгерім,5,Рақмет

            """
        let result = try read(text)
        #expect(result.rejectPairs == ["3:unterminated_quote"])
        let reject = result.sink.rejects[0]
        #expect(reject.raw == "Астана,Жанар,4,\"Керемет болды")
        #expect(reject.message.contains("line 4"))
        #expect(result.records.map(\.line) == [2, 4, 5])
        #expect(result.records.map { $0.fields[0] } == ["Алматы", "Қарағанды", "Алматы"])
        #expect(result.summary.physicalLines == 5)
    }

    @Test func unterminatedQuoteClosedByALaterQuoteStillCostsOnlyItsLine() throws {
        let text = "city,comment\nAlmaty,\"broken\nAstana,\"fine, thanks\"\nShymkent,ok\n"
        let result = try read(text)
        #expect(result.rejectPairs == ["2:unterminated_quote"])
        #expect(result.records.map(\.fields) == [["Astana", "fine, thanks"], ["Shymkent", "ok"]])
        #expect(result.records.map(\.line) == [3, 4])
    }

    @Test func textAfterAClosingQuoteIsAMalformedQuote() throws {
        let result = try read("city;comment\nAlmaty;\"good\" and more;x\nAstana;ok\n")
        #expect(result.rejectPairs == ["2:malformed_quote"])
        #expect(result.sink.rejects[0].raw == "Almaty;\"good\" and more;x")
        #expect(result.records.map(\.fields) == [["Astana", "ok"]])
    }

    @Test func moreFilledFieldsThanTheHeaderIsTooManyFields() throws {
        let text = "Город,Оценка,Комментарий\nАлматы,5,Хорошо\nАстана,4,Хорошо, но мало практики\nКараганда,3,\n"
        let result = try read(text)
        #expect(result.rejectPairs == ["3:too_many_fields"])
        let reject = result.sink.rejects[0]
        #expect(reject.raw == "Астана,4,Хорошо, но мало практики")
        #expect(reject.message.contains("double quotes"))
        #expect(result.records.map(\.fields) == [["Алматы", "5", "Хорошо"], ["Караганда", "3", ""]])
    }

    @Test func aQuoteLeftOpenForMoreThanTheLimitIsCutThere() throws {
        var text = "id,comment\n1,\"never closed\n"
        for i in 2...200 { text += "\(i),row \(i)\n" }
        var options = ReadOptions()
        options.maxRecordBytes = 256
        let result = try read(text, options)
        #expect(result.rejectPairs == ["2:unterminated_quote"])
        #expect(result.records.count == 199)
        #expect(result.records.first?.fields == ["2", "row 2"])
        #expect(result.records.last?.fields == ["200", "row 200"])
        #expect(result.records.last?.line == 201)
    }

    @Test func rejectsInsideEachOtherAreAllFound() throws {
        let text = "a,b\n1,\"x\n2,\"y\n3,z\n"
        let result = try read(text)
        #expect(result.rejectPairs == ["2:unterminated_quote", "3:unterminated_quote"])
        #expect(result.records.map(\.fields) == [["3", "z"]])
        #expect(result.records.map(\.line) == [4])
    }
}
