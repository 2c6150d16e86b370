import CPQ
import Foundation

// Same workload as NIOBench: COPY 1M response-like rows in, then scan three columns out.
func line(_ i: Int) -> String {
  let regions = ["KZ-75", "KZ-71", "KZ-35", "KZ-19", "KZ-55"]
  return "\(i)\t\(i / 1000)\t\(regions[i % 5])\t2024-0\(1 + i % 9)-1\(i % 10)\tтренер \(i % 40)\t\(1 + i % 5)\t\(1 + i % 4)\t\(i % 11)\tКомментарий номер \(i) очень полезно\tform-\(i)\t\(i &* 2654435761)\n"
}
let n = Int(CommandLine.arguments[1])!
let conninfo = CommandLine.arguments[2]
nonisolated(unsafe) let c = PQconnectdb(conninfo)
guard PQstatus(c) == CONNECTION_OK else { fatalError(String(cString: PQerrorMessage(c))) }
func exec(_ sql: String) { let r = PQexec(c, sql); let s = PQresultStatus(r); if s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK && s != PGRES_COPY_IN && s != PGRES_COPY_OUT { fatalError(String(cString: PQerrorMessage(c))) }; PQclear(r) }
exec("DROP TABLE IF EXISTS t_pq")
exec("CREATE TABLE t_pq (id bigint, file_id bigint, region text, session_date text, trainer text, overall double precision, q1 double precision, nps double precision, comment text, form_id text, fingerprint bigint)")
var t0 = Date()
exec("BEGIN")
exec("COPY t_pq FROM STDIN")
var buf = [UInt8](); buf.reserveCapacity(1 << 17)
for i in 0..<n {
  buf.append(contentsOf: line(i).utf8)
  if buf.count > 1 << 16 { buf.withUnsafeBufferPointer { p in _ = PQputCopyData(c, UnsafeRawPointer(p.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(p.count)) }; buf.removeAll(keepingCapacity: true) }
}
buf.withUnsafeBufferPointer { p in _ = PQputCopyData(c, UnsafeRawPointer(p.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(p.count)) }
PQputCopyEnd(c, nil)
var r = PQgetResult(c); if PQresultStatus(r) != PGRES_COMMAND_OK { fatalError(String(cString: PQerrorMessage(c))) }; PQclear(r)
while let more = PQgetResult(c) { PQclear(more) }
exec("COMMIT")
let load = Date().timeIntervalSince(t0)
t0 = Date()
exec("COPY (SELECT region, session_date, overall FROM t_pq ORDER BY id) TO STDOUT")
var rows = 0, sum = 0.0
while true {
  var p: UnsafeMutablePointer<CChar>? = nil
  let k = PQgetCopyData(c, &p, 0)
  if k < 0 { break }
  rows += 1
  // last field: overall
  let bytes = UnsafeRawBufferPointer(start: p, count: Int(k))
  var j = Int(k) - 2; while j > 0 && bytes[j] != 9 { j -= 1 }
  var v = 0.0; for b in bytes[(j + 1)..<(Int(k) - 1)] where b >= 48 && b <= 57 { v = v * 10 + Double(b - 48) }
  sum += v
  PQfreemem(p)
}
r = PQgetResult(c); PQclear(r)
let scan = Date().timeIntervalSince(t0)
print("libpq rows=\(n) copy-in \(String(format: "%.2f", load)) s (\(Int(Double(n) / load)) rows/s); scan \(rows) rows \(String(format: "%.2f", scan)) s sum=\(sum)")
PQfinish(c)
