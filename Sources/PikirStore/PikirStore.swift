/// The SQLite warehouse (through GRDB): `SQLiteWarehouse` and `SQLiteFile`
/// implement PikirModel's `Warehouse` and `WarehouseLocation`. The only
/// module that imports GRDB or knows SQLite's files.
public enum PikirStore {}
