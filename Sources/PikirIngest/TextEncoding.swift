/// The character encodings that real survey exports arrive in.
///
/// The raw values are the names `pikir inspect` prints and `--encoding` accepts.
public enum TextEncoding: String, CaseIterable, Sendable, Codable {
    /// UTF-8 without a byte order mark: Google Forms and Sheets downloads.
    case utf8 = "utf-8"
    /// UTF-8 starting with `EF BB BF`: Excel's "CSV UTF-8".
    case utf8BOM = "utf-8-bom"
    /// UTF-16 little endian with `FF FE`: Excel's "Unicode text" (TAB-separated).
    case utf16LE = "utf-16le"
    /// UTF-16 big endian with `FE FF`.
    case utf16BE = "utf-16be"
    /// Windows-1251: Excel "CSV" saved on a Russian-locale Windows.
    case cp1251
    /// STRK 1048-2002, the Kazakh code page: Windows-1251 with 16 bytes moved
    /// to ә ғ қ ң ө ұ ү һ.
    case kz1048

    /// The byte order mark this encoding starts a file with, if any.
    public var byteOrderMark: [UInt8] {
        switch self {
        case .utf8BOM: [0xEF, 0xBB, 0xBF]
        case .utf16LE: [0xFF, 0xFE]
        case .utf16BE: [0xFE, 0xFF]
        case .utf8, .cp1251, .kz1048: []
        }
    }

    /// Accepts the printed names plus the spellings people type
    /// (`utf8`, `windows-1251`, `rk1048`, `kz-1048`, …).
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch key {
        case "utf8": self = .utf8
        case "utf8bom", "utf8sig": self = .utf8BOM
        case "utf16le", "utf16", "unicode": self = .utf16LE
        case "utf16be": self = .utf16BE
        case "cp1251", "windows1251", "win1251", "1251": self = .cp1251
        case "kz1048", "rk1048", "strk1048", "strk10482002", "1048": self = .kz1048
        default: return nil
        }
    }

    /// All accepted names, for error messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
