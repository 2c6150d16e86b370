extension WorkbookContent.Cell {
    /// An ISO day (`2024-11-05`, as the warehouse stores a session date) as
    /// an Excel date; nil for any other text.
    public static func day(iso text: String) -> WorkbookContent.Cell? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        return .day(year: y, month: m, day: d)
    }
}
