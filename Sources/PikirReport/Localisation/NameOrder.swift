/// Alphabetical order of names in a report's language.
///
/// Unicode code-point order puts the Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І) after
/// Я, so "Қарағанды" would follow "Шымкент"; a reader looks them up where the
/// alphabet has them. Foundation's locale collation is not used: its Kazakh
/// rules differ between platforms.
enum NameOrder {
    static let kazakh = Array("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя")
    static let russian = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")

    /// The names sorted as the language's alphabet orders them; letters outside it
    /// (Latin, digits) keep their code-point order after it, ties by the name itself.
    static func sorted<T>(_ items: [T], language: Language, by name: (T) -> String) -> [T] {
        let alphabet = language == .kk ? kazakh : language == .ru ? russian : []
        let rank = Dictionary(alphabet.enumerated().map { ($0.element, $0.offset) }) { a, _ in a }
        func key(_ s: String) -> [Int] {
            s.lowercased().map { ch in rank[ch] ?? (alphabet.count + Int(ch.unicodeScalars.first!.value)) }
        }
        return items.map { (item: $0, name: name($0)) }
            .sorted { a, b in
                let ka = key(a.name), kb = key(b.name)
                return ka != kb ? ka.lexicographicallyPrecedes(kb) : a.name < b.name
            }
            .map(\.item)
    }
}
