/// The terms a report uses, each explained once in plain words, so a centre
/// head can read a table without the methods appendix. A layout puts a
/// `.glossary` block under each chart or table with the terms it shows.
enum Glossary: String, CaseIterable, Sendable {
    case interval
    case nps
    case topTwo = "top_two"
    case adjustedScore = "adjusted_score"
    case suppressed
    case significant
    case n

    /// The block explaining `terms` in the catalogue's language, in the order given.
    static func block(_ terms: [Glossary], _ c: Catalogue) -> Document.Block {
        .glossary(terms.map { Document.Term(c.text("glossary.\($0.rawValue).term"), c.text("glossary.\($0.rawValue)")) })
    }
}
