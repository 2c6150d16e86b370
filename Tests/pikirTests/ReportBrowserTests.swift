import Foundation
import Testing

/// Each report of the sample data opened in headless Chromium, as
/// /work/shared/reference/browser.md describes: no console message, no
/// request leaving the page, a screenshot that is not blank, a sane number of
/// printed pages; and `pikir report --format pdf`.
///
/// "No request leaves the page" is checked twice:
/// - the rendered DOM (`--dump-dom`) passes the same structural checks as the
///   HTML file: no element that loads anything, no src/href/url() outside the
///   page, no http(s) address at all;
/// - the page is loaded with `--log-net-log` and every host mapped to
///   nowhere (`--host-resolver-rules="MAP * ~NOTFOUND"`, so nothing can reach
///   the network even if it tried); the net log must hold no http(s)/ws(s)
///   request started for the page. Chromium's own background requests
///   (updates, accounts, spelling dictionaries) are in the log too; they are
///   told apart by their network isolation key, which for the page's requests
///   names its `file://` top frame. `probesCatchABadPage` shows on a page
///   with a script, an external image and stylesheet that both probes (and
///   the console check) do fire.
///
/// Screenshots are kept in /tmp/pikir-report-shots/ for a person to look at.
@Suite("pikir report in headless Chromium", .serialized, .enabled(if: Browser.path != nil, "needs chromium (make test installs it)"),
       .timeLimit(.minutes(10)))
struct ReportBrowserTests {
    static let shots = URL(fileURLWithPath: "/tmp/pikir-report-shots")

    /// The reports opened, with their number of sections; printed, the
    /// sections flow (ReportPrintPhoneTests checks the page counts), so one
    /// section's tables and charts take at most 3 A4 pages.
    static func cases(session: String) -> [(name: String, arguments: [String], lang: String, sections: Int)] {
        [("trainers-kk", ["trainers"], "kk", 8), ("trainers-ru", ["trainers"], "ru", 8), ("trainers-en", ["trainers"], "en", 8),
         ("yearly-2023-ru", ["yearly", "--year", "2023"], "ru", 5),
         ("session-en", ["session", "--session", session], "en", 1)]
    }

    @Test("each report: no console message, no request leaves the page, screenshot not blank, PDF of a sane page count")
    func reportsInChromium() throws {
        try FileManager.default.createDirectory(at: Self.shots, withIntermediateDirectories: true)
        try ReportFixture.withWarehouse { dir, db throws in
            let session = try #require(try ReportFixture.sessionIDs(db).first)
            for c in Self.cases(session: session) {
                let page = dir.appendingPathComponent("\(c.name).html")
                let run = try ReportFixture.report(db, c.arguments + ["--lang", c.lang, "--format", "html", "-o", page.path])
                try #require(run.status == 0, "\(c.name): \(run)")
                let sections = HTMLStructure.occurrences(of: "<section", in: try String(contentsOf: page, encoding: .utf8))
                #expect(sections == c.sections, "\(c.name): \(sections) sections")

                // 1. Screenshot, console and network in one load.
                let shot = Self.shots.appendingPathComponent("\(c.name).png")
                try? FileManager.default.removeItem(at: shot)
                let netLog = dir.appendingPathComponent("\(c.name).netlog.json")
                let load = try Browser.run(["--enable-logging=stderr", "--v=0", "--window-size=1200,1600",
                                            "--host-resolver-rules=MAP * ~NOTFOUND", "--log-net-log=\(netLog.path)",
                                            "--screenshot=\(shot.path)", page.absoluteString], in: dir)
                #expect(load.status == 0, "\(c.name): chromium \(load.status)\n\(load.significantStderr)")
                #expect(load.consoleLines.isEmpty, "\(c.name): console messages:\n\(load.consoleLines.joined(separator: "\n"))")
                let requests = try Browser.pageRequests(netLog)
                #expect(requests.isEmpty, "\(c.name): the page requested \(requests)")
                let image = try PNGCheck.measure(shot)
                #expect(image.width == 1200 && image.height == 1600, "\(c.name): \(image)")
                #expect(image.bytes > 20_000, "\(c.name): a \(image.bytes)-byte screenshot is suspiciously small")
                #expect(image.inked > 0.02, "\(c.name): only \(image.inked * 100)% of the pixels are not white: blank page?")
                #expect(image.colours >= 16, "\(c.name): \(image.colours) colours: no text or chart drawn?")
                #expect(image.inkedRows > 0.3, "\(c.name): ink on only \(image.inkedRows * 100)% of the rows")

                // 2. The DOM after loading: still nothing that points outside.
                let dom = try Browser.run(["--dump-dom", page.absoluteString], in: dir)
                #expect(dom.status == 0, "\(c.name): \(dom.significantStderr)")
                #expect(dom.stdout.contains("<html lang=\"\(c.lang)\">"), "\(c.name): DOM")
                let domProblems = HTMLStructure.problems("<!DOCTYPE html>\n" + dom.stdout, lang: c.lang)
                #expect(domProblems.isEmpty, "\(c.name) DOM:\n\(domProblems.prefix(10).joined(separator: "\n"))")

                // 3. Printing to PDF.
                let pdf = dir.appendingPathComponent("\(c.name).pdf")
                let print = try Browser.run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString], in: dir)
                #expect(print.status == 0, "\(c.name): \(print.significantStderr)")
                let pages = try PDFInfo.pages(pdf)
                #expect(pages >= 1 && pages <= 3 * c.sections, "\(c.name): \(pages) pages for \(c.sections) sections")
                // Keep the printed pages too, as images, for a person to look at.
                _ = try? Browser.shell("/usr/bin/pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "3", pdf.path,
                                                             Self.shots.appendingPathComponent("\(c.name)-page").path])
            }
        }
    }

    @Test("pikir report --format pdf -o FILE writes a PDF, atomically, of the same pages")
    func pdfFormat() throws {
        try ReportFixture.withWarehouse { dir, db throws in
            // -o writes into an existing folder (a missing one is an error that names it).
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
            for (name, arguments) in [("trainers", ["trainers", "--lang", "kk"]), ("yearly", ["yearly", "--year", "2024", "--lang", "ru"])] {
                let pdf = dir.appendingPathComponent("out/\(name).pdf")
                let run = try ReportFixture.report(db, arguments + ["--format", "pdf", "-o", pdf.path])
                #expect(run.status == 0, "\(name): \(run)")
                let data = try Data(contentsOf: pdf)
                #expect(data.starts(with: Array("%PDF-".utf8)), "\(name): PDF magic")
                #expect(data.count > 10_000, "\(name): \(data.count) bytes")
                let pages = try PDFInfo.pages(pdf)
                #expect(pages >= 1, "\(name)")
                if name == "trainers" { #expect((2...7).contains(pages), "trainers: \(pages) pages") }
                let leftovers = try FileManager.default.contentsOfDirectory(atPath: pdf.deletingLastPathComponent().path).filter { !$0.hasSuffix(".pdf") }
                #expect(leftovers.isEmpty, "no temporary file left beside the PDF: \(leftovers)")
                // The text of the PDF is the report's (Kazakh letters survive).
                if name == "trainers" {
                    let text = try PDFInfo.text(pdf)
                    #expect(text.contains(try CatalogueFile.text("kk", "trainers.title")), "PDF text: \(text.prefix(200))")
                    #expect(text.contains("Нұрлыбай Наурызбаев"))
                }
            }
        }
    }

    @Test("nothing is cut off in print: every table header and cell of the page is in the PDF's text",
          arguments: ["trainers", "yearly", "session"], ["kk", "ru", "en"])
    func printedTablesAreComplete(kind: String, lang: String) throws {
        try ReportFixture.withWarehouse { dir, db throws in
            let arguments: [String]
            switch kind {
            case "yearly": arguments = ["yearly", "--year", "2024"]
            case "session": arguments = ["session", "--session", "ALM-2024-11-A"]
            default: arguments = [kind]
            }
            let html = try ReportFixture.report(db, arguments + ["--lang", lang, "--format", "html"]).stdout
            let pdf = dir.appendingPathComponent("\(kind)-\(lang).pdf")
            let run = try ReportFixture.report(db, arguments + ["--lang", lang, "--format", "pdf", "-o", pdf.path])
            try #require(run.status == 0, "\(run)")
            let printed = PDFInfo.squeezed(try PDFInfo.text(pdf))
            let cells = HTMLStructure.tableTexts(html)
            #expect(cells.count > 20, "\(kind) \(lang): \(cells.count) cells")
            let missing = cells.filter { !printed.contains(PDFInfo.squeezed($0)) }
            // The long Kazakh and Russian headers once made the yearly region table and the
            // Kazakh session table wider than A4, and their last column was cut off.
            #expect(missing.isEmpty, "\(kind) \(lang): not in the printed text: \(missing)")
        }
    }

    @Test("the probes work: a page with a script, a console error and external references is caught")
    func probesCatchABadPage() throws {
        try withTemporaryDirectory { dir throws in
            let page = dir.appendingPathComponent("bad.html")
            try Data("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="https://fonts.example.org/a.css"></head>
                <body><p>bad</p><script>console.error("boom")</script><img src="http://example.com/x.png"></body></html>
                """.utf8).write(to: page)
            #expect(!HTMLStructure.problems(try String(contentsOf: page, encoding: .utf8), lang: "en").isEmpty)
            let netLog = dir.appendingPathComponent("net.json")
            let load = try Browser.run(["--enable-logging=stderr", "--v=0", "--window-size=800,600", "--host-resolver-rules=MAP * ~NOTFOUND",
                                        "--log-net-log=\(netLog.path)", "--screenshot=\(dir.appendingPathComponent("bad.png").path)",
                                        page.absoluteString], in: dir)
            #expect(load.consoleLines.contains { $0.contains("boom") }, "console.error seen: \(load.consoleLines)")
            let requests = try Browser.pageRequests(netLog)
            #expect(requests.contains("http://example.com/x.png"), "\(requests)")
            #expect(requests.contains("https://fonts.example.org/a.css"), "\(requests)")
            #expect(!requests.contains { $0.contains("google") }, "Chromium's own requests are not the page's: \(requests)")
        }
    }
}

// MARK: - Chromium

enum Browser {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Console messages of the page (each `console.*` call, and load errors Chromium reports there).
        var consoleLines: [String] { stderr.split(separator: "\n").map(String.init).filter { $0.contains("INFO:CONSOLE") } }

        /// stderr without the noise of a container (no D-Bus, no GPU, sandbox off).
        var significantStderr: String {
            stderr.split(separator: "\n").filter { line in
                !["dbus", "vaapi", "sandbox", "Floss", "UPower", "ScreenSaver", "unexpected operator", "bytes written to file"]
                    .contains { line.contains($0) }
            }.joined(separator: "\n")
        }
    }

    /// `chromium --headless=new --no-sandbox --disable-gpu` with a fresh profile
    /// (other runs on the machine cannot lock it) and `arguments`.
    static func run(_ arguments: [String], in dir: URL, timeout: TimeInterval = 120) throws -> Run {
        let browser = try #require(path)
        let profile = dir.appendingPathComponent("chromium-profile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        return try shell(browser, ["--headless=new", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
                                   "--no-first-run", "--disable-background-networking"] + arguments, timeout: timeout)
    }

    /// Runs a program, stdout and stderr to files, killed after `timeout`.
    static func shell(_ program: String, _ arguments: [String], timeout: TimeInterval = 60) throws -> Run {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let killer = DispatchWorkItem { [process] in if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        process.waitUntilExit()
        killer.cancel()
        try out.close()
        try err.close()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// The http(s)/ws(s) URLs of requests the page started, from a Chromium net log.
    static func pageRequests(_ netLog: URL) throws -> Set<String> {
        let data = try Data(contentsOf: netLog)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "net log is not JSON")
        let constants = try #require(json["constants"] as? [String: Any])
        let types = try #require(constants["logEventTypes"] as? [String: Int])
        let start = try #require(types["URL_REQUEST_START_JOB"])
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events.count > 10, "the net log recorded the load")
        var urls: Set<String> = []
        for event in events where event["type"] as? Int == start {
            guard let params = event["params"] as? [String: Any], let url = params["url"] as? String else { continue }
            let isolation = params["network_isolation_key"] as? String ?? ""
            let scheme = url.split(separator: ":").first.map { $0.lowercased() } ?? ""
            if isolation.contains("file://") && ["http", "https", "ws", "wss", "ftp"].contains(scheme) { urls.insert(url) }
        }
        return urls
    }
}

// MARK: - PDF and PNG

enum PDFInfo {
    /// The PDF's text in the order it is drawn (`pdftotext -raw`): Chromium draws a table
    /// cell by cell, so a cell that wraps stays in one piece (the default reading order
    /// interleaves the lines of neighbouring wrapped cells).
    static func text(_ pdf: URL) throws -> String {
        let run = try Browser.shell("/usr/bin/pdftotext", ["-raw", pdf.path, "-"])
        try #require(run.status == 0, "pdftotext \(pdf.lastPathComponent): \(run.stderr)")
        return run.stdout
    }

    /// Text without any white space (lines wrap differently in print).
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{AD}" }.map(Character.init))
    }

    static func pages(_ pdf: URL) throws -> Int {
        let run = try Browser.shell("/usr/bin/pdfinfo", [pdf.path])
        try #require(run.status == 0, "pdfinfo \(pdf.lastPathComponent): \(run.stderr)")
        let line = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }, "\(run.stdout)")
        return try #require(Int(String(line.dropFirst("Pages:".count)).trimmingCharacters(in: .whitespaces)))
    }
}

/// How much of a PNG is drawn on, decoded by a few lines of Python (zlib and
/// the PNG row filters, no imaging library): share of pixels that are not
/// near-white (a channel below 235), distinct colours (of every 4th row),
/// share of rows with any ink. Rows are added as big integers where the
/// filter allows it, so a 1200×1600 screenshot takes a few seconds.
enum PNGCheck {
    struct Measure: CustomStringConvertible {
        var width = 0, height = 0, bytes = 0, colours = 0
        var inked = 0.0, inkedRows = 0.0
        var description: String { "\(width)×\(height), \(bytes) bytes, \(colours) colours, \(Int(inked * 100))% inked, \(Int(inkedRows * 100))% rows" }
    }

    static let script = #"""
    import json, struct, sys, zlib
    data = open(sys.argv[1], "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR": ihdr = struct.unpack(">IIBBBBB", body)
        if kind == b"IDAT": idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = ihdr
    assert depth == 8 and colour in (2, 6) and interlace == 0, ihdr
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    LOW, HIGH = int.from_bytes(b"\x7f" * stride, "big"), int.from_bytes(b"\x80" * stride, "big")
    def add(x, y):  # bytewise (x + y) mod 256, on whole rows at once
        a, b = int.from_bytes(x, "big"), int.from_bytes(y, "big")
        return ((a & LOW) + (b & LOW) ^ ((a ^ b) & HIGH)).to_bytes(stride, "big")
    prev, inked, inked_rows, colours = bytes(stride), 0, 0, set()
    INK = bytes(1 if v < 235 else 0 for v in range(256))
    for y in range(height):
        start = y * (stride + 1)
        f, line = raw[start], raw[start + 1:start + 1 + stride]
        if f == 2:
            line = add(line, prev)
        elif f != 0:
            out = bytearray(line)
            for i in range(stride):
                a = out[i - bpp] if i >= bpp else 0
                if f == 1: out[i] = (out[i] + a) & 255
                elif f == 3: out[i] = (out[i] + ((a + prev[i]) >> 1)) & 255
                else:
                    b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
                    p = a + b - c; pa = abs(p - a); pb = abs(p - b); pc = abs(p - c)
                    out[i] = (out[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            line = bytes(out)
        prev = line
        if bpp == 4: line = bytes(v for i, v in enumerate(line) if i % 4 != 3)
        if line.count(255) == len(line): continue
        dark = line.translate(INK)  # 1 where a channel is below 235
        n = len(line) // 3
        mask = int.from_bytes(dark[0::3], "big") | int.from_bytes(dark[1::3], "big") | int.from_bytes(dark[2::3], "big")
        row_ink = mask.bit_count()
        inked += row_ink
        inked_rows += 1 if row_ink else 0
        if y % 4 == 0 and len(colours) < 4096: colours.update(line[i:i + 3] for i in range(0, len(line), 3))
    colours.add(b"\xff\xff\xff")
    print(json.dumps({"width": width, "height": height, "inked": inked / (width * height),
                      "inked_rows": inked_rows / height, "colours": len(colours)}))
    """#

    static func measure(_ png: URL) throws -> Measure {
        let bytes = try Data(contentsOf: png).count
        let run = try Browser.shell("/usr/bin/python3", ["-c", script, png.path], timeout: 300)
        try #require(run.status == 0, "decoding \(png.lastPathComponent): \(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return Measure(width: json["width"] as? Int ?? 0, height: json["height"] as? Int ?? 0, bytes: bytes,
                       colours: json["colours"] as? Int ?? 0, inked: json["inked"] as? Double ?? 0,
                       inkedRows: json["inked_rows"] as? Double ?? 0)
    }
}
