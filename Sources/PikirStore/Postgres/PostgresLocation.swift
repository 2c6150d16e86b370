import Foundation
import PikirModel

/// A warehouse in a PostgreSQL database: the tables of schema `pikir` (a
/// replacement is built in schema `pikir_rebuild` and swapped in by
/// renaming, in one transaction). The database itself is never created or
/// dropped by pikir: it is the administrator's.
public struct PostgresLocation: WarehouseLocation {
    let address: PostgresAddress
    let schema: String

    public init(address: String) {
        self.init(address: PostgresAddress(address), schema: "pikir")
    }

    init(address: PostgresAddress, schema: String) {
        self.address = address
        self.schema = schema
    }

    public var description: String { schema == "pikir" ? address.name : "\(address.name) (schema \(schema))" }

    /// A connection with the warehouse's schema first on its search path.
    func connect() throws -> PGConnection {
        if let problem = address.problem { throw problem }
        let connection = try PGConnection(conninfo: address.conninfo, name: address.name)
        try connection.execute("SET search_path TO \(schema)")
        return connection
    }

    public var exists: Bool {
        guard let connection = try? connect() else { return false }
        return (try? MigrationState(connection, schema: schema).applied.isEmpty == false) ?? false
    }

    /// The bytes of the schema's tables and their indexes.
    public var size: Int? {
        guard let connection = try? connect() else { return nil }
        return try? connection.value("""
            SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relkind = 'r'
            """, [schema]).flatMap { Int($0) }
    }

    public func open(_ access: WarehouseAccess) throws -> any Warehouse {
        try PostgresWarehouse(location: self, access: access)
    }

    public func lock() throws -> AnyObject {
        try PostgresRunLock(location: self)
    }

    public func staging() throws -> any WarehouseLocation {
        let staged = PostgresLocation(address: address, schema: "\(schema)_rebuild")
        let connection = try connect()
        try connection.execute("DROP SCHEMA IF EXISTS \(staged.schema) CASCADE")
        return staged
    }

    public func replace(with staged: any WarehouseLocation) throws {
        guard let staged = staged as? PostgresLocation, staged.schema == "\(schema)_rebuild" else {
            preconditionFailure("a PostgreSQL warehouse is replaced only by one built at its staging()")
        }
        let connection = try connect()
        // Readers see the old schema or the new one, never neither: DDL is transactional.
        try connection.transaction {
            try connection.execute("SELECT pg_advisory_xact_lock(\(PostgresLocks.store), hashtext($1))", [schema])
            try connection.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE")
            try connection.execute("ALTER SCHEMA \(staged.schema) RENAME TO \(schema)")
        }
    }

    public func remove() {
        guard let connection = try? connect() else { return }
        _ = try? connection.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE")
    }
}

/// One `pikir run` at a time per warehouse: a session-level advisory lock
/// on a connection of its own, let go when this object is, or when the
/// process ends (the server drops the connection and its lock).
final class PostgresRunLock {
    private let connection: PGConnection
    private let schema: String

    init(location: PostgresLocation) throws {
        connection = try location.connect()
        schema = location.schema
        let taken = try connection.value("SELECT pg_try_advisory_lock(\(PostgresLocks.run), hashtext($1))", [schema])
        guard taken == "t" else { throw LockedError(path: location.description) }
    }

    // Unlocked before the connection closes: the server drops a closed
    // connection's locks only once its backend has exited, so a run started
    // right after this one could still find the lock taken (seen in CI).
    deinit {
        _ = try? connection.value("SELECT pg_advisory_unlock(\(PostgresLocks.run), hashtext($1))", [schema])
    }
}
