import PikirStore

/// Where a report's numbers come from: the warehouse's ledger hash and files.
public struct Provenance: Sendable {
    public var fingerprint: String
    public var files: [String]
    public var records = 0, accepted = 0, rejected = 0, duplicates = 0, ignored = 0, redactions = 0

    /// - Parameter files: The ledger ids of the files the report's responses
    ///   came from; nil for the whole warehouse (the yearly report's data quality
    ///   covers every file). A report limited to a region or period names only
    ///   its own files, so a new export elsewhere leaves it byte for byte the same.
    init(_ warehouse: Warehouse, files ids: Set<Int64>? = nil) throws {
        let ledger = try warehouse.ledger().filter { entry in ids.map { ids in entry.id.map(ids.contains) ?? false } ?? true }
        fingerprint = Warehouse.fingerprint(ledger)
        files = ledger.map(\.path).sorted()
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
