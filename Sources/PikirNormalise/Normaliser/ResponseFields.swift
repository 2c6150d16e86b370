/// The parts of a response a reader wants the normaliser to fill in
/// (`NormaliserSettings.fields`): `pikir agg --csv` asks only for what its
/// query reads, `pikir ingest` for everything.
///
/// What decides a record's fate is always read, whatever is asked: every
/// score (a bad answer to any question rejects the record, asked or not),
/// the session date or timestamp (a bad date rejects it), whether the
/// record holds any answer, and the form id (redaction-checked: one holding
/// personal data is no id). A file with a timestamp column also gets every
/// field its fingerprint is made of (see `CanonicalResponse.contentFingerprint`),
/// so it finds exactly the duplicates a full normalisation finds. A field
/// left out stays nil, and personal data in cells not read is not counted
/// in the record's redactions.
public struct ResponseFields: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// City and region.
    public static let place = ResponseFields(rawValue: 1 << 0)
    /// Trainer id and name.
    public static let trainer = ResponseFields(rawValue: 1 << 1)
    /// Module and participant group.
    public static let labels = ResponseFields(rawValue: 1 << 2)
    /// What the participant liked, would improve, and their comment (redacted).
    public static let texts = ResponseFields(rawValue: 1 << 3)
    /// The timestamp as written (redacted).
    public static let timestamp = ResponseFields(rawValue: 1 << 4)
    /// The answer language (read from the answers, texts and labels).
    public static let language = ResponseFields(rawValue: 1 << 5)
    /// The session id (matched or derived from place, date and trainer).
    public static let session = ResponseFields(rawValue: 1 << 6)
    /// Columns that map to no field.
    public static let extras = ResponseFields(rawValue: 1 << 7)
    /// The content fingerprint.
    public static let fingerprint = ResponseFields(rawValue: 1 << 8)

    /// A full normalisation, as `pikir ingest` stores it.
    public static let all = ResponseFields(rawValue: (1 << 9) - 1)

    /// What the fingerprint is made of.
    static let fingerprinted: ResponseFields = [.fingerprint, .timestamp, .place, .trainer, .labels, .texts, .extras]

    /// These fields with the ones they are derived from: a language from the
    /// texts and labels, a session id from place and trainer.
    func closed(hasTimestamp: Bool) -> ResponseFields {
        var fields = self
        if hasTimestamp { fields.formUnion(Self.fingerprinted) } else { fields.remove(.fingerprint) }
        if fields.contains(.language) { fields.formUnion([.texts, .labels]) }
        if fields.contains(.session) { fields.formUnion([.place, .trainer]) }
        return fields
    }
}
