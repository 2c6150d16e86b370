import PikirModel

/// Which schema a warehouse has, against the migrations this pikir knows,
/// and what that allows: the same rules and messages for every warehouse
/// (SQLite's reading of it in SchemaVersion.swift, PostgreSQL's in
/// PostgresSchema.swift).
///
/// A warehouse's version is the number of migrations applied to it, or the
/// version stamped beside them when higher (SQLite's `user_version`: this
/// pikir stamps the number of migrations it knows). One with migrations this
/// pikir does not know, or a higher stamp, was made by a newer pikir: it is
/// never written to, and read only with a warning, when every table this
/// pikir knows is there. The check reads whatever migrations the warehouse
/// registers, so adding one needs no change here.
struct MigrationState {
    let known: [String]
    let applied: Set<String>
    /// The version stamped beside the migrations; 0 where there is none.
    let stamped: Int
    /// Tables there, pikir's or not (the engine's own aside).
    let tables: Int
    /// Tables but no pikir migrations: what it is (in "not a pikir warehouse (…)") and what to do.
    let foreign: (what: String, advice: String)
    /// Nothing there at all, read: the error for the warehouse at a path; nil when that is `foreign`'s too.
    let missing: ((String) -> StoreError)?

    var unknown: [String] { applied.subtracting(known).sorted() }
    var version: Int { max(stamped, applied.count) }
    var isNewer: Bool { !unknown.isEmpty || stamped > known.count }
    /// Every migration this pikir knows has been applied.
    var isComplete: Bool { known.allSatisfy(applied.contains) }

    /// Throws unless this pikir may write to the warehouse (after migrating it).
    func checkForWriting(path: String) throws {
        if applied.isEmpty && tables > 0 { throw notAWarehouse(path) }
        if isNewer { throw newer(path, advice: "upgrade pikir to write to it") }
    }

    /// Throws unless this pikir can read the warehouse; returns a warning
    /// when it reads one made by a newer pikir.
    func checkForReading(path: String) throws -> String? {
        if applied.isEmpty {
            if tables == 0, let missing { throw missing(path) }
            throw notAWarehouse(path)
        }
        if isNewer {
            guard isComplete else { throw newer(path, advice: "upgrade pikir to read it") }
            return newer(path, advice: "reading it anyway; upgrade pikir").message
        }
        guard isComplete else {
            throw StoreError(code: .database, problem: "made by an older pikir (schema v\(version); this pikir knows up to v\(known.count))",
                             advice: "ingest into it once with this pikir (`pikir ingest --db \(path) FILE…`) to bring it up to date", path: path)
        }
        return nil
    }

    private func newer(_ path: String, advice: String) -> StoreError {
        let names = unknown.isEmpty ? "" : " (migrations it does not know: \(unknown.map { "“\($0)”" }.joined(separator: ", ")))"
        return StoreError(code: .newerWarehouse, problem: "made by pikir schema v\(version), this pikir knows up to v\(known.count)\(names)",
                          advice: advice, path: path)
    }

    private func notAWarehouse(_ path: String) -> StoreError {
        StoreError(code: .damaged, problem: "not a pikir warehouse (\(foreign.what))", advice: foreign.advice, path: path)
    }
}
