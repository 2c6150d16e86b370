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

    private func context(_ d: Document) -> [String: Any] {
        [
            "lang": d.language,
            "title": d.title,
            "subtitle": d.subtitle ?? "",
            "hasSubtitle": d.subtitle != nil,
            "sections": d.sections.map { ["id": $0.id, "heading": $0.heading, "blocks": $0.blocks.map(block)] as [String: Any] },
            "footer": d.footer.map(block),
        ]
    }

    private func block(_ b: Document.Block) -> [String: Any] {
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
            return [
                "isTable": true,
                "caption": t.caption ?? "", "hasCaption": t.caption != nil,
                "headers": zip(t.headers, t.numeric).map { ["text": $0.0, "class": $0.1 ? "num" : ""] },
                "rows": t.rows.map { row in
                    ["cells": zip(row, t.numeric).map { cell, numeric in
                        ["text": cell.text, "class": [numeric ? "num" : nil, cell.style].compactMap { $0 }.joined(separator: " ")]
                    }]
                },
                "reproduce": t.reproduce ?? "", "hasReproduce": t.reproduce != nil,
            ]
        }
    }
}

/// A report that cannot be made, with what to do.
public struct ReportError: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
