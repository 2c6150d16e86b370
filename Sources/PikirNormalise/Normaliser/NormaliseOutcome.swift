/// What one record became.
public enum NormaliseOutcome: Sendable {
    /// A response, and how many pieces of personal data were redacted from it.
    case response(CanonicalResponse, redactions: Int)
    /// Not usable: a reason code and a sentence saying what to fix.
    case reject(code: String, message: String)
}

/// What one record became, its response written where the caller said
/// (`RecordNormaliser.normalise(_:into:)`).
public enum NormaliseVerdict: Sendable {
    case response(redactions: Int)
    case reject(code: String, message: String)
}

/// Reason codes of records the normaliser rejects (the reader's own are in `RejectReason`).
public enum NormaliseRejectCode: String, CaseIterable, Sendable {
    /// A date that cannot exist (`31.02.2024`) or lies outside 2000–2100.
    case impossibleDate = "impossible_date"
    /// A date that reads two ways (`05/06/2024` in a file with no other evidence).
    case ambiguousDate = "ambiguous_date"
    /// Text in the date column that is not a date.
    case unrecognisedDate = "unrecognised_date"
    /// A score outside its scale (6 on 1–5, 11 on 0–10).
    case scoreOutOfRange = "score_out_of_range"
    /// Text in a score column that is neither a number nor a known answer word.
    case scoreUnrecognised = "score_unrecognised"
    /// A record with no rating and no comment: nothing to count.
    case noAnswers = "no_answers"
}

/// A file whose columns pikir cannot use at all.
public struct NormaliseSetupError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
