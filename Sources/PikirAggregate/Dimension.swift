import Foundation
import PikirNormalise
import PikirModel

/// What responses can be grouped and filtered by.
///
/// Each dimension reads one stored column (the trainer reads two: the
/// registry id, else the cleaned name). `month` is the calendar month of the
/// session, `yyyy-mm`, so that March 2024 and March 2025 stay apart.
public enum Dimension: String, Sendable, CaseIterable {
    case region, city, year, month, session, trainer, module, group, lang

    /// The warehouse columns the dimension is read from.
    var columns: [ScanColumn] {
        switch self {
        case .region: [.region]
        case .city: [.city]
        case .year: [.year]
        case .month: [.year, .month]
        case .session: [.sessionID]
        case .trainer: [.trainerID, .trainerName]
        case .module: [.module]
        case .group: [.participantGroup]
        case .lang: [.lang]
        }
    }

    /// Whether output should show the value as a number (JSON) and sort it numerically.
    public var isNumeric: Bool { self == .year }

    /// A filter value written the way the data stores it: place names to
    /// ISO codes or canonical city names, module and group words to their
    /// canonical names, so `--where city=Алматы` and `--where city=Almaty`
    /// select the same responses.
    public func canonical(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch self {
        case .region:
            let upper = trimmed.uppercased()
            if upper.hasPrefix("KZ-") { return upper }
            return Places.resolve(trimmed)?.region ?? trimmed
        case .city:
            return Places.resolve(trimmed)?.city ?? trimmed
        case .module:
            return Modules.parse(trimmed)?.rawValue ?? trimmed
        case .group:
            return ParticipantGroups.parse(trimmed)?.rawValue ?? trimmed
        case .lang:
            return trimmed.lowercased()
        case .month:
            // 2024-3 and 2024-03 are the same month.
            let parts = trimmed.split(separator: "-")
            if parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]) { return Self.month(year: y, month: m) }
            return trimmed
        case .trainer:
            return TextFolding.matchKey(trimmed)
        case .year, .session:
            return trimmed
        }
    }

    /// The key a `--where` filter compares, for a filter value or a stored
    /// value alike: place, module and group values are written the data's way
    /// (``canonical(_:)``) and then folded by `TextFolding.matchKey`, so a
    /// value the normaliser could not canonicalise (`Gotham`, `Модуль 1`), or
    /// one a warehouse filled by an older pikir stores in another spelling
    /// (`Карағанды` for `Karaganda`), still matches whatever its case,
    /// spaces, script or layout slips. The trainer's key is its folded name
    /// or id. Year, month, session and language compare as written.
    ///
    /// Called once per filter value and once per distinct stored value, never per row.
    func filterKey(_ value: String) -> String {
        switch self {
        case .region, .city, .module, .group: TextFolding.matchKey(canonical(value))
        case .trainer: TextFolding.matchKey(value)
        case .year, .month, .session, .lang: value
        }
    }

    /// Every stored value a typed value stands for: its canonical form, and
    /// for a session id in the old derived form (`Almaty/2024-11-05/T01`)
    /// also the slug pikir stores now (`almaty-2024-11-05-t01`).
    /// ``filterKey(_:)`` folds them for comparing.
    public func canonicalForms(_ text: String) -> [String] {
        self == .session ? SessionKey.typed(text) : [canonical(text)]
    }

    static func month(year: Int, month: Int) -> String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        return "\(year)-\(m)"
    }
}
