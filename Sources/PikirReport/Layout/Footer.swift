import PikirStats

/// The methods note and the data's fingerprint that end every report.
enum Footer {
    /// - Parameter omitting: Methods (`methods.<name>` keys) the report does not use, left out so its pages stay few.
    static func blocks(_ f: Formatter, provenance: Provenance, scope: ReportScope, generatedAt: String?, version: String,
                       omitting: Set<String> = []) -> [Document.Block] {
        let c = f.c
        var blocks: [Document.Block] = [
            .paragraph(c.text("methods.title")),
            .note(c.text("methods.mean")),
            .note(c.text("methods.proportion")),
            .note(c.text("methods.nps")),
            .note(c.text("methods.quantiles")),
            .note(c.text("methods.shrinkage", ["k": c.number(scope.shrinkageK, decimals: 0)])),
            .note(c.text("methods.holm")),
            .note(c.text("methods.suppression", ["k": c.integer(scope.minN)])),
            .note(c.text("methods.min_n", ["k": c.integer(scope.minN)])),
        ]
        let keys = ["title", "mean", "proportion", "nps", "quantiles", "shrinkage", "holm", "suppression", "min_n"].map { "methods." + $0 }
        blocks = zip(keys, blocks).filter { !omitting.contains($0.0) }.map(\.1)
        var facts: [(label: String, value: String)] = [
            (c.text("label.data_fingerprint"), String(provenance.fingerprint.prefix(16))),
            (c.text("label.files_read"), c.plural("files", count: provenance.files.count)),
        ]
        if let generatedAt { facts.append((c.text("label.generated_at"), generatedAt)) }
        blocks.append(.facts(facts))
        blocks.append(.note(provenance.files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")))
        blocks.append(.note(c.text("report.footer", ["version": version])))
        return blocks
    }
}

import Foundation
