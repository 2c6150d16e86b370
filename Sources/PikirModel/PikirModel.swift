/// The canonical response as everything after normalisation sees it: its
/// stored columns described once (`ResponseColumn`), rows read by column
/// (`ResponseRow`, `ResponseSource`), the ingest's accounting (`Accounting`),
/// and the warehouse's protocols (`Warehouse`, `WarehouseLocation`), which
/// name no storage engine: PikirStore implements them with SQLite.
public enum PikirModel {}
