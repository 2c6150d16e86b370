import PikirFuzzing

/// The warehouse fuzzer: each input is ingested into a new SQLite warehouse
/// (see `WarehouseCheck`, and `FuzzEntry` for how it is built and replayed).
@main
enum FuzzWarehouse {
    static func main() { FuzzEntry.main(bytes: WarehouseCheck.check, path: WarehouseCheck.check(path:)) }
}
