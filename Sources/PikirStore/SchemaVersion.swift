import GRDB
import PikirModel

/// SQLite's reading of `MigrationState`: GRDB's migrations table, the file's
/// `user_version`, and its tables.
extension MigrationState {
    init(_ db: Database, migrator: DatabaseMigrator = Schema.migrator) throws {
        // GRDB's own tables do not count: another pikir creating this
        // warehouse right now has made its migrations table and nothing else.
        let tables = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM sqlite_master
            WHERE type = 'table' AND name NOT LIKE 'grdb\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
            """) ?? 0
        self.init(known: migrator.migrations, applied: try migrator.appliedIdentifiers(db),
                  stamped: try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0, tables: tables,
                  foreign: ("an SQLite file without pikir's tables", "give the --db of a warehouse made by `pikir ingest`, or a new file name"),
                  missing: nil)
    }

    /// Records the version this pikir wrote, for the check above in any later pikir.
    static func stamp(_ db: Database, migrator: DatabaseMigrator) throws {
        let count = migrator.migrations.count
        if try (Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0) < count {
            try db.execute(sql: "PRAGMA user_version = \(count)")
        }
    }
}
