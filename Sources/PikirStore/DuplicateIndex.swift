import GRDB

/// The fingerprints and form ids already in the warehouse, kept in memory so
/// that a million inserts need no unique index to be searched and updated.
///
/// Correct with several processes: it is refreshed at the start of each
/// file's write transaction, when this process holds SQLite's write lock and
/// no other writer can add rows until the commit. Rows are read only past the
/// highest row id seen, so a refresh costs what the other processes added.
final class DuplicateIndex {
    private var byFingerprint: [Int64: Int64] = [:]
    private var byFormID: [String: Int64] = [:]
    private var highestRowID: Int64 = 0
    /// Entries added by the file being written, undone if its transaction rolls back.
    private var pending: [(fingerprint: Int64?, formID: String?)] = []

    /// Catches up with rows other writers committed (call inside the write transaction).
    func refresh(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, fingerprint, form_id FROM response
            WHERE id > ? AND (fingerprint IS NOT NULL OR form_id IS NOT NULL)
            """, arguments: [highestRowID])
        while let row = try rows.next() {
            let id: Int64 = row[0]
            if let fingerprint: Int64 = row[1] { byFingerprint[fingerprint] = id }
            if let formID: String = row[2] { byFormID[formID] = id }
        }
        highestRowID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM response") ?? 0
        pending.removeAll(keepingCapacity: true)
    }

    /// The row a response duplicates, if any.
    func original(fingerprint: Int64?, formID: String?) -> Int64? {
        if let formID, let id = byFormID[formID] { return id }
        if let fingerprint, let id = byFingerprint[fingerprint] { return id }
        return nil
    }

    func add(rowID: Int64, fingerprint: Int64?, formID: String?) {
        if let fingerprint { byFingerprint[fingerprint] = rowID }
        if let formID { byFormID[formID] = rowID }
        pending.append((fingerprint, formID))
        highestRowID = max(highestRowID, rowID)
    }

    /// The file's transaction committed: its rows stay.
    func commit() { pending.removeAll(keepingCapacity: true) }

    /// The file's transaction rolled back: forget its rows, and read again next time.
    func rollBack() {
        for (fingerprint, formID) in pending {
            if let fingerprint { byFingerprint[fingerprint] = nil }
            if let formID { byFormID[formID] = nil }
        }
        pending.removeAll()
        byFingerprint.removeAll()
        byFormID.removeAll()
        highestRowID = 0
    }
}
