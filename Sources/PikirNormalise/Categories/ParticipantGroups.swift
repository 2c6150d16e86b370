/// The participant group of a response, with its canonical raw value.
///
/// Read from the category cell in Kazakh, Russian or English by word stems
/// folded by ``TextFolding/matchKey(_:)``: case, `ё` = `е`, Kazakh letters typed
/// as Russian ones (`Окушы`), look-alike letters (`Cтудент` with a Latin C),
/// NFD, Kazakh Latin (`Oqushy`). The stems are tried in this order, first match wins,
/// so compound names land right:
/// 1. `other`: Басқа / Другое / Иное / Other, and the groups the canonical
///    set has no place for: NGO representatives (ҮЕҰ өкілі / Представитель
///    НПО / NGO worker) and volunteers (Ерікті / Волонтёр / Volunteer).
/// 2. `pupil`: Оқушы / Мектеп оқушысы / Школьник / Учащийся / Ученик /
///    School pupil / School student.
/// 3. `working_youth`: Жұмыс істейтін жастар / Работающая молодёжь /
///    Working (employed) youth.
/// 4. `youth_worker`: Жастармен жұмыс маманы / Жастар ресурстық орталығының
///    маманы / Специалист по работе с молодёжью / Специалист МРЦ / Youth
///    worker / Youth resource centre staff.
/// 5. `student`: Студент / Магистрант / Student.
public enum ParticipantGroups: String, Sendable, CaseIterable {
    case pupil
    case student
    case workingYouth = "working_youth"
    case youthWorker = "youth_worker"
    case other

    private static let rules: [(ParticipantGroups, [String])] = Words.folding([
        (.other, [
            "басқа", "другое", "другой", "иное", "прочее", "other",
            "үеұ", "нпо", "нко", "ngo", "волонт", "ерікті", "volunteer",
        ]),
        (.pupil, ["оқушы", "мектеп", "школьн", "учащ", "ученик", "ученица", "pupil", "school", "schoolchild"]),
        (.workingYouth, ["істейтін", "работающ", "working", "employed"]),
        (.youthWorker, [
            "маман", "специалист", "мрц", "жро", "ресурс", "worker", "staff", "specialist", "resource",
        ]),
        (.student, ["студент", "магистрант", "student"]),
    ])

    /// Reads the participant group from a category cell.
    ///
    /// Splits the cell into words and returns the first group, in the order
    /// documented on the type, one of whose stems begins a word. So
    /// `School student` is a pupil, `Youth worker` a youth worker and
    /// `Working youth` working youth.
    ///
    /// - Parameter text: The category cell, such as `Жұмыс істейтін жастар`.
    /// - Returns: The group, or nil when the cell is blank or names no known group.
    /// - Complexity: O(n) in the length of the cell (a fixed list of stems).
    public static func parse(_ text: some StringProtocol) -> ParticipantGroups? {
        let words = Words.words(text)
        if words.isEmpty { return nil }
        for (group, stems) in rules where Words.anyWord(words, startsWith: stems) {
            return group
        }
        return nil
    }
}
