import Foundation
import Testing

/// Shared pieces of the `pikir report` end-to-end tests: a warehouse of the
/// sample data (plus any hand-made exports), running `pikir report`, and the
/// structural checks of a report's HTML.
enum ReportFixture {
    static let registries = ["--trainers", "sample-data/registries/trainers.csv", "--sessions", "sample-data/registries/sessions.csv"]
    static let languages = ["kk", "ru", "en"]

    /// The header of the hand-made exports: the CRM layout of
    /// `sample-data/2023-04-14_almaty_crm-export_utf16be.csv`, in UTF-8 with commas.
    static let exportHeader = "Session ID,City,Date,Trainer,Module,Participant category,Overall rating,Trainer delivery,"
        + "Content relevance,Organisation,Applicability,NPS,Liked,Improve,Comment\n"

    /// One line of a hand-made export; `comment` is written as given (quote it yourself).
    static func exportLine(session: String, city: String, date: String, trainer: String, module: String = "Open youth work",
                           group: String = "Student", overall: Int, nps: Int = 8, comment: String = "") -> String {
        "\(session),\(city),\(date),\(trainer),\(module),\(group),\(overall),4,4,4,4,\(nps),,,\(comment)\n"
    }

    /// A fresh warehouse for one test, made with `pikir ingest` from the
    /// sample data (unless `samples` is false) and the given extra exports
    /// (file name → text), with both registries. The body gets the folder and
    /// the warehouse's path.
    static func withWarehouse<T>(samples: Bool = true, extra: [(name: String, text: String)] = [],
                                 _ body: (URL, String) throws -> T) throws -> T {
        try withTemporaryDirectory { dir throws in
            let db = dir.appendingPathComponent("pikir.sqlite").path
            var inputs = samples ? ["sample-data/"] : []
            for file in extra { inputs.append(try dir.writeFile(file.name, text: file.text)) }
            let ingest = try PikirBinary.run(["ingest", "--db", db] + registries + inputs)
            try #require(ingest.status == 0, "\(ingest)")
            return try body(dir, db)
        }
    }

    /// `pikir report arguments... --db db`.
    static func report(_ db: String, _ arguments: [String]) throws -> PikirRun {
        try PikirBinary.run(["report"] + arguments + ["--db", db], timeout: 120)
    }

    /// The session ids `pikir agg --by session` lists, in its order.
    static func sessionIDs(_ db: String) throws -> [String] {
        let run = try PikirBinary.run(["agg", "--by", "session", "--db", db, "--min-n", "1", "--format", "csv"])
        try #require(run.status == 0, "\(run)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        try #require(lines.first?.hasPrefix("session,") == true, "\(run)")
        return lines.dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
    }

    /// The arguments of each report kind the tests render, by a short name.
    static func kinds(session: String) -> [(name: String, arguments: [String])] {
        [("trainers", ["trainers"]),
         ("yearly-2023", ["yearly", "--year", "2023"]),
         ("yearly-2024", ["yearly", "--year", "2024"]),
         ("session", ["session", "--session", session])]
    }
}

/// What a self-contained, offline, accessible report page must not contain
/// or must contain; each problem is one line of text.
enum HTMLStructure {
    /// Elements that fetch something or run something.
    static let forbiddenElements = ["<script", "<link", "<img", "<iframe", "<object", "<embed", "<video", "<audio",
                                    "<source", "<base", "<frame", "<form", "<track", "<picture", "<portal"]

    static func problems(_ html: String, lang: String) -> [String] {
        var problems: [String] = []
        let lower = html.lowercased()
        if !html.hasPrefix("<!DOCTYPE html>") { problems.append("does not start with <!DOCTYPE html>") }
        if !html.contains("<html lang=\"\(lang)\">") { problems.append("no <html lang=\"\(lang)\">") }
        if !lower.contains("<meta charset=\"utf-8\">") { problems.append("no <meta charset=\"utf-8\">") }
        if occurrences(of: "<html", in: lower) != 1 { problems.append("\(occurrences(of: "<html", in: lower)) <html> elements") }
        for element in forbiddenElements {
            // `<source` must not match `<sourcefoo`; the next character ends the name.
            for range in ranges(of: element, in: lower) {
                let next = lower[range.upperBound...].first
                if next == nil || next == " " || next == ">" || next == "/" || next == "\n" || next == "\t" {
                    problems.append("element \(element)>: …\(excerpt(html, around: range))…")
                }
            }
        }
        for rule in ["@import", "@font-face", "http-equiv"] where lower.contains(rule) {
            problems.append("contains \(rule)")
        }
        // Every src/href/url() value must stay inside the page: a fragment or a data: URL.
        for (what, value) in attributeValues(html) + cssURLs(html) {
            let v = value.trimmingCharacters(in: .whitespaces).lowercased()
            if !(v.hasPrefix("#") || v.hasPrefix("data:")) {
                problems.append("\(what) points outside the page: \(value)")
            }
        }
        // No http(s) address anywhere except the SVG namespace names (which are never fetched).
        var stripped = html
        for namespace in ["xmlns=\"http://www.w3.org/2000/svg\"", "xmlns:xlink=\"http://www.w3.org/1999/xlink\""] {
            stripped = stripped.replacingOccurrences(of: namespace, with: "")
        }
        for scheme in ["http://", "https://"] {
            for range in ranges(of: scheme, in: stripped.lowercased()) {
                problems.append("\(scheme) address: …\(excerpt(stripped, around: range))…")
            }
        }
        problems += svgProblems(html)
        return problems
    }

    /// Every inline `<svg>`: `role="img"`, and a `<title>` inside.
    static func svgProblems(_ html: String) -> [String] {
        var problems: [String] = []
        var rest = html[...]
        var index = 0
        while let open = rest.range(of: "<svg") {
            index += 1
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">"),
                  let close = rest[tagEnd...].range(of: "</svg>") else {
                problems.append("svg #\(index) is not closed")
                break
            }
            let tag = rest[open.lowerBound...tagEnd]
            let body = rest[tagEnd..<close.lowerBound]
            if !tag.contains("role=\"img\"") { problems.append("svg #\(index) has no role=\"img\": \(tag.prefix(200))") }
            if !body.contains("<title") { problems.append("svg #\(index) has no <title>") }
            if body.contains("<svg") { problems.append("svg #\(index) has a nested <svg>") }
            rest = rest[close.upperBound...]
        }
        return problems
    }

    /// `src`, `href`, `xlink:href`, `srcset`, `action`, `poster` attribute values.
    static func attributeValues(_ html: String) -> [(String, String)] {
        let pattern = #/(?i)\s(src|href|xlink:href|srcset|action|poster|data)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/#
        return html.matches(of: pattern).map { match in
            (String(match.output.1), String(match.output.3 ?? match.output.4 ?? match.output.5 ?? ""))
        }
    }

    /// `url(…)` values in CSS (style elements and attributes alike).
    static func cssURLs(_ html: String) -> [(String, String)] {
        let pattern = #/(?i)url\(\s*["']?([^"')]*)/#
        return html.matches(of: pattern).map { ("url()", String($0.output.1)) }
    }

    /// The number of SVG charts.
    static func svgCount(_ html: String) -> Int { occurrences(of: "<svg", in: html) }

    static func occurrences(of needle: String, in text: String) -> Int { ranges(of: needle, in: text).count }

    static func ranges(of needle: String, in text: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var from = text.startIndex
        while let r = text.range(of: needle, range: from..<text.endIndex) {
            out.append(r)
            from = r.upperBound
        }
        return out
    }

    static func excerpt(_ text: String, around range: Range<String.Index>) -> String {
        let start = text.index(range.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 60, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[start..<end]).replacingOccurrences(of: "\n", with: "⏎")
    }

    /// The `<tr>` of a table whose first cell is exactly `label`, or nil.
    static func row(_ html: String, firstCell label: String) -> [(text: String, cls: String)]? {
        for line in html.split(separator: "\n") where line.hasPrefix("<tr><td") {
            let cells = cellsOf(String(line))
            if cells.first?.text == label { return cells }
        }
        return nil
    }

    /// The `<td class="…">text</td>` cells of one table row line.
    static func cellsOf(_ line: String) -> [(text: String, cls: String)] {
        line.matches(of: #/<td class="([^"]*)"[^>]*>(.*?)</td>/#).map { (String($0.output.2), String($0.output.1)) }
    }

    /// The text of every `<th>` and `<td>` of the page, in order.
    static func tableTexts(_ html: String) -> [String] {
        html.matches(of: #/<t[dh][^>]*>(.*?)</t[dh]>/#).map { text(String($0.output.1)) }
    }

    /// The text of an HTML fragment without tags, entities decoded (the five XML ones and numeric).
    static func text(_ fragment: String) -> String {
        var s = fragment.replacing(#/<[^>]*>/#, with: "")
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&")] {
            s = s.replacingOccurrences(of: entity, with: char)
        }
        return s
    }
}

/// The message catalogues, read as data from the source tree (the tests look
/// up the words a report should print; they do not use pikir's lookup code).
enum CatalogueFile {
    static func load(_ lang: String) throws -> [String: Any] {
        let url = PikirBinary.repo.appendingPathComponent("Sources/PikirReport/Resources/catalogues/\(lang).json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func text(_ lang: String, _ key: String) throws -> String {
        try #require(try load(lang)[key] as? String, "\(lang).json has no text \(key)")
    }
}
