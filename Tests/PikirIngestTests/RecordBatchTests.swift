import Foundation
import Testing
@testable import PikirIngest

/// Keeps a copy of every record in a batch, and what the reader showed, to compare.
private final class BatchingSink: RecordSink {
    var batch = RecordBatch()
    var seen: [(line: Int, fields: [String], raw: String)] = []
    func header(columns: [String], line: Int?) {}
    func record(_ record: RecordView) {
        seen.append((record.line, record.strings, record.rawText))
        batch.append(record)
    }
    func ignored(_ ignored: IgnoredLine) {}
    func rejected(_ reject: Reject) {}
}

struct RecordBatchTests {
    @Test func aBatchedRecordReadsBackAsTheReaderShowedIt() throws {
        // Kazakh, Russian and Latin text; an empty field; a quoted field with a
        // comma and a line break; a short record.
        let text = """
            Қала,Тренер,Пікір,Баға
            Алматы,Нұрлыбай Наурызбаев,"Өте жақсы, рахмет",5
            Караганда,,"Спасибо,
            всё понятно",4
            Almaty,John O'Connor,,
            Astana,Айгерім
            """
        let path = temporaryFile(text + "\n")
        let sink = BatchingSink()
        _ = try ExportReader(path: path).read(into: sink)
        #expect(sink.seen.count == 4)
        #expect(sink.batch.count == sink.seen.count)
        for (i, expected) in sink.seen.enumerated() {
            sink.batch.withRecord(i) { view in
                #expect(view.line == expected.line)
                #expect(view.strings == expected.fields)
                #expect(view.rawText == expected.raw)
                #expect(view.trimmedString(0) == expected.fields[0])
            }
        }
        sink.batch.withRecord(1) { view in
            #expect(view.string(2) == "Спасибо,\nвсё понятно")
            #expect(view.rawText == "Караганда,,\"Спасибо,\nвсё понятно\",4")
        }
        sink.batch.withRecord(3) { view in
            #expect(view.count == 2)
            #expect(view.string(1) == "Айгерім")
        }
    }

    @Test func anEmptyBatchAndEmptyFieldsGiveEmptyStrings() throws {
        let path = temporaryFile("Ә,,\n,,b\n")
        let sink = BatchingSink()
        _ = try ExportReader(path: path, options: ReadOptions(headerLine: 0)).read(into: sink)
        #expect(RecordBatch().isEmpty)
        #expect(sink.batch.count == 2)
        sink.batch.withRecord(0) { #expect($0.strings == ["Ә", "", ""]) }
        sink.batch.withRecord(1) { #expect($0.strings == ["", "", "b"]) }
    }
}
