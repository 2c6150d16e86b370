import Foundation
import PikirModel
@testable import PikirStore

/// The PostgreSQL cluster the tests may use (`make test` starts one with
/// scripts/pg-test-cluster.sh and sets PIKIR_TEST_POSTGRES to its address).
enum TestPostgres {
    static let server: String? = ProcessInfo.processInfo.environment["PIKIR_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static var available: Bool {
        if server == nil { FileHandle.standardError.write(Data(skipped.utf8)) }
        return server != nil
    }
    static let skipped = "PIKIR_TEST_POSTGRES is not set: the PostgreSQL warehouse tests are skipped (`make test` sets it)\n"
}

/// A database of its own on the test cluster, created for one test and
/// dropped when let go.
final class TestDatabase {
    let name = "pikir_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    let url: String
    private let admin: PGConnection

    init() throws {
        let server = TestPostgres.server!
        admin = try PGConnection(conninfo: server, name: "test cluster")
        try admin.execute("CREATE DATABASE \(name)")
        // A later dbname in the address overrides the one in its path.
        url = server + (server.contains("?") ? "&" : "?") + "dbname=\(name)"
    }

    deinit { _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }

    var location: PostgresLocation { PostgresLocation(address: url) }

    func open() throws -> PostgresWarehouse { try location.open(.write) as! PostgresWarehouse }

    /// A connection to the warehouse's schema, for checking what is stored.
    func connect() throws -> PGConnection { try location.connect() }

    func count(_ sql: String) throws -> Int { try connect().value(sql).flatMap { Int($0) } ?? -1 }
}
