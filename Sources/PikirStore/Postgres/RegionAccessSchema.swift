/// Access by region, enforced by PostgreSQL's row-level security: the
/// migration that adds it to a warehouse's schema.
///
/// Who may see what is in `region_grant`, which only the warehouse's owner
/// (the login that created it) writes: a setting a login could change
/// itself (`SET pikir.region`) would let it choose its own region. Security
/// is ENABLEd, not FORCEd, on the tables holding a region, so the owner
/// sees and writes everything; a granted login sees the rows of its grant's
/// region (every row with `region IS NULL` in its grant), and writes, when
/// not read-only, only rows of its region. A login with no grant that is
/// given the tables' privileges anyway sees nothing.
///
/// The functions are SECURITY DEFINER, so a login reads its own grant (and
/// nobody else's) and what the whole ledger must answer, without the
/// privilege to read `region_grant` or other regions' rows. Their bodies
/// are `BEGIN ATOMIC`: parsed once, bound to the tables themselves and not
/// to names on a search path, so a login cannot slip in tables of its own
/// and a renamed schema (a rebuild swapped in) keeps them working. The
/// policies call them in sub-selects, evaluated once per statement, not per row.
enum RegionAccessSchema {
    static let identifier = "pg1: access by region (row-level security)"

    /// Tables whose rows belong to a region: responses by their own
    /// `region`, the others by the region of the login that wrote them.
    static let tables = ["response", "file", "reject", "ignored_line", "duplicate"]

    static let migration = """
        CREATE TABLE region_grant (
            role name PRIMARY KEY,
            region text,  -- NULL: every region
            read_only boolean NOT NULL
        );
        REVOKE ALL ON region_grant FROM PUBLIC;
        \(function("grant_region(login name) RETURNS text", "SELECT region FROM region_grant WHERE role = login"))
        \(function("grant_all(login name) RETURNS boolean",
                   "SELECT EXISTS (SELECT 1 FROM region_grant WHERE role = login AND region IS NULL)"))
        \(function("grant_writes(login name) RETURNS boolean",
                   "SELECT EXISTS (SELECT 1 FROM region_grant WHERE role = login AND region IS NOT NULL AND NOT read_only)"))
        -- The ledger is one for all centres: a file stored by any of them is not stored again.
        \(function("ledger_holds(content text) RETURNS TABLE (path text, ingested_at text)",
                   "SELECT path, ingested_at FROM file WHERE sha256 = content"))
        -- Response ids are given by pikir, one series for the whole table.
        \(function("response_max_id() RETURNS bigint", "SELECT max(id) FROM response"))
        \(tables.map(policies).joined(separator: "\n"))
        """

    private static func function(_ signature: String, _ body: String) -> String {
        """
        CREATE FUNCTION \(signature) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
        BEGIN ATOMIC \(body); END;
        """
    }

    private static let reads = "(SELECT grant_all(current_user)) OR region = (SELECT grant_region(current_user))"
    private static let writes = "(SELECT grant_writes(current_user)) AND region = (SELECT grant_region(current_user))"

    private static func policies(_ table: String) -> String {
        // A response's region is its own; the other rows take the writer's.
        let stamp = table == "response" ? "" : "ALTER TABLE \(table) ALTER COLUMN region SET DEFAULT grant_region(current_user);\n"
        return """
            \(stamp)ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY;
            CREATE POLICY region_read ON \(table) FOR SELECT USING (\(reads));
            CREATE POLICY region_write ON \(table) FOR ALL USING (\(writes)) WITH CHECK (\(writes));
            """
    }
}
