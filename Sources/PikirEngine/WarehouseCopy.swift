import PikirModel

/// `pikir warehouse copy`: a whole warehouse moved to another, of either
/// kind (a centre's SQLite file into the national PostgreSQL warehouse, or a
/// ministry's offline copy back out), file by file through `Warehouse.store`.
///
/// Files are copied in ledger order, each in one transaction: its ledger
/// entry as it was (path, SHA-256, encoding, counts, time of ingest), then its
/// responses, rejects, ignored lines and duplicates. The responses are stored
/// as ordinary ones, so the target finds each original again by the same rule
/// in the same order; that every file then has the counts it had is checked,
/// file by file.
///
/// The target must hold nothing but an earlier copy's beginning: its ledger
/// the first files of the source's, its registry entries the source's. So a
/// copy that stopped (a dropped connection, a full disk: the file being
/// copied is rolled back) is finished by running it again, and a copy never
/// mixes two warehouses.
public enum WarehouseCopy {
    /// What a copy did.
    public struct Summary: Sendable, Equatable {
        /// Files copied now, and those the target had from an earlier copy.
        public var copied = 0, alreadyThere = 0
        /// The copied files' records.
        public var counts = Accounting()
        public var sessions = 0
    }

    /// Why the target cannot take the copy, or the copy went wrong.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Copies everything in `source` into `target`.
    ///
    /// - Parameter progress: Called after each file is stored, with its entry.
    /// - Throws: `Failure` when the target holds other data or a file came
    ///   out different; the warehouses' `StoreError`s. Files stored before
    ///   stay, whole; a rerun goes on from there.
    public static func copy(from source: any Warehouse, to target: any Warehouse,
                            progress: (LedgerEntry) -> Void = { _ in }) throws -> Summary {
        let ledger = try source.ledger()
        let done = try alreadyCopied(ledger, source: source, target: target)
        var summary = Summary(alreadyThere: done)
        let sessions = try source.registeredSessions()
        let entries = try sessions.map { session in
            guard let entry = session.registryEntry else {
                throw Failure(description: "\(source.name): session \(session.id) has dates that are not ISO days (\(session.dateFrom)…\(session.dateTo)); it cannot be copied")
            }
            return entry
        }
        try target.storeSessions(entries)
        summary.sessions = entries.count
        try target.storing {
            for entry in ledger.dropFirst(done) {
                let reader = try source.storedFile(sha256: entry.sha256)
                let outcome = try target.store(entry, headerRedactions: entry.redactions, batches: reader.next)
                guard case .stored(let counts) = outcome else {
                    throw Failure(description: "\(target.name): \(entry.path) was stored there by another pikir during the copy; run the copy again when it is done")
                }
                guard counts == entry.counts else {
                    throw Failure(description: """
                        \(target.name): \(entry.path) came out as \(describe(counts)), not \(describe(entry.counts)) as in \(source.name) \
                        (its duplicates were found differently); it is stored there, so start again with an empty target and report this
                        """)
                }
                summary.copied += 1
                summary.counts += counts
                progress(entry)
            }
        }
        try target.settle()
        return summary
    }

    /// How many of the source's first files the target has from an earlier
    /// copy; throws when it holds anything else.
    static func alreadyCopied(_ ledger: [LedgerEntry], source: any Warehouse, target: any Warehouse) throws -> Int {
        let there = try target.ledger()
        for (i, entry) in there.enumerated() {
            guard i < ledger.count, sameFile(ledger[i], entry) else {
                throw Failure(description: """
                    \(target.name): already holds data that is not a copy of \(source.name) (\(entry.path), ingested \(entry.ingestedAt)); \
                    copy into an empty warehouse (create one with `pikir warehouse init`)
                    """)
            }
        }
        let registry = Dictionary(try source.registeredSessions().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        if let other = try target.registeredSessions().first(where: { registry[$0.id] != $0 }) {
            throw Failure(description: """
                \(target.name): already has a sessions registry entry that \(source.name) has not (\(other.id)); \
                copy into an empty warehouse (create one with `pikir warehouse init`)
                """)
        }
        return there.count
    }

    /// The same ledger entry in two warehouses (each has its own ids).
    public static func sameFile(_ a: LedgerEntry, _ b: LedgerEntry) -> Bool {
        var a = a, b = b
        a.id = nil
        b.id = nil
        return a == b
    }

    private static func describe(_ c: Accounting) -> String {
        "\(c.accepted) accepted, \(c.rejected) rejected, \(c.duplicates) duplicates, \(c.ignored) ignored"
    }
}
