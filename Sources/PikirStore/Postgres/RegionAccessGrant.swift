import PikirModel
import PikirNormalise

extension PostgresLocation {
    /// Grants `role` its region (`RegionAccessSchema`): the privileges on
    /// the schema's tables and its row in `region_grant`, replacing any grant
    /// it had (one region per login), in one transaction. Run by the
    /// warehouse's owner; the role is made by the database's administrator
    /// (`CREATE ROLE name LOGIN`). The sessions registry is read by every
    /// granted login and written only by the owner: it is the programme's,
    /// and has no region to hold a centre to.
    public func grant(role: String, access: RegionAccess) throws {
        try Self.check(access, path: description)
        let warehouse = try PostgresWarehouse(location: self, access: .write)
        let connection = warehouse.connection
        try connection.transaction {
            let found = try connection.execute("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = $1", [role])
            guard found.rows == 1 else {
                throw StoreError(code: .database, problem: "there is no role “\(role)” in this database's server",
                                 advice: "have the database's administrator create it (`CREATE ROLE \(Self.quoted(role)) LOGIN`), then grant again",
                                 path: description)
            }
            let owner = try connection.value("SELECT tableowner FROM pg_tables WHERE schemaname = $1 AND tablename = 'response'", [schema])
            guard owner == (try connection.value("SELECT current_user")) else {
                throw StoreError(code: .unwritable, problem: "only the warehouse's owner (“\(owner ?? "?")”) may grant access to it",
                                 advice: "run `pikir warehouse grant` with the owner's login", path: description)
            }
            // Policies hold neither of these back, so a grant would promise what PostgreSQL does not enforce.
            guard role != owner else {
                throw StoreError(code: .database, problem: "“\(role)” owns the warehouse, and reads and writes every region",
                                 advice: "grant a centre's or the ministry's own login instead", path: description)
            }
            guard found[0, 0] == "f" else {
                throw StoreError(code: .database, problem: "“\(role)” is a superuser or has BYPASSRLS, which PostgreSQL lets past every policy",
                                 advice: "grant an ordinary login (`CREATE ROLE name LOGIN`) instead", path: description)
            }
            let name = Self.quoted(role)
            let tables = RegionAccessSchema.tables.joined(separator: ", ")
            // Revoked first, so a read-only grant after a writing one takes the writing away.
            try connection.execute("REVOKE ALL ON \(tables), session, pikir_migrations FROM \(name)")
            try connection.execute("REVOKE ALL ON ALL SEQUENCES IN SCHEMA \(schema) FROM \(name)")
            try connection.execute("GRANT USAGE ON SCHEMA \(schema) TO \(name)")
            try connection.execute("GRANT SELECT ON \(tables), session, pikir_migrations TO \(name)")
            if !access.readOnly {
                try connection.execute("GRANT INSERT, UPDATE, DELETE ON \(tables) TO \(name)")
                try connection.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA \(schema) TO \(name)")
            }
            try connection.execute("""
                INSERT INTO region_grant (role, region, read_only) VALUES ($1, $2, $3)
                ON CONFLICT (role) DO UPDATE SET region = excluded.region, read_only = excluded.read_only
                """, [role, access.region, access.readOnly ? "true" : "false"])
        }
    }

    /// Refuses what is never granted: an unknown region, or writing every region.
    static func check(_ access: RegionAccess, path: String) throws {
        switch access {
        case .all(readOnly: false):
            throw StoreError(code: .database, problem: "every region is granted only to read (a ministry's login writes nothing)",
                             advice: "add --read-only, or grant a centre's login its one region with --region KZ-…", path: path)
        case .region(let code, _) where Places.subdivision(code: code) == nil:
            let codes = Places.subdivisions.map(\.code).joined(separator: ", ")
            throw StoreError(code: .database, problem: "“\(code)” is no region's ISO 3166-2:KZ code",
                             advice: "give one of \(codes)", path: path)
        default:
            return
        }
    }

    /// A role's name as an SQL identifier, whatever it holds.
    static func quoted(_ role: String) -> String {
        "\"" + role.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
