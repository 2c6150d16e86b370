import Foundation

/// Prints HTML to PDF with a headless Chromium, when one is installed.
public enum PDFPrinter {
    /// Why no PDF was written, with the exit status the command line uses.
    public struct Failure: Error {
        public let message: String
        public let exitCode: Int32
    }

    static let browsers = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    public static func find() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in browsers {
            for dir in path.split(separator: ":") {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The PDF of `html`, printed by headless Chromium.
    /// - Throws: ``Failure`` when no PDF was made.
    public static func pdf(html: String) throws -> Data {
        guard let browser = find() else {
            throw Failure(message: "--format pdf needs a headless Chromium, and none is installed (looked for \(browsers.joined(separator: ", ")) on PATH). "
                + "Install it (Debian: sudo apt-get install chromium), or write the HTML with --format html and print it to PDF from any browser.",
                exitCode: 69)
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-pdf-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("report.html")
        try Data(html.utf8).write(to: page)
        let pdf = dir.appendingPathComponent("report.pdf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                             "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                             "--print-to-pdf=\(pdf.path)", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: pdf.path), !data.isEmpty else {
            throw Failure(message: "\(browser) could not print the report to PDF (status \(process.terminationStatus)); write it with --format html and print it from a browser",
                          exitCode: 70)
        }
        return data
    }
}
