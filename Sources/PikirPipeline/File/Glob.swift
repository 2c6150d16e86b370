/// Export patterns: a file, a folder (its exports), or a glob.
///
/// Wildcards: `*` any run of characters and `?` one character, both within
/// one path component; `[abc]`, `[a-z]`, `[!abc]` (or `[^abc]`) one
/// character of a set; `**` as a whole component, any number of folders
/// (zero included); `\` makes the next character literal. Wildcards never
/// match a leading `.`, and `**` does not descend into hidden folders or
/// through symbolic links to folders. Characters are Swift characters, so
/// `?` matches one Cyrillic letter and a name stored decomposed (NFD) still
/// matches a pattern written composed (NFC).
enum Glob {
    /// The extensions a folder's export files have (compared in any case).
    static let exportExtensions = ["csv", "tsv", "txt"]

    /// The files an absolute pattern stands for: absolute, normalised, unsorted.
    static func expand(_ pattern: String) -> [String] {
        let components = components(pattern)
        let isGlob = components.contains(where: hasWildcard)
        var files: [String] = []
        for path in match(components[...], under: "/") {
            switch Paths.kind(path) {
            case .file: files.append(path)
            case .directory where !isGlob: files += exportFiles(in: path)
            default: break
            }
        }
        return files
    }

    /// Why `pattern` gave no file, for the issue that says so.
    static func whyNothing(_ pattern: String) -> String {
        let components = components(pattern)
        if components.contains(where: hasWildcard) { return "matches no files" }
        switch match(components[...], under: "/").first.map(Paths.kind) ?? .missing {
        case .directory: return "the folder holds no .csv, .tsv or .txt files"
        case .file: return "is not a readable file"
        case .missing: return "no such file or folder"
        }
    }

    /// The components of a pattern made absolute (against the current directory) and normalised.
    private static func components(_ pattern: String) -> [String] {
        Paths.resolve(pattern, against: Paths.currentDirectory).split(separator: "/").map(String.init)
    }

    /// The order of `expand()`'s result: plain string order of the paths.
    static func pathOrder(_ a: String, _ b: String) -> Bool { a < b }

    /// A folder's export files: not hidden, not in subfolders.
    static func exportFiles(in directory: String) -> [String] {
        Paths.entries(of: directory).filter { name in
            guard !name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { return false }
            return exportExtensions.contains(name[name.index(after: dot)...].lowercased())
        }.map { directory == "/" ? "/" + $0 : directory + "/" + $0 }
            .filter { Paths.kind($0) == .file }
    }

    /// Whether a component has a wildcard (or an escape) and so must be matched against a listing.
    static func hasWildcard(_ component: String) -> Bool {
        component.contains { $0 == "*" || $0 == "?" || $0 == "[" || $0 == "\\" }
    }

    /// Every path under `base` that the components match, files and folders alike.
    private static func match(_ components: ArraySlice<String>, under base: String) -> [String] {
        guard let first = components.first else { return [base] }
        let rest = components.dropFirst()
        func child(_ name: String) -> String { base == "/" ? "/" + name : base + "/" + name }

        if first == "**" {
            // Zero folders, then each folder below; a final `**` also stands for the files on the way.
            var found = match(rest, under: base)
            for name in Paths.entries(of: base) where !name.hasPrefix(".") {
                let path = child(name)
                if Paths.kind(path) == .directory {
                    if !Paths.isSymbolicLink(path) { found += match(components, under: path) }
                } else if rest.isEmpty {
                    found.append(path)
                }
            }
            return found
        }
        var names: [String]
        if hasWildcard(first) {
            let pattern = Array(first)
            names = Paths.entries(of: base).filter { matches(pattern, Array($0)) }
        } else if Paths.kind(child(first)) != .missing {
            names = [first]
        } else {
            // The same name in another Unicode normalisation form.
            names = Paths.entries(of: base).filter { $0 == first }
        }
        var found: [String] = []
        for name in names {
            let path = child(name)
            if rest.isEmpty {
                found.append(path)
            } else if Paths.kind(path) == .directory {
                found += match(rest, under: path)
            }
        }
        return found
    }

    /// Whether a file name matches one component's pattern.
    static func matches(_ pattern: [Character], _ name: [Character]) -> Bool {
        if name.first == ".", pattern.first != "." { return false }
        return matches(pattern[...], name[...])
    }

    private static func matches(_ pattern: ArraySlice<Character>, _ name: ArraySlice<Character>) -> Bool {
        var p = pattern.startIndex, n = name.startIndex
        // Where to resume after the last `*`: the pattern after it, and the name position it has eaten up to.
        var star: (pattern: Int, name: Int)?
        while n < name.endIndex {
            if p < pattern.endIndex {
                switch pattern[p] {
                case "*":
                    star = (p + 1, n)
                    p += 1
                    continue
                case "?":
                    p += 1; n += 1
                    continue
                case "[":
                    if let (matched, next) = set(pattern, at: p, name[n]) {
                        if matched { p = next; n += 1; continue }
                    } else if name[n] == "[" {
                        p += 1; n += 1
                        continue
                    }
                case "\\" where p + 1 < pattern.endIndex:
                    if pattern[p + 1] == name[n] { p += 2; n += 1; continue }
                default:
                    if pattern[p] == name[n] { p += 1; n += 1; continue }
                }
            }
            guard let resume = star else { return false }
            star = (resume.pattern, resume.name + 1)
            p = resume.pattern
            n = resume.name + 1
        }
        while p < pattern.endIndex, pattern[p] == "*" { p += 1 }
        return p == pattern.endIndex
    }

    /// Matches `character` against the set that opens at `start`: whether it
    /// matched and the index after the set, or nil when the `[` is not closed.
    private static func set(_ pattern: ArraySlice<Character>, at start: Int, _ character: Character) -> (Bool, Int)? {
        var i = start + 1
        var negated = false
        if i < pattern.endIndex, pattern[i] == "!" || pattern[i] == "^" { negated = true; i += 1 }
        var matched = false
        var first = true
        while i < pattern.endIndex {
            var c = pattern[i]
            if c == "]", !first { return (matched != negated, i + 1) }
            first = false
            if c == "\\", i + 1 < pattern.endIndex { i += 1; c = pattern[i] }
            if i + 2 < pattern.endIndex, pattern[i + 1] == "-", pattern[i + 2] != "]" {
                let upper = pattern[i + 2]
                if c <= character && character <= upper { matched = true }
                i += 3
            } else {
                if c == character { matched = true }
                i += 1
            }
        }
        return nil
    }
}
