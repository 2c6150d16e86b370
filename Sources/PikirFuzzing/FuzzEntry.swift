#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// What the fuzz targets share: a broken promise aborts (so libFuzzer saves
/// the input), and a replay checks files given by path.
public enum FuzzEntry {
    public static func run(_ bytes: UnsafeRawBufferPointer, check: (UnsafeRawBufferPointer) throws -> Void) -> Int32 {
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
    public static func replay(_ paths: some Sequence<String>, check: (String) throws -> Void) -> Never {
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
