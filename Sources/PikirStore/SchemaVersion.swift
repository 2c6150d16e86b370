import GRDB
import PikirModel

/// Which schema a warehouse has, against the migrations this pikir knows.
///
/// A warehouse's version is the number of migrations applied to it, or its
/// `user_version` when higher (this pikir stamps it with the number of
/// migrations it knows). One with migrations this pikir does not know, or a
/// higher `user_version`, was made by a newer pikir: it is never written to,
/// and read only with a warning, when every table this pikir knows is there.
/// The check reads whatever migrations `Schema` registers, so adding one
/// needs no change here.
struct SchemaVersion {
    let known: [String]
    let applied: Set<String>
    let userVersion: Int
    /// Tables of any kind, pikir's or not (GRDB's and SQLite's own aside).
    let tables: Int

    init(_ db: Database, migrator: DatabaseMigrator = Schema.migrator) throws {
        known = migrator.migrations
        applied = try migrator.appliedIdentifiers(db)
        userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        // GRDB's own tables do not count: another pikir creating this
        // warehouse right now has made its migrations table and nothing else.
        tables = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM sqlite_master
            WHERE type = 'table' AND name NOT LIKE 'grdb\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
            """) ?? 0
    }

    var unknown: [String] { applied.subtracting(known).sorted() }
    var version: Int { max(userVersion, applied.count) }
    var isNewer: Bool { !unknown.isEmpty || userVersion > known.count }
    /// Every migration this pikir knows has been applied.
    var isComplete: Bool { known.allSatisfy(applied.contains) }

    /// Throws unless this pikir may write to the warehouse (after migrating it).
    func checkForWriting(path: String) throws {
        if applied.isEmpty && tables > 0 { throw notAWarehouse(path) }
        if isNewer { throw newer(path, advice: "upgrade pikir to write to it") }
    }

    /// Throws unless this pikir can read the warehouse; returns a warning
    /// when it reads one made by a newer pikir.
    func checkForReading(path: String) throws -> String? {
        if applied.isEmpty { throw notAWarehouse(path) }
        if isNewer {
            guard isComplete else { throw newer(path, advice: "upgrade pikir to read it") }
            return newer(path, advice: "reading it anyway; upgrade pikir").message
        }
        guard isComplete else {
            throw StoreError(code: .database, problem: "made by an older pikir (schema v\(version); this pikir knows up to v\(known.count))",
                             advice: "ingest into it once with this pikir (`pikir ingest --db \(path) FILE…`) to bring it up to date", path: path)
        }
        return nil
    }

    private func newer(_ path: String, advice: String) -> StoreError {
        let names = unknown.isEmpty ? "" : " (migrations it does not know: \(unknown.map { "“\($0)”" }.joined(separator: ", ")))"
        return StoreError(code: .newerWarehouse, problem: "made by pikir schema v\(version), this pikir knows up to v\(known.count)\(names)",
                          advice: advice, path: path)
    }

    private func notAWarehouse(_ path: String) -> StoreError {
        StoreError(code: .damaged, problem: "not a pikir warehouse (an SQLite file without pikir's tables)",
                   advice: "give the --db of a warehouse made by `pikir ingest`, or a new file name", path: path)
    }

    /// Records the version this pikir wrote, for the check above in any later pikir.
    static func stamp(_ db: Database, migrator: DatabaseMigrator) throws {
        let count = migrator.migrations.count
        if try (Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0) < count {
            try db.execute(sql: "PRAGMA user_version = \(count)")
        }
    }
}
