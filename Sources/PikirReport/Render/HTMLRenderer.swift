import Foundation
import Mustache

/// Renders a `Document` as one self-contained HTML file through Mustache
/// templates (inline CSS and SVG, no scripts, fonts or network).
///
/// The built-in templates live in `Resources/templates`; a folder given with
/// `--templates` replaces any of them by name (`page`, `section`, `style`),
/// so a ministry can brand the report. Every data string goes through
/// Mustache's HTML escaping (`{{…}}`); only the SVG, which the chart code
/// escapes itself, is inserted raw.
public struct HTMLRenderer {
    private var library = MustacheLibrary()
    public static let templateNames = ["page", "section", "block", "style"]

    public init(overrides: String? = nil) throws {
        for name in Self.templateNames {
            guard let url = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Resources/templates") else {
                throw ReportError("the built-in template \(name).mustache is missing from pikir's resources; reinstall pikir")
            }
            try library.register(try String(contentsOf: url, encoding: .utf8), named: name)
        }
        if let overrides {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: overrides, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ReportError("\(overrides): no such folder; --templates takes a folder of .mustache files (\(Self.templateNames.joined(separator: ", ")))")
            }
            for name in Self.templateNames {
                let path = (overrides as NSString).appendingPathComponent(name + ".mustache")
                guard FileManager.default.fileExists(atPath: path) else { continue }
                do {
                    try library.register(try String(contentsOfFile: path, encoding: .utf8), named: name)
                } catch {
                    throw ReportError("\(path): not a valid Mustache template: \(error)")
                }
            }
        }
    }

    public func render(_ document: Document) -> String {
        library.render(context(document), withTemplate: "page") ?? ""
    }

    /// A table's `pikir agg` line as the page shows it: collapsed under the
    /// table on screen, and on paper numbered in the appendix at the end,
    /// named by the table's caption or its section's heading.
    struct Reproduction {
        var number: Int
        var what: String
        var command: String
    }

    private func context(_ d: Document) -> [String: Any] {
        let catalogue = Catalogue.load(Language(rawValue: d.language) ?? .en)
        var reproductions: [Reproduction] = []
        var sections: [[String: Any]] = []
        for section in d.sections {
            var blocks: [[String: Any]] = []
            for b in section.blocks {
                var reproduction: Reproduction?
                if case .table(let t) = b, let command = t.reproduce {
                    reproduction = Reproduction(number: reproductions.count + 1, what: t.caption ?? section.heading, command: command)
                    reproductions.append(reproduction!)
                }
                blocks.append(block(b, reproduction: reproduction, label: catalogue.text("label.reproduce")))
            }
            sections.append(["id": section.id, "heading": section.heading, "blocks": blocks])
        }
        return [
            "lang": d.language,
            "title": d.title,
            "subtitle": d.subtitle ?? "",
            // The cover line says the scope and period the subtitle says, and more.
            "hasSubtitle": d.subtitle != nil && d.cover.isEmpty,
            "cover": d.cover,
            "hasCover": !d.cover.isEmpty,
            "sections": sections,
            "footer": d.footer.map { block($0, reproduction: nil, label: "") },
            "hasReproductions": !reproductions.isEmpty,
            "reproduceHeading": catalogue.text("label.reproduce"),
            "reproductions": reproductions.map { ["number": $0.number, "what": $0.what, "command": $0.command] as [String: Any] },
        ]
    }

    /// Tables of more columns than this become one card per row on a phone
    /// screen (each cell labelled with its column's header); narrower ones fit.
    static let stackedColumns = 4
    /// Tables of this many columns or more are cards up to a tablet's width too.
    static let manyColumns = 8

    private func block(_ b: Document.Block, reproduction: Reproduction?, label: String) -> [String: Any] {
        switch b {
        case .paragraph(let text): return ["isParagraph": true, "text": text]
        case .note(let text): return ["isNote": true, "text": text]
        case .list(let items): return ["isList": true, "items": items]
        case .facts(let pairs): return ["isFacts": true, "facts": pairs.map { ["label": $0.label, "value": $0.value] }]
        case .chart(let chart): return ["isChart": true, "svg": chart.svg, "caption": chart.caption]
        case .summary(let sentences):
            return ["isSummary": true, "sentences": sentences.map {
                ["text": $0.text, "target": $0.target ?? "", "hasTarget": $0.target != nil] as [String: Any]
            }]
        case .glossary(let terms):
            return ["isGlossary": true, "terms": terms.map { ["term": $0.term, "meaning": $0.meaning] }]
        case .table(let t):
            let stacked = t.headers.count >= Self.stackedColumns
            // A card is headed by the row's first text cell (the trainer, not the rank).
            let lead = t.numeric.firstIndex(of: false) ?? 0
            return [
                "isTable": true,
                "isStacked": stacked, "isMany": t.headers.count >= Self.manyColumns,
                "caption": t.caption ?? "", "hasCaption": t.caption != nil,
                "headers": zip(t.headers, t.numeric).map { ["text": $0.0, "class": $0.1 ? "num" : ""] },
                "rows": t.rows.map { row in
                    ["cells": row.prefix(t.numeric.count).enumerated().map { i, cell in
                        let numeric = i < t.numeric.count && t.numeric[i]
                        return [
                            "text": cell.text,
                            "class": [numeric ? "num" : nil, numeric && Self.isWords(cell.text) ? "words" : nil,
                                      stacked && i == lead ? "lead" : nil, cell.style]
                                .compactMap { $0 }.joined(separator: " "),
                            "label": stacked && i < t.headers.count ? t.headers[i] : "",
                            "hasLabel": stacked && i != lead && i < t.headers.count,
                        ] as [String: Any]
                    }]
                },
                "reproduce": t.reproduce ?? "", "hasReproduce": t.reproduce != nil,
                "reproduceLabel": label, "reproduceNumber": reproduction?.number ?? 0,
            ]
        }
    }

    /// A cell of a numeric column that holds words ("no data for 2023"), not
    /// a number: it may wrap, where a number or an interval may not.
    static func isWords(_ text: String) -> Bool {
        text.unicodeScalars.filter { $0.properties.isAlphabetic }.count > 3
    }
}

/// A report that cannot be made, with what to do.
public struct ReportError: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
