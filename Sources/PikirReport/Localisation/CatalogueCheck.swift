extension Catalogue {
    /// What is wrong with a set of catalogues, one line per problem, sorted;
    /// empty when they are complete and consistent. The tests run it on the
    /// shipped catalogues; `pikir` may run it too.
    ///
    /// Checks, for every language in `Language.allCases`:
    /// - its catalogue is there and loaded;
    /// - it has every key of `required` and every key any other catalogue has
    ///   (`ru: missing key label.mean`);
    /// - it has no key outside `required` (`kk: key label.extra is not in requiredKeys`);
    /// - `plural.*` keys are plural objects and other keys texts;
    /// - a plural has exactly the CLDR categories of the language
    ///   (`PluralCategory.categories(of:)`), each with `{n}`;
    /// - no text or plural form is empty or only spaces;
    /// - each key has the same placeholders in every language and, for a
    ///   plural, in every form (compared with the first language that has it).
    ///
    /// - Parameters:
    ///   - catalogues: One catalogue per language (a later one for the same language wins).
    ///   - required: The keys every catalogue must have; `requiredKeys` by default.
    /// - Complexity: O(L · K · t) for L languages, K keys and texts of length t.
    public static func problems(in catalogues: [Catalogue], required: [String] = requiredKeys) -> [String] {
        var problems: [String] = []
        var byLanguage: [Language: Catalogue] = [:]
        for catalogue in catalogues { byLanguage[catalogue.language] = catalogue }
        let requiredSet = Set(required)
        var allKeys = requiredSet
        for catalogue in byLanguage.values { allKeys.formUnion(catalogue.entries.keys) }

        for language in Language.allCases {
            let code = language.rawValue
            guard let catalogue = byLanguage[language] else {
                problems.append("\(code): no catalogue")
                continue
            }
            if let error = catalogue.loadError { problems.append("\(code): not loaded: \(error)") }
            for key in allKeys where catalogue.entries[key] == nil {
                problems.append("\(code): missing key \(key)")
            }
            for (key, entry) in catalogue.entries {
                if !requiredSet.contains(key) { problems.append("\(code): key \(key) is not in requiredKeys") }
                problems += entryProblems(key, entry, language)
            }
        }

        // Placeholders: each language against the first that has the key.
        for key in allKeys {
            var reference: (Language, Set<String>)?
            for language in Language.allCases {
                guard let entry = byLanguage[language]?.entries[key] else { continue }
                let names = placeholderNames(entry)
                if let (first, expected) = reference {
                    if names != expected {
                        problems.append("\(language.rawValue): placeholders of \(key) are \(listed(names)), \(first.rawValue) has \(listed(expected))")
                    }
                } else {
                    reference = (language, names)
                }
            }
        }
        return problems.sorted()
    }

    private static func entryProblems(_ key: String, _ entry: Entry, _ language: Language) -> [String] {
        let code = language.rawValue
        var problems: [String] = []
        switch entry {
        case .text(let text):
            if key.hasPrefix("plural.") { problems.append("\(code): \(key) is a text, not plural forms") }
            if text.allSatisfy(\.isWhitespace) { problems.append("\(code): \(key) is empty") }
        case .plural(let forms):
            if !key.hasPrefix("plural.") { problems.append("\(code): \(key) has plural forms but is not a plural.* key") }
            let expected = PluralCategory.categories(of: language).map(\.rawValue)
            for category in expected where forms[category] == nil {
                problems.append("\(code): \(key) lacks the plural form \(category)")
            }
            for category in forms.keys.sorted() where !expected.contains(category) {
                problems.append("\(code): \(key) has the plural form \(category), which \(code) does not use")
            }
            var seen: Set<String>?
            for (category, form) in forms.sorted(by: { $0.key < $1.key }) {
                if form.allSatisfy(\.isWhitespace) { problems.append("\(code): \(key).\(category) is empty") }
                let names = placeholders(form)
                if !names.contains("n") { problems.append("\(code): \(key).\(category) does not show the count {n}") }
                if let seen, seen != names {
                    problems.append("\(code): \(key).\(category) has placeholders \(listed(names)), other forms \(listed(seen))")
                }
                seen = seen ?? names
            }
        }
        return problems
    }

    private static func placeholderNames(_ entry: Entry) -> Set<String> {
        switch entry {
        case .text(let text): placeholders(text)
        case .plural(let forms): forms.values.reduce(into: Set<String>()) { $0.formUnion(placeholders($1)) }
        }
    }

    private static func listed(_ names: Set<String>) -> String {
        names.isEmpty ? "none" : names.sorted().map { "{\($0)}" }.joined(separator: " ")
    }
}
