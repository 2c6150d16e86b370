import GRDB

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

    static func fetch(_ db: Database, sha256: String) throws -> LedgerEntry? {
        try Row.fetchOne(db, sql: "SELECT * FROM file WHERE sha256 = ?", arguments: [sha256]).map(LedgerEntry.init(row:))
    }

    static func fetchAll(_ db: Database) throws -> [LedgerEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM file ORDER BY id").map(LedgerEntry.init(row:))
    }

    init(row: Row) {
        id = row["id"]
        path = row["path"]
        sha256 = row["sha256"]
        size = row["size"]
        encoding = row["encoding"]
        delimiter = row["delimiter"]
        lineEnding = row["line_ending"]
        headerLine = row["header_line"]
        records = row["records"]
        accepted = row["accepted"]
        rejected = row["rejected"]
        duplicates = row["duplicates"]
        ignored = row["ignored"]
        redactions = row["redactions"]
        ingestedAt = row["ingested_at"]
    }

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
}
