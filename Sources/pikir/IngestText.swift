import PikirStore

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
            return "\(r.path): \(r.records) records = \(r.accepted) accepted + \(r.rejected) rejected + "
                + "\(r.duplicates) duplicates + \(r.ignored) ignored; \(r.redactions) redactions (\(r.encoding ?? "?"), '\(r.delimiter == "\t" ? "TAB" : r.delimiter ?? "?")')"
        }
    }

    static func migration(_ m: IngestJSON.Migration) -> String {
        "migrated \(m.warehouse): \(m.redactions) personal-data items redacted in stored rows"
    }

    static func totals(_ t: IngestTotals) -> String {
        "total: \(t.files) files (\(t.ingested) ingested, \(t.skipped) skipped, \(t.failed) failed); "
            + "\(t.records) records = \(t.accepted) accepted + \(t.rejected) rejected + \(t.duplicates) duplicates + \(t.ignored) ignored; "
            + "\(t.redactions) redactions"
    }
}
