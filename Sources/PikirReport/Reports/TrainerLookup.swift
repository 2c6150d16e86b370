import Foundation
import PikirAggregate
import PikirNormalise

extension TrainerReport {
    /// The trainer `typed` names: a registry id (any case), a name as the report writes it (folded as
    /// `--where trainer=` folds it), or a spelling the registry's names resolve (`Жұмабекова А.`,
    /// `Aigerim Zhumabekova`). The warehouse keeps each registry trainer's id and name, not the aliases,
    /// so an alias that is not a spelling of the name is not known here. Nil when none or several fit.
    func trainer(named typed: String) -> Trainer? {
        let text = typed.trimmingCharacters(in: .whitespaces)
        if let hit = trainers.first(where: { $0.id?.caseInsensitiveCompare(text) == .orderedSame }) { return hit }
        let key = TextFolding.matchKey(text)
        let byName = trainers.filter { TextFolding.matchKey($0.name) == key }
        if byName.count == 1 { return byName[0] }
        let registry = TrainerRegistry(entries: trainers.compactMap { t in t.id.map { TrainerRegistry.Entry(id: $0, name: t.name) } })
        if case .resolved(let id, _) = registry.resolve(text) { return trainers.first { $0.id == id } }
        return nil
    }

    /// How each trainer can be named on the command line: `T02 (Айгерім Жұмабекова)`, or the name alone.
    var trainerChoices: [String] {
        trainers.map { t in t.id.map { "\($0) (\(t.name))" } ?? t.name }.sorted()
    }
}

/// `--trainer` named no trainer of the report's scope: a usage error, with the nearest names.
public struct UnknownTrainer: Error, Sendable {
    public let typed: String
    public let closest: [String]
    public let choices: [String]

    init(typed: String, report: TrainerReport) {
        self.typed = typed
        choices = report.trainerChoices
        // Nearest by id, by name or by one word of the name (a surname alone), each shown as its choice.
        var choiceOf: [String: String] = [:]
        for t in report.trainers {
            let choice = t.id.map { "\($0) (\(t.name))" } ?? t.name
            let words = t.name.split(separator: " ").map(String.init)
            for key in [t.id, t.name].compactMap({ $0 }) + words where choiceOf[key] == nil { choiceOf[key] = choice }
        }
        var seen: Set<String> = []
        closest = ClosestValues.closest(to: typed, among: Array(choiceOf.keys), count: choiceOf.count)
            .compactMap { choiceOf[$0] }.filter { seen.insert($0).inserted }.prefix(3).map { $0 }
    }

    /// One line: what was not found, the closest choices, then all of them when there are few.
    public var message: String {
        var line = "no trainer '\(typed)' in the report's scope"
        if !closest.isEmpty { line += "; closest: " + closest.joined(separator: ", ") }
        if choices.count > closest.count && choices.count <= 30 { line += "; all: " + choices.joined(separator: ", ") }
        return line
    }
}
