import Foundation
import PikirEngine
import PikirModel
@testable import PikirStore

let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func sampleFiles() -> [String] {
    let dir = repositoryRoot.appendingPathComponent("sample-data")
    return try! FileManager.default.contentsOfDirectory(atPath: dir.path)
        .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".txt") }
        .sorted()
        .map { dir.appendingPathComponent($0).path }
}

func scratchDirectory() -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-store-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

func freshWarehouse() throws -> SQLiteWarehouse {
    try SQLiteWarehouse(path: scratchDirectory().appendingPathComponent("pikir.sqlite").path)
}

func write(_ text: String, to name: String, in dir: URL = scratchDirectory()) -> String {
    let url = dir.appendingPathComponent(name)
    try! Data(text.utf8).write(to: url)
    return url.path
}

extension SQLiteWarehouse {
    func count(_ sql: String) throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }
}

/// Carries non-Sendable values to a thread the test starts and then only waits for.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
