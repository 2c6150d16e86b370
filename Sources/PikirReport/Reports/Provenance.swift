import PikirModel

/// Where a report's numbers come from: the warehouse's ledger hash and files.
public struct Provenance: Sendable {
    public var fingerprint: String
    public var files: [String]
    /// Where the files' records went.
    public var counts = Accounting()
    public var records: Int { counts.records }
    public var accepted: Int { counts.accepted }
    public var rejected: Int { counts.rejected }
    public var duplicates: Int { counts.duplicates }
    public var ignored: Int { counts.ignored }
    public var redactions: Int { counts.redactions }

    /// - Parameter files: The ledger ids of the files the report's responses
    ///   came from; nil for the whole warehouse (the yearly report's footer: its
    ///   change reads last year's files too). A report limited to a region or period names only
    ///   its own files, so a new export elsewhere leaves it byte for byte the same.
    init(_ warehouse: any Warehouse, files ids: Set<Int64>? = nil) throws {
        let ledger = try warehouse.ledger().filter { entry in ids.map { ids in entry.id.map(ids.contains) ?? false } ?? true }
        fingerprint = LedgerEntry.fingerprint(ledger)
        files = ledger.map(\.path).sorted()
        counts = ledger.map(\.counts).reduce(Accounting(), +)
    }
}
