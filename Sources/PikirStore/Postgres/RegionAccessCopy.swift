/// Where a file's rows are copied: into their table, or, for a login under
/// row-level security, into a temporary table first, since PostgreSQL
/// refuses `COPY … FROM` into a table whose policies apply to the login.
/// The rows are then moved in by one `INSERT … SELECT`, which the policies
/// check row by row (a row of another region fails the file).
struct CopyTarget {
    let table: String
    let columns: String
    let staged: Bool

    var copy: String { "COPY \(staged ? "pg_temp.\(table)_in" : table) (\(columns)) FROM STDIN" }

    /// Makes the temporary table, dropped when the file's transaction ends (call inside it).
    func prepare(_ connection: PGConnection) throws {
        guard staged else { return }
        try connection.execute("""
            CREATE TEMP TABLE IF NOT EXISTS \(table)_in ON COMMIT DROP AS SELECT \(columns) FROM \(table) WITH NO DATA
            """)
    }

    /// Moves what was copied into the table (after each COPY ends).
    func moveIn(_ connection: PGConnection) throws {
        guard staged else { return }
        try connection.execute("""
            WITH moved AS (DELETE FROM pg_temp.\(table)_in RETURNING \(columns))
            INSERT INTO \(table) (\(columns)) SELECT \(columns) FROM moved
            """)
    }
}
