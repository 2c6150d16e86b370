#if PIKIR_FUZZ
import CFuzzerDriver
#endif
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// What the fuzz targets' `main`s share.
///
/// `make fuzz` builds a target with `-sanitize=fuzzer,address -DPIKIR_FUZZ`:
/// its `main` hands the arguments to libFuzzer's driver (SwiftPM gives every
/// executable its own `main`, so libFuzzer's cannot be linked), and a broken
/// promise aborts, so libFuzzer saves the input. Built normally, a target is
/// a replay tool: `pikir-fuzz-read FILE…` checks each file the same way.
public enum FuzzEntry {
    /// The check libFuzzer's callback runs; set once, before the driver starts.
    nonisolated(unsafe) private static var check: (UnsafeRawBufferPointer) throws -> Void = { _ in }

    public static func main(bytes: @escaping (UnsafeRawBufferPointer) throws -> Void, path: (String) throws -> Void) -> Never {
        #if PIKIR_FUZZ
        check = bytes
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzEntry.run(UnsafeRawBufferPointer(start: data, count: size), check: FuzzEntry.check)
        })
        #else
        replay(CommandLine.arguments.dropFirst(), check: path)
        #endif
    }

    static func run(_ bytes: UnsafeRawBufferPointer, check: (UnsafeRawBufferPointer) throws -> Void) -> Int32 {
        do {
            try check(bytes)
        } catch {
            let message = Array("pikir fuzz: \(error)\n".utf8)
            _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            abort()
        }
        return 0
    }

    /// Checks each file; exits 1 after listing every one that breaks a promise.
    static func replay(_ paths: some Sequence<String>, check: (String) throws -> Void) -> Never {
        var failed = 0, checked = 0
        for path in paths {
            checked += 1
            do {
                try check(path)
            } catch {
                failed += 1
                print("\(path): \(error)")
            }
        }
        print("\(checked) checked, \(failed) failed")
        exit(failed == 0 ? 0 : 1)
    }
}
