import Foundation

/// The outcome of matching a trainer name against the registry.
public enum TrainerMatch: Sendable, Hashable {
    /// Exactly one registry trainer matches: its id and registry display name.
    case resolved(id: String, name: String)
    /// No trainer, or more than one, matches. `cleanedName` is the source text
    /// trimmed, with inner whitespace collapsed, look-alike letters fixed and
    /// each word in Title Case (its script kept).
    case unresolved(cleanedName: String)
}

/// The known trainers, and the rules that map what participants type in the
/// trainer column onto them.
///
/// Matching folds transliteration, case, look-alike letters and keyboard
/// substitutes through ``TextFolding/matchKey(_:)``, and name order and
/// initials: `Наурызбаев Н.`, `Н. Наурызбаев`, `Nauryzbayev N.` and
/// `Наурызбаев Нурлыбай` all match `Нұрлыбай Наурызбаев`. It never guesses
/// between candidates: when two trainers fit, the name stays unresolved.
///
/// Values are immutable and `Sendable`; copies share one thread-safe cache of
/// resolutions per distinct raw string, so resolving a column of a million rows
/// costs one dictionary lookup per row.
public struct TrainerRegistry: Sendable {

    /// One registry row: `id,name,aliases` of the registry CSV.
    public struct Entry: Sendable, Hashable {
        /// Stable identifier written to the output (`trainer_id`).
        public var id: String
        /// Display name written to the output (`trainer_name`).
        public var name: String
        /// Other spellings that should match this trainer.
        public var aliases: [String]

        /// Creates a registry entry.
        ///
        /// The name and aliases are not validated here; empty ones simply never match.
        ///
        /// - Complexity: O(1).
        public init(id: String, name: String, aliases: [String] = []) {
            self.id = id
            self.name = name
            self.aliases = aliases
        }
    }

    /// The entries the registry was built from, in order (entries sharing an id merged).
    public let entries: [Entry]

    private let trainers: [Trainer]
    /// Order-insensitive key of every form (name or alias) → indices of trainers having it.
    private let exactForms: [String: Set<Int>]
    private let cache: TrainerResolutionCache

    /// Builds a registry from entries.
    ///
    /// Every name and alias is folded once here. Entries sharing an `id` are
    /// merged (first name kept, aliases joined). The surname of each trainer is
    /// taken from aliases written with initials (`Наурызбаев Н.` marks
    /// `Наурызбаев`), else from surname endings (-ов/-ев/-ова/-ева, -ский/-ская,
    /// -енко; patronymics -ович/-овна/-ұлы/-қызы excluded), else the last word of
    /// a two-word name (`Дмитрий Ким` → `Ким`).
    ///
    /// - Complexity: O(n) in the total length of all names and aliases.
    public init(entries: [Entry]) {
        var merged: [Entry] = []
        var position: [String: Int] = [:]
        for entry in entries {
            if let at = position[entry.id] {
                for alias in [entry.name] + entry.aliases where !merged[at].aliases.contains(alias) && alias != merged[at].name {
                    merged[at].aliases.append(alias)
                }
            } else {
                position[entry.id] = merged.count
                merged.append(entry)
            }
        }
        self.entries = merged

        var trainers: [Trainer] = []
        var exact: [String: Set<Int>] = [:]
        for (index, entry) in merged.enumerated() {
            let trainer = Trainer(entry: entry)
            for form in trainer.forms {
                exact[form.exactKey, default: []].insert(index)
            }
            trainers.append(trainer)
        }
        self.trainers = trainers
        self.exactForms = exact
        self.cache = TrainerResolutionCache()
    }

    /// Builds a registry from `(id, name, aliases)` tuples.
    ///
    /// Same as ``init(entries:)`` with each tuple turned into an ``Entry``.
    ///
    /// - Complexity: O(n) in the total length of all names and aliases.
    public init(_ entries: [(id: String, name: String, aliases: [String])]) {
        self.init(entries: entries.map { Entry(id: $0.id, name: $0.name, aliases: $0.aliases) })
    }

    /// Splits the `aliases` field of the registry CSV on `|`.
    ///
    /// Each alias is trimmed of whitespace; empty aliases and exact repeats are
    /// dropped; order is kept. `"Наурызбаев Н. | Nurlybai Nauryzbayev||"` gives
    /// `["Наурызбаев Н.", "Nurlybai Nauryzbayev"]`.
    ///
    /// - Complexity: O(n) in the length of `field`.
    public static func parseAliases(_ field: String) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for part in field.split(separator: "|", omittingEmptySubsequences: true) {
            let alias = part.trimmingCharacters(in: .whitespacesAndNewlines)
            if !alias.isEmpty, seen.insert(alias).inserted { out.append(alias) }
        }
        return out
    }

    /// Matches one raw trainer cell against the registry.
    ///
    /// Two tiers, each of which must produce exactly one trainer:
    /// 1. The folded words of `raw`, in any order, equal those of a trainer's
    ///    name or alias (`Наурызбаев Нурлыбай`, `Nurlybay Nauryzbaev`).
    /// 2. Otherwise a partial name: every full word of `raw` is a word of one of
    ///    the trainer's names, each initial is the start of a different remaining
    ///    word, and the surname is there in full or as an initial. So
    ///    `Наурызбаев Н.` and `Nurlybai N.` match, `Наурызбаев` alone matches when
    ///    one trainer has that surname, and a lone given name (`Нурлыбай`) does not.
    ///    Initials left over once every word of the name is used (a patronymic the
    ///    registry does not record, `Наурызбаев Н. Е.`) are allowed.
    ///
    /// If a tier finds two or more trainers, the result is ``TrainerMatch/unresolved(cleanedName:)``
    /// (never a guess). Empty or punctuation-only input is unresolved with the
    /// cleaned text. Results are cached per distinct `raw` (up to 100,000 strings).
    ///
    /// - Complexity: amortised O(n) in the length of `raw` for a cached string (hashing);
    ///   first sight O(n + t·w) for t registry trainers with w words each.
    public func resolve(_ raw: String) -> TrainerMatch {
        if let hit = cache.value(for: raw) { return hit }
        let result = computeMatch(raw)
        cache.store(result, for: raw)
        return result
    }

    /// Cleans a trainer name that the registry does not know, for display.
    ///
    /// Trims, collapses runs of whitespace to one space, fixes look-alike letters
    /// of the minority script inside words, and writes each word (and each part
    /// after a hyphen) in Title Case in its own script: `  наурызбаев   н. ` →
    /// `Наурызбаев Н.`, `AIGERIM zhumabekova` → `Aigerim Zhumabekova`.
    ///
    /// - Complexity: O(n) in the length of `raw`.
    public static func cleanedName(_ raw: String) -> String {
        let fixed = TextFolding.fixingLookAlikes(raw)
        var words: [String] = []
        for word in fixed.split(whereSeparator: { $0.isWhitespace }) {
            var out = ""
            var startOfPart = true
            var rest = word[...]
            while let ch = rest.first {
                // A redaction token stays as it is: `[PHONE]`, not `[Phone]`.
                if ch == "[", let token = Redaction.tokens.first(where: { rest.hasPrefix($0) }) {
                    out += token
                    rest = rest.dropFirst(token.count)
                    startOfPart = true
                    continue
                }
                rest = rest.dropFirst()
                if ch.isLetter {
                    out += startOfPart ? ch.uppercased() : ch.lowercased()
                    startOfPart = false
                } else {
                    out.append(ch)
                    if ch == "-" || ch == "‐" || ch == "–" || ch == "." { startOfPart = true }
                }
            }
            words.append(out)
        }
        return words.joined(separator: " ")
    }

    // MARK: - Matching

    private func computeMatch(_ raw: String) -> TrainerMatch {
        let words = TextFolding.matchWords(raw)
        let unresolved = TrainerMatch.unresolved(cleanedName: Self.cleanedName(raw))
        guard !words.isEmpty else { return unresolved }

        let exactKey = trainerExactKey(words)
        if let ids = exactForms[exactKey] {
            return ids.count == 1 ? resolved(ids.first!) : unresolved
        }

        let full = words.filter { !$0.isInitial }.map(\.key)
        let initials = words.filter(\.isInitial).map(\.key)
        guard !full.isEmpty else { return unresolved }
        var found: Int?
        for (index, trainer) in trainers.enumerated() where trainer.matchesPartially(full: full, initials: initials) {
            if found != nil { return unresolved }
            found = index
        }
        return found.map(resolved) ?? unresolved
    }

    private func resolved(_ index: Int) -> TrainerMatch {
        let entry = entries[index]
        return .resolved(id: entry.id, name: entry.name)
    }
}

// MARK: - Private model

/// Order-insensitive key of a folded name; initials marked so `N` ≠ a word `n`.
private func trainerExactKey(_ words: [TextFolding.MatchWord]) -> String {
    words.map { $0.isInitial ? $0.key + "." : $0.key }.sorted().joined(separator: " ")
}

/// One name or alias of a trainer, folded.
private struct TrainerForm: Sendable {
    var exactKey: String
    /// Full words (no initials), folded.
    var words: [String]
    /// Indices into `words` that may be the surname.
    var surnames: Set<Int>
}

private struct Trainer: Sendable {
    var forms: [TrainerForm]

    init(entry: TrainerRegistry.Entry) {
        let folded = ([entry.name] + entry.aliases).map(TextFolding.matchWords).filter { !$0.isEmpty }
        // Evidence from aliases written with initials: their full words are surnames.
        var surnameKeys = Set<String>()
        for words in folded where words.contains(where: \.isInitial) {
            for word in words where !word.isInitial { surnameKeys.insert(word.key) }
        }
        if surnameKeys.isEmpty, let name = folded.first {
            let full = name.filter { !$0.isInitial }.map(\.key)
            for i in guessSurnames(full) { surnameKeys.insert(full[i]) }
        }
        forms = folded.map { words in
            let full = words.filter { !$0.isInitial }.map(\.key)
            var surnames = Set(full.indices.filter { surnameKeys.contains(full[$0]) })
            if surnames.isEmpty { surnames = guessSurnames(full) }
            return TrainerForm(exactKey: trainerExactKey(words), words: full, surnames: surnames)
        }
    }

    /// Tier 2 of ``TrainerRegistry/resolve(_:)`` against every full-word form.
    func matchesPartially(full: [String], initials: [String]) -> Bool {
        for form in forms where !form.words.isEmpty {
            var remaining = Array(form.words.indices)
            var ok = true
            var surnameCovered = false
            for word in full {
                guard let at = remaining.firstIndex(where: { form.words[$0] == word }) else { ok = false; break }
                if form.surnames.contains(remaining[at]) { surnameCovered = true }
                remaining.remove(at: at)
            }
            guard ok else { continue }
            if matchInitials(initials[...], remaining: remaining, form: form, surnameCovered: surnameCovered) {
                return true
            }
        }
        return false
    }

    private func matchInitials(_ initials: ArraySlice<String>, remaining: [Int], form: TrainerForm,
                               surnameCovered: Bool) -> Bool {
        guard let initial = initials.first else { return surnameCovered }
        let rest = initials.dropFirst()
        if remaining.isEmpty {
            // Further initials with nothing left to check (an unrecorded patronymic).
            return surnameCovered
        }
        for (n, index) in remaining.enumerated() where form.words[index].hasPrefix(initial) {
            var left = remaining
            left.remove(at: n)
            if matchInitials(rest, remaining: left, form: form,
                             surnameCovered: surnameCovered || form.surnames.contains(index)) {
                return true
            }
        }
        return false
    }
}

private let patronymicEndings = ["vich", "vna", "ichna", "uli", "kizi"]
private let surnameEndings = ["ov", "ev", "ova", "eva", "ski", "skaia", "ska", "enko"]

/// Which full words of a name are the surname, when nothing else says so.
private func guessSurnames(_ words: [String]) -> Set<Int> {
    guard words.count > 1 else { return Set(words.indices) }
    let patronymic = words.indices.filter { i in
        words[i].count >= 5 && patronymicEndings.contains(where: { words[i].hasSuffix($0) })
    }
    let suffixed = words.indices.filter { i in
        !patronymic.contains(i) && words[i].count >= 5 && surnameEndings.contains(where: { words[i].hasSuffix($0) })
    }
    if !suffixed.isEmpty { return Set(suffixed) }
    if let last = patronymic.last, last == words.count - 1, words.count >= 3 { return [0] }
    let others = words.indices.filter { !patronymic.contains($0) }
    return others.last.map { [$0] } ?? [words.count - 1]
}

/// Resolutions per distinct raw string, shared by copies of a registry.
private final class TrainerResolutionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: TrainerMatch] = [:]
    private let limit = 100_000

    func value(for raw: String) -> TrainerMatch? {
        lock.lock()
        defer { lock.unlock() }
        return storage[raw]
    }

    func store(_ match: TrainerMatch, for raw: String) {
        lock.lock()
        defer { lock.unlock() }
        if storage.count < limit { storage[raw] = match }
    }
}
