import PikirStore
import PikirReport

struct IngestTotals: Encodable {
    var files = 0, ingested = 0, skipped = 0, failed = 0
    var records = 0, accepted = 0, rejected = 0, duplicates = 0, ignored = 0, redactions = 0

    init(_ reports: [IngestReport]) {
        for r in reports {
            files += 1
            switch r.status {
            case .ingested: ingested += 1
            case .skipped: skipped += 1
            case .failed: failed += 1
            }
            records += r.records
            accepted += r.accepted
            rejected += r.rejected
            duplicates += r.duplicates
            ignored += r.ignored
            redactions += r.redactions
        }
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
