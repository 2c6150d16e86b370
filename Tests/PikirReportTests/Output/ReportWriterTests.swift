import Foundation
@testable import PikirReport
import Testing

/// `ReportWriter`: the one place a document becomes text or HTML bytes on a path.
@Suite("ReportWriter")
struct ReportWriterTests {
    static let document = LayoutFixture.trainerReport([LayoutFixture.trainer("Айгерім Жұмабекова", answers: [5, 4, 4, 5, 3, 5])])
        .document(LayoutFixture.en, version: "test")

    @Test("text and HTML are the renderers' bytes, in missing folders when asked")
    func bytes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-writer-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let writer = ReportWriter(createFolders: true)
        let text = try writer.write(Self.document, as: .text, to: dir + "/a/report.txt")
        #expect(text == Data(TextRenderer().render(Self.document).utf8))
        #expect(FileManager.default.contents(atPath: dir + "/a/report.txt") == text)
        let html = try writer.write(Self.document, as: .html, to: dir + "/b/report.html")
        #expect(html == Data(try HTMLRenderer().render(Self.document).utf8))
        #expect(String(decoding: html, as: UTF8.self).contains("Айгерім Жұмабекова"))
    }

    @Test("templates are read for HTML only: a missing folder fails HTML, nothing written, and text is still written")
    func templates() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-writer-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let writer = ReportWriter(templates: dir + "/no-such-templates")
        let error = #expect(throws: ReportError.self) { try writer.write(Self.document, as: .html, to: dir + "/report.html") }
        #expect(error?.message.hasPrefix("\(dir)/no-such-templates: no such folder") == true, "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: dir + "/report.html"))
        try writer.write(Self.document, as: .text, to: dir + "/report.txt")
        #expect(FileManager.default.fileExists(atPath: dir + "/report.txt"))
    }

    @Test("a missing folder is an OutputError unless folders are made")
    func missingFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-writer-\(UUID().uuidString)").path
        #expect(throws: OutputError.self) { try ReportWriter().write(Self.document, as: .text, to: dir + "/report.txt") }
        #expect(!FileManager.default.fileExists(atPath: dir))
    }
}
