import Foundation
import GRDB
import PikirEngine
import PikirModel
import PikirNormalise
import Testing
@testable import PikirStore

/// The response's columns are described once (`ResponseColumn`): the
/// warehouse's table, the INSERT (through `EncodedRows`), the scans and the
/// exports must all follow that description.
struct ResponseColumnsTests {
    /// One response with every stored field set, each to a value no other field has.
    static func response() -> CanonicalResponse {
        var r = CanonicalResponse(responseID: "gf-7781", sourceFile: "2024-11-05_almaty.csv", sourceLine: 24)
        r.hasFormID = true
        r.fingerprint = -4_242_424_242
        r.timestamp = "2024/11/05 9:41:07 AM GMT+6"
        r.region = "KZ-75"
        r.city = "Almaty"
        r.sessionDate = "2024-11-05"
        r.year = 2024
        r.month = 11
        r.sessionID = "almaty-2024-11-05-kim"
        r.trainerID = "T07"
        r.trainerName = "Дмитрий Ким"
        r.module = "Жобаларды басқару"
        r.participantGroup = "студенттер"
        r.lang = "kk"
        r.scores = .init(overall: 5, delivery: 4, content: 3, organisation: 2, applicability: 1, nps: 9)
        r.liked = "Практика көп болды"
        r.improve = "Больше времени на вопросы"
        r.comment = "Рахмет!"
        r.extras = [(header: "Қосымша", value: "иә")]
        return r
    }

    /// What each column must hold for `response()`, written out here rather than taken from the code under test.
    static func expected(_ column: ResponseColumn, fileID: Int64) -> Value {
        switch column {
        case .responseID, .formID: .text("gf-7781")
        case .fileID: .integer(fileID)
        case .sourceLine: .integer(24)
        case .fingerprint: .integer(-4_242_424_242)
        case .timestamp: .text("2024/11/05 9:41:07 AM GMT+6")
        case .region: .text("KZ-75")
        case .city: .text("Almaty")
        case .sessionDate: .text("2024-11-05")
        case .year: .integer(2024)
        case .month: .integer(11)
        case .sessionID: .text("almaty-2024-11-05-kim")
        case .trainerID: .text("T07")
        case .trainerName: .text("Дмитрий Ким")
        case .module: .text("Жобаларды басқару")
        case .participantGroup: .text("студенттер")
        case .lang: .text("kk")
        case .overall: .real(5)
        case .delivery: .real(4)
        case .content: .real(3)
        case .organisation: .real(2)
        case .applicability: .real(1)
        case .nps: .real(9)
        case .liked: .text("Практика көп болды")
        case .improve: .text("Больше времени на вопросы")
        case .comment: .text("Рахмет!")
        case .extras: .text(#"{"Қосымша":"иә"}"#)
        }
    }

    enum Value: Equatable {
        case text(String), integer(Int64), real(Double)
    }

    /// Stores `response()` as an ingest would; returns its file's ledger id.
    static func store(in warehouse: SQLiteWarehouse) throws -> Int64 {
        var batch = WriteBatch()
        batch.items = [.response(row: batch.rows.append(response()))]
        let entry = LedgerEntry(path: "2024-11-05_almaty.csv", sha256: String(repeating: "a", count: 64), size: 1, encoding: "utf-8",
                                delimiter: ";", lineEnding: "crlf", headerLine: 1, ingestedAt: "2024-11-06T10:00:00Z")
        var given = false
        let outcome = try warehouse.store(entry, headerRedactions: 0) {
            defer { given = true }
            return given ? nil : batch
        }
        #expect(outcome == .stored(Accounting(accepted: 1)))
        return try #require(try warehouse.ledger().first?.id)
    }

    @Test func theTableHasTheDescribedColumnsTypesAndConstraints() throws {
        let warehouse = try freshWarehouse()
        let columns = try warehouse.queue.read { db in
            try Row.fetchAll(db, sql: "PRAGMA table_info(response)").map { row -> String in
                let name: String = row["name"], type: String = row["type"], notNull: Bool = row["notnull"]
                return "\(name) \(type)\(notNull ? " NOT NULL" : "")"
            }
        }
        #expect(columns == ["id INTEGER"] + ResponseColumn.allCases.map { "\($0.name) \($0.storage.rawValue)\($0.required ? " NOT NULL" : "")" })
        // And the types are what the data is: numbers where aggregation reads numbers.
        #expect(ResponseColumn.overall.storage == .real && ResponseColumn.year.storage == .integer && ResponseColumn.city.storage == .text)
    }

    /// Every column, written through `EncodedRows` and the INSERT, comes back
    /// in the same column, by SQL and by the byte-level scan.
    @Test func everyColumnIsStoredAndScannedWhereTheDescriptionSays() throws {
        let warehouse = try freshWarehouse()
        let fileID = try Self.store(in: warehouse)
        for column in ResponseColumn.allCases {
            let expected = Self.expected(column, fileID: fileID)
            let stored = try warehouse.queue.read { db -> Value? in
                let value = try DatabaseValue.fetchOne(db, sql: "SELECT \(column.name) FROM response")!
                switch value.storage {
                case .string(let s): return .text(s)
                case .int64(let n): return .integer(n)
                case .double(let d): return .real(d)
                default: return nil
                }
            }
            #expect(stored == expected, "\(column.name) as stored")
            var scanned: [Value?] = []
            try warehouse.scanResponses([.lang, column]) { row in
                switch column.storage {
                case .text: scanned.append(row.bytes(1).map { .text(String(decoding: $0, as: UTF8.self)) })
                case .integer: scanned.append(row.integer(1).map { .integer(Int64($0)) })
                case .real: scanned.append(row.double(1).map(Value.real))
                }
            }
            #expect(scanned == [expected], "\(column.name) as scanned")
        }
    }

    /// The cells `EncodedRows` keeps for a response (what `agg --csv` scans)
    /// are the description's columns, in the same places.
    @Test func encodedRowsHoldEveryColumnTheNormaliserFills() {
        var rows = EncodedRows()
        let row = rows.append(Self.response())
        #expect(rows.cells.count == EncodedRows.columns)
        #expect(ResponseColumn.encoded == ResponseColumn.allCases.filter { $0 != .fileID })
        for column in ResponseColumn.encoded {
            let offsets = [column.cell]
            let value: Value? = rows.bytes.withUnsafeBufferPointer { bytes in
                rows.cells.withUnsafeBufferPointer { cells in
                    offsets.withUnsafeBufferPointer { offsets in
                        let view = EncodedRowView(cells: cells, base: bytes.baseAddress, first: rows.meta[row].firstCell, offsets: offsets)
                        switch column.storage {
                        case .text: return view.bytes(0).map { .text(String(decoding: $0, as: UTF8.self)) }
                        case .integer: return view.integer(0).map { .integer(Int64($0)) }
                        case .real: return view.double(0).map(Value.real)
                        }
                    }
                }
            }
            #expect(value == Self.expected(column, fileID: 0), "\(column.name)")
        }
    }

    /// The export's header is the canonical fields pikir reads back, and each
    /// value sits under its own column.
    @Test func theExportHasTheDescribedColumnsWithTheirValues() throws {
        let warehouse = try freshWarehouse()
        _ = try Self.store(in: warehouse)
        var csv = ""
        try warehouse.writeExport(.csv) { csv += $0 }
        let lines = csv.dropFirst().split(separator: "\r\n").map(String.init)  // after the byte order mark
        #expect(lines.first == "response_id,source_file,source_line,timestamp,region,city,session_date,year,month,session_id,"
            + "trainer_id,trainer,module,participant_group,lang,overall,delivery,content,organisation,applicability,nps,liked,improve,comment,extras")
        #expect(lines.first == ResponseColumn.exported.map { $0.exportName! }.joined(separator: ","))
        var values: [String?] = []
        try warehouse.forEachResponse { values = $0 }
        let byName = Dictionary(uniqueKeysWithValues: zip(ResponseColumn.exported.map { $0.exportName! }, values))
        #expect(byName["source_file"] == "2024-11-05_almaty.csv")
        #expect(byName["trainer"] == "Дмитрий Ким")
        #expect(byName["overall"] == "5")
        #expect(byName["session_date"] == "2024-11-05")
        #expect(byName["improve"] == "Больше времени на вопросы")
        #expect(byName["extras"] == #"{"Қосымша":"иә"}"#)
    }
}
