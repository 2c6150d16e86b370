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
    private var placeCache: [String: (region: String?, city: String?)] = [:]
    private var trainerCache: [String: (id: String?, name: String, key: String)] = [:]
    private var dateCache: [String: Result<Dates.CalendarDate, Dates.Problem>] = [:]
    private var moduleCache: [String: String] = [:]
    private var groupCache: [String: String] = [:]
    /// Per score column: outcomes of answer words (numbers parse faster than a look-up).
    private var scoreCache: [[String: Scores.ScoreOutcome]]

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
        scoreCache = Array(repeating: [:], count: scores.count)
    }

    /// Normalises one record (fields are read, not kept).
    public func normalise(_ record: RecordView) -> NormaliseOutcome {
        func cell(_ field: CanonicalField) -> String? {
            guard let i = column[field] else { return nil }
            let text = record.trimmedString(i)
            return text.isEmpty ? nil : text
        }
        let formID = cell(.responseID)
        var r = CanonicalResponse(responseID: formID ?? idPrefix + String(record.line),
                                  sourceFile: sourceFile, sourceLine: record.line)
        r.hasFormID = formID != nil

        // Scores first: an out-of-range answer rejects the record.
        var scoreTexts: [String] = []
        for (n, (question, index, source)) in scoreColumns.enumerated() {
            let text = record.string(index)
            if let first = text.utf8.first, first > 0x39 { scoreTexts.append(text) }  // words, not digits
            let outcome: Scores.ScoreOutcome
            if let hit = scoreCache[n][text] {
                outcome = hit
            } else {
                outcome = Scores.parse(Substring(text), question: question, sourceScale: source)
                if scoreCache[n].count < 4096 { scoreCache[n][text] = outcome }
            }
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
        if let text = cell(.sessionDate) ?? r.timestamp {
            switch date(text) {
            case .success(let d):
                r.sessionDate = d.iso
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

        if let text = cell(.city) ?? cell(.region) {
            let place = self.place(text)
            r.city = place.city
            r.region = place.region
        }
        if r.region == nil, let text = cell(.region), let place = Places.resolve(text) {
            r.region = place.region
        }
        var trainerKey: String?
        if let text = cell(.trainer) {
            let trainer = self.trainer(text)
            r.trainerID = trainer.id
            r.trainerName = trainer.name
            trainerKey = trainer.key
        }
        if let text = cell(.module) { r.module = module(text) }
        if let text = cell(.participantGroup) { r.participantGroup = group(text) }
        r.lang = cell(.lang).flatMap { AnswerLanguage(rawValue: $0.lowercased()) }?.rawValue
            ?? language(record, scoreTexts: scoreTexts)?.rawValue ?? headerLanguage?.rawValue

        if let id = cell(.sessionID) {
            r.sessionID = id
        } else if let sessions = settings.sessions,
                  let session = sessions.match(city: r.city, date: r.sessionDate.flatMap { try? Dates.parse($0)?.get() },
                                               trainerKey: trainerKey) {
            r.sessionID = session.id
        } else if let date = r.sessionDate {
            r.sessionID = [r.city ?? "-", date, trainerKey ?? "-"]
                .joined(separator: "/")
        }

        for (index, header) in extraColumns {
            let value = record.trimmedString(index)
            if !value.isEmpty { r.extras.append((header, redacted(value)!)) }
        }
        r.fingerprint = fingerprint(r)
        return .response(r, redactions: redactions)
    }

    // MARK: - Cached rules

    private func place(_ text: String) -> (region: String?, city: String?) {
        if let hit = placeCache[text] { return hit }
        let result: (region: String?, city: String?)
        if let place = Places.resolve(text) {
            result = (place.region, place.city)
        } else {
            result = (nil, TrainerRegistry.cleanedName(text))
        }
        placeCache[text] = result
        return result
    }

    /// The trainer's id and name, and the key sessions are matched and named by
    /// (the id when resolved, else the folded name).
    private func trainer(_ text: String) -> (id: String?, name: String, key: String) {
        if let hit = trainerCache[text] { return hit }
        let result: (id: String?, name: String, key: String)
        switch settings.trainers?.resolve(text) ?? .unresolved(cleanedName: TrainerRegistry.cleanedName(text)) {
        case .resolved(let id, let name): result = (id, name, id)
        case .unresolved(let cleaned): result = (nil, cleaned, TextFolding.matchKey(cleaned))
        }
        trainerCache[text] = result
        return result
    }

    private func date(_ text: String) -> Result<Dates.CalendarDate, Dates.Problem> {
        if let hit = dateCache[text] { return hit }
        // Timestamps are all distinct, but their date part repeats: a local
        // time after the date cannot move it, so parse (and cache) the date alone.
        if let space = text.firstIndex(of: " "), Self.isLocalTime(text[text.index(after: space)...]) {
            return date(String(text[..<space]))
        }
        let result = Dates.parse(text, order: dateOrder) ?? .failure(.unrecognised(text))
        if dateCache.count < 100_000 { dateCache[text] = result }
        return result
    }

    /// `10:15`, `10:15:32`, `5:01:25 PM`, optionally followed by `GMT+5`/`GMT+6`
    /// (Kazakhstan's own offsets, so the date as written is the local date).
    static func isLocalTime(_ text: Substring) -> Bool {
        var digits = 0, colons = 0
        var rest = text.utf8[...]
        while let b = rest.first, (b >= 0x30 && b <= 0x39) || b == 0x3A {
            if b == 0x3A { colons += 1 } else { digits += 1 }
            rest = rest.dropFirst()
        }
        guard colons >= 1, colons <= 2, digits >= 3, digits <= 6 else { return false }
        var tail = String(decoding: rest, as: UTF8.self).uppercased()
        for suffix in [" GMT+6", " GMT+5", " GMT+06:00", " GMT+05:00"] where tail.hasSuffix(suffix) {
            tail.removeLast(suffix.count)
            break
        }
        return tail.isEmpty || tail == " AM" || tail == " PM"
    }

    private func module(_ text: String) -> String {
        if let hit = moduleCache[text] { return hit }
        let result = Modules.parse(text)?.rawValue ?? text
        moduleCache[text] = result
        return result
    }

    private func group(_ text: String) -> String {
        if let hit = groupCache[text] { return hit }
        let result = ParticipantGroups.parse(text)?.rawValue ?? ParticipantGroups.other.rawValue
        groupCache[text] = result
        return result
    }

    /// The language of the record's free text and answer words.
    private func language(_ record: RecordView, scoreTexts: [String]) -> AnswerLanguage? {
        var cells = scoreTexts
        for field in [CanonicalField.comment, .liked, .improve, .module, .participantGroup] {
            if let i = column[field] { cells.append(record.string(i)) }
        }
        return AnswerLanguage.detect(cells)
    }

    private func fingerprint(_ r: CanonicalResponse) -> Int64? {
        guard let timestamp = r.timestamp else { return nil }
        var f = Fingerprint()
        f.add(timestamp)
        for value in [r.region, r.city, r.sessionDate, r.trainerName, r.module, r.participantGroup, r.liked, r.improve, r.comment] {
            f.add(value)
        }
        let s = r.scores
        for value in [s.overall, s.delivery, s.content, s.organisation, s.applicability, s.nps] { f.add(value) }
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
