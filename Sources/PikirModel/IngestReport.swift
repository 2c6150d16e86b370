/// What happened to one file, with its accounting (`counts`).
public struct IngestReport: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable { case ingested, skipped = "skipped-already-ingested", failed }
    public var path: String
    public var sha256: String?
    public var encoding: String?
    public var delimiter: String?
    /// Zero for a file that failed or was skipped.
    public var counts = Accounting()
    public var status: Status
    /// Why a file failed, or the ledger's word on a skipped one.
    public var message: String?

    public init(path: String, status: Status) {
        self.path = path
        self.status = status
    }

    public var records: Int { counts.records }
    public var accepted: Int { counts.accepted }
    public var rejected: Int { counts.rejected }
    public var duplicates: Int { counts.duplicates }
    public var ignored: Int { counts.ignored }
    public var redactions: Int { counts.redactions }
    /// Always true now that `records` is the sum (`Accounting`); kept for the checks that ask.
    public var balances: Bool { records == accepted + rejected + duplicates + ignored }

    private enum CodingKeys: String, CodingKey {
        case path, sha256, encoding, delimiter, records, accepted, rejected, duplicates, ignored, redactions, status, message
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        sha256 = try c.decodeIfPresent(String.self, forKey: .sha256)
        encoding = try c.decodeIfPresent(String.self, forKey: .encoding)
        delimiter = try c.decodeIfPresent(String.self, forKey: .delimiter)
        counts = try Accounting(from: decoder)
        status = try c.decode(Status.self, forKey: .status)
        message = try c.decodeIfPresent(String.self, forKey: .message)
    }

    /// Flat, the counts beside the file's name, as `pikir ingest --format json` has always written them.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encodeIfPresent(sha256, forKey: .sha256)
        try c.encodeIfPresent(encoding, forKey: .encoding)
        try c.encodeIfPresent(delimiter, forKey: .delimiter)
        try counts.encode(to: encoder)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(message, forKey: .message)
    }
}
