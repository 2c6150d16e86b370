import PikirModel
import PikirNormalise

/// Storing files: one transaction each, written by `PostgresFileWriter`.
///
/// Many writers: each file's transaction first takes a transaction-level
/// advisory lock (one per warehouse schema), so files are stored one at a
/// time across every process and machine, as SQLite's write lock makes
/// them; the reading and normalising go on in parallel. Under the lock the
/// ledger is checked again (another centre may have stored the same
/// content), the duplicate index catches up with the rows others committed
/// (READ COMMITTED: each statement sees every commit made before it), and
/// response ids are the index's next ids. Writers wait for each other
/// instead of failing, so no serialization error can reach the user.
extension PostgresWarehouse {
    public func store(_ entry: LedgerEntry, headerRedactions: Int, batches next: () throws -> WriteBatch?) throws -> StoreOutcome {
        var outcome: StoreOutcome?
        defer {
            // A skipped file added nothing to the index: only a failed one must be forgotten.
            if outcome != nil { duplicates.commit() } else { duplicates.rollBack() }
        }
        do {
            try connection.execute("BEGIN")
            try connection.execute("SELECT pg_advisory_xact_lock(\(PostgresLocks.store), hashtext($1))", [location.schema])
            let login = try LoginRegion(connection)
            try login.checkWriting(path: name)
            if let stored = try Self.ledgerEntryOfAnyRegion(sha256: entry.sha256, connection) {
                try connection.execute("ROLLBACK")
                outcome = .alreadyStored(stored)
                return .alreadyStored(stored)
            }
            let writer = try PostgresFileWriter(connection: connection, entry: entry, duplicates: duplicates,
                                                staged: login.bound) { [unowned self] row in
                try committedReader().value("SELECT response_id FROM response WHERE id = $1", [String(row)])
            }
            var counts = Accounting(redactions: headerRedactions)
            while let batch = try next() {
                counts.rejected += batch.rejected
                counts.ignored += batch.ignored
                counts.redactions += batch.redactions
                for item in batch.items {
                    switch item {
                    case .response(let row):
                        // A centre's login stores its own region only (the policies would refuse the whole file).
                        if let refusal = login.refusal(of: batch.rows.string(row: row, column: .region)) {
                            counts.rejected += 1
                            writer.insert(reject: batch.rows.meta[row].sourceLine, code: LoginRegion.notAllowed, message: refusal,
                                          raw: LoginRegion.raw(row: row, of: batch.rows, path: entry.path))
                        } else if try writer.insert(row: row, of: batch.rows) { counts.accepted += 1 } else { counts.duplicates += 1 }
                    case .reject(let line, let code, let message, let raw):
                        writer.insert(reject: line, code: code, message: message, raw: raw)
                    case .ignored(let line, let code):
                        writer.insert(ignored: line, code: code)
                    case .duplicate(let line, let responseID, let original):
                        writer.insert(duplicate: line, responseID: responseID, of: original)
                        counts.duplicates += 1
                    }
                }
            }
            try writer.finish(counts)
            try connection.execute("COMMIT")
            outcome = .stored(counts)
            return .stored(counts)
        } catch {
            outcome = nil
            connection.rollBack()
            throw error
        }
    }

    /// A second connection, for reading committed rows while the writing one is in a COPY.
    private func committedReader() throws -> PGConnection {
        if let reader { return reader }
        let opened = try location.connect()
        reader = opened
        return opened
    }
}
