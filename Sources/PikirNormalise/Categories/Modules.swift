/// The training module of a response, with its canonical raw value.
///
/// Read from the module cell by the key word's stem in Kazakh, Russian or
/// English, folded by ``TextFolding/matchKey(_:)`` (case, `ё` = `е`, Kazakh
/// letters typed as Russian ones, look-alike letters, NFD, Kazakh Latin):
/// - `open`: ашық / открыт- / open (Жастармен ашық жұмыс, Открытая работа с
///   молодёжью, Open youth work)
/// - `specialised`: арнайы / мамандандырылған / специализ- / specialised,
///   specialized
/// - `digital`: цифрлық (sifrlyq) / цифров- / digital
/// - `street`: көше, көшедегі / уличн- / street, detached
public enum Modules: String, Sendable, CaseIterable {
    case open
    case specialised
    case digital
    case street

    private static let rules: [(Modules, [String])] = ParticipantGroups.Words.folding([
        (.open, ["ашық", "открыт", "open"]),
        (.specialised, ["арнайы", "мамандандыр", "специализ", "specialis", "specializ"]),
        (.digital, ["цифрл", "sifrl", "цифров", "digital"]),
        (.street, ["көше", "уличн", "street", "detached"]),
    ])

    /// Reads the module from a module cell.
    ///
    /// Splits the cell into words and looks for each module's stems at the
    /// start of a word. A cell naming two different modules
    /// (`Open and digital youth work`) is ambiguous and gives nil, as does a
    /// cell naming none (`Модуль 1`).
    ///
    /// - Parameter text: The module cell, such as `Цифровая работа с молодёжью`.
    /// - Returns: The module, or nil when none or more than one is named.
    /// - Complexity: O(n) in the length of the cell (a fixed list of stems).
    public static func parse(_ text: some StringProtocol) -> Modules? {
        let words = ParticipantGroups.Words.words(text)
        if words.isEmpty { return nil }
        var found: Modules?
        for (module, stems) in rules where ParticipantGroups.Words.anyWord(words, startsWith: stems) {
            if found != nil { return nil }
            found = module
        }
        return found
    }
}
