import PikirModel

/// The warehouse columns reports read, in one fixed order, so every report
/// scans with the same positions.
enum ReportColumns {
    static let list: [ScanColumn] = [
        .overall, .delivery, .content, .organisation, .applicability, .nps,
        .trainerID, .trainerName, .sessionID, .sessionDate, .region, .city, .module, .participantGroup,
        .liked, .improve, .comment, .fileID,
    ]
    /// Position of the first question; the six follow in `Measure.all` order.
    static let questions = 0
    static let trainerID = 6, trainerName = 7, session = 8, date = 9, region = 10, city = 11, module = 12, group = 13
    static let liked = 14, improve = 15, comment = 16, file = 17
}

extension ResponseRow {
    func string(_ column: Int) -> String? { bytes(column).map { String(decoding: $0, as: UTF8.self) } }

    /// The first free-text answer that says something (comment, else what
    /// could improve, else what was liked): "n/a", "-", "нет", "жоқ" and the
    /// like are not comments worth showing.
    var commentText: String? {
        for column in [ReportColumns.comment, ReportColumns.improve, ReportColumns.liked] {
            if let text = string(column), !CommentFilter.isNonAnswer(text) { return text }
        }
        return nil
    }
}

enum CommentFilter {
    static let nonAnswers: Set<String> = ["n/a", "na", "no", "none", "nothing", "-", "--", "—", ".", "нет", "ничего", "жоқ", "жок", "ештеңе", "жоқ.", "нет."]

    static func isNonAnswer(_ text: String) -> Bool {
        let folded = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return folded.isEmpty || nonAnswers.contains(folded) || !folded.contains { $0.isLetter }
    }
}

import Foundation
