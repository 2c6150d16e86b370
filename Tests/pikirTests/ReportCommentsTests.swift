import Foundation
import Testing

/// Comments in the trainer and session reports: how many were written, then
/// the most informative distinct ones (not the newest, which may be three
/// "Спасибо").
@Suite("pikir report: comments")
struct ReportCommentsTests {
    /// One session of 12: the specific comments on the first day, repeated thanks on the last.
    static let export: String = {
        let comments: [(day: String, text: String)] = [
            ("01", "\"Мало практики, хотелось бы больше кейсов\""), ("01", "\"мало практики,  хотелось бы больше кейсов!\""),
            ("01", "\"Уақыт аз болды, бірақ бәрі түсінікті\""), ("01", "n/a"), ("02", "Рақмет"), ("02", "рақмет"),
        ] + Array(repeating: ("03", "Спасибо"), count: 6)
        return ReportFixture.exportHeader + comments.enumerated().map { i, c in
            ReportFixture.exportLine(session: "COM-1", city: "Almaty", date: "2030-03-\(c.day)", trainer: "Ким Д.", overall: 3 + i % 3, comment: c.text)
        }.joined()
    }()

    /// The items of the first comment list after `heading`.
    static func comments(_ html: String, after heading: String) throws -> [String] {
        let rest = try #require(html.components(separatedBy: heading).dropFirst().first, "no \(heading)")
        let list = try #require(rest.components(separatedBy: "<ul class=\"comments\">").dropFirst().first?.components(separatedBy: "</ul>").first)
        return list.matches(of: #/<li>(.*?)</li>/#).map { HTMLStructure.text(String($0.output.1)) }
    }

    @Test("trainers and session (ru, kk): the count of 11 comments, then distinct ones, specific before thanks")
    func informativeDistinct() throws {
        try ReportFixture.withWarehouse(samples: false, extra: [("comments-2030.csv", Self.export)]) { _, db throws in
            let ru = try ReportFixture.report(db, ["trainers", "--format", "html", "--lang", "ru"])
            try #require(ru.status == 0, "\(ru)")
            let heading = "Комментарии: 11 комментариев. Показаны самые содержательные комментарии, без повторов."
            #expect(ru.stdout.contains("<p>\(heading)</p>"), "\(ru.stdout.components(separatedBy: "Комментарии").dropFirst().first?.prefix(200) ?? "")")
            #expect(try Self.comments(ru.stdout, after: heading)
                    == ["Мало практики, хотелось бы больше кейсов", "Уақыт аз болды, бірақ бәрі түсінікті", "Спасибо"])

            let session = try ReportFixture.report(db, ["session", "--session", "COM-1", "--format", "html", "--lang", "kk"])
            try #require(session.status == 0, "\(session)")
            #expect(try Self.comments(session.stdout, after: "Пікірлер: 11 пікір")
                    == ["Мало практики, хотелось бы больше кейсов", "Уақыт аз болды, бірақ бәрі түсінікті", "Спасибо", "Рақмет"])
        }
    }
}
