import PikirModel
import PikirNormalise
import Testing

/// `EncodedRows` restricted to the columns an aggregation reads: those
/// cells as a full encoding has them, the others null, the duplicate keys kept.
struct EncodedRowsTests {
    static func response() -> CanonicalResponse {
        var r = CanonicalResponse(responseID: "gf-7781", sourceFile: "2024-11-05_almaty.csv", sourceLine: 24)
        r.hasFormID = true
        r.region = "KZ-75"
        r.city = "Алматы"
        r.sessionDate = "2024-11-05"
        r.year = 2024
        r.trainerName = "Нұрлыбай Наурызбаев"
        r.scores = .init(overall: 5, delivery: nil, content: 3, organisation: nil, applicability: nil, nps: 9)
        r.comment = "Рахмет, IIN [IIN]"
        return r
    }

    /// Reads `column` of row 0 as text, number or nil.
    static func value(_ rows: EncodedRows, _ column: ResponseColumn) -> String? {
        let offsets = [column.cell]
        return rows.bytes.withUnsafeBufferPointer { bytes in
            rows.cells.withUnsafeBufferPointer { cells in
                offsets.withUnsafeBufferPointer { offsets in
                    let row = EncodedRowView(cells: cells, base: bytes.baseAddress, first: rows.meta[0].firstCell, offsets: offsets)
                    if let text = row.bytes(0) { return String(decoding: text, as: UTF8.self) }
                    if let number = row.double(0) { return "\(number)" }
                    return nil
                }
            }
        }
    }

    @Test("only the chosen columns are filled in; rows keep their shape and duplicate keys")
    func someColumns() {
        var all = EncodedRows()
        var some = EncodedRows(columns: .init([.region, .year, .nps]))
        _ = all.append(Self.response())
        _ = some.append(Self.response())
        #expect(some.cells.count == all.cells.count, "one cell per encoded column either way")
        #expect(Self.value(some, .region) == "KZ-75")
        #expect(Self.value(some, .year) == "2024.0")
        #expect(Self.value(some, .nps) == "9.0")
        for column in [ResponseColumn.responseID, .city, .trainerName, .overall, .comment] {
            #expect(Self.value(some, column) == nil, "\(column) not encoded")
            #expect(Self.value(all, column) != nil, "\(column) encoded in full")
        }
        #expect(Self.value(all, .city) == "Алматы")
        #expect(some.meta[0].formIDHash == all.meta[0].formIDHash && some.meta[0].formIDHash != nil)
        #expect(some.meta[0].sourceLine == 24)
    }
}
