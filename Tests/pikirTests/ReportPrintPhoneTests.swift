import Foundation
import Testing

/// The reports on paper and on a phone, in headless Chromium: printed page
/// counts on A4 (sections flow, no page per section), page numbers, the
/// `pikir agg` lines in the printed appendix; at 390 px no element wider than
/// the screen and no chart text under 11 px; at 800 and 1280 px no table that scrolls.
///
/// The layout is measured by a small probe script injected into a copy of
/// the report (the reports themselves carry no script): it writes what it
/// finds into the DOM, which `--dump-dom` prints.
@Suite("pikir report printed on A4 and read on a phone", .serialized,
       .enabled(if: Browser.path != nil, "needs chromium (make test installs it)"), .timeLimit(.minutes(10)))
struct ReportPrintPhoneTests {
    /// What the probe found at one window width.
    struct Layout: Decodable, CustomStringConvertible {
        var viewport: Double
        var pageWidth: Double
        /// Visible elements whose box reaches past the viewport's right edge.
        var overflowing: [String]
        /// `.table-wrap`s whose content is wider than they are (a sideways scroll bar).
        var scrollingTables: [String]
        /// The smallest rendered font size of visible SVG text, in CSS px (0 when no chart is shown).
        var smallestChartText: Double
        var visibleCharts: Int
        var description: String {
            "viewport \(viewport), page \(pageWidth), charts \(visibleCharts), smallest chart text \(smallestChartText) px, "
                + "overflowing \(overflowing.prefix(5)), scrolling tables \(scrollingTables.prefix(5))"
        }
    }

    /// Measures the page in the frame `f` once it has loaded, and writes what it found into this page.
    static let probe = #"""
    <script>
    const f = document.getElementById("f");
    f.addEventListener("load", () => {
      const doc = f.contentDocument, win = f.contentWindow, vw = doc.documentElement.clientWidth;
      const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
        (e.getAttribute("class") ? "." + e.getAttribute("class").trim().split(/\s+/).join(".") : "") +
        " «" + (e.textContent || "").trim().slice(0, 40) + "»";
      const shown = e => e.getClientRects().length > 0 && win.getComputedStyle(e).visibility !== "hidden";
      const overflowing = [];
      for (const e of doc.body.querySelectorAll("*")) {
        if (!shown(e) || e.closest("svg") && e.tagName.toLowerCase() !== "svg") continue;
        const r = e.getBoundingClientRect();
        if (r.width > 0 && r.right > vw + 0.5) overflowing.push(name(e) + " right " + Math.round(r.right));
      }
      const scrollingTables = [...doc.querySelectorAll(".table-wrap")]
        .filter(w => shown(w) && w.scrollWidth > w.clientWidth + 1).map(name);
      let smallest = 0, charts = 0;
      for (const svg of doc.querySelectorAll("svg")) {
        if (!shown(svg)) continue;
        charts += 1;
        for (const t of svg.querySelectorAll("text")) {
          const px = parseFloat(win.getComputedStyle(t).fontSize) * t.getScreenCTM().a;
          if (smallest === 0 || px < smallest) smallest = px;
        }
      }
      const out = document.createElement("pre");
      out.id = "pikir-probe";
      out.textContent = JSON.stringify({viewport: vw, pageWidth: doc.documentElement.scrollWidth, overflowing,
        scrollingTables, smallestChartText: smallest, visibleCharts: charts});
      document.body.appendChild(out);
    });
    </script>
    """#

    /// The report measured in a viewport `width` px wide. Headless Chromium
    /// makes no window narrower than 500 px, so the report is loaded into a
    /// frame of that width (`srcdoc`: same origin, so the probe can read it),
    /// in a copy of the test's own; the report itself carries no script.
    static func layout(_ html: String, width: Int, in dir: URL, name: String) throws -> Layout {
        #expect(!html.contains("<script"), "\(name): the report itself carries no script")
        let escaped = html.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        let wrapper = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"margin:0\">"
            + "<iframe id=\"f\" width=\"\(width)\" height=\"2000\" style=\"border:0;display:block\" srcdoc=\"\(escaped)\"></iframe>\n"
            + probe + "\n</body></html>"
        let copy = dir.appendingPathComponent("\(name)-probe-\(width).html")
        try Data(wrapper.utf8).write(to: copy)
        let run = try Browser.run(["--window-size=\(width + 100),2200", "--dump-dom", copy.absoluteString], in: dir)
        try #require(run.status == 0, "\(name): chromium \(run.status)\n\(run.significantStderr)")
        let json = try #require(run.stdout.components(separatedBy: "<pre id=\"pikir-probe\">").dropFirst().first?
            .components(separatedBy: "</pre>").first, "\(name): the probe wrote nothing")
        let layout = try JSONDecoder().decode(Layout.self, from: Data(HTMLStructure.text(json).utf8))
        #expect(layout.viewport <= Double(width) && layout.viewport > Double(width) - 20, "\(name): \(layout)")
        return layout
    }

    /// The report printed with `pikir report --format pdf`: its page count and text.
    static func printed(_ db: String, _ arguments: [String], in dir: URL, name: String) throws -> (pages: Int, text: String) {
        let pdf = dir.appendingPathComponent("\(name).pdf")
        let run = try ReportFixture.report(db, arguments + ["--format", "pdf", "-o", pdf.path])
        try #require(run.status == 0, "\(name): \(run)")
        let pages = try PDFInfo.pages(pdf)
        _ = try? Browser.shell("/usr/bin/pdftoppm", ["-png", "-r", "50", pdf.path,
                                                     ReportBrowserTests.shots.appendingPathComponent("\(name)-print").path])
        return (pages, try PDFInfo.text(pdf))
    }

    /// Page numbers "k / n" at the foot of every page, and each table's `pikir
    /// agg` line printed once, numbered, in the appendix (the collapsed copies
    /// under the tables are not printed).
    static func checkPrint(_ printed: (pages: Int, text: String), html: String, name: String) {
        let squeezed = PDFInfo.squeezed(printed.text)
        for page in 1...max(printed.pages, 1) {
            #expect(squeezed.contains("\(page)/\(printed.pages)"), "\(name): no page number \(page) / \(printed.pages)")
        }
        let onScreen = HTMLStructure.occurrences(of: "<details class=\"reproduce\">", in: html)
        let appendix = html.components(separatedBy: "<div class=\"reproductions\"").dropFirst().first ?? ""
        let commands = appendix.matches(of: #/<code>(.*?)</code>/#).map { HTMLStructure.text(String($0.output.1)) }
        #expect(onScreen > 0 && onScreen == commands.count, "\(name): \(onScreen) tables with a command, \(commands.count) in the appendix")
        for command in commands {
            #expect(squeezed.contains(PDFInfo.squeezed(command)), "\(name): not printed: \(command)")
        }
        // Printed once: as many "pikir agg" (or "pikir rejects") in the PDF as commands in the appendix.
        for (program, group) in Dictionary(grouping: commands, by: { $0.split(separator: " ").prefix(2).joined() }) {
            let times = squeezed.components(separatedBy: program).count - 1
            #expect(times == group.count, "\(name): \(program) printed \(times) times for \(group.count) commands")
        }
    }

    @Test("the demo: trainers ≤ 7 pages, yearly ≤ 2, session ≤ 2; page numbers; commands in the appendix; fits 390 and 1280 px")
    func demo() throws {
        try FileManager.default.createDirectory(at: ReportBrowserTests.shots, withIntermediateDirectories: true)
        try ReportFixture.withWarehouse { dir, db throws in
            // At 1280 px only the reports with wide tables (the yearly region table has 11 columns).
            let cases: [(name: String, arguments: [String], pages: Int, desktop: Bool)] = [
                ("trainers-ru", ["trainers", "--lang", "ru"], 7, true), ("trainers-kk", ["trainers", "--lang", "kk"], 7, false),
                ("yearly-2024-ru", ["yearly", "--year", "2024", "--lang", "ru"], 2, true),
                ("yearly-2024-kk", ["yearly", "--year", "2024", "--lang", "kk"], 2, true),
                ("session-ru", ["session", "--session", "ALM-2024-11-A", "--lang", "ru"], 2, false),
            ]
            for c in cases {
                let html = try ReportFixture.report(db, c.arguments + ["--format", "html"]).stdout
                let pdf = try Self.printed(db, c.arguments, in: dir, name: c.name)
                #expect(pdf.pages <= c.pages, "\(c.name): \(pdf.pages) printed pages, at most \(c.pages)")
                Self.checkPrint(pdf, html: html, name: c.name)

                let phone = try Self.layout(html, width: 390, in: dir, name: c.name)
                #expect(phone.pageWidth <= phone.viewport, "\(c.name) at 390 px: \(phone)")
                #expect(phone.overflowing.isEmpty, "\(c.name) at 390 px: \(phone)")
                #expect(phone.scrollingTables.isEmpty, "\(c.name) at 390 px: \(phone)")
                #expect(phone.visibleCharts == 0 || phone.smallestChartText >= 11, "\(c.name) at 390 px: \(phone)")
                guard c.desktop else { continue }
                // A laptop, and for the Kazakh yearly report (the longest headers) a tablet too.
                for width in c.name == "yearly-2024-kk" ? [800, 1280] : [1280] {
                    let desktop = try Self.layout(html, width: width, in: dir, name: c.name)
                    #expect(desktop.scrollingTables.isEmpty && desktop.overflowing.isEmpty, "\(c.name) at \(width) px: \(desktop)")
                    #expect(desktop.visibleCharts == 0 || desktop.smallestChartText >= 11, "\(c.name) at \(width) px: \(desktop)")
                }
            }
        }
    }

    @Test("12 registry trainers, 3,000 responses over 6 regions: the trainers report prints on at most 14 pages")
    func twelveTrainers() throws {
        try withTemporaryDirectory { dir throws in
            let db = dir.appendingPathComponent("pikir.sqlite").path
            let registry = try dir.writeFile("trainers.csv", text: TwelveTrainers.registry)
            let export = try dir.writeFile("twelve-trainers.csv", text: TwelveTrainers.export)
            let ingest = try PikirBinary.run(["ingest", "--db", db, "--trainers", registry, export])
            try #require(ingest.status == 0, "\(ingest)")
            let count = try PikirBinary.run(["agg", "--by", "trainer", "--db", db, "--format", "csv"])
            try #require(count.status == 0, "\(count)")
            #expect(count.stdout.split(separator: "\n").count == 13, "a header and 12 trainers:\n\(count.stdout)")
            for lang in ["ru", "kk"] {
                let arguments = ["trainers", "--lang", lang]
                let html = try ReportFixture.report(db, arguments + ["--format", "html"]).stdout
                let pdf = try Self.printed(db, arguments, in: dir, name: "twelve-trainers-\(lang)")
                #expect(pdf.pages <= 14, "\(lang): 12 trainers on \(pdf.pages) pages")
                Self.checkPrint(pdf, html: html, name: "twelve-trainers-\(lang)")
                guard lang == "ru" else { continue }
                let phone = try Self.layout(html, width: 390, in: dir, name: "twelve-\(lang)")
                #expect(phone.overflowing.isEmpty && phone.scrollingTables.isEmpty, "\(lang) at 390 px: \(phone)")
                #expect(phone.visibleCharts == 0 || phone.smallestChartText >= 11, "\(lang) at 390 px: \(phone)")
            }
        }
    }

    @Test("the probe sees a wide table, a wide element and small chart text")
    func probeCatchesABadPage() throws {
        try withTemporaryDirectory { dir throws in
            let cells = (1...12).map { "<td class=\"num\">нет данных за 2023 (\($0))</td>" }.joined()
            let html = """
                <!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <style>td { white-space: nowrap; } .table-wrap { overflow-x: auto; }</style></head><body>
                <div class="table-wrap"><table><tr>\(cells)</tr></table></div>
                <div style="width: 700px">wide</div>
                <svg viewBox="0 0 640 40" width="100%" role="img"><title>t</title><text x="0" y="20" font-size="12">small</text></svg>
                </body></html>
                """
            let phone = try Self.layout(html, width: 390, in: dir, name: "bad")
            #expect(phone.scrollingTables.count == 1, "\(phone)")
            #expect(phone.overflowing.contains { $0.hasPrefix("div «wide»") }, "\(phone)")
            #expect(phone.visibleCharts == 1 && phone.smallestChartText < 8, "\(phone)")
        }
    }
}

/// A deterministic centre of 12 registry trainers: 3,000 responses in 120
/// sessions of 25, over 6 regions and 2025, each trainer with their own level.
enum TwelveTrainers {
    static let names = [
        "Нұрлыбай Наурызбаев", "Айгерім Жұмабекова", "Жанар Омарова", "Ерлан Сарсенов", "Дана Қасымова", "Бауыржан Әлиев",
        "Ольга Ким", "Тимур Ахметов", "Гүлнар Серікбаева", "Максим Петров", "Әсел Төлеуова", "Руслан Жақсылықов",
    ]
    static let cities = ["Алматы", "Астана", "Шымкент", "Караганда", "Актобе", "Тараз"]

    static var registry: String {
        "id,name,aliases\n" + names.enumerated().map { "G\(String(format: "%02d", $0.offset + 1)),\($0.element),\n" }.joined()
    }

    static var export: String {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {  // SplitMix64: the same numbers on every machine
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        var text = ReportFixture.exportHeader
        for (t, trainer) in names.enumerated() {
            for s in 0..<10 {
                let city = cities[(t + s) % cities.count]
                let month = 1 + (s + t) % 12, day = 1 + (t * 3 + s) % 27
                let date = "2025-" + String(format: "%02d-%02d", month, day)
                let session = "GEN-\(t + 1)-\(s + 1)"
                for r in 0..<25 {
                    // Trainer t is rated around 3.2 + 0.12 t (3.2 … 4.5), give or take 1.6.
                    let noise = Double(next(1000) + next(1000)) / 1000 - 1
                    let overall = min(5, max(1, Int((3.2 + 0.12 * Double(t) + 1.6 * noise).rounded())))
                    let nps = min(10, max(0, overall * 2 + next(3) - 1))
                    let comment = r % 9 == 0 ? "Пікір \(t + 1)-\(s + 1)-\(r): тренинг пайдалы болды" : ""
                    text += ReportFixture.exportLine(session: session, city: city, date: date, trainer: trainer,
                                                     overall: overall, nps: nps, comment: comment)
                }
            }
        }
        return text
    }
}
