import CLibPQ
import Foundation
import PikirModel

/// A `postgresql://…` or `postgres://…` address as the user typed it, given
/// to libpq unchanged. A password is never taken from it (it would be in
/// shell histories, pipeline files and every message): libpq reads one from
/// PGPASSWORD or ~/.pgpass itself.
struct PostgresAddress: Sendable {
    /// What libpq is given.
    let conninfo: String
    /// How messages name the warehouse: the address, any password cut out.
    let name: String
    /// Why it cannot be used (a password in it, or a malformed address).
    let problem: StoreError?

    static func isPostgres(_ address: String) -> Bool {
        let lower = address.lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    init(_ address: String) {
        conninfo = address
        name = Self.withoutPassword(address)
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(address, &error) else {
            let message = error.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "malformed"
            if let error { PQfreemem(error) }
            problem = StoreError(code: .database, problem: "not a PostgreSQL address libpq can read (\(message))",
                                 advice: "write it as postgresql://USER@HOST:PORT/DATABASE", path: Self.withoutPassword(address))
            return
        }
        defer { PQconninfoFree(options) }
        var hasPassword = false
        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "password", let value = option.pointee.val, value.pointee != 0 { hasPassword = true }
            option += 1
        }
        problem = hasPassword ? StoreError(code: .database, problem: "the address holds a password, which pikir never takes from an address",
                                           advice: "remove it and put it in PGPASSWORD or ~/.pgpass", path: name) : nil
    }

    /// `address` with the password of `user:password@` and of `password=…` replaced by `***`.
    static func withoutPassword(_ address: String) -> String {
        var text = address
        if let scheme = text.range(of: "://") {
            let rest = text[scheme.upperBound...]
            let authority = rest.prefix { $0 != "/" && $0 != "?" }
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                text.replaceSubrange(text.index(after: colon)..<at, with: "***")
            }
        }
        if let range = text.range(of: #"password=[^&]*"#, options: [.regularExpression, .caseInsensitive]) {
            text.replaceSubrange(range, with: "password=***")
        }
        return text
    }
}
