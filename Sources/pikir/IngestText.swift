import PikirModel
import PikirReport

struct IngestTotals: Encodable {
    var files = 0, ingested = 0, skipped = 0, failed = 0
    var counts = Accounting()
    var records: Int { counts.records }
    var accepted: Int { counts.accepted }
    var rejected: Int { counts.rejected }
    var duplicates: Int { counts.duplicates }
    var ignored: Int { counts.ignored }
    var redactions: Int { counts.redactions }

    init(_ reports: [IngestReport]) {
        for r in reports {
            files += 1
            switch r.status {
            case .ingested: ingested += 1
            case .skipped: skipped += 1
            case .failed: failed += 1
            }
            counts += r.counts
        }
    }

    private enum CodingKeys: String, CodingKey { case files, ingested, skipped, failed }

    /// Flat: the file counts, then the records' (`Accounting`'s).
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(files, forKey: .files)
        try c.encode(ingested, forKey: .ingested)
        try c.encode(skipped, forKey: .skipped)
        try c.encode(failed, forKey: .failed)
        try counts.encode(to: encoder)
    }
}

/// The terminal lines of `pikir ingest`.
enum IngestText {
    static func line(_ r: IngestReport) -> String {
        switch r.status {
        case .failed:
            return "\(r.path): FAILED: \(r.message ?? "unknown error")"
        case .skipped:
            return "\(r.path): skipped, \(r.message ?? "already ingested")"
        case .ingested:
            return "\(r.path): \(Counted.english(r.records, "record")) = \(r.accepted) accepted + \(r.rejected) rejected + "
                + "\(Counted.english(r.duplicates, "duplicate")) + \(r.ignored) ignored; \(Counted.english(r.redactions, "redaction")) "
                + "(\(r.encoding ?? "?"), '\(r.delimiter == "\t" ? "TAB" : r.delimiter ?? "?")')"
        }
    }

    static func migration(_ m: IngestJSON.Migration) -> String {
        "migrated \(m.warehouse): \(Counted.english(m.redactions, "personal-data item")) redacted in stored rows"
    }

    static func totals(_ t: IngestTotals) -> String {
        "total: \(Counted.english(t.files, "file")) (\(t.ingested) ingested, \(t.skipped) skipped, \(t.failed) failed); "
            + "\(Counted.english(t.records, "record")) = \(t.accepted) accepted + \(t.rejected) rejected + "
            + "\(Counted.english(t.duplicates, "duplicate")) + \(t.ignored) ignored; \(Counted.english(t.redactions, "redaction"))"
    }
}
