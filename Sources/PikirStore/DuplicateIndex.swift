import GRDB
import PikirModel
import PikirNormalise

/// The fingerprints and form ids already in the warehouse, kept in memory so
/// that a million inserts need no unique index to be searched and updated.
///
/// Correct with several processes: it is refreshed at the start of each
/// file's write transaction, when this process holds SQLite's write lock and
/// no other writer can add rows until the commit. Rows are read only past the
/// highest row id seen, so a refresh costs what the other processes added.
final class DuplicateIndex {
    private var byFingerprint = HashIndex()
    /// Keyed by a 64-bit hash of the form id: hashing a String key with
    /// SipHash on every insert cost 3% of an ingest. A hit is confirmed
    /// against the stored id by the writer (`FileWriter`), so a collision
    /// can never turn a new response into a duplicate.
    private var byFormID = HashIndex()
    /// The largest row id stored or promised to a response being stored.
    private(set) var highestRowID: Int64 = 0

    /// Catches up with rows other writers committed (call inside the write transaction).
    func refresh(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, fingerprint, form_id FROM response
            WHERE id > ? AND (fingerprint IS NOT NULL OR form_id IS NOT NULL)
            """, arguments: [highestRowID])
        while let row = try rows.next() {
            let id: Int64 = row[0]
            if let fingerprint: Int64 = row[1] { byFingerprint[fingerprint] = id }
            if let formID: String = row[2] { byFormID[Fingerprint.of(formID)] = id }
        }
        highestRowID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM response") ?? 0
    }

    /// The row a response may duplicate: by form id (to be confirmed, see
    /// `byFormID`), else by fingerprint.
    func candidate(fingerprint: Int64?, formIDHash: Int64?) -> (row: Int64, byFormID: Bool)? {
        if let formIDHash, let id = byFormID[formIDHash] { return (id, true) }
        if let fingerprint, let id = byFingerprint[fingerprint] { return (id, false) }
        return nil
    }

    func add(rowID: Int64, fingerprint: Int64?, formIDHash formID: Int64?) {
        if let fingerprint { byFingerprint[fingerprint] = rowID }
        if let formID { byFormID[formID] = rowID }
        highestRowID = max(highestRowID, rowID)
    }

    /// The file's transaction committed: its rows stay.
    func commit() {}

    /// The file's transaction rolled back: forget its rows, and read again next time.
    func rollBack() {
        byFingerprint = HashIndex()
        byFormID = HashIndex()
        highestRowID = 0
    }
}
