import Testing
@testable import PikirNormalise

/// The five trainers of sample-data/generate.py, registered by their Kazakh names only:
/// every variant below must be matched by folding, not by listed aliases.
private let sampleRegistry = TrainerRegistry([
    (id: "nn", name: "Нұрлыбай Наурызбаев", aliases: []),
    (id: "az", name: "Айгерім Жұмабекова", aliases: []),
    (id: "zo", name: "Жанар Омарова", aliases: []),
    (id: "es", name: "Ерлан Сәрсенов", aliases: []),
    (id: "dk", name: "Дмитрий Ким", aliases: []),
])

private func resolvedID(_ match: TrainerMatch) -> String? {
    if case .resolved(let id, _) = match { return id }
    return nil
}

@Suite("TrainerRegistry")
struct TrainerRegistryTests {

    @Test("Spellings from the sample exports resolve to their trainer", arguments: [
        ("Нұрлыбай Наурызбаев", "nn"), ("Нурлыбай Наурызбаев", "nn"), ("Nurlybai Nauryzbayev", "nn"),
        ("Наурызбаев Н.", "nn"), ("Наурызбаев Нурлыбай", "nn"), ("Nurlybay Nauryzbaev", "nn"),
        ("Н. Наурызбаев", "nn"), ("Nauryzbayev N.", "nn"), ("Н.Наурызбаев", "nn"), ("НАУРЫЗБАЕВ Н", "nn"),
        ("Nurlybai N.", "nn"), ("Наурызбаев Н. Е.", "nn"),
        ("Айгерім Жұмабекова", "az"), ("Айгерим Жумабекова", "az"), ("Aigerim Zhumabekova", "az"),
        ("Жумабекова А.", "az"), ("Жұмабекова А.", "az"), ("Aygerim Zhumabekova", "az"),
        ("Жанар Омарова", "zo"), ("Zhanar Omarova", "zo"), ("Janar Omarova", "zo"), ("Омарова Ж.", "zo"),
        ("Омарова Жанар", "zo"), ("Omarova Zh.", "zo"),
        ("Ерлан Сәрсенов", "es"), ("Ерлан Сарсенов", "es"), ("Yerlan Sarsenov", "es"), ("Сарсенов Е.", "es"),
        ("Erlan Sarsenov", "es"), ("Сарсенов Ерлан", "es"),
        ("Дмитрий Ким", "dk"), ("Dmitriy Kim", "dk"), ("Ким Д.", "dk"), ("Ким Дмитрий", "dk"), ("Dmitry Kim", "dk"),
    ])
    func sampleVariants(_ raw: String, _ id: String) {
        #expect(resolvedID(sampleRegistry.resolve(raw)) == id, "\(raw)")
    }

    @Test("A resolved match carries the registry's display name")
    func resolvedName() {
        #expect(sampleRegistry.resolve("Nurlybai Nauryzbayev") == .resolved(id: "nn", name: "Нұрлыбай Наурызбаев"))
    }

    @Test("A surname alone resolves when exactly one trainer has it")
    func surnameAlone() {
        #expect(resolvedID(sampleRegistry.resolve("Наурызбаев")) == "nn")
        #expect(resolvedID(sampleRegistry.resolve("Nauryzbayev")) == "nn")
        #expect(resolvedID(sampleRegistry.resolve("Ким")) == "dk")
    }

    @Test("A given name alone, a wrong initial or an extra word stays unresolved")
    func tooLittleOrWrong() {
        #expect(sampleRegistry.resolve("Нурлыбай") == .unresolved(cleanedName: "Нурлыбай"))
        #expect(sampleRegistry.resolve("Айгерим") == .unresolved(cleanedName: "Айгерим"))
        #expect(sampleRegistry.resolve("Наурызбаев А.") == .unresolved(cleanedName: "Наурызбаев А."))
        #expect(sampleRegistry.resolve("Н.") == .unresolved(cleanedName: "Н."))
        #expect(sampleRegistry.resolve("Наурызбаев Ерлан") == .unresolved(cleanedName: "Наурызбаев Ерлан"))
    }

    @Test("Two trainers sharing a surname and initial: never merged")
    func sharedSurnameAndInitial() {
        let registry = TrainerRegistry([
            (id: "nn", name: "Нұрлыбай Наурызбаев", aliases: []),
            (id: "nn2", name: "Нұрлан Наурызбаев", aliases: []),
        ])
        #expect(registry.resolve("Наурызбаев Н.") == .unresolved(cleanedName: "Наурызбаев Н."))
        #expect(registry.resolve("Nauryzbayev N.") == .unresolved(cleanedName: "Nauryzbayev N."))
        #expect(registry.resolve("Наурызбаев") == .unresolved(cleanedName: "Наурызбаев"))
        // Full names still tell them apart.
        #expect(resolvedID(registry.resolve("Нурлыбай Наурызбаев")) == "nn")
        #expect(resolvedID(registry.resolve("Nurlan Nauryzbayev")) == "nn2")
    }

    @Test("Two trainers sharing a surname with different initials: the initial decides, the bare surname does not")
    func sharedSurnameDifferentInitials() {
        let registry = TrainerRegistry([
            (id: "nn", name: "Нұрлыбай Наурызбаев", aliases: []),
            (id: "en", name: "Ерлан Наурызбаев", aliases: []),
        ])
        #expect(resolvedID(registry.resolve("Наурызбаев Н.")) == "nn")
        #expect(resolvedID(registry.resolve("Наурызбаев Е.")) == "en")
        #expect(resolvedID(registry.resolve("Ye. Nauryzbayev")) == "en")
        #expect(registry.resolve("Наурызбаев") == .unresolved(cleanedName: "Наурызбаев"))
    }

    @Test("Two registry entries with one full name: unresolved even on the full name")
    func identicalFullNames() {
        let registry = TrainerRegistry([
            (id: "a1", name: "Асель Токтарова", aliases: []),
            (id: "a2", name: "Әсел Тоқтарова", aliases: []),
        ])
        #expect(registry.resolve("Асель Токтарова") == .unresolved(cleanedName: "Асель Токтарова"))
    }

    @Test("Look-alike Latin letters inside a Cyrillic name still resolve")
    func lookAlikes() {
        // Latin a (U+0061) twice, and a Latin p (U+0070) for Cyrillic р.
        #expect(resolvedID(sampleRegistry.resolve("Нурлыб\u{0061}й Н\u{0061}урызбаев")) == "nn")
        #expect(resolvedID(sampleRegistry.resolve("Са\u{0070}сенов Е.")) == "es")
    }

    @Test("Aliases match, and an alias with initials tells which word is the surname")
    func aliases() {
        let registry = TrainerRegistry(entries: [
            .init(id: "kd", name: "Ким Дмитрий", aliases: TrainerRegistry.parseAliases("Ким Д. | Дима")),
        ])
        #expect(resolvedID(registry.resolve("Дима")) == "kd")
        #expect(resolvedID(registry.resolve("Ким")) == "kd")
        #expect(registry.resolve("Дмитрий") == .unresolved(cleanedName: "Дмитрий"))
    }

    @Test("Unknown trainers come back cleaned: trimmed, spaces collapsed, Title Case in their own script")
    func cleanedUnknown() {
        #expect(sampleRegistry.resolve("  асель   ТОКТАРОВА ") == .unresolved(cleanedName: "Асель Токтарова"))
        #expect(sampleRegistry.resolve("john  SMITH") == .unresolved(cleanedName: "John Smith"))
        #expect(sampleRegistry.resolve("әсел тоқтарова-ахметова") == .unresolved(cleanedName: "Әсел Тоқтарова-Ахметова"))
        #expect(sampleRegistry.resolve("") == .unresolved(cleanedName: ""))
        // The Latin a (U+0061) at the start becomes Cyrillic А (U+0410).
        #expect(TrainerRegistry.cleanedName("\u{0061}сель").unicodeScalars.first == "\u{0410}")
    }

    @Test("parseAliases splits on |, trims, drops empties and repeats")
    func parseAliases() {
        #expect(TrainerRegistry.parseAliases(" Наурызбаев Н. | Nurlybai Nauryzbayev || Наурызбаев Н. ")
                == ["Наурызбаев Н.", "Nurlybai Nauryzbayev"])
        #expect(TrainerRegistry.parseAliases("") == [])
        #expect(TrainerRegistry.parseAliases("Дима") == ["Дима"])
    }

    @Test("Entries sharing an id are merged: first name kept, aliases joined")
    func mergedEntries() {
        let registry = TrainerRegistry([
            (id: "nn", name: "Нұрлыбай Наурызбаев", aliases: []),
            (id: "nn", name: "Нурлыбай Наурызбаев", aliases: ["Нуреке"]),
        ])
        #expect(registry.entries.count == 1)
        #expect(registry.entries[0].aliases == ["Нурлыбай Наурызбаев", "Нуреке"])
        #expect(registry.resolve("нуреке") == .resolved(id: "nn", name: "Нұрлыбай Наурызбаев"))
    }

    @Test("Repeated and concurrent resolutions agree (cached per distinct string)")
    func cachedAndConcurrent() async {
        let registry = sampleRegistry
        let inputs = ["Наурызбаев Н.", "Dmitry Kim", "Нурлыбай", "Омарова Ж.", "Qwerty"]
        let expected = inputs.map(registry.resolve)
        #expect(inputs.map(registry.resolve) == expected)
        let results = await withTaskGroup(of: [TrainerMatch].self) { group in
            for _ in 0..<16 { group.addTask { inputs.map(registry.resolve) } }
            var all: [[TrainerMatch]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == expected })
        #expect(expected.map(resolvedID) == ["nn", "dk", nil, "zo", nil])
    }
}

/// Issue 12: the trainer column typed the way people type, through the shared folding.
@Suite("TrainerRegistry: typed the way people type")
struct TrainerTypingTests {

    @Test("Zero-width characters and soft hyphens inside a name do not split it", arguments: [
        ("Айге\u{200B}рім Жұмабекова", "az"), ("Жұма\u{00AD}бекова А.", "az"), ("\u{FEFF}Нұрлыбай Наурызбаев", "nn"),
        ("Наурыз\u{2060}баев Н.", "nn"),
    ])
    func invisibleCharacters(_ raw: String, _ id: String) {
        #expect(resolvedID(sampleRegistry.resolve(raw)) == id, "\(raw.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test("Kazakh Latin 2018 (ý for у) and 2017 (y' for у) spellings of a name", arguments: [
        ("Nurlybaı Naýryzbaev", "nn"), ("Nurlybai' Nay'ryzbaev", "nn"), ("Aıgerim Jumabekova", "az"),
        ("Erlan Sársenov", "es"), ("Erlan Sa'rsenov", "es"),
    ])
    func kazakhLatinNames(_ raw: String, _ id: String) {
        #expect(resolvedID(sampleRegistry.resolve(raw)) == id, "\(raw)")
    }

    @Test("An emoji or a symbol after a name is not a word of it")
    func emoji() {
        #expect(resolvedID(sampleRegistry.resolve("Жанар Омарова 👍")) == "zo")
        #expect(resolvedID(sampleRegistry.resolve("Дмитрий Ким ❤️")) == "dk")
        #expect(resolvedID(sampleRegistry.resolve("✔ Наурызбаев Н.")) == "nn")
    }

    @Test("NFD, NBSP and look-alike letters together")
    func mixed() {
        #expect(resolvedID(sampleRegistry.resolve("Нұрлыба\u{0438}\u{0306}\u{00A0}Наурызбаев")) == "nn")
        #expect(resolvedID(sampleRegistry.resolve("Cарсенов\u{202F}Е.")) == "es")  // Latin C, narrow NBSP
    }
}
