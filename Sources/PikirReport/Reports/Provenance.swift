import PikirStore

/// Where a report's numbers come from: the warehouse's ledger hash and files.
public struct Provenance: Sendable {
    public var fingerprint: String
    public var files: [String]
    public var records = 0, accepted = 0, rejected = 0, duplicates = 0, ignored = 0, redactions = 0

    init(_ warehouse: Warehouse) throws {
        let ledger = try warehouse.ledger()
        fingerprint = try warehouse.ledgerFingerprint()
        files = ledger.map(\.path)
        for entry in ledger {
            records += entry.records
            accepted += entry.accepted
            rejected += entry.rejected
            duplicates += entry.duplicates
            ignored += entry.ignored
            redactions += entry.redactions
        }
    }
}
