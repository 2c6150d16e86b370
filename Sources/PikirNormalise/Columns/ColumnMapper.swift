import Foundation

/// What one source column became.
public struct ColumnAssignment: Sendable, Hashable {
    /// How a column was matched to its field.
    public enum Match: String, Sendable, Hashable, CaseIterable {
        /// The header is a canonical field name (`session_date`, `Session date`).
        case canonical
        /// The header is a built-in synonym (`Город`, `Қала / Город`).
        case synonym
        /// A long question matched a built-in keyword rule (`… порекомендуете … (0–10)`).
        case keyword
        /// The user's mapping named the field (or told pikir to ignore the column).
        case user
    }

    /// 0-based position of the column in the header row.
    public var index: Int
    /// The header cell as given.
    public var header: String
    /// The field this column fills; nil for an extra column.
    public var field: CanonicalField?
    /// How the field was found; nil when no rule matched. For a column the user
    /// told pikir to ignore, `field` is nil and `match` is `.user`.
    public var match: Match?
    /// The source scale the user declared for this header (e.g. `1-10`), if any.
    public var sourceScale: ColumnMapper.SourceScale?
    /// For a column that lost its field to an earlier one: the index of that column.
    public var duplicateOf: Int?
    /// Why the column is an extra when that is not obvious (a duplicate claim).
    public var note: String?

    /// True when the column fills no canonical field (it goes to `extras`).
    ///
    /// Equivalent to `field == nil`.
    ///
    /// - Complexity: O(1).
    public var isExtra: Bool { field == nil }

    /// Creates an assignment; ``ColumnMapper/map(headers:)`` is the usual source.
    ///
    /// No validation: the values are stored as given.
    ///
    /// - Complexity: O(1).
    public init(index: Int, header: String, field: CanonicalField?, match: Match?,
                sourceScale: ColumnMapper.SourceScale? = nil, duplicateOf: Int? = nil, note: String? = nil) {
        self.index = index
        self.header = header
        self.field = field
        self.match = match
        self.sourceScale = sourceScale
        self.duplicateOf = duplicateOf
        self.note = note
    }
}

/// Maps the header row of an export onto ``CanonicalField``s.
///
/// Order of rules for each header, all on ``TextFolding/headerKey(_:)`` (so
/// case, whitespace, punctuation and `ё` never matter):
/// 1. the user's mapping (overrides everything);
/// 2. a canonical field name (`trainer`, `session_date`) → `.canonical`;
/// 3. a built-in kk/ru/en synonym (`Қала`, `Город`, `City`, `ФИО тренера`,
///    Google Forms question sentences) → `.synonym`; a bilingual header
///    `Қала / Город` maps when its parts agree;
/// 4. keyword rules for long question sentences (`рекоменд`/`recommend`/`ұсын`
///    with `0-10` → nps; `тренер` with `подавал`/`работу` → delivery …) → `.keyword`;
/// 5. nothing: the column is an extra.
///
/// When two columns claim one field, the first keeps it and the later one
/// becomes an extra with a note, except that a field named by the user's
/// mapping beats a built-in claim on the same field wherever it stands.
public struct ColumnMapper: Sendable {

    /// The range of a source rating scale, such as `1-10` or `0–10`.
    public struct SourceScale: Sendable, Hashable, CustomStringConvertible {
        /// Lowest possible answer.
        public var lower: Int
        /// Highest possible answer.
        public var upper: Int

        /// Creates a scale from its bounds; nil unless `lower < upper`.
        ///
        /// Both bounds are inclusive.
        ///
        /// - Complexity: O(1).
        public init?(lower: Int, upper: Int) {
            guard lower < upper else { return nil }
            self.lower = lower
            self.upper = upper
        }

        /// Parses `1-10`, `1–5`, `0..10`, `0 - 10`, `1 to 7`, `1:5`.
        ///
        /// Whitespace around the parts is ignored; bounds are non-negative
        /// integers with `lower < upper`. Anything else gives nil.
        ///
        /// - Complexity: O(n) in the length of `text`.
        public init?(parsing text: String) {
            let separators = ["..", "–", "—", "-", "to", ":", "/"]
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            for sep in separators {
                let parts = trimmed.components(separatedBy: sep)
                guard parts.count == 2,
                      let lo = Int(parts[0].trimmingCharacters(in: .whitespaces)),
                      let hi = Int(parts[1].trimmingCharacters(in: .whitespaces)),
                      lo >= 0 else { continue }
                self.init(lower: lo, upper: hi)
                return
            }
            return nil
        }

        /// `lower-upper`, e.g. `1-10`.
        ///
        /// The form ``init(parsing:)`` reads back.
        ///
        /// - Complexity: O(1).
        public var description: String { "\(lower)-\(upper)" }
    }

    /// A user's column mapping: header → field, and header → source scale.
    public struct UserMapping: Sendable {
        /// Header key → field (nil: ignore the column, keep it as an extra).
        public private(set) var fields: [String: CanonicalField?] = [:]
        /// Header key → declared source scale.
        public private(set) var scales: [String: SourceScale] = [:]

        /// An empty mapping: built-in rules only.
        ///
        /// Equivalent to `try! UserMapping(fields: [:])`.
        ///
        /// - Complexity: O(1).
        public init() {}

        /// Builds a mapping from header → field name and header → scale text.
        ///
        /// Headers are compared by ``TextFolding/headerKey(_:)``. A field name is
        /// a canonical name in any form ``CanonicalField/named(_:)`` accepts;
        /// `""`, `-` or `ignore` keep the column out of every field. Scales use
        /// ``SourceScale/init(parsing:)``; a scale may be given for a header the
        /// built-in rules map.
        ///
        /// - Throws: ``MappingError`` for an unknown field name, an unreadable
        ///   scale, or two spellings of one header mapped differently.
        /// - Complexity: O(n) in the total length of the entries.
        public init(fields: [String: String] = [:], scales: [String: String] = [:]) throws(MappingError) {
            for (header, name) in fields.sorted(by: { $0.key < $1.key }) {
                let key = TextFolding.headerKey(header)
                let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
                let field: CanonicalField?
                if trimmed.isEmpty || trimmed == "-" || trimmed == "ignore" {
                    field = nil
                } else if let named = CanonicalField.named(name) {
                    field = named
                } else {
                    throw .unknownField(header: header, field: name)
                }
                if let previous = self.fields[key], previous != field {
                    throw .conflictingHeader(header: header)
                }
                self.fields[key] = .some(field)
            }
            for (header, text) in scales.sorted(by: { $0.key < $1.key }) {
                guard let scale = SourceScale(parsing: text) else {
                    throw .invalidScale(header: header, scale: text)
                }
                let key = TextFolding.headerKey(header)
                if let previous = self.scales[key], previous != scale {
                    throw .conflictingHeader(header: header)
                }
                self.scales[key] = scale
            }
        }
    }

    /// Problems in a user mapping.
    public enum MappingError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The field name is not a canonical field.
        case unknownField(header: String, field: String)
        /// The scale text is not `lower-upper`.
        case invalidScale(header: String, scale: String)
        /// Two spellings of one header were given different targets.
        case conflictingHeader(header: String)

        /// A one-line message naming the header.
        ///
        /// For an unknown field it lists the valid field names.
        ///
        /// - Complexity: O(k) for k canonical fields.
        public var description: String {
            switch self {
            case let .unknownField(header, field):
                let names = CanonicalField.allCases.map(\.rawValue).joined(separator: ", ")
                return "column mapping for \"\(header)\": unknown field \"\(field)\" (fields: \(names); or \"ignore\")"
            case let .invalidScale(header, scale):
                return "column mapping for \"\(header)\": scale \"\(scale)\" is not lower-upper, e.g. 1-10"
            case let .conflictingHeader(header):
                return "column mapping for \"\(header)\": the same header is mapped twice, differently"
            }
        }
    }

    /// The user's mapping this mapper applies on top of the built-ins.
    public let userMapping: UserMapping

    /// Creates a mapper with an optional user mapping.
    ///
    /// The built-in tables are shared and built once per process.
    ///
    /// - Complexity: O(1).
    public init(userMapping: UserMapping = UserMapping()) {
        self.userMapping = userMapping
    }

    /// Maps a header row onto canonical fields.
    ///
    /// Returns one ``ColumnAssignment`` per header, in order. Empty headers (the
    /// trailing `;;;` columns of Excel exports) are extras. Claims on one field
    /// are settled as described on ``ColumnMapper``; the loser gets
    /// `duplicateOf` and a note.
    ///
    /// - Complexity: O(n) in the total length of the headers (rules are a fixed set).
    public func map(headers: [String]) -> [ColumnAssignment] {
        var out: [ColumnAssignment] = []
        out.reserveCapacity(headers.count)
        for (index, header) in headers.enumerated() {
            let (key, builtIn) = HeaderMatches.shared.lookUp(header) { header in
                let key = TextFolding.headerKey(header)
                return (key, Self.builtInMatch(key: key, header: header).map { (field: $0.0, match: $0.1) })
            }
            var assignment = ColumnAssignment(index: index, header: header, field: nil, match: nil)
            if let user = userMapping.fields[key] {
                assignment.field = user
                assignment.match = .user
            } else if let found = builtIn {
                assignment.field = found.field
                assignment.match = found.match
            }
            assignment.sourceScale = userMapping.scales[key]
            out.append(assignment)
        }
        // Settle claims: the user's first, then built-ins, each in column order.
        var owner: [CanonicalField: Int] = [:]
        let order = out.indices.filter { out[$0].match == .user } + out.indices.filter { out[$0].match != .user }
        for i in order {
            guard let field = out[i].field else { continue }
            if let first = owner[field] {
                out[i].field = nil
                out[i].duplicateOf = first
                out[i].note = "\(field.rawValue) already comes from column \(first + 1) \"\(out[first].header)\"; kept as an extra"
            } else {
                owner[field] = i
            }
        }
        return out
    }

    /// The field the built-in rules give a single header, without a user mapping.
    ///
    /// Same rules as ``map(headers:)`` steps 2–4; nil when nothing matches.
    ///
    /// - Complexity: O(n) in the length of `header`.
    public static func builtInField(for header: String) -> (field: CanonicalField, match: ColumnAssignment.Match)? {
        builtInMatch(key: TextFolding.headerKey(header), header: header)
    }

    // MARK: - Rules

    private static func builtInMatch(key: String, header: String) -> (CanonicalField, ColumnAssignment.Match)? {
        guard !key.isEmpty else { return nil }
        if let field = ColumnTables.canonical[key] { return (field, .canonical) }
        if let field = ColumnTables.synonyms[key] { return (field, .synonym) }
        // Bilingual headings: `Қала / Город`, `Ұнағаны / Что понравилось`.
        let parts = header.split(whereSeparator: { $0 == "/" || $0 == "\n" || $0 == "\r" })
            .map { TextFolding.headerKey(String($0)) }
            .filter { !$0.isEmpty }
        if parts.count > 1 {
            var fields = Set<CanonicalField>()
            for part in parts {
                if let field = ColumnTables.canonical[part] ?? ColumnTables.synonyms[part] { fields.insert(field) }
            }
            if fields.count == 1 { return (fields.first!, .synonym) }
        }
        if let field = ColumnTables.keyword(key) { return (field, .keyword) }
        return nil
    }
}

// MARK: - Tables

/// Built-in synonyms and keyword rules (private to the Columns folder).
enum ColumnTables {
    /// headerKey of each canonical name → field.
    static let canonical: [String: CanonicalField] = {
        var table: [String: CanonicalField] = [:]
        for field in CanonicalField.allCases { table[TextFolding.headerKey(field.rawValue)] = field }
        return table
    }()

    /// Raw synonyms per field, kk / ru / en.
    static let synonymList: [(CanonicalField, [String])] = [
        (.responseID, ["Response ID", "ID ответа", "Номер ответа", "Жауап ID", "Жауап нөмірі", "Respondent ID",
                       "Response number", "№ анкеты", "Номер анкеты", "Сауалнама нөмірі"]),
        (.timestamp, ["Отметка времени", "Timestamp", "Уақыт белгісі", "Время отправки", "Дата и время отправки",
                      "Submitted at", "Submission time", "Жіберілген уақыты", "Уақыты"]),
        (.city, ["Қала", "Город", "City", "Населённый пункт", "Населенный пункт", "В каком городе проходил тренинг?",
                 "Ваш город", "Your city", "Town", "Елді мекен", "Қалаңыз", "Тренинг қай қалада өтті?",
                 "Which city was the training in?"]),
        (.region, ["Облыс", "Өңір", "Область", "Регион", "Region", "Oblast", "Province", "Облыс / өңір"]),
        (.sessionDate, ["Күні", "Өткізілген күні", "Дата", "Дата проведения", "Date", "Training date", "Session date",
                        "Дата тренинга", "Тренинг күні", "Өткізу күні", "Дата проведения тренинга"]),
        (.sessionID, ["Session ID", "ID сессии", "Код сессии", "Сессия", "Session", "Session code", "Training ID",
                      "Код тренинга", "ID тренинга", "Тренинг коды", "Сессия коды"]),
        (.trainer, ["Тренер", "Тренердің аты-жөні", "ФИО тренера", "Trainer", "Trainer name", "Trainer's name",
                    "Тренер (ФИО)", "Имя тренера", "Тренердің аты", "Coach", "Facilitator", "Фасилитатор",
                    "Тренер аты-жөні", "Trainer full name"]),
        (.module, ["Модуль", "Тақырып", "Тема", "Module", "Topic", "Тема тренинга", "Тренинг тақырыбы",
                   "Training topic", "Модуль тренинга", "Course", "Курс"]),
        (.participantGroup, ["Қатысушы санаты", "Категория участника", "Participant group", "Participant category",
                             "Категория", "Санаты", "Category", "You are", "I am", "Вы", "Кто вы?", "Сіз кімсіз?",
                             "Группа участников", "Статус участника", "Қатысушы мәртебесі", "Participant type",
                             "Категория участников"]),
        (.lang, ["Язык", "Тіл", "Language", "Lang", "Язык анкеты", "Сауалнама тілі", "Survey language",
                 "Язык ответа", "Жауап тілі"]),
        (.overall, ["Жалпы баға", "Общая оценка", "Overall rating", "Overall", "Overall satisfaction",
                    "Насколько вы удовлетворены тренингом в целом?",
                    "Overall, how satisfied were you with the training?",
                    "How satisfied are you with the training overall?",
                    "Жалпы алғанда тренингке қаншалықты риза болдыңыз?",
                    "Оценка", "Баға", "Бағалау", "Rating", "Оценка тренинга", "Тренингке баға"]),
        (.delivery, ["Тренердің жұмысы", "Оцените работу тренера", "Trainer delivery", "Trainer competence",
                     "Работа тренера", "Подача материала", "Подача материала тренером", "Delivery",
                     "Компетентность тренера", "Тренердің біліктілігі", "Тренердің шеберлігі",
                     "Trainer performance", "Оценка тренера"]),
        (.content, ["Мазмұнның өзектілігі", "Актуальность содержания", "Relevance of content", "Content",
                    "Content relevance", "Актуальность", "Содержание", "Мазмұны", "Өзектілігі", "Relevance"]),
        (.organisation, ["Ұйымдастыру", "Организация", "Organisation", "Organization", "Venue and logistics",
                         "Logistics", "Ұйымдастырылуы", "Организация тренинга", "Venue"]),
        (.applicability, ["Қолданбалылығы", "Применимость в работе", "Applicability", "Применимость",
                          "Will you apply what you learned?", "Практическая применимость", "Practical value",
                          "Practical applicability", "Қолданылуы"]),
        (.nps, ["Басқаларға ұсынасыз ба? (0-10)", "Порекомендуете ли вы тренинг коллегам? (0-10)",
                "How likely are you to recommend this training?", "NPS", "Рекомендация", "Recommendation",
                "Would recommend", "Likelihood to recommend", "Ұсынасыз ба?", "Порекомендуете ли?",
                "Готовность рекомендовать", "Индекс NPS", "NPS score"]),
        (.liked, ["Ұнағаны", "Что понравилось?", "What did you like?", "Понравилось", "Liked",
                  "What did you like most?", "Что вам понравилось?", "Не ұнады?", "Сізге не ұнады?",
                  "Что понравилось больше всего?", "Likes"]),
        (.improve, ["Жақсартуға ұсыныстар", "Что улучшить?", "Suggestions for improvement", "Улучшить", "Improve",
                    "To improve", "Что можно улучшить?", "Ұсыныстар", "Предложения", "Suggestions",
                    "What could be improved?", "Improvements", "Что можно улучшить", "Не жақсарту керек?",
                    "Предложения по улучшению"]),
        (.comment, ["Пікір", "Комментарий", "Отзыв", "Comment", "Comments", "Комментарии", "Пікірлер",
                    "Additional comments", "Any other comments?", "Другие комментарии", "Ескертпе",
                    "Қосымша пікір", "Дополнительные комментарии", "Отзывы", "Feedback", "Пікіріңіз"]),
    ]

    /// headerKey of each synonym → field. A key listed under two fields is a
    /// table bug; ``synonymConflicts`` reports it (tested).
    static let synonyms: [String: CanonicalField] = {
        var table: [String: CanonicalField] = [:]
        for (field, names) in synonymList {
            for name in names { table[TextFolding.headerKey(name)] = field }
        }
        return table
    }()

    /// Synonym keys that appear under more than one field, or collide with a canonical name of another field.
    static var synonymConflicts: [String] {
        var seen: [String: CanonicalField] = canonical
        var conflicts: [String] = []
        for (field, names) in synonymList {
            for name in names {
                let key = TextFolding.headerKey(name)
                if let other = seen[key], other != field { conflicts.append(name) }
                seen[key] = field
            }
        }
        return conflicts
    }

    /// The first keyword rule that fits a header key, in a fixed order where
    /// more specific rules come first (nps before liked because of "likely",
    /// delivery before trainer because of "тренер").
    static func keyword(_ key: String) -> CanonicalField? {
        let words = ColumnHeaderWords(key)
        for (field, rule) in keywordRules where rule(words) { return field }
        return nil
    }

    private static let trainerStems = ["тренер", "trainer", "coach", "фасилитатор", "facilitator"]

    private static let keywordRules: [(CanonicalField, @Sendable (ColumnHeaderWords) -> Bool)] = [
        (.nps, { w in
            w.hasToken(["nps"]) ||
            (w.hasStem(["рекоменд", "порекоменд", "recommend", "ұсын"]) &&
             (w.hasScale0to10 || w.hasStem(["вероятн", "likely", "likelihood", "коллег", "colleague", "friend",
                                            "друз", "знаком", "басқалар", "әріптес"])))
        }),
        (.timestamp, { w in
            w.hasToken(["timestamp"]) || w.hasPhrase("отметка времени") || w.hasPhrase("уақыт белгісі")
        }),
        (.delivery, { w in
            w.hasStem(ColumnTables.trainerStems) &&
            w.hasStem(["подав", "подач", "объясн", "работ", "жұмыс", "deliver", "competen", "компетен", "explain",
                       "clear", "понятн", "біліктіл", "шеберл", "түсінікт", "оцен", "rate", "rating", "perform",
                       "профессионал", "professional", "баға"])
        }),
        (.trainer, { w in
            w.hasStem(ColumnTables.trainerStems) && w.hasStem(["фио", "имя", "аты", "name", "жөні", "who", "кто"])
        }),
        (.overall, { w in
            w.hasPhrase("в целом") || w.hasPhrase("общая оценка") ||
            w.hasStem(["overall", "удовлетвор", "satisf", "жалпы", "қанағат", "риза"])
        }),
        (.content, { w in
            w.hasStem(["содержан", "актуальн", "content", "relevan", "мазмұн", "өзекті"])
        }),
        (.organisation, { w in
            w.hasStem(["организац", "organis", "organiz", "ұйымдаст", "venue", "logistic", "логистик"])
        }),
        (.applicability, { w in
            w.hasStem(["примен", "apply", "applic", "қолдан"])
        }),
        (.improve, { w in
            w.hasStem(["улучш", "improv", "жақсарт"])
        }),
        (.liked, { w in
            w.hasToken(["like", "liked", "likes", "enjoyed"]) || w.hasStem(["понрав", "ұнаға", "ұнады"])
        }),
        (.comment, { w in
            w.hasStem(["коммент", "comment", "пікір", "отзыв", "feedback", "ескерт", "замечан", "remark"])
        }),
        (.sessionID, { w in
            w.hasToken(["id", "код", "code", "коды", "номер", "number"]) &&
            w.hasStem(["сесси", "session", "тренинг", "training", "семинар", "seminar"])
        }),
        (.responseID, { w in
            w.hasToken(["id", "номер", "number", "нөмірі"]) &&
            w.hasStem(["response", "respondent", "ответ", "анкет", "жауап", "сауалнама"])
        }),
        (.city, { w in
            w.hasStem(["город", "city", "населен", "населён", "town"]) ||
            w.hasToken(["қала", "қаласы", "қалада", "қалаңыз", "қаладан"]) || w.hasPhrase("елді мекен")
        }),
        (.region, { w in
            w.hasStem(["област", "облыс", "регион", "region", "өңір", "oblast"])
        }),
        (.sessionDate, { w in
            w.hasStem(["дата", "date"]) || w.hasToken(["күні", "күн"])
        }),
        (.module, { w in
            w.hasStem(["модул", "module", "тема", "topic", "тақырып", "course", "курс"])
        }),
        (.participantGroup, { w in
            w.hasStem(["категор", "category", "санат", "статус", "participant"])
        }),
        (.lang, { w in
            w.hasStem(["язык", "language"]) || w.hasToken(["тіл", "тілі", "lang"])
        }),
    ]
}

/// The words of a header key, for keyword rules.
fileprivate struct ColumnHeaderWords: Sendable {
    let tokens: [String]
    let padded: String

    init(_ key: String) {
        tokens = key.split(separator: " ").map(String.init)
        padded = " " + key + " "
    }

    /// Some word starts with one of `stems`.
    func hasStem(_ stems: [String]) -> Bool {
        tokens.contains { token in stems.contains { token.hasPrefix($0) } }
    }

    /// Some word is exactly one of `words`.
    func hasToken(_ words: [String]) -> Bool {
        tokens.contains { words.contains($0) }
    }

    /// The words of `phrase` occur consecutively.
    func hasPhrase(_ phrase: String) -> Bool {
        padded.contains(" " + phrase + " ")
    }

    /// `(0-10)`, `0–10`, `от 0 до 10`, `0 to 10`.
    var hasScale0to10: Bool {
        hasPhrase("0 10") || hasPhrase("0 до 10") || hasPhrase("0 to 10") || hasPhrase("0 ден 10")
    }
}
