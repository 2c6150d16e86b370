import Foundation
import PikirModel

/// A warehouse's SQLite file, with what SQLite keeps beside it (its
/// write-ahead log and the log's index) and the run lock (`RunLock`).
public struct SQLiteFile: WarehouseLocation {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public var description: String { path }

    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    public var size: Int? { WarehouseFiles.size(path) }

    public func open(_ access: WarehouseAccess) throws -> any Warehouse {
        try SQLiteWarehouse(path: path, readOnly: access == .read)
    }

    public func lock() throws -> AnyObject {
        try RunLock(warehouse: path)
    }

    /// `<warehouse>.rebuild`, beside it: a rename within one folder is atomic.
    public func staging() throws -> any WarehouseLocation {
        let staged = SQLiteFile(path: path + ".rebuild")
        staged.remove()
        return staged
    }

    public func replace(with staged: any WarehouseLocation) throws {
        guard let staged = staged as? SQLiteFile else {
            preconditionFailure("a SQLite warehouse is replaced only by one built at its staging()")
        }
        // The log of the old file must not be read as the new one's; the new one's is folded in (`settle`).
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        if rename(staged.path, path) != 0 {
            throw StoreError(code: .unwritable, message: "\(path): cannot replace the warehouse (\(String(cString: strerror(errno))))")
        }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: staged.path + suffix) }
    }

    public func remove() {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Whoever can open the file reads and writes all of it: there are no logins to grant to.
    public func grant(role: String, access: RegionAccess) throws {
        throw StoreError(code: .database, problem: "a SQLite warehouse is one file, whose access is the file's permissions (no logins or regions to grant)",
                         advice: "give each centre a warehouse of its own, or use a PostgreSQL warehouse (--db postgresql://…) to grant access by region",
                         path: path)
    }
}

/// The warehouse a user names: the one place that picks an implementation
/// of `WarehouseLocation` from what was typed.
public enum WarehouseLocations {
    /// `--db`'s or a pipeline's `warehouse` value: a PostgreSQL database's
    /// `postgresql://…` (or `postgres://…`) address, else a SQLite file's path.
    public static func at(_ address: String) -> any WarehouseLocation {
        isServer(address) ? PostgresLocation(address: address) : SQLiteFile(path: address)
    }

    /// A database server's address rather than a file's path (never resolved against a folder).
    public static func isServer(_ address: String) -> Bool {
        PostgresAddress.isPostgres(address)
    }

    /// The default: `PIKIR_DB`, else `./pikir.sqlite`.
    public static func defaultAddress(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment["PIKIR_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "pikir.sqlite"
    }
}
