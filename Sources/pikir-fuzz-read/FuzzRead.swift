#if PIKIR_FUZZ
import CFuzzerDriver
import Glibc
#endif
import PikirFuzzing

/// The read → normalise fuzzer (see `ExportCheck` for what it checks).
///
/// `make fuzz` builds it with `-sanitize=fuzzer,address -DPIKIR_FUZZ`: its
/// `main` hands the arguments to libFuzzer's driver. Built normally it is a
/// replay tool: `pikir-fuzz-read FILE…` checks each file the same way, which
/// is how an input the fuzzer saved is run again.
@main
enum FuzzRead {
    static func main() {
        #if PIKIR_FUZZ
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzEntry.run(UnsafeRawBufferPointer(start: data, count: size), check: ExportCheck.check)
        })
        #else
        FuzzEntry.replay(CommandLine.arguments.dropFirst(), check: ExportCheck.check(path:))
        #endif
    }
}
