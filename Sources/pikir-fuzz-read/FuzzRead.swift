import PikirFuzzing

/// The read → normalise fuzzer (see `ExportCheck` for what it checks, and
/// `FuzzEntry` for how it is built and replayed).
@main
enum FuzzRead {
    static func main() { FuzzEntry.main(bytes: ExportCheck.check, path: ExportCheck.check(path:)) }
}
