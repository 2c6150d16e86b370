#if PIKIR_FUZZ
import CFuzzerDriver
import Glibc
#endif
import PikirFuzzing

/// The warehouse fuzzer: each input is ingested into a new SQLite warehouse
/// (see `WarehouseCheck`). Built like `pikir-fuzz-read`.
@main
enum FuzzWarehouse {
    static func main() {
        #if PIKIR_FUZZ
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzEntry.run(UnsafeRawBufferPointer(start: data, count: size), check: WarehouseCheck.check)
        })
        #else
        FuzzEntry.replay(CommandLine.arguments.dropFirst(), check: WarehouseCheck.check(path:))
        #endif
    }
}
