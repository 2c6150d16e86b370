/// Quoting for the `pikir agg` commands printed under tables.
enum Shell {
    /// The word as a POSIX shell reads it back: bare when safe, else in single quotes.
    static func quote(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || "0123456789-_=.,:/+".unicodeScalars.contains($0) }
        if safe && !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
