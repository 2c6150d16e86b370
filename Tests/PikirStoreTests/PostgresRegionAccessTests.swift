import Foundation
import Testing
import PikirEngine
import PikirModel
@testable import PikirStore

/// Logins made on the test cluster for one test database (roles belong to
/// the cluster, so their names start with the database's), dropped with
/// everything granted to them by `drop`.
final class TestLogins {
    let database: TestDatabase
    private var roles: [String] = []

    init(_ database: TestDatabase) { self.database = database }

    /// A new login role (`CREATE ROLE … LOGIN`, as a ministry's administrator makes it).
    func create(_ suffix: String) throws -> String {
        let role = "\(database.name)_\(suffix)"
        try database.connect().execute("CREATE ROLE \(role) LOGIN")
        roles.append(role)
        return role
    }

    /// The warehouse as `role` reaches it (a later user in the address overrides the first).
    func location(as role: String) -> PostgresLocation { PostgresLocation(address: database.url + "&user=\(role)") }

    func drop() {
        guard let admin = try? database.connect(), !roles.isEmpty else { return }
        let list = roles.joined(separator: ", ")
        _ = try? admin.execute("DROP OWNED BY \(list)")
        _ = try? admin.execute("DROP ROLE IF EXISTS \(list)")
    }
}

@Suite(.enabled(if: TestPostgres.available, "PIKIR_TEST_POSTGRES is not set (make test sets it)"))
struct PostgresRegionAccessTests {
    /// An Almaty centre's export with a row of Astana and one without a city, and Astana's with one of Almaty.
    static let almatyExport = """
        Күні;Қала;Жалпы баға;Пікір
        05.11.2024;Алматы;5;Өте жақсы тренинг, рахмет!
        05.11.2024;г. Алматы;4;Пайдалы болды
        05.11.2024;Нур-Султан;3;Неплохо, но долго
        05.11.2024;;4;Без города

        """
    static let astanaExport = """
        Дата;Город;Общая оценка;Комментарий
        06.11.2024;Астана;5;Отлично, спасибо тренеру
        06.11.2024;Астана;2;Скучновато
        06.11.2024;Алматы;4;Жақсы өтті

        """

    static func regions(_ warehouse: any Warehouse) throws -> [String] {
        let column = ResponseColumn.exported.firstIndex(of: .region)!
        var regions: [String] = []
        try warehouse.forEachResponse { regions.append($0[column] ?? "∅") }
        return regions.sorted()
    }

    /// Rows a statement changed, counted by the server (`WITH … RETURNING`).
    static func changed(_ connection: PGConnection, _ statement: String) throws -> Int {
        try connection.value("WITH changed AS (\(statement) RETURNING 1) SELECT count(*) FROM changed").flatMap { Int($0) } ?? -1
    }

    @Test func centresStoreAndReadOnlyTheirRegionAndTheMinistryReadsAll() throws {
        let database = try TestDatabase()
        let logins = TestLogins(database)
        defer { logins.drop() }
        let owner = try database.open()
        let almaty = try logins.create("almaty"), astana = try logins.create("astana"), ministry = try logins.create("ministry")
        try database.location.grant(role: almaty, access: .region("KZ-75", readOnly: false))
        try database.location.grant(role: astana, access: .region("KZ-71", readOnly: false))
        try database.location.grant(role: ministry, access: .all(readOnly: true))

        let dir = scratchDirectory()
        let almatyFile = write(Self.almatyExport, to: "алматы-қараша.csv", in: dir)
        let astanaFile = write(Self.astanaExport, to: "astana-noyabr.csv", in: dir)
        let asAlmaty = try logins.location(as: almaty).open(.write)
        let asAstana = try logins.location(as: astana).open(.write)
        let fromAlmaty = Ingestor(warehouse: asAlmaty).ingest(paths: [almatyFile], parallelism: 1)[0]
        let fromAstana = Ingestor(warehouse: asAstana).ingest(paths: [astanaFile], parallelism: 1)[0]
        #expect(fromAlmaty.status == .ingested && fromAlmaty.balances, "\(fromAlmaty)")
        #expect(fromAlmaty.accepted == 2 && fromAlmaty.rejected == 2)
        #expect(fromAstana.accepted == 2 && fromAstana.rejected == 1, "\(fromAstana)")

        // The other region's rows and the row without a region: rejects, with the record's values.
        let almatyRejects = try asAlmaty.rejects()
        #expect(almatyRejects.map(\.line) == [4, 5])
        #expect(almatyRejects.allSatisfy { $0.reason_code == "region_not_allowed" && $0.reason.contains("KZ-75 (Almaty)") })
        #expect(almatyRejects[0].reason.contains("KZ-71 (Astana)") && almatyRejects[0].raw.contains("Неплохо, но долго"), "\(almatyRejects)")
        #expect(almatyRejects[1].reason.contains("no region") && almatyRejects[1].raw.contains("Без города"), "\(almatyRejects)")

        // A file stored by one centre is not stored again by another, which learns only where and when.
        let again = Ingestor(warehouse: asAstana).ingest(paths: [almatyFile], parallelism: 1)[0]
        #expect(again.status == .skipped && again.message?.contains("алматы-қараша.csv") == true, "\(again)")

        // Each centre reads its own region, through pikir.
        #expect(try Self.regions(asAlmaty) == ["KZ-75", "KZ-75"])
        #expect(try Self.regions(asAstana) == ["KZ-71", "KZ-71"])
        #expect(try asAlmaty.ledger().map(\.path) == [almatyFile])
        #expect(try asAstana.rejects().count == 1)
        #expect(try asAstana.rejects().first?.raw.contains("Жақсы өтті") == true)
        var scanned = 0
        try asAstana.scanResponses([]) { _ in scanned += 1 }
        #expect(scanned == 2)

        // The ministry and the owner read everything.
        let asMinistry = try logins.location(as: ministry).open(.read)
        for reader in [asMinistry, owner] as [any Warehouse] {
            #expect(try Self.regions(reader) == ["KZ-71", "KZ-71", "KZ-75", "KZ-75"])
            #expect(try reader.ledger().count == 2)
            #expect(try reader.rejects().count == 3)
        }
        let ministryIngest = Ingestor(warehouse: try logins.location(as: ministry).open(.write))
            .ingest(paths: [write("Қала;Жалпы баға\nАлматы;5\n", to: "ministry.csv", in: dir)], parallelism: 1)[0]
        #expect(ministryIngest.status == .failed && ministryIngest.message?.contains("may only read") == true, "\(ministryIngest)")
    }

    @Test func aCentresLoginCannotTouchAnotherRegionThroughPlainSQL() throws {
        let database = try TestDatabase()
        let logins = TestLogins(database)
        defer { logins.drop() }
        let almaty = try logins.create("almaty"), astana = try logins.create("astana"), ministry = try logins.create("ministry")
        try database.location.grant(role: almaty, access: .region("KZ-75", readOnly: false))
        try database.location.grant(role: astana, access: .region("KZ-71", readOnly: false))
        try database.location.grant(role: ministry, access: .all(readOnly: true))
        let dir = scratchDirectory()
        _ = Ingestor(warehouse: try logins.location(as: almaty).open(.write))
            .ingest(paths: [write(Self.almatyExport, to: "almaty.csv", in: dir)], parallelism: 1)
        _ = Ingestor(warehouse: try logins.location(as: astana).open(.write))
            .ingest(paths: [write(Self.astanaExport, to: "astana.csv", in: dir)], parallelism: 1)
        let ownerView = try database.count("SELECT count(*) FROM response WHERE region = 'KZ-71'")
        #expect(ownerView == 2)

        let sql = try logins.location(as: almaty).connect()
        // Its own setting does not move it to another region.
        try sql.execute("SET pikir.region = 'KZ-71'")
        for table in ["response", "file", "reject"] {
            #expect(try sql.value("SELECT count(*) FROM \(table) WHERE region = 'KZ-71'") == "0", "\(table)")
            #expect(try sql.value("SELECT count(*) FROM \(table) WHERE region = 'KZ-75'") != "0", "\(table)")
            #expect(try Self.changed(sql, "UPDATE \(table) SET region = 'KZ-75' WHERE region = 'KZ-71'") == 0, "\(table)")
        }
        #expect(try Self.changed(sql, "DELETE FROM reject WHERE region = 'KZ-71'") == 0)
        #expect(try Self.changed(sql, "DELETE FROM response WHERE region IS DISTINCT FROM 'KZ-75'") == 0)
        #expect(try Self.changed(sql, "UPDATE response SET comment = 'өзгертілді' WHERE true") == 2)
        #expect(throws: StoreError.self) {
            try sql.execute("INSERT INTO response (id, response_id, file_id, source_line, region) VALUES (999, 'x', 1, 9, 'KZ-71')")
        }
        #expect(throws: StoreError.self) {
            try sql.execute("UPDATE response SET region = 'KZ-71' WHERE region = 'KZ-75'")
        }
        #expect(throws: StoreError.self) {
            try sql.execute("INSERT INTO reject (file_id, line, reason_code, reason, raw, region) SELECT id, 1, 'x', 'y', 'z', 'KZ-71' FROM file")
        }
        // The sessions registry is the programme's: read by every centre, written by the owner.
        #expect(try sql.value("SELECT count(*) FROM session") == "0")
        #expect(throws: StoreError.self) {
            try sql.execute("INSERT INTO session (session_id, city, date_from, date_to) VALUES ('almaty-2024-11-05', 'Алматы', '2024-11-05', '2024-11-05')")
        }
        #expect(throws: StoreError.self) { try sql.execute("INSERT INTO region_grant VALUES (current_user, NULL, false)") }
        #expect(throws: StoreError.self) { try sql.execute("UPDATE region_grant SET region = NULL") }
        #expect(try database.count("SELECT count(*) FROM response WHERE region = 'KZ-71' AND comment <> 'өзгертілді'") == 2)
        #expect(try database.count("SELECT count(*) FROM reject WHERE region = 'KZ-71'") == 1)

        let reader = try logins.location(as: ministry).connect()
        #expect(try reader.value("SELECT count(*) FROM response") == "4")
        #expect(throws: StoreError.self) { try reader.execute("DELETE FROM response") }
        #expect(throws: StoreError.self) { try reader.execute("UPDATE reject SET reason = 'x'") }
        #expect(throws: StoreError.self) {
            try reader.execute("INSERT INTO file (path, sha256, size, encoding, delimiter, line_ending, records, accepted, rejected, duplicates, ignored, redactions, ingested_at) VALUES ('p', 's', 0, '', '', '', 0, 0, 0, 0, 0, 0, '')")
        }
        #expect(try database.count("SELECT count(*) FROM response") == 4)
    }

    @Test func duplicatesAreFoundAmongTheRowsOfTheCentresOwnRegion() throws {
        let database = try TestDatabase()
        let logins = TestLogins(database)
        defer { logins.drop() }
        let almaty = try logins.create("almaty"), astana = try logins.create("astana")
        try database.location.grant(role: almaty, access: .region("KZ-75", readOnly: false))
        try database.location.grant(role: astana, access: .region("KZ-71", readOnly: false))
        let dir = scratchDirectory()
        let first = "Response ID;Город;Общая оценка;Комментарий\nR-101;Алматы;5;Керемет\nR-102;Алматы;4;Жақсы\n"
        let again = "Response ID;Город;Общая оценка;Комментарий\nR-102;Алматы;4;Жақсы\nR-103;Алматы;3;Орташа\n"
        // Astana's forms tool numbers its forms as Almaty's does: another region's R-101 is no duplicate of it.
        let astanaForms = "Response ID;Город;Общая оценка;Комментарий\nR-101;Астана;5;Керемет\n"
        let asAlmaty = Ingestor(warehouse: try logins.location(as: almaty).open(.write))
        let asAstana = Ingestor(warehouse: try logins.location(as: astana).open(.write))
        let reports = asAlmaty.ingest(paths: [write(first, to: "forms-1.csv", in: dir)], parallelism: 1)
            + asAstana.ingest(paths: [write(astanaForms, to: "forms-astana.csv", in: dir)], parallelism: 1)
            + asAlmaty.ingest(paths: [write(again, to: "forms-2.csv", in: dir)], parallelism: 1)
        #expect(reports.map(\.accepted) == [2, 1, 1], "\(reports)")
        #expect(reports.map(\.duplicates) == [0, 0, 1], "\(reports)")
        #expect(try duplicates(database).map { $0.components(separatedBy: "/").last! } == ["forms-2.csv:2:R-102=R-102"])
        #expect(try database.count("SELECT count(DISTINCT id) FROM response") == 4)
    }

    @Test func grantsAreCheckedAndASecondGrantReplacesTheFirst() throws {
        let database = try TestDatabase()
        let logins = TestLogins(database)
        defer { logins.drop() }
        _ = try database.open()
        let centre = try logins.create("centre")
        let location = database.location

        let unknown = try #require(throws: StoreError.self) { try location.grant(role: "жоқ_рөл", access: .region("KZ-75", readOnly: false)) }
        #expect(unknown.message.contains("CREATE ROLE \"жоқ_рөл\" LOGIN"), "\(unknown.message)")
        let region = try #require(throws: StoreError.self) { try location.grant(role: centre, access: .region("KZ-99", readOnly: false)) }
        #expect(region.message.contains("KZ-99") && region.message.contains("KZ-75"), "\(region.message)")
        let writingAll = try #require(throws: StoreError.self) { try location.grant(role: centre, access: .all(readOnly: false)) }
        #expect(writingAll.message.contains("--read-only"), "\(writingAll.message)")
        // The test cluster's own login owns the warehouse and is a superuser: policies do not hold it.
        let owner = try #require(try database.connect().value("SELECT current_user"))
        let ownersGrant = try #require(throws: StoreError.self) { try location.grant(role: owner, access: .region("KZ-75", readOnly: true)) }
        #expect(ownersGrant.message.contains("owns the warehouse"), "\(ownersGrant.message)")
        let admin = try logins.create("admin")
        try database.connect().execute("ALTER ROLE \(admin) BYPASSRLS")
        let bypassing = try #require(throws: StoreError.self) { try location.grant(role: admin, access: .all(readOnly: true)) }
        #expect(bypassing.message.contains("BYPASSRLS"), "\(bypassing.message)")
        let sqlite = try #require(throws: StoreError.self) {
            try SQLiteFile(path: scratchDirectory().appendingPathComponent("pikir.sqlite").path).grant(role: centre, access: .all(readOnly: true))
        }
        #expect(sqlite.message.contains("file's permissions"), "\(sqlite.message)")

        // A read-only grant stores nothing.
        let dir = scratchDirectory()
        try database.location.grant(role: centre, access: .region("KZ-75", readOnly: true))
        let readOnly = Ingestor(warehouse: try logins.location(as: centre).open(.write))
            .ingest(paths: [write(Self.almatyExport, to: "almaty.csv", in: dir)], parallelism: 1)[0]
        #expect(readOnly.status == .failed && readOnly.message?.contains("may only read") == true, "\(readOnly)")

        // Almaty, then Astana: the second grant is the one that holds.
        try location.grant(role: centre, access: .region("KZ-75", readOnly: false))
        try location.grant(role: centre, access: .region("KZ-71", readOnly: false))
        let stored = Ingestor(warehouse: try logins.location(as: centre).open(.write))
            .ingest(paths: [write(Self.astanaExport, to: "astana.csv", in: dir)], parallelism: 1)[0]
        #expect(stored.accepted == 2 && stored.rejected == 1, "\(stored)")
        #expect(try database.count("SELECT count(*) FROM region_grant") == 1)

        // Read-only after writing takes the writing away, in the tables' privileges too.
        try location.grant(role: centre, access: .region("KZ-71", readOnly: true))
        let sql = try logins.location(as: centre).connect()
        #expect(try sql.value("SELECT count(*) FROM response") == "2")
        #expect(throws: StoreError.self) { try sql.execute("DELETE FROM response") }
    }
}
