import Foundation
@testable import PikirReport
import Testing

/// `Shell.command`: what a shell reads back is exactly the words, and
/// ordinary words (Kazakh and Russian included) stay readable.
@Suite("Shell quoting")
struct ShellQuoteTests {
    static let hostile = ["", "a b", "Almaty;touch pwned;", "$(touch pwned)", "`touch pwned`", "O'Brien", "''", "'",
                          "line\nbreak", "tab\there", "*", "?", "[a]", "~", "~root", "#comment", "!1", "{a,b}", "a&b", "a|b", "<in", ">out",
                          "back\\slash", "\"quoted\"", "=ls", "$HOME", "${HOME}", "a\u{00A0}b", "\u{202E}txt.exe", "Алматы; rm"]
    static let readable = ["pikir", "agg", "--by", "session", "n,mean,ci95", "--where", "city=Алматы", "trainer=Ким", "region=KZ-75",
                           "session=ALM-2024-11-A", "2024-01-01", "--min-n", "5", "session=Қарағанды/2024-03-01/әсел", "a=b", "x@y", "50%", "+1", "path/to/file.csv"]

    @Test("a readable word stays bare", arguments: readable)
    func bare(_ word: String) {
        #expect(Shell.quote(word) == word)
    }

    @Test("any other word is single-quoted", arguments: hostile)
    func quoted(_ word: String) {
        let quoted = Shell.quote(word)
        #expect(quoted.hasPrefix("'") && quoted.hasSuffix("'"), "\(quoted)")
    }

    /// The words `shell -c "printf … COMMAND"` hands to printf.
    static func readBack(_ words: [String], shell: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = ["-c", "printf '%s\\000' " + Shell.command(words)]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-shell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        process.currentDirectoryURL = dir
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let created = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(created.isEmpty, "\(shell) ran something else: \(created)")
        return data.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("sh, bash and zsh read the words back unchanged and run nothing else",
          arguments: ["/bin/sh", "/bin/bash", "/bin/zsh", "/usr/bin/zsh"].filter { FileManager.default.isExecutableFile(atPath: $0) })
    func roundTrip(_ shell: String) throws {
        let words = Self.readable + Self.hostile
        #expect(try Self.readBack(words, shell: shell) == words)
    }
}
