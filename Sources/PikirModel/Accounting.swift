/// Where an ingest's records went: every record is accepted, rejected, a
/// duplicate or ignored, so `records` is their sum and always balances.
/// One file's counts, a run's, a ledger's: added up with `+`.
public struct Accounting: Sendable, Equatable, Codable {
    public var accepted = 0
    public var rejected = 0
    public var duplicates = 0
    public var ignored = 0
    /// Personal-data items redacted on the way (not records: a record may have several).
    public var redactions = 0

    public var records: Int { accepted + rejected + duplicates + ignored }

    public init(accepted: Int = 0, rejected: Int = 0, duplicates: Int = 0, ignored: Int = 0, redactions: Int = 0) {
        self.accepted = accepted
        self.rejected = rejected
        self.duplicates = duplicates
        self.ignored = ignored
        self.redactions = redactions
    }

    public static func + (a: Accounting, b: Accounting) -> Accounting {
        Accounting(accepted: a.accepted + b.accepted, rejected: a.rejected + b.rejected, duplicates: a.duplicates + b.duplicates,
                   ignored: a.ignored + b.ignored, redactions: a.redactions + b.redactions)
    }

    public static func += (a: inout Accounting, b: Accounting) { a = a + b }

    private enum CodingKeys: String, CodingKey { case records, accepted, rejected, duplicates, ignored, redactions }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(accepted: try c.decode(Int.self, forKey: .accepted), rejected: try c.decode(Int.self, forKey: .rejected),
                  duplicates: try c.decode(Int.self, forKey: .duplicates), ignored: try c.decode(Int.self, forKey: .ignored),
                  redactions: try c.decode(Int.self, forKey: .redactions))
    }

    /// With `records`, as every count pikir writes.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(records, forKey: .records)
        try c.encode(accepted, forKey: .accepted)
        try c.encode(rejected, forKey: .rejected)
        try c.encode(duplicates, forKey: .duplicates)
        try c.encode(ignored, forKey: .ignored)
        try c.encode(redactions, forKey: .redactions)
    }
}
