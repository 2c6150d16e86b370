/// Quoting for every command pikir prints for a user to paste: the `pikir
/// agg` lines under report tables, and hints in messages.
///
/// A word stays bare when each of its characters is an ASCII letter or
/// digit, one of `_ . / : = , @ % + -`, or a non-ASCII letter (so
/// `city=Алматы` stays readable): POSIX shells, bash and zsh give a special
/// meaning only to ASCII characters, and in UTF-8 no byte of a non-ASCII
/// letter is an ASCII one. Any other word, the empty word, and a word
/// starting with `=` (zsh expands `=name`) go in single quotes, where no
/// character is special; a `'` inside becomes `'\''`.
public enum Shell {
    /// The word as a POSIX shell reads it back: bare when safe, else in single quotes.
    public static func quote(_ word: String) -> String {
        if !word.isEmpty, !word.hasPrefix("="), word.unicodeScalars.allSatisfy(isSafe) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The words as one command line, each quoted as needed.
    public static func command(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }

    private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "_./:=,@%+-".unicodeScalars.contains(scalar)
        }
        return scalar.properties.isAlphabetic
    }
}
