import CLibPQ
import Foundation
import PikirModel

/// One connection to PostgreSQL (libpq's `PGconn`), closed when its owner
/// lets it go. Every failure is a `StoreError` naming the warehouse by
/// `name` (its address without a password), with PostgreSQL's own words in
/// brackets and never the SQL.
final class PGConnection {
    let handle: OpaquePointer
    let name: String

    init(conninfo: String, name: String) throws {
        guard let handle = PQconnectdb(conninfo) else {
            throw StoreError(code: .database, problem: "cannot connect to PostgreSQL (out of memory)", advice: "run again", path: name)
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Self.firstLine(PQerrorMessage(handle))
            PQfinish(handle)
            throw StoreError(connecting: message, path: name)
        }
        self.handle = handle
        self.name = name
        // Every text pikir sends and reads is UTF-8, whatever the server's default.
        guard PQsetClientEncoding(handle, "UTF8") == 0 else {
            PQfinish(handle)
            throw StoreError(code: .database, problem: "the server cannot talk UTF-8 to pikir", advice: "create the database with ENCODING 'UTF8'", path: name)
        }
        // "schema … already exists, skipping" and the like are for nobody.
        if let result = PQexec(handle, "SET client_min_messages TO warning") { PQclear(result) }
    }

    deinit { PQfinish(handle) }

    /// The server process serving this connection.
    var backendPID: Int32 { PQbackendPID(handle) }

    /// libpq's messages are "FATAL:  …\n" lines; the first says what happened.
    static func firstLine(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "unknown error" }
        let message = String(cString: text).split(separator: "\n").first.map(String.init) ?? ""
        return message.replacingOccurrences(of: "FATAL:  ", with: "").replacingOccurrences(of: "ERROR:  ", with: "")
    }

    /// Runs one statement, with `parameters` as `$1…` (text; nil is NULL).
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = []) throws -> PGResult {
        let result: OpaquePointer? = parameters.isEmpty ? PQexec(handle, sql) : withCStrings(parameters) { values in
            PQexecParams(handle, sql, Int32(values.count), nil, values, nil, nil, 0)
        }
        return try check(result)
    }

    /// The first column of the first row, if any row.
    func value(_ sql: String, _ parameters: [String?] = []) throws -> String? {
        let result = try execute(sql, parameters)
        return result.rows > 0 ? result[0, 0] : nil
    }

    private func check(_ result: OpaquePointer?) throws -> PGResult {
        guard let result else { throw error(nil) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN || status == PGRES_COPY_OUT else {
            let error = error(result)
            PQclear(result)
            throw error
        }
        return PGResult(result)
    }

    /// The error of a failed result (nil: libpq's last error on the connection).
    func error(_ result: OpaquePointer?) -> StoreError {
        guard let result else { return StoreError(postgres: Self.firstLine(PQerrorMessage(handle)), sqlState: nil, path: name) }
        let field = { (code: UInt8) in PQresultErrorField(result, Int32(code)).map { String(cString: $0) } }
        let message = field(UInt8(ascii: "M")) ?? Self.firstLine(PQresultErrorMessage(result))
        return StoreError(postgres: message, sqlState: field(UInt8(ascii: "C")), path: name)
    }

    // MARK: COPY

    /// Starts `COPY … FROM STDIN`; send rows with `send`, then `endCopy`.
    func beginCopyIn(_ sql: String) throws {
        let result = try execute(sql)
        guard result.status == PGRES_COPY_IN else { throw StoreError(postgres: "COPY did not start", sqlState: nil, path: name) }
    }

    /// Sends COPY text (whole rows or not: the server joins the pieces).
    func send(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard bytes.count > 0, let base = bytes.baseAddress else { return }
        let sent = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { PQputCopyData(handle, $0, Int32(bytes.count)) }
        guard sent == 1 else { throw error(nil) }
    }

    /// Ends a `COPY … FROM STDIN`: the rows are in the table (or its error is thrown).
    func endCopy() throws {
        guard PQputCopyEnd(handle, nil) == 1 else { throw error(nil) }
        try drainResults()
    }

    /// Runs `COPY (…) TO STDOUT` (text format), calling `body` with each row's
    /// bytes (without its newline), valid only during the call.
    func copyOut(_ sql: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let result = try execute(sql)
        guard result.status == PGRES_COPY_OUT else { throw StoreError(postgres: "COPY did not start", sqlState: nil, path: name) }
        var failure: Error?
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            // libpq gives exactly one row per call in text format.
            let count = PQgetCopyData(handle, &buffer, 0)
            if count == -1 { break }  // done: the command's result follows
            if count < 0 { throw error(nil) }
            guard let buffer else { continue }
            defer { PQfreemem(buffer) }
            // After a failure the rest is read and dropped, so the connection stays usable.
            guard failure == nil else { continue }
            let length = count > 0 && buffer[Int(count) - 1] == 10 ? Int(count) - 1 : Int(count)
            do { try body(UnsafeRawBufferPointer(start: buffer, count: length)) } catch { failure = error }
        }
        try drainResults()
        if let failure { throw failure }
    }

    /// Reads the results of the command that was running, throwing its error.
    private func drainResults() throws {
        var failure: StoreError?
        while let result = PQgetResult(handle) {
            let status = PQresultStatus(result)
            if failure == nil, status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK { failure = error(result) }
            PQclear(result)
        }
        if let failure { throw failure }
    }

    // MARK: Transactions

    /// Runs `body` in a transaction; rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            rollBack()
            throw error
        }
    }

    /// Gives up the current transaction (the connection may be broken: then the server rolls it back).
    func rollBack() {
        if PQtransactionStatus(handle) == PQTRANS_ACTIVE {
            // A COPY still running must be ended before anything else is sent.
            _ = PQputCopyEnd(handle, "pikir gave up this file")
            while let result = PQgetResult(handle) { PQclear(result) }
        }
        if let result = PQexec(handle, "ROLLBACK") { PQclear(result) }
    }
}

/// A query's result, cleared when let go.
final class PGResult {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }
    deinit { PQclear(handle) }

    var status: ExecStatusType { PQresultStatus(handle) }
    var rows: Int { Int(PQntuples(handle)) }

    /// The value as text; nil for NULL.
    subscript(row: Int, column: Int) -> String? {
        PQgetisnull(handle, Int32(row), Int32(column)) == 1 ? nil : String(cString: PQgetvalue(handle, Int32(row), Int32(column)))
    }

    func int(_ row: Int, _ column: Int) -> Int? { self[row, column].flatMap { Int($0) } }
}

/// `strings` as NUL-terminated C strings for one call.
private func withCStrings<T>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
    let copies = strings.map { $0.map { strdup($0)! } }
    defer { for copy in copies { free(copy) } }
    return body(copies.map { $0.map { UnsafePointer($0) } })
}
