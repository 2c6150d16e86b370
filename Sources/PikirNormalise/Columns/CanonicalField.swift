/// The fields of pikir's canonical response, as written in its CSV export header.
///
/// `rawValue` is the export's column name; it always maps back to the field
/// when read (see ``ColumnMapper``).
public enum CanonicalField: String, CaseIterable, Sendable, Hashable, Codable {
    case responseID = "response_id"
    case timestamp
    case city
    case region
    case sessionDate = "session_date"
    case sessionID = "session_id"
    case trainer
    /// The trainer's registry id, as pikir's export writes it beside the name.
    case trainerID = "trainer_id"
    case module
    case participantGroup = "participant_group"
    case lang
    case overall
    case delivery
    case content
    case organisation
    case applicability
    case nps
    case liked
    case improve
    case comment

    /// True for the five rating questions and NPS, whose cells are scores.
    ///
    /// Callers use it to decide which columns go through score parsing and may
    /// carry a source scale.
    ///
    /// - Complexity: O(1).
    public var isScore: Bool {
        switch self {
        case .overall, .delivery, .content, .organisation, .applicability, .nps: return true
        default: return false
        }
    }

    /// Looks a field up by its export name, leniently.
    ///
    /// Accepts the raw value (`session_date`) and anything with the same
    /// ``TextFolding/headerKey(_:)`` (`Session date`, `SESSION-DATE`). Returns nil
    /// for anything else.
    ///
    /// - Complexity: O(k) for k fields (19), each compared by key.
    public static func named(_ name: String) -> CanonicalField? {
        if let exact = CanonicalField(rawValue: name) { return exact }
        let key = TextFolding.headerKey(name)
        return allCases.first { TextFolding.headerKey($0.rawValue) == key }
    }
}
