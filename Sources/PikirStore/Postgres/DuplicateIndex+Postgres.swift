import PikirNormalise

extension DuplicateIndex {
    /// Catches up with rows other writers committed, as `refresh(_ db:)`
    /// does for SQLite (call inside the file's transaction, holding the store lock).
    func refresh(_ connection: PGConnection) throws {
        let row = CopyTextRow()
        try connection.copyOut("""
            COPY (SELECT id, fingerprint, form_id FROM response
                  WHERE id > \(highestRowID) AND (fingerprint IS NOT NULL OR form_id IS NOT NULL)) TO STDOUT
            """) { line in
            row.parse(line)
            guard let id = row.integer(0) else { return }
            add(rowID: Int64(id), fingerprint: row.integer(1).map(Int64.init), formIDHash: row.string(2).map(Fingerprint.of))
        }
        // Rows without either still take ids: the next one follows the largest,
        // of every region (a centre's login sees only its own: `RegionAccessSchema`).
        if let highest = try connection.value("SELECT response_max_id()").flatMap({ Int64($0) }) {
            add(rowID: highest, fingerprint: nil, formIDHash: nil)
        }
    }
}
