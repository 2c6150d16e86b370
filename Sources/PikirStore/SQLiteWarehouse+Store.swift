import Foundation
import GRDB
import PikirModel

/// Storing files: one transaction each, written by `FileWriter`.
extension SQLiteWarehouse {
    public func store(_ entry: LedgerEntry, headerRedactions: Int, batches next: () throws -> WriteBatch?) throws -> StoreOutcome {
        var outcome: StoreOutcome?
        defer {
            // A skipped file added nothing to the index: only a failed one must be forgotten.
            if outcome != nil { duplicates.commit() } else { duplicates.rollBack() }
        }
        do {
            try queue.inTransaction(.immediate) { db in
                // Another process may have stored the same content since the ledger was read.
                if let stored = try LedgerEntry.fetch(db, sha256: entry.sha256) {
                    outcome = .alreadyStored(stored)
                    return .rollback
                }
                let writer = try FileWriter(db: db, entry: entry, duplicates: duplicates)
                var counts = Accounting(redactions: headerRedactions)
                while let batch = try next() {
                    counts.rejected += batch.rejected
                    counts.ignored += batch.ignored
                    counts.redactions += batch.redactions
                    for item in batch.items {
                        switch item {
                        case .response(let row):
                            if try writer.insert(row: row, of: batch.rows) { counts.accepted += 1 } else { counts.duplicates += 1 }
                        case .reject(let line, let code, let message, let raw):
                            try writer.insert(reject: line, code: code, message: message, raw: raw)
                        case .ignored(let line, let code):
                            try writer.insert(ignored: line, code: code)
                        case .duplicate(let line, let responseID, let original):
                            try writer.insert(duplicate: line, responseID: responseID, of: original)
                            counts.duplicates += 1
                        }
                    }
                    try writer.flush()  // before the batch's buffers are let go
                }
                try writer.finish(counts)
                outcome = .stored(counts)
                return .commit
            }
        } catch let error as DatabaseError {
            outcome = nil
            throw StoreError(database: error, path: path)
        } catch {
            outcome = nil
            throw error
        }
        if case .stored(let counts) = outcome {
            // About 10 MB of log: a checkpoint per small file cost two disk syncs each.
            uncheckpointed += counts.records
            if uncheckpointed >= 32_768 {
                checkpointer?.request()
                uncheckpointed = 0
            }
        }
        return outcome!
    }

    /// Moves checkpoints off the writing connection while `body` runs (see `Checkpointer`).
    public func storing<T>(_ body: () throws -> T) rethrows -> T {
        let previous = checkpointer
        if previous == nil { checkpointer = backgroundCheckpoints() }
        defer {
            if previous == nil {
                endBackgroundCheckpoints(checkpointer)
                checkpointer = nil
            }
        }
        return try body()
    }

    private func backgroundCheckpoints() -> Checkpointer? {
        guard let checkpointer = Checkpointer(path: path) else { return nil }
        guard (try? queue.writeWithoutTransaction({ try $0.execute(sql: "PRAGMA wal_autocheckpoint = 0") })) != nil else {
            checkpointer.finish()  // let its thread end
            return nil
        }
        uncheckpointed = 0
        return checkpointer
    }

    private func endBackgroundCheckpoints(_ checkpointer: Checkpointer?) {
        guard let checkpointer else { return }
        checkpointer.finish()
        try? queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = 1000") }
    }
}
