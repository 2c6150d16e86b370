/// Where a warehouse lives, and what is done to it as a whole rather than
/// through it: opening, the one-run-at-a-time lock, building a replacement
/// beside it and swapping it in, its size. For `SQLiteWarehouse` a file (with
/// its log and lock files); for a server, a database and its schemas.
public protocol WarehouseLocation: Sendable, CustomStringConvertible {
    /// Whether a warehouse is there.
    var exists: Bool { get }
    /// Its size in bytes (recorded in manifests); nil when there is none.
    var size: Int? { get }

    /// Opens it: for `.read`, as it is, never changed (and needing no right
    /// to write); for `.write`, created when missing and migrated.
    func open(_ access: WarehouseAccess) throws -> any Warehouse

    /// One run at a time: taken at once, or a `LockedError` when another run
    /// holds it. Held until the value returned is released, or the process ends.
    func lock() throws -> AnyObject

    /// An empty place beside this warehouse to build its replacement in
    /// (whatever an earlier attempt left there is removed).
    func staging() throws -> any WarehouseLocation

    /// Replaces this warehouse, whole and at once, with the one built at
    /// `staged` (from `staging()`), which is closed.
    func replace(with staged: any WarehouseLocation) throws

    /// Removes the warehouse here, with everything kept beside it (a
    /// replacement given up).
    func remove()

    /// Lets the login `role` read, and unless read-only write, only what
    /// `access` covers, enforced by the warehouse itself; a second grant to
    /// the same role replaces the first. Throws a `StoreError` saying why
    /// when the warehouse cannot do that, the role is unknown, or the access
    /// is one never granted (writing every region).
    func grant(role: String, access: RegionAccess) throws
}

public enum WarehouseAccess: Sendable {
    case read, write
}

/// Another `pikir run` holds the warehouse.
public struct LockedError: Error, CustomStringConvertible {
    public let path: String
    public init(path: String) { self.path = path }
    public var description: String {
        "\(path): another pikir run is using this warehouse; wait for it to finish and run again"
    }
}
