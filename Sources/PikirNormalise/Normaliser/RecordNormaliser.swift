import Foundation
import PikirIngest

/// Turns the records of one file into canonical responses.
///
/// Built once per file from its header: each column is assigned a canonical
/// field (or kept as an extra). Per record, every mapped cell goes through its
/// rule: places, dates, scores, trainers, categories, and personal-data
/// redaction for free text. Results for repeated cell values (cities,
/// trainers, modules, dates) are cached, since a file repeats them on every row.
///
/// A record is rejected, with a sentence saying what to fix, when a date is
/// impossible or ambiguous, a score is out of range or not a score, or it
/// holds no rating and no comment. A missing answer stays missing.
public final class RecordNormaliser {
    public let assignments: [ColumnAssignment]
    private let settings: NormaliserSettings
    private let sourceFile: String
    private let idPrefix: String
    private let column: FieldColumns
    private let scoreColumns: [(question: Scores.Question, index: Int, source: Scores.Scale?)]
    private let extraColumns: [(index: Int, header: String)]
    private let dateOrder: Dates.DayMonthOrder?
    private let headerLanguage: AnswerLanguage?
    // Results per distinct cell, keyed by the cell's bytes (see ByteCache).
    private let placeCache = ByteCache<(region: String?, city: String?)>()
    private let trainerCache = ByteCache<(id: String?, name: String, key: String)>()
    private let dateCache = ByteCache<DateHit>()
    private let moduleCache = ByteCache<String>()
    private let groupCache = ByteCache<String>()
    private let scoreCaches: [ByteCache<Scores.ScoreOutcome>]

    public init(sourceFile: String, fileHash: String, format: FileFormat, settings: NormaliserSettings) throws {
        guard format.headerLine != nil else {
            throw NormaliseSetupError(message: "no header row found: pikir needs the column names to know which answer is which; add a header row, or name it with --header-line N")
        }
        self.settings = settings
        self.sourceFile = sourceFile
        idPrefix = String(fileHash.prefix(12)) + ":"
        assignments = settings.columns.map(headers: format.columns)
        var column: [CanonicalField: Int] = [:]
        var scores: [(Scores.Question, Int, Scores.Scale?)] = []
        var extras: [(Int, String)] = []
        for a in assignments {
            guard let field = a.field else {
                extras.append((a.index, a.header.isEmpty ? "column\(a.index + 1)" : a.header))
                continue
            }
            column[field] = a.index
            if field.isScore, let question = Scores.Question(rawValue: field.rawValue) {
                scores.append((question, a.index, a.sourceScale.map { Scores.Scale(min: $0.lower, max: $0.upper) }))
            }
        }
        self.column = FieldColumns(column)
        scoreColumns = scores.map { (question: $0.0, index: $0.1, source: $0.2) }
        extraColumns = extras.map { (index: $0.0, header: $0.1) }
        let hasText = column[.liked] != nil || column[.improve] != nil || column[.comment] != nil
        guard !scores.isEmpty || hasText else {
            let shown = format.columns.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
            throw NormaliseSetupError(message: "none of the columns (\(shown)\(format.columns.count > 8 ? ", …" : "")) is a question pikir knows; name them in a mapping file (column,field) and pass it with --map FILE")
        }
        if let index = column[.sessionDate] {
            dateOrder = Dates.inferOrder(from: format.sample.map { $0.count > index ? $0[index] : "" })
        } else {
            dateOrder = nil
        }
        headerLanguage = AnswerLanguage.detect(format.columns)
        scoreCaches = scores.map { _ in ByteCache(limit: 4096) }
    }

    /// Normalises one record (fields are read, not kept).
    public func normalise(_ record: RecordView) -> NormaliseOutcome {
        func bytes(_ field: CanonicalField) -> UnsafeRawBufferPointer? {
            guard let i = column[field] else { return nil }
            let b = record.trimmedBytes(i)
            return b.isEmpty ? nil : b
        }
        func cell(_ field: CanonicalField) -> String? {
            bytes(field).map { String(decoding: $0, as: UTF8.self) }
        }
        let formID = cell(.responseID)
        var r = CanonicalResponse(responseID: formID ?? idPrefix + String(record.line),
                                  sourceFile: sourceFile, sourceLine: record.line)
        r.hasFormID = formID != nil

        // Scores first: an out-of-range answer rejects the record.
        for (n, (question, index, source)) in scoreColumns.enumerated() {
            let raw = index < record.count ? record[index] : UnsafeRawBufferPointer(start: nil, count: 0)
            let outcome = Self.cached(scoreCaches[n], raw) { Scores.parse(Substring($0), question: question, sourceScale: source) }
            switch outcome {
            case .value(let v), .rescaled(let v, _): r.scores[question] = v
            case .missing: break
            case .outOfRange(let why):
                return .reject(code: NormaliseRejectCode.scoreOutOfRange.rawValue, message: "\(assignments[index].header): \(why)")
            case .unrecognised(let why):
                return .reject(code: NormaliseRejectCode.scoreUnrecognised.rawValue, message: "\(assignments[index].header): \(why)")
            }
        }

        var redactions = 0
        func redacted(_ text: String?) -> String? {
            guard let text else { return nil }
            let result = Redaction.redact(text)
            redactions += result.total
            return result.text
        }
        r.liked = redacted(cell(.liked))
        r.improve = redacted(cell(.improve))
        r.comment = redacted(cell(.comment))
        if r.scores.isEmpty && r.liked == nil && r.improve == nil && r.comment == nil {
            return .reject(code: NormaliseRejectCode.noAnswers.rawValue,
                           message: "the record has no rating and no comment: nothing to count")
        }

        r.timestamp = cell(.timestamp)
        var calendarDate: Dates.CalendarDate?
        if let text = bytes(.sessionDate) ?? bytes(.timestamp) {
            let hit = date(text)
            switch hit.result {
            case .success(let d):
                calendarDate = d
                r.sessionDate = hit.iso
                r.year = d.year
                r.month = d.month
            case .failure(let problem):
                let header = column[.sessionDate].map { assignments[$0].header } ?? assignments[column[.timestamp]!].header
                let code: NormaliseRejectCode
                switch problem {
                case .impossible: code = .impossibleDate
                case .ambiguous: code = .ambiguousDate
                case .unrecognised: code = .unrecognisedDate
                }
                return .reject(code: code.rawValue, message: "\(header): \(problem.message)")
            }
        }

        if let text = bytes(.city) ?? bytes(.region) {
            let place = Self.cached(placeCache, text, Self.place)
            r.city = place.city
            r.region = place.region
        }
        if r.region == nil, let text = bytes(.region) {
            r.region = Self.cached(placeCache, text, Self.place).region
        }
        var trainerKey: String?
        if let text = bytes(.trainer) {
            let trainer = Self.cached(trainerCache, text, self.trainer)
            r.trainerID = trainer.id
            r.trainerName = trainer.name
            trainerKey = trainer.key
        }
        if let text = bytes(.module) { r.module = Self.cached(moduleCache, text) { Modules.parse($0)?.rawValue ?? $0 } }
        if let text = bytes(.participantGroup) {
            r.participantGroup = Self.cached(groupCache, text) { ParticipantGroups.parse($0)?.rawValue ?? ParticipantGroups.other.rawValue }
        }
        // The language is read from the answer words and comments as they
        // stand in the record (before redaction, whose tokens are Latin),
        // only when the export does not say it.
        func answers() -> AnswerLanguage.Scan {
            var scan = AnswerLanguage.Scan()
            for (_, index, _) in scoreColumns where index < record.count {
                let raw = record[index]
                if let first = raw.first(where: { $0 != 0x20 }), first > 0x39 { scan.add(raw) }  // words, not digits
            }
            if let text = bytes(.liked) { scan.add(text) }
            if let text = bytes(.improve) { scan.add(text) }
            if let text = bytes(.comment) { scan.add(text) }
            return scan
        }
        r.lang = cell(.lang).flatMap { AnswerLanguage(rawValue: $0.lowercased()) }?.rawValue
            ?? language(record, answers: answers())?.rawValue
            ?? headerLanguage?.rawValue

        if let id = cell(.sessionID) {
            r.sessionID = id
        } else if let sessions = settings.sessions,
                  let session = sessions.match(city: r.city, date: calendarDate, trainerKey: trainerKey) {
            r.sessionID = session.id
        } else if let date = r.sessionDate {
            let city = r.city ?? "-", trainer = trainerKey ?? "-"
            var id = ""
            id.reserveCapacity(city.utf8.count + date.utf8.count + trainer.utf8.count + 2)  // one allocation per row
            id += city
            id += "/"
            id += date
            id += "/"
            id += trainer
            r.sessionID = id
        }

        for (index, header) in extraColumns {
            let value = record.trimmedString(index)
            if !value.isEmpty { r.extras.append((header, redacted(value)!)) }
        }
        r.fingerprint = fingerprint(r)
        return .response(r, redactions: redactions)
    }

    // MARK: - Cached rules

    /// The cached result for these bytes, computed from their text on a miss.
    @inline(__always)
    private static func cached<V>(_ cache: ByteCache<V>, _ bytes: UnsafeRawBufferPointer, _ compute: (String) -> V) -> V {
        if let hit = cache[bytes] { return hit }
        let value = compute(String(decoding: bytes, as: UTF8.self))
        cache.insert(bytes, value)
        return value
    }

    private static func place(_ text: String) -> (region: String?, city: String?) {
        if let place = Places.resolve(text) { return (place.region, place.city) }
        return (nil, TrainerRegistry.cleanedName(text))
    }

    /// The trainer's id and name, and the key sessions are matched and named by
    /// (the id when resolved, else the folded name).
    private func trainer(_ text: String) -> (id: String?, name: String, key: String) {
        switch settings.trainers?.resolve(text) ?? .unresolved(cleanedName: TrainerRegistry.cleanedName(text)) {
        case .resolved(let id, let name): return (id, name, id)
        case .unresolved(let cleaned): return (nil, cleaned, TextFolding.matchKey(cleaned))
        }
    }

    /// Timestamps are all distinct, but their date part repeats: a local time
    /// after the date cannot move it, so only the date is parsed (and cached).
    private func date(_ text: UnsafeRawBufferPointer) -> DateHit {
        var key = text
        if let space = text.firstIndex(of: 0x20), Self.isLocalTime(UnsafeRawBufferPointer(rebasing: text[(space + 1)...])) {
            key = UnsafeRawBufferPointer(rebasing: text[..<space])
        }
        return Self.cached(dateCache, key) { [dateOrder] in
            let result = Dates.parse($0, order: dateOrder) ?? .failure(.unrecognised($0))
            return DateHit(result: result, iso: try? result.get().iso)
        }
    }

    /// A parsed date with its ISO text, made once per distinct cell.
    private struct DateHit {
        let result: Result<Dates.CalendarDate, Dates.Problem>
        let iso: String?
    }

    /// `10:15`, `10:15:32`, `5:01:25 PM`, optionally followed by `GMT+5`/`GMT+6`
    /// (Kazakhstan's own offsets, so the date as written is the local date).
    static func isLocalTime(_ text: UnsafeRawBufferPointer) -> Bool {
        var i = 0, digits = 0, colons = 0
        while i < text.count, (text[i] >= 0x30 && text[i] <= 0x39) || text[i] == 0x3A {
            if text[i] == 0x3A { colons += 1 } else { digits += 1 }
            i += 1
        }
        guard colons >= 1, colons <= 2, digits >= 3, digits <= 6 else { return false }
        // Compared as bytes, ignoring case: a String per timestamp cost 2% of an ingest.
        var tail = UnsafeRawBufferPointer(rebasing: text[i...])
        for suffix in Self.offsetSuffixes where hasSuffix(tail, suffix) {
            tail = UnsafeRawBufferPointer(rebasing: tail[..<(tail.count - suffix.count)])
            break
        }
        return tail.isEmpty || equalsIgnoringCase(tail, Self.am) || equalsIgnoringCase(tail, Self.pm)
    }

    private static let offsetSuffixes = [" GMT+6", " GMT+5", " GMT+06:00", " GMT+05:00"].map { Array($0.utf8) }
    private static let am = Array(" AM".utf8), pm = Array(" PM".utf8)

    /// ASCII case folding is enough: the pattern is ASCII, and a non-ASCII
    /// byte never folds onto an ASCII letter.
    private static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ pattern: [UInt8]) -> Bool {
        guard bytes.count == pattern.count else { return false }
        for (b, p) in zip(bytes, pattern) where b != p {
            guard b >= 0x61 && b <= 0x7A && b - 0x20 == p else { return false }
        }
        return true
    }

    private static func hasSuffix(_ bytes: UnsafeRawBufferPointer, _ suffix: [UInt8]) -> Bool {
        bytes.count >= suffix.count
            && equalsIgnoringCase(UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - suffix.count)...]), suffix)
    }

    /// The language the participant wrote in: their comments and answer words
    /// (before redaction, whose tokens are Latin); only when those hold no
    /// letters, the module and group labels they picked, which the centre wrote.
    private func language(_ record: RecordView, answers: AnswerLanguage.Scan) -> AnswerLanguage? {
        if let language = answers.result { return language }
        var labels: [String] = []
        for field in [CanonicalField.module, .participantGroup] {
            if let i = column[field] { labels.append(record.string(i)) }
        }
        return AnswerLanguage.detect(labels)
    }

    private func fingerprint(_ r: CanonicalResponse) -> Int64? {
        guard let timestamp = r.timestamp else { return nil }
        var f = Fingerprint()
        f.add(timestamp)
        // One call per field: an array literal here would allocate on every row.
        f.add(r.region); f.add(r.city); f.add(r.sessionDate); f.add(r.trainerName); f.add(r.module)
        f.add(r.participantGroup); f.add(r.liked); f.add(r.improve); f.add(r.comment)
        let s = r.scores
        f.add(s.overall); f.add(s.delivery); f.add(s.content); f.add(s.organisation); f.add(s.applicability); f.add(s.nps)
        for (header, value) in r.extras { f.add(header); f.add(value) }
        return f.value
    }
}

/// Column index of each canonical field, looked up by the field's position
/// (a dictionary keyed by the field hashes its raw string on every look-up).
struct FieldColumns {
    private var indexes: [Int?]

    init(_ map: [CanonicalField: Int]) {
        indexes = Array(repeating: nil, count: CanonicalField.allCases.count)
        for (field, index) in map { indexes[Self.position(field)] = index }
    }

    subscript(_ field: CanonicalField) -> Int? {
        indexes[Self.position(field)]
    }

    @inline(__always)
    private static func position(_ field: CanonicalField) -> Int {
        switch field {
        case .responseID: 0
        case .timestamp: 1
        case .city: 2
        case .region: 3
        case .sessionDate: 4
        case .sessionID: 5
        case .trainer: 6
        case .module: 7
        case .participantGroup: 8
        case .lang: 9
        case .overall: 10
        case .delivery: 11
        case .content: 12
        case .organisation: 13
        case .applicability: 14
        case .nps: 15
        case .liked: 16
        case .improve: 17
        case .comment: 18
        }
    }
}

extension CanonicalResponse.ScoreSet {
    subscript(question: Scores.Question) -> Double? {
        get {
            switch question {
            case .overall: overall
            case .delivery: delivery
            case .content: content
            case .organisation: organisation
            case .applicability: applicability
            case .nps: nps
            }
        }
        set {
            switch question {
            case .overall: overall = newValue
            case .delivery: delivery = newValue
            case .content: content = newValue
            case .organisation: organisation = newValue
            case .applicability: applicability = newValue
            case .nps: nps = newValue
            }
        }
    }
}
