/// Where the tables and keys of a TOML document are written: TOMLKit gives
/// values but not their lines, so the loader reads the raw text again.
///
/// The map assumes text TOMLKit has already parsed: it only needs to tell
/// headers (`[t]`, `[[t]]`) and `key =` lines apart from values, strings,
/// multi-line strings, arrays and inline tables spread over several lines,
/// and comments.
struct SourceMap {
    /// One header and the keys under it; the first section is the root table, without a header.
    struct Section {
        var path: [String]
        var isArray: Bool
        /// The header's line; nil for the root.
        var line: Int?
        var keys: [Key] = []
    }

    struct Key {
        var path: [String]
        /// The line of `key =`, and the last line of its value.
        var line: Int
        var lastLine: Int
    }

    /// A table in the document: `[("stage", 1), ("table", 0)]` is the first
    /// `[[stage.table]]` of the second `[[stage]]`; a nil index is a plain table.
    typealias Address = [(name: String, index: Int?)]

    private(set) var sections: [Section] = [Section(path: [], isArray: false, line: nil)]
    /// The document's lines, without their line breaks, for finding values.
    let lines: [Substring]

    init(_ text: String) {
        // "\r\n" is one Character in Swift.
        lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        var scanner = ValueScanner()
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            var rest = Substring(raw)
            if scanner.isInsideValue {
                scanner.scan(rest)
                if !scanner.isInsideValue { closeValue(at: number) }
                continue
            }
            rest = rest.drop(while: \.isTOMLSpace)
            guard let first = rest.first, first != "#" else { continue }
            if first == "[" {
                let isArray = rest.dropFirst().first == "["
                var header = rest.dropFirst(isArray ? 2 : 1)
                let path = Self.keyPath(&header)
                sections.append(Section(path: path, isArray: isArray, line: number))
                continue
            }
            let path = Self.keyPath(&rest)
            guard !path.isEmpty else { continue }
            rest = rest.drop(while: \.isTOMLSpace)
            if rest.first == "=" { rest = rest.dropFirst() }
            sections[sections.count - 1].keys.append(Key(path: path, line: number, lastLine: number))
            scanner.scan(rest)
            if !scanner.isInsideValue { closeValue(at: number) }
        }
    }

    private mutating func closeValue(at line: Int) {
        let s = sections.count - 1
        if !sections[s].keys.isEmpty { sections[s].keys[sections[s].keys.count - 1].lastLine = line }
    }

    // MARK: - Finding lines

    /// The index of the section that opens the table at `address`, if it has a header.
    func section(_ address: Address) -> Int? {
        var range = sections.indices
        var path: [String] = []
        var found: Int?
        for (name, index) in address {
            path.append(name)
            let candidates = range.filter { sections[$0].path == path && sections[$0].isArray == (index != nil) }
            let position = index ?? 0
            guard position < candidates.count else { return nil }
            let start = candidates[position]
            found = start
            // An element of an array of tables owns the headers up to the next element.
            let end = index != nil && position + 1 < candidates.count ? candidates[position + 1] : range.upperBound
            range = (start + 1)..<end
        }
        return found
    }

    /// The line of the table's header; for a table without one (inline, or
    /// made by dotted keys) the line of the key that defines it.
    func headerLine(_ address: Address) -> Int? {
        if address.isEmpty { return nil }
        if let s = section(address) { return sections[s].line }
        let parent = Array(address.dropLast())
        let name = address.last!.name
        if let line = keyLine(parent, name, fallback: false) { return line }
        // Made by dotted keys (`pipeline.output = …`): the first of them.
        guard address.last!.index == nil else { return nil }
        let keys = parent.isEmpty ? sections[0].keys : section(parent).map { sections[$0].keys } ?? []
        return keys.first { $0.path.count > 1 && $0.path[0] == name }?.line
    }

    /// The line of `key` in the table at `address`, else (when the key is
    /// absent and `fallback` holds) the line of the table's header.
    func keyLine(_ address: Address, _ key: String, fallback: Bool = true) -> Int? {
        if let found = keyEntry(address, key) { return found.line }
        return fallback ? headerLine(address) : nil
    }

    /// The line, within `key`'s value, of the string `value`: for arrays
    /// written over several lines. Falls back to `keyLine`.
    func valueLine(_ address: Address, _ key: String, _ value: String) -> Int? {
        guard let entry = keyEntry(address, key) else { return keyLine(address, key) }
        guard entry.lastLine > entry.line else { return entry.line }
        for number in entry.line...entry.lastLine {
            let text = lines[number - 1]
            if text.contains("\"\(value)\"") || text.contains("'\(value)'") { return number }
        }
        return entry.line
    }

    private func keyEntry(_ address: Address, _ key: String) -> Key? {
        if address.isEmpty {
            return sections[0].keys.first { $0.path == [key] }
        }
        if let s = section(address), let found = sections[s].keys.first(where: { $0.path == [key] }) {
            return found
        }
        // Dotted keys in the parent: `pipeline.output = "…"` at the top level.
        // (Array elements cannot be written that way.)
        guard address.last!.index == nil else { return nil }
        var parent = Array(address.dropLast())
        var path = [address.last!.name, key]
        while true {
            if parent.isEmpty {
                return sections[0].keys.first { $0.path == path }
            }
            if let s = section(parent), let found = sections[s].keys.first(where: { $0.path == path }) {
                return found
            }
            guard parent.last!.index == nil else { return nil }
            path.insert(parent.removeLast().name, at: 0)
        }
    }

    /// The key written at `line`, if the line starts with one (for syntax errors).
    func keyWritten(at line: Int) -> String? {
        for section in sections {
            if section.line == line { return section.path.joined(separator: ".") }
            if let key = section.keys.first(where: { $0.line == line }) {
                return (section.path + key.path).joined(separator: ".")
            }
        }
        return nil
    }

    // MARK: - Lexing

    /// Reads a dotted key (`a`, `a.b`, `"a b".c`, `'x'`) and what follows it.
    static func keyPath(_ text: inout Substring) -> [String] {
        var path: [String] = []
        while true {
            text = text.drop(while: \.isTOMLSpace)
            guard let first = text.first else { return path }
            if first == "\"" || first == "'" {
                text = text.dropFirst()
                var key = ""
                while let c = text.first, c != first {
                    text = text.dropFirst()
                    if c == "\\", first == "\"", let escaped = text.first {
                        text = text.dropFirst()
                        key.append(escaped == "n" ? "\n" : escaped == "t" ? "\t" : escaped)
                    } else {
                        key.append(c)
                    }
                }
                text = text.dropFirst()
                path.append(key)
            } else {
                let key = text.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
                guard !key.isEmpty else { return path }
                text = text.dropFirst(key.count)
                path.append(String(key))
            }
            text = text.drop(while: \.isTOMLSpace)
            guard text.first == "." else { return path }
            text = text.dropFirst()
        }
    }

    /// Follows a value over lines: strings, multi-line strings, brackets, comments.
    struct ValueScanner {
        private var depth = 0
        /// The delimiter of the multi-line string the scanner is inside.
        private var multiline: String?

        var isInsideValue: Bool { depth > 0 || multiline != nil }

        mutating func scan(_ line: Substring) {
            var rest = line
            while !rest.isEmpty {
                if let delimiter = multiline {
                    guard let end = Self.closing(delimiter, in: rest) else { return }
                    rest = rest[end...]
                    multiline = nil
                    continue
                }
                let c = rest.removeFirst()
                switch c {
                case "#": return
                case "[", "{": depth += 1
                case "]", "}": depth = max(0, depth - 1)
                case "\"", "'":
                    if rest.hasPrefix(String([c, c])) {
                        rest = rest.dropFirst(2)
                        multiline = String([c, c, c])
                    } else {
                        // A one-line string ends on this line.
                        while let d = rest.first {
                            rest = rest.dropFirst()
                            if d == c { break }
                            if d == "\\", c == "\"" { rest = rest.dropFirst() }
                        }
                    }
                default: break
                }
            }
        }

        /// The index after the closing delimiter (and any quotes run into it), if it is on this line.
        private static func closing(_ delimiter: String, in text: Substring) -> Substring.Index? {
            let quote = delimiter.first!
            var i = text.startIndex
            while i < text.endIndex {
                let c = text[i]
                if c == "\\", quote == "\"" {
                    i = text.index(after: i)
                    if i < text.endIndex { i = text.index(after: i) }
                    continue
                }
                if c == quote {
                    var run = 0
                    var j = i
                    while j < text.endIndex, text[j] == quote { run += 1; j = text.index(after: j) }
                    if run >= 3 { return j }
                    i = j
                    continue
                }
                i = text.index(after: i)
            }
            return nil
        }
    }
}

extension Character {
    /// TOML whitespace: space and tab.
    var isTOMLSpace: Bool { self == " " || self == "\t" }
}
