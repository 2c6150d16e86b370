import Foundation
import PikirIngest

/// Turns the records of one file into canonical responses.
///
/// Built once per file from its header: each column is assigned a canonical
/// field (or kept as an extra). Per record, every cell is redacted first
/// (IINs, phones, e-mails: see `Redaction`), then goes through its rule:
/// places, dates, scores, trainers, categories. Everything stored or derived
/// (session id, trainer key, fingerprint, language, messages quoting a cell)
/// comes from the redacted text. Results for repeated cell values (cities,
/// trainers, modules, dates, scores) are cached by the cell's bytes
/// (those with nothing to redact), since a file repeats them on every row.
/// A date that depends on its whole column (`05/06/2024`, `45601`) is read
/// with the column's census (see `DateColumnCensus`), taken when the first
/// one is met.
///
/// A record is rejected, with a sentence saying what to fix, when a date is
/// impossible or ambiguous, a score is out of range or not a score, or it
/// holds no rating and no comment. A missing answer stays missing.
public final class RecordNormaliser {
    public let assignments: [ColumnAssignment]
    /// Personal-data items in the header row, counted once per file by the caller.
    public let headerRedactions: Int
    /// The column headers as messages and extras show them: redacted.
    private let headers: [String]
    private let settings: NormaliserSettings
    private let sourceFile: String
    private let idPrefix: String
    private let column: FieldColumns
    private let scoreColumns: [(question: Scores.Question, index: Int, source: Scores.Scale?)]
    private let extraColumns: [(index: Int, header: String)]
    /// The date column: the session date's, else the timestamp's.
    private let dateColumn: Int?
    private let census: DateColumnCensus
    private let headerLanguage: AnswerLanguage?
    /// What `normalise` fills in: the settings' fields with what they derive from.
    private let fields: ResponseFields
    /// Whether the texts are kept in the response (asked for, or read for the
    /// language); else, when read, they are only hashed into the fingerprint.
    private let keepsTexts: Bool
    // Results per distinct cell, keyed by the cell's bytes (see ByteCache).
    // Only cells with nothing to redact are cached (see `cached`).
    private let placeCache = ByteCache<PlaceCell>()
    private let trainerCache = ByteCache<TrainerCell>()
    private let dateCache = ByteCache<DateHit>()
    private let moduleCache = ByteCache<String>()
    private let groupCache = ByteCache<String>()
    private let scoreCaches: [ByteCache<Scores.ScoreOutcome>]

    /// - Parameter census: the census of the file's date column, shared by
    ///   every normaliser of the file; by default one of this normaliser's
    ///   own, taken by reading `sourceFile` with default options.
    public init(sourceFile: String, fileHash: String, format: FileFormat, settings: NormaliserSettings,
                census: DateColumnCensus? = nil) throws {
        guard format.headerLine != nil else {
            throw NormaliseSetupError(message: "no header row found: pikir needs the column names to know which answer is which; add a header row, or name it with --header-line N")
        }
        self.settings = settings
        // A copy of its own: every response holds the path, so it is
        // retained and released on every row, and the normalisers of one
        // file run on several threads. Sharing one string, each count
        // pulled its cache line from the other core (a sixth of the
        // normaliser's time on 1M rows).
        self.sourceFile = String(decoding: Array(sourceFile.utf8), as: UTF8.self)
        idPrefix = String(fileHash.prefix(12)) + ":"
        var headerRedactions = 0
        headers = format.columns.map { header in
            let result = Redaction.redact(header)
            headerRedactions += result.total
            return result.text
        }
        self.headerRedactions = headerRedactions
        // Mapped as written, so a mapping file names a column the way the export does.
        assignments = settings.columns.map(headers: format.columns)
        var column: [CanonicalField: Int] = [:]
        var scores: [(Scores.Question, Int, Scores.Scale?)] = []
        var extras: [(Int, String)] = []
        for a in assignments {
            guard let field = a.field else {
                extras.append((a.index, headers[a.index].isEmpty ? "column\(a.index + 1)" : headers[a.index]))
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
            let shown = headers.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
            throw NormaliseSetupError(message: "none of the columns (\(shown)\(format.columns.count > 8 ? ", …" : "")) is a question pikir knows; name them in a mapping file (column,field) and pass it with --map FILE")
        }
        dateColumn = column[.sessionDate] ?? column[.timestamp]
        fields = settings.fields.closed(hasTimestamp: column[.timestamp] != nil)
        keepsTexts = settings.fields.closed(hasTimestamp: false).contains(.texts)
        self.census = census ?? DateColumnCensus(path: sourceFile)
        headerLanguage = AnswerLanguage.detect(headers.map(Redaction.removingTokens))
        // A score column holds a few distinct answers: 16 slots to start (they grow).
        scoreCaches = scores.map { _ in ByteCache(limit: 4096, capacity: 16) }
    }

    /// Normalises one record (fields are read, not kept): the fields the
    /// settings ask for, and always what decides whether it is accepted
    /// (see `ResponseFields`).
    public func normalise(_ record: RecordView) -> NormaliseOutcome {
        var r = CanonicalResponse(responseID: "", sourceFile: sourceFile, sourceLine: record.line)
        switch normalise(record, into: &r) {
        case .response(let redactions): return .response(r, redactions: redactions)
        case .reject(let code, let message): return .reject(code: code, message: message)
        }
    }

    /// As `normalise(_:)`, into `r`, which it sets whole (nothing of what it
    /// held before is kept) when the record is a response. The hot paths
    /// keep one `r` for all their records: a response is some 450 bytes, and
    /// returning it moved and copied it several times a record (a tenth of
    /// `agg --csv`'s time in retains, releases and `memmove`).
    public func normalise(_ record: RecordView, into r: inout CanonicalResponse) -> NormaliseVerdict {
        // Personal-data items replaced in this record's cells.
        var redactions = 0
        // A cell as stored: an export's formula guard (`'=…`) taken off.
        func bytes(_ field: CanonicalField) -> UnsafeRawBufferPointer? {
            guard let i = column[field] else { return nil }
            let b = FormulaCells.unneutralised(record.trimmedBytes(i))
            return b.isEmpty ? nil : b
        }
        // A cell that is not cached: redacted on every row (the pre-check
        // returns at once for text that cannot hold personal data).
        func text(_ bytes: UnsafeRawBufferPointer?) -> (text: String, redacted: Bool)? {
            guard let bytes else { return nil }
            guard let result = Redaction.redacted(bytes) else { return (String(decoding: bytes, as: UTF8.self), false) }
            redactions += result.total
            return (result.text, true)
        }

        // A form id holding personal data (an IIN as participant id) is no id:
        // as `[IIN]` it would make every such row a duplicate of the first.
        let formID = text(bytes(.responseID))
        let ownID = formID?.redacted == false ? formID?.text : nil
        r.reset(responseID: ownID ?? idPrefix + String(record.line), sourceFile: sourceFile, sourceLine: record.line)
        r.hasFormID = ownID != nil

        // Scores first: an out-of-range answer rejects the record.
        var redactedScores = 0  // bit n: score column n held personal data
        for (n, (question, index, source)) in scoreColumns.enumerated() {
            let raw = index < record.count ? record[index] : UnsafeRawBufferPointer(start: nil, count: 0)
            let before = redactions
            let outcome = Self.cached(scoreCaches[n], raw, &redactions) { Scores.parse(Substring($0), question: question, sourceScale: source) }
            if redactions > before { redactedScores |= 1 << n }
            switch outcome {
            case .value(let v), .rescaled(let v, _): r.scores[question] = v
            case .missing: break
            case .outOfRange(let why):
                return .reject(code: NormaliseRejectCode.scoreOutOfRange.rawValue, message: "\(headers[index]): \(why)")
            case .unrecognised(let why):
                return .reject(code: NormaliseRejectCode.scoreUnrecognised.rawValue, message: "\(headers[index]): \(why)")
            }
        }

        // Redacted only when read: whether the record holds a text decides alone.
        let readsTexts = fields.contains(.texts)
        let keepsTexts = readsTexts && self.keepsTexts
        let liked = keepsTexts ? text(bytes(.liked)) : nil
        let improve = keepsTexts ? text(bytes(.improve)) : nil
        let comment = keepsTexts ? text(bytes(.comment)) : nil
        r.liked = liked?.text
        r.improve = improve?.text
        r.comment = comment?.text
        // Texts read only for the fingerprint (a timestamped export, read by
        // an aggregation that shows none): redacted and counted as when kept,
        // but hashed from the record's bytes when there is nothing to redact,
        // with no String made (a tenth of such a file's time went to them).
        func hashed(_ bytes: UnsafeRawBufferPointer?) -> Fingerprint.Text {
            guard let bytes else { return .missing }
            guard let result = Redaction.redacted(bytes) else { return .utf8(bytes) }
            redactions += result.total
            return .string(result.text)
        }
        let hashedTexts = readsTexts && !keepsTexts
            ? (hashed(bytes(.liked)), hashed(bytes(.improve)), hashed(bytes(.comment))) : (.missing, .missing, .missing)
        let hasText = switch (readsTexts, keepsTexts) {
        case (true, true): liked != nil || improve != nil || comment != nil
        case (true, false):
            if case .missing = hashedTexts.0, case .missing = hashedTexts.1, case .missing = hashedTexts.2 { false } else { true }
        case (false, _): bytes(.liked) != nil || bytes(.improve) != nil || bytes(.comment) != nil
        }
        if r.scores.isEmpty && !hasText {
            return .reject(code: NormaliseRejectCode.noAnswers.rawValue,
                           message: "the record has no rating and no comment: nothing to count")
        }

        var calendarDate: Dates.CalendarDate?
        let timestamp = bytes(.timestamp)
        var timestampIsClean = false
        let dateHit: (result: Result<Dates.CalendarDate, Dates.Problem>, iso: String?)?
        if let text = bytes(.sessionDate), let day = Self.isoDate(text) {
            dateHit = (.success(day), String(decoding: text, as: UTF8.self))
        } else if let text = bytes(.sessionDate) {
            let d = date(text)
            redactions += d.items
            dateHit = (d.hit.result, d.hit.iso)
        } else if let text = timestamp {
            let d = date(text)
            // A date that read, with nothing to redact, then a local time
            // (digit pairs between colons, which no date joins into a phone
            // or an IIN): the timestamp holds nothing, and needs no scan on every row.
            timestampIsClean = d.items == 0 && d.timeAfter && d.hit.iso != nil
            dateHit = (d.hit.result, d.hit.iso)
        } else {
            dateHit = nil
        }
        if let timestamp, fields.contains(.timestamp) {
            r.timestamp = timestampIsClean ? String(decoding: timestamp, as: UTF8.self) : text(timestamp)?.text
        }
        if let hit = dateHit {
            switch hit.result {
            case .success(let d):
                calendarDate = d
                r.sessionDate = hit.iso
                r.year = d.year
                r.month = d.month
            case .failure(let problem):
                let header = headers[column[.sessionDate] ?? column[.timestamp]!]
                let code: NormaliseRejectCode
                switch problem {
                case .impossible: code = .impossibleDate
                case .ambiguous: code = .ambiguousDate
                case .unrecognised: code = .unrecognisedDate
                }
                return .reject(code: code.rawValue, message: "\(header): \(problem.message)")
            }
        }

        let readsPlace = fields.contains(.place)
        let cityBytes = readsPlace ? bytes(.city) : nil, regionBytes = readsPlace ? bytes(.region) : nil
        var citySlug: String?
        if let text = cityBytes ?? regionBytes {
            let place = Self.cached(placeCache, text, &redactions, Self.place)
            r.city = place.city
            r.region = place.region
            citySlug = place.citySlug
        }
        if cityBytes != nil, let text = regionBytes {
            // Read even when the city gave the region, so its items are counted.
            let region = Self.cached(placeCache, text, &redactions, Self.place).region
            if r.region == nil { r.region = region }
        }
        var trainerKey: String?, trainerSlug: String?
        let readsTrainer = fields.contains(.trainer)
        if readsTrainer, let id = text(bytes(.trainerID))?.text {
            // The export's own trainer id (pikir's export writes one): kept
            // with its name as written, so an export reads back without a registry.
            r.trainerID = id
            r.trainerName = text(bytes(.trainer))?.text ?? settings.trainers?.entries.first { $0.id == id }?.name
            trainerKey = id
        } else if readsTrainer, let text = bytes(.trainer) {
            let trainer = Self.cached(trainerCache, text, &redactions, self.trainer)
            r.trainerID = trainer.id
            r.trainerName = trainer.name
            trainerKey = trainer.key
            trainerSlug = trainer.keySlug
        }
        let beforeLabels = redactions
        let readsLabels = fields.contains(.labels)
        if readsLabels, let text = bytes(.module) {
            r.module = Self.cached(moduleCache, text, &redactions) { Modules.parse($0)?.rawValue ?? $0 }
        }
        if readsLabels, let text = bytes(.participantGroup) {
            r.participantGroup = Self.cached(groupCache, text, &redactions) {
                ParticipantGroups.parse($0)?.rawValue ?? ParticipantGroups.other.rawValue
            }
        }
        let labelsHeldPersonalData = redactions > beforeLabels
        // The language is read from the answer words and comments, only when
        // the export does not say it; a redacted cell is read without its
        // tokens (Latin, they would count as English).
        func answers() -> AnswerLanguage.Scan {
            var scan = AnswerLanguage.Scan()
            for (n, (_, index, _)) in scoreColumns.enumerated() where index < record.count {
                let raw = record[index]
                guard let first = raw.first(where: { $0 != 0x20 }), first > 0x39 else { continue }  // words, not digits
                if redactedScores & (1 << n) == 0 {
                    scan.add(raw)
                } else {
                    Self.scan(Redaction.removingTokens(Redaction.redact(String(decoding: raw, as: UTF8.self)).text), into: &scan)
                }
            }
            // One call per field: an array literal here would allocate on every row.
            func add(_ field: CanonicalField, _ cell: (text: String, redacted: Bool)?) {
                guard let cell else { return }
                if cell.redacted {
                    Self.scan(Redaction.removingTokens(cell.text), into: &scan)
                } else if let raw = bytes(field) {
                    scan.add(raw)
                }
            }
            add(.liked, liked)
            add(.improve, improve)
            add(.comment, comment)
            return scan
        }
        if fields.contains(.language) {
            r.lang = text(bytes(.lang)).flatMap { AnswerLanguage(rawValue: $0.text.lowercased()) }?.rawValue
                ?? language(record, answers: answers(), redacted: labelsHeldPersonalData)?.rawValue
                ?? headerLanguage?.rawValue
        }

        let readsSession = fields.contains(.session)
        if readsSession, let id = text(bytes(.sessionID))?.text {
            r.sessionID = id
        } else if readsSession, let sessions = settings.sessions,
                  let session = sessions.match(city: r.city, date: calendarDate, trainerKey: trainerKey) {
            r.sessionID = session.id
        } else if readsSession, let date = r.sessionDate {
            r.sessionID = SessionKey.derived(citySlug: citySlug, date: date, trainerSlug: trainerSlug ?? trainerKey.map(SessionKey.slug))
        }

        for (index, header) in extraColumns where fields.contains(.extras) {
            let value = FormulaCells.unneutralised(record.trimmedBytes(index))
            if !value.isEmpty, let cell = text(value) { r.extras.append((header, cell.text)) }
        }
        if fields.contains(.fingerprint) {
            r.fingerprint = keepsTexts ? r.contentFingerprint
                : r.contentFingerprint(liked: hashedTexts.0, improve: hashedTexts.1, comment: hashedTexts.2)
        }
        return .response(redactions: redactions)
    }

    // MARK: - Cached rules

    /// The cached result for these bytes, computed on a miss from their
    /// redacted text; adds the items the redaction replaced to `items`.
    ///
    /// Only a cell with nothing to redact is cached, so a hit has no items:
    /// one holding personal data is rare, and is redacted again on each row.
    @inline(__always)
    static func cached<V>(_ cache: ByteCache<V>, _ bytes: UnsafeRawBufferPointer, _ items: inout Int,
                          _ compute: (String) -> V) -> V {
        if let hit = cache[bytes] { return hit }
        if let redacted = Redaction.redacted(bytes) {
            items += redacted.total
            return compute(redacted.text)
        }
        let value = compute(String(decoding: bytes, as: UTF8.self))
        cache.insert(bytes, value)
        return value
    }

    /// Scans a text that is not in the record's buffers.
    private static func scan(_ text: String, into scan: inout AnswerLanguage.Scan) {
        var text = text
        text.withUTF8 { scan.add(UnsafeRawBufferPointer($0)) }
    }

    private static func place(_ text: String) -> PlaceCell {
        if let place = Places.resolve(text) { return PlaceCell(region: place.region, city: place.city) }
        return PlaceCell(region: nil, city: TrainerRegistry.cleanedName(text))
    }

    /// The trainer's id and name, and the key sessions are matched and named by
    /// (the id when resolved, else the folded name).
    private func trainer(_ text: String) -> TrainerCell {
        switch settings.trainers?.resolve(text) ?? .unresolved(cleanedName: TrainerRegistry.cleanedName(text)) {
        case .resolved(let id, let name): return TrainerCell(id: id, name: name, key: id)
        case .unresolved(let cleaned): return TrainerCell(id: nil, name: cleaned, key: SessionKey.trainerKey(cleanedName: cleaned))
        }
    }

    /// A session date written as ISO (`2024-11-05`, exactly: pikir's own
    /// exports, most tools' date columns) and valid: read from its ten bytes,
    /// which are its ISO text, without a look-up in the date cache (whose
    /// slots, one random line per row, missed the cache: 7% of `agg --csv`'s
    /// time on 1M rows). Anything else, a date out of range or impossible
    /// included, goes through `date(_:)` as before; an ISO date reads the
    /// same either way (no column census, nothing to redact in ten digits
    /// and dashes).
    @inline(__always)
    private static func isoDate(_ text: UnsafeRawBufferPointer) -> Dates.CalendarDate? {
        Dates.QuickDate.iso(text)
    }

    /// Timestamps are all distinct, but their date part repeats: a time after
    /// the date that cannot move it (nor hold personal data) is not parsed,
    /// and only the date is (and cached), with the items redacted from it.
    /// `timeAfter`: the cell is that date, a space and such a time.
    private func date(_ text: UnsafeRawBufferPointer) -> (hit: DateHit, items: Int, timeAfter: Bool) {
        var items = 0
        if let (datePart, time) = DateCell.split(text) {
            switch time.keepsDate {
            case true?:
                return (dateHit(datePart, &items), items, true)
            case nil:
                // GMT+6 before 01:00: the written date is the local one before March 2024.
                let hit = dateHit(datePart, &items)
                if case .success(let d) = hit.result, d < Dates.KazakhstanTime.firstDayAtUTCPlus5 {
                    return (hit, items, true)
                }
                items = 0
            case false?:
                break
            }
        }
        return (dateHit(text, &items), items, false)
    }

    /// The cached reading of a date cell (or date part): its value, read
    /// with the census of the whole column when it depends on it.
    private func dateHit(_ key: UnsafeRawBufferPointer, _ items: inout Int) -> DateHit {
        Self.cached(dateCache, key, &items) { [census, dateColumn] text in
            let result: Result<Dates.CalendarDate, Dates.Problem>
            switch Dates.reading(text) {
            case nil:
                result = .failure(.unrecognised("‘\(text)’: not a date"))
            case .fixed(let fixed)?:
                result = fixed
            case let reading?:
                // A date is only read when the record has a date column.
                switch census.column(dateColumn!) {
                case .success(let column):
                    result = column.resolve(reading, quoted: "‘\(text)’")
                case .failure(let error):
                    result = .failure(.ambiguous(
                        "‘\(text)’: how to read it depends on the whole column, and the file could not be read again to count it (\(error)); ingest it again"))
                }
            }
            return DateHit(result: result, iso: try? result.get().iso)
        }
    }

    /// A parsed date with its ISO text, made once per distinct cell. A
    /// class, as `PlaceCell`: a cache hit is one reference, where a struct
    /// copied its result and text out on every row (the date cache's look-up
    /// was 5.8% of `agg --csv`'s time on 1M rows).
    private final class DateHit {
        let result: Result<Dates.CalendarDate, Dates.Problem>
        let iso: String?

        init(result: Result<Dates.CalendarDate, Dates.Problem>, iso: String?) {
            self.result = result
            self.iso = iso
        }
    }

    /// The language the participant wrote in: their comments and answer words;
    /// only when those hold no letters, the module and group labels they
    /// picked, which the centre wrote.
    /// `redacted`: the labels held personal data (read then without it).
    private func language(_ record: RecordView, answers: AnswerLanguage.Scan, redacted: Bool) -> AnswerLanguage? {
        if let language = answers.result { return language }
        var labels: [String] = []
        for field in [CanonicalField.module, .participantGroup] {
            if let i = column[field] {
                labels.append(redacted ? Redaction.removingTokens(Redaction.redact(record.string(i)).text) : record.string(i))
            }
        }
        return AnswerLanguage.detect(labels)
    }
}

/// What a place cell reads as, made once per distinct cell; with the slug
/// a derived session id is made of, so a row only joins slugs. A class: a
/// cache hit is one reference, not a copy of each string.
final class PlaceCell {
    let region: String?
    let city: String?
    let citySlug: String?

    init(region: String?, city: String?) {
        self.region = region
        self.city = city
        citySlug = city.map(SessionKey.slug)
    }
}

/// A trainer cell's id and name, and the key sessions are matched and named
/// by (the id when resolved, else the folded name), with its slug.
final class TrainerCell {
    let id: String?
    let name: String
    let key: String
    let keySlug: String

    init(id: String?, name: String, key: String) {
        self.id = id
        self.name = name
        self.key = key
        keySlug = SessionKey.slug(key)
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
        case .trainerID: 19
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
