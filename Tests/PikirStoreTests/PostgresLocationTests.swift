import Foundation
import Testing
import PikirEngine
import PikirModel
@testable import PikirStore

/// What needs no server: which implementation an address picks, passwords,
/// the schema's migrations, and the COPY text format both ways.
struct PostgresAddressTests {
    @Test func anAddressPicksPostgreSQLAndEverythingElseSQLite() {
        #expect(WarehouseLocations.at("postgresql://centre@db.example:5432/pikir") is PostgresLocation)
        #expect(WarehouseLocations.at("postgres:///pikir?host=/var/run/postgresql") is PostgresLocation)
        #expect(WarehouseLocations.at("PostgreSQL://centre@db.example/pikir") is PostgresLocation)
        #expect(WarehouseLocations.at("out/postgresql.sqlite") is SQLiteFile)
        #expect(WarehouseLocations.at("pikir.sqlite") is SQLiteFile)
    }

    @Test(arguments: ["postgresql://centre:s3cr%40t@db.example:5432/pikir", "postgresql://centre@db.example/pikir?password=s3cr%40t",
                      "postgres://centre@db.example/pikir?sslmode=require&password=s3cr%40t"])
    func anAddressWithAPasswordIsRefusedAndThePasswordNeverPrinted(_ address: String) throws {
        let location = WarehouseLocations.at(address)
        #expect(!location.description.contains("s3cr"))
        #expect(!location.exists)
        let error = try #require(throws: StoreError.self) { _ = try location.open(.write) }
        #expect(!error.message.contains("s3cr"), "\(error.message)")
        #expect(error.message.contains("PGPASSWORD"), "\(error.message)")
        #expect(error.message.contains("db.example"), "\(error.message)")
        #expect(throws: StoreError.self) { _ = try location.lock() }
    }

    @Test func theMigrationsAreSQLitesOneForOneThenPostgresOwn() {
        let shared = Schema.migrator.migrations.count
        #expect(Array(PostgresSchema.known.prefix(shared)) == Schema.migrator.migrations)
        #expect(PostgresSchema.known.dropFirst(shared) == [RegionAccessSchema.identifier])
    }

    @Test func copyTextIsEscapedAndReadBack() {
        var buffer = CopyTextBuffer()
        let texts = ["Алматы", "a\tb", "line\nnext\r\n", "C:\\Users\\N", "\\N", "", "«соңы» ✓"]
        for text in texts { buffer.text(text) }
        buffer.null()
        buffer.integer(-42)
        buffer.real(4)
        buffer.real(3.75)
        buffer.endRow()
        #expect(String(decoding: buffer.bytes, as: UTF8.self)
            == "Алматы\ta\\tb\tline\\nnext\\r\\n\tC:\\\\Users\\\\N\t\\\\N\t\t«соңы» ✓\t\\N\t-42\t4\t3.75\n")

        let row = CopyTextRow()
        var line = buffer.bytes
        line.removeLast()  // the newline, as COPY TO STDOUT's reader takes it off
        line.withUnsafeBytes { row.parse($0) }
        #expect(row.fieldCount == texts.count + 4)
        #expect((0..<texts.count).map { row.string($0) } == texts)
        #expect(row.bytes(texts.count) == nil)
        #expect(row.integer(texts.count + 1) == -42)
        #expect(row.double(texts.count + 2) == 4)
        #expect(row.double(texts.count + 3) == 3.75)
        #expect(row.bytes(texts.count + 4) == nil, "past the last field")
    }
}

@Suite(.enabled(if: TestPostgres.available, "PIKIR_TEST_POSTGRES is not set (make test sets it)"))
struct PostgresLocationTests {
    @Test func aDatabaseWithoutAWarehouseIsSaidSoAndWritingCreatesIt() throws {
        let database = try TestDatabase()
        let location = WarehouseLocations.at(database.url)
        #expect(!location.exists)
        let error = try #require(throws: StoreError.self) { _ = try location.open(.read) }
        #expect(error.code == .missingWarehouse)
        _ = try location.open(.write)
        #expect(location.exists)
        #expect(try location.open(.read).ledger().isEmpty)
        #expect((location.size ?? 0) > 0)
    }

    @Test func aMissingDatabaseIsAMissingWarehouse() throws {
        let server = try #require(TestPostgres.server)
        let location = WarehouseLocations.at(server + "&dbname=pikir_no_such_database")
        let error = try #require(throws: StoreError.self) { _ = try location.open(.read) }
        #expect(error.code == .missingWarehouse, "\(error.message)")
        #expect(error.message.contains("createdb"), "\(error.message)")
    }

    @Test func aNewerWarehouseIsNeverWrittenAndIsReadWithAWarning() throws {
        let database = try TestDatabase()
        _ = try database.open()
        try database.connect().execute("INSERT INTO pikir_migrations (identifier) VALUES ('v5: from a newer pikir')")
        let refused = try #require(throws: StoreError.self) { _ = try database.location.open(.write) }
        #expect(refused.code == .newerWarehouse)
        #expect(refused.message.contains("v5: from a newer pikir"), "\(refused.message)")
        #expect(refused.message.contains("upgrade pikir"), "\(refused.message)")
        let read = try database.location.open(.read)
        #expect(read.warning?.contains("reading it anyway") == true, "\(read.warning ?? "")")
    }

    @Test func aSchemaOfSomethingElseIsNotTakenForAWarehouse() throws {
        let database = try TestDatabase()
        try database.connect().execute("CREATE SCHEMA pikir; CREATE TABLE pikir.other (x int)")
        let error = try #require(throws: StoreError.self) { _ = try database.location.open(.write) }
        #expect(error.code == .damaged, "\(error.message)")
    }

    @Test func oneRunAtATime() throws {
        let database = try TestDatabase()
        let location = database.location
        var first: AnyObject? = try location.lock()
        #expect(throws: LockedError.self) { _ = try location.lock() }
        first = nil
        let second = try location.lock()
        withExtendedLifetime((first, second)) {}
    }

    @Test func aRebuildReplacesTheWarehouseWhole() throws {
        let database = try TestDatabase()
        let location = database.location
        let (almaty, astana) = (sampleFiles()[0], sampleFiles()[1])
        try WarehouseLocationTests.ingest([almaty], into: location)
        let old = try location.open(.write)
        _ = try old.ledger()

        let staged = try location.staging()
        #expect(!staged.exists)
        try WarehouseLocationTests.ingest([astana], into: staged)
        try location.replace(with: staged)

        #expect(try location.open(.read).ledger().map(\.path) == [astana])
        #expect(try old.ledger().map(\.path) == [astana])
        #expect(!staged.exists)
        // An earlier attempt's leftovers are cleared.
        try WarehouseLocationTests.ingest([almaty], into: try location.staging())
        #expect(try location.staging().exists == false)
    }
}
