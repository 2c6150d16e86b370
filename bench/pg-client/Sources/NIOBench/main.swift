import Foundation
import Logging
import NIOCore
import PostgresNIO

func line(_ i: Int) -> String {
  let regions = ["KZ-75", "KZ-71", "KZ-35", "KZ-19", "KZ-55"]
  return "\(i)\t\(i / 1000)\t\(regions[i % 5])\t2024-0\(1 + i % 9)-1\(i % 10)\tтренер \(i % 40)\t\(1 + i % 5)\t\(1 + i % 4)\t\(i % 11)\tКомментарий номер \(i) очень полезно\tform-\(i)\t\(i &* 2654435761)\n"
}
@main struct Main {
  static func main() async throws {
    let n = Int(CommandLine.arguments[1])!
    let socket = CommandLine.arguments[2]
    let config = PostgresConnection.Configuration(unixSocketPath: socket, username: "pgbench", password: nil, database: "bench")
    let logger = Logger(label: "bench")
    let c = try await PostgresConnection.connect(configuration: config, id: 1, logger: logger)
    try await c.query("DROP TABLE IF EXISTS t_nio", logger: logger)
    try await c.query("CREATE TABLE t_nio (id bigint, file_id bigint, region text, session_date text, trainer text, overall double precision, q1 double precision, nps double precision, comment text, form_id text, fingerprint bigint)", logger: logger)
    var t0 = Date()
    try await c.query("BEGIN", logger: logger)
    try await c.copyFrom(table: "t_nio", logger: logger) { writer in
      var buf = ByteBuffer(); buf.reserveCapacity(1 << 17)
      for i in 0..<n {
        buf.writeString(line(i))
        if buf.readableBytes > 1 << 16 { try await writer.write(buf); buf.clear() }
      }
      try await writer.write(buf)
    }
    try await c.query("COMMIT", logger: logger)
    let load = Date().timeIntervalSince(t0)
    t0 = Date()
    var rows = 0, sum = 0.0
    let seq = try await c.query("SELECT region, session_date, overall FROM t_nio ORDER BY id", logger: logger)
    for try await (_, _, overall) in seq.decode((String?, String?, Double?).self) { rows += 1; sum += overall ?? 0 }
    let scan = Date().timeIntervalSince(t0)
    print("postgres-nio rows=\(n) copy-in \(String(format: "%.2f", load)) s (\(Int(Double(n) / load)) rows/s); scan \(rows) rows \(String(format: "%.2f", scan)) s sum=\(sum)")
    try await c.close()
  }
}
