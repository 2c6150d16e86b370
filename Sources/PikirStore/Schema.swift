import Foundation
import GRDB
import PikirModel

/// The warehouse's tables, created and changed only through numbered migrations.
///
/// Scores live in columns of `response` (one row per response), so that an
/// aggregation is one scan with no join; the wide table was the simpler and
/// faster of the two shapes for the questions reports ask. Its columns are
/// `ResponseColumn`'s: a column added later (`since` a later version) is
/// added by that version's migration (`ALTER TABLE response ADD COLUMN`
/// with its `definition`).
enum Schema {
    static var migrator: DatabaseMigrator { migrator(tally: MigrationTally()) }

    /// - Parameter tally: Told how many personal-data items migration v3
    ///   redacted, when it runs.
    static func migrator(tally: MigrationTally) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: ledger, responses, rejects") { db in
            try db.execute(sql: """
                CREATE TABLE file (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL,
                    sha256 TEXT NOT NULL UNIQUE,
                    size INTEGER NOT NULL,
                    encoding TEXT NOT NULL,
                    delimiter TEXT NOT NULL,
                    line_ending TEXT NOT NULL,
                    header_line INTEGER,
                    records INTEGER NOT NULL,
                    accepted INTEGER NOT NULL,
                    rejected INTEGER NOT NULL,
                    duplicates INTEGER NOT NULL,
                    ignored INTEGER NOT NULL,
                    redactions INTEGER NOT NULL,
                    ingested_at TEXT NOT NULL
                );
                CREATE TABLE response (
                    id INTEGER PRIMARY KEY,
                    \(ResponseColumn.allCases.filter { $0.since == 1 }.map(\.definition).joined(separator: ",\n"))
                );
                -- No unique index on form_id or fingerprint: duplicates are found in
                -- memory (DuplicateIndex) under the write lock, which a million
                -- inserts do much faster than SQLite can maintain two indexes.
                CREATE TABLE reject (
                    id INTEGER PRIMARY KEY,
                    file_id INTEGER NOT NULL REFERENCES file(id),
                    line INTEGER NOT NULL,
                    reason_code TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    raw TEXT NOT NULL
                );
                CREATE TABLE ignored_line (
                    file_id INTEGER NOT NULL REFERENCES file(id),
                    line INTEGER NOT NULL,
                    reason_code TEXT NOT NULL
                );
                CREATE TABLE duplicate (
                    file_id INTEGER NOT NULL REFERENCES file(id),
                    line INTEGER NOT NULL,
                    response_id TEXT NOT NULL,
                    duplicate_of TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2: sessions registry") { db in
            try db.execute(sql: """
                CREATE TABLE session (
                    session_id TEXT PRIMARY KEY,
                    city TEXT,
                    date_from TEXT NOT NULL,
                    date_to TEXT NOT NULL,
                    trainer_key TEXT,
                    module TEXT,
                    registered INTEGER
                );
                """)
        }
        migrator.registerMigration("v3: personal data redacted in every stored text") { db in
            let redactions = try StoredRedaction.run(db)
            // A new warehouse has nothing to report.
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM file") ?? 0 > 0 { tally.redactions = redactions }
        }
        migrator.registerMigration("v4: derived session ids as slugs") { db in
            _ = try SessionSlugs.run(db)
        }
        return migrator
    }
}

/// How many items migration v3 redacted in this open; nil when it did not run.
/// Set on GRDB's queue, read after `migrate` returns.
final class MigrationTally: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int?

    var redactions: Int? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
