import Crypto
import Foundation

/// One ingested file as the ledger remembers it.
public struct LedgerEntry: Sendable, Equatable, Codable {
    public var id: Int64?
    public var path: String
    public var sha256: String
    public var size: Int
    public var encoding: String
    public var delimiter: String
    public var lineEnding: String
    public var headerLine: Int?
    public var records: Int
    public var accepted: Int
    public var rejected: Int
    public var duplicates: Int
    public var ignored: Int
    public var redactions: Int
    public var ingestedAt: String

    public init(path: String, sha256: String, size: Int, encoding: String, delimiter: String, lineEnding: String,
                headerLine: Int?, records: Int = 0, accepted: Int = 0, rejected: Int = 0, duplicates: Int = 0,
                ignored: Int = 0, redactions: Int = 0, ingestedAt: String) {
        self.path = path
        self.sha256 = sha256
        self.size = size
        self.encoding = encoding
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        self.headerLine = headerLine
        self.records = records
        self.accepted = accepted
        self.rejected = rejected
        self.duplicates = duplicates
        self.ignored = ignored
        self.redactions = redactions
        self.ingestedAt = ingestedAt
    }

    /// Where the file's records went.
    public var counts: Accounting {
        Accounting(accepted: accepted, rejected: rejected, duplicates: duplicates, ignored: ignored, redactions: redactions)
    }

    /// A hash of ledger entries (each file's SHA-256, sorted first: the same
    /// files give the same fingerprint in any ingest order). Two reports with
    /// the same fingerprint were made from the same data.
    public static func fingerprint(_ entries: [LedgerEntry]) -> String {
        var hash = SHA256()
        for sha in entries.map(\.sha256).sorted() { hash.update(data: Data((sha + "\n").utf8)) }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
