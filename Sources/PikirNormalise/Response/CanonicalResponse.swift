/// One normalised survey response: what every later stage works on.
///
/// A missing answer is `nil`, never 0. Text fields have personal data
/// redacted before they get here.
public struct CanonicalResponse: Sendable, Equatable {
    /// The form's own id when the export has one, else derived from the file's hash and line.
    public var responseID: String
    /// Whether `responseID` is the form's own id (unique across exports) rather than derived.
    public var hasFormID = false
    public var sourceFile: String
    public var sourceLine: Int
    /// When the participant answered (Google Forms' first column), as the
    /// export writes it (`2025/02/17 9:41:07 AM GMT+6`), redacted; its date, in
    /// Kazakhstan time, is `sessionDate` when the export has no date column.
    public var timestamp: String?
    /// ISO 3166-2:KZ code, e.g. `KZ-75`.
    public var region: String?
    /// Canonical Latin city name, e.g. `Almaty`; the cleaned source text when unknown.
    public var city: String?
    /// ISO date of the training day.
    public var sessionDate: String?
    public var year: Int?
    public var month: Int?
    public var sessionID: String?
    public var trainerID: String?
    public var trainerName: String?
    public var module: String?
    public var participantGroup: String?
    public var lang: String?
    public var scores: ScoreSet
    public var liked: String?
    public var improve: String?
    public var comment: String?
    /// Source columns that mapped to nothing, header → value (empty values left out).
    public var extras: [(header: String, value: String)]
    /// Identifies the same answers given at the same moment: two rows with equal
    /// fingerprints are one response exported twice. Nil without a timestamp,
    /// where identical answers may well come from two people.
    public var fingerprint: Int64?

    public struct ScoreSet: Sendable, Equatable {
        public var overall: Double?
        public var delivery: Double?
        public var content: Double?
        public var organisation: Double?
        public var applicability: Double?
        public var nps: Double?

        public init(overall: Double? = nil, delivery: Double? = nil, content: Double? = nil,
                    organisation: Double? = nil, applicability: Double? = nil, nps: Double? = nil) {
            self.overall = overall
            self.delivery = delivery
            self.content = content
            self.organisation = organisation
            self.applicability = applicability
            self.nps = nps
        }

        public var isEmpty: Bool {
            overall == nil && delivery == nil && content == nil && organisation == nil && applicability == nil && nps == nil
        }
    }

    /// A value to be overwritten (`RecordNormaliser.normalise(_:into:)`).
    public static var scratch: CanonicalResponse { CanonicalResponse(responseID: "", sourceFile: "", sourceLine: 0) }

    public init(responseID: String, sourceFile: String, sourceLine: Int) {
        self.responseID = responseID
        self.sourceFile = sourceFile
        self.sourceLine = sourceLine
        scores = ScoreSet()
        extras = []
    }

    /// Makes this the response `init(responseID:sourceFile:sourceLine:)`
    /// makes, in place: field by field, where assigning a new one copied the
    /// whole 400 bytes twice and released every field (`RecordNormaliser`
    /// does it on every row). A field added above must be cleared here too:
    /// `CanonicalResponseTests` fills every field and compares with `==`.
    public mutating func reset(responseID: String, sourceFile: String, sourceLine: Int) {
        // A field is released only when it holds a text: most are nil on
        // most rows, and a release call per field and row added up (3% of
        // `agg --csv`).
        @inline(__always) func clear(_ field: inout String?) { if field != nil { field = nil } }
        self.responseID = responseID
        hasFormID = false
        // The same file's path on every row: kept, not retained again.
        if self.sourceFile != sourceFile { self.sourceFile = sourceFile }
        self.sourceLine = sourceLine
        clear(&timestamp)
        clear(&region)
        clear(&city)
        clear(&sessionDate)
        year = nil
        month = nil
        clear(&sessionID)
        clear(&trainerID)
        clear(&trainerName)
        clear(&module)
        clear(&participantGroup)
        clear(&lang)
        scores = ScoreSet()
        clear(&liked)
        clear(&improve)
        clear(&comment)
        if !extras.isEmpty { extras.removeAll() }
        fingerprint = nil
    }

    public static func == (a: CanonicalResponse, b: CanonicalResponse) -> Bool {
        a.responseID == b.responseID && a.hasFormID == b.hasFormID && a.sourceFile == b.sourceFile && a.sourceLine == b.sourceLine
            && a.timestamp == b.timestamp && a.region == b.region && a.city == b.city && a.sessionDate == b.sessionDate
            && a.year == b.year && a.month == b.month && a.sessionID == b.sessionID && a.trainerID == b.trainerID
            && a.trainerName == b.trainerName && a.module == b.module && a.participantGroup == b.participantGroup
            && a.lang == b.lang && a.scores == b.scores && a.liked == b.liked && a.improve == b.improve
            && a.comment == b.comment && a.extras.elementsEqual(b.extras, by: { $0 == $1 }) && a.fingerprint == b.fingerprint
    }
}
