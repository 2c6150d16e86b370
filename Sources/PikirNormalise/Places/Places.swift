/// Place names as centres type them → ISO 3166-2:KZ subdivisions and cities.
///
/// Everything lives in this namespace so that other areas of `PikirNormalise`
/// can never collide with it.
public enum Places {
    /// A resolved place: the ISO 3166-2:KZ subdivision it lies in today and,
    /// when the text named a city, that city.
    ///
    /// The three cities of republican significance are subdivisions of their
    /// own: "Алматы" is `region: "KZ-75", regionName: "Almaty", city: "Almaty"`,
    /// while "Алматы облысы" is `region: "KZ-19", regionName: "Almaty Region",
    /// city: nil`.
    public struct Place: Sendable, Hashable, CustomStringConvertible {
        /// ISO 3166-2:KZ code in the numeric form used since November 2022, e.g. `KZ-75`.
        public let region: String
        /// English name of the subdivision, e.g. `Almaty` (KZ-75) or `Almaty Region` (KZ-19).
        public let regionName: String
        /// English name of the city, or `nil` when the text named only a region.
        public let city: String?

        /// Makes a place from its parts; no check against the gazetteer is made.
        public init(region: String, regionName: String, city: String?) {
            self.region = region
            self.regionName = regionName
            self.city = city
        }

        /// `KZ-75 Almaty / Almaty`, or `KZ-19 Almaty Region` for a region alone.
        public var description: String {
            city.map { "\(region) \(regionName) / \($0)" } ?? "\(region) \(regionName)"
        }
    }

    /// One of the 20 first-level subdivisions in ISO 3166-2:KZ.
    public struct Subdivision: Sendable, Hashable {
        /// Whether the subdivision is a city of republican significance or a region (облыс).
        public enum Kind: String, Sendable, Hashable {
            /// A city of republican significance (Astana, Almaty, Shymkent).
            case city
            /// A region (облыс / область).
            case region
        }

        /// ISO 3166-2:KZ code, e.g. `KZ-19`.
        public let code: String
        /// City of republican significance or region.
        public let kind: Kind
        /// English name, e.g. `Almaty Region`.
        public let name: String
        /// Official Kazakh name, e.g. `Алматы облысы`.
        public let nameKazakh: String
        /// Official Russian name, e.g. `Алматинская область`.
        public let nameRussian: String
        /// English name of the administrative centre (the city itself for a city).
        public let centre: String
    }

    /// A city in the gazetteer with every spelling that resolves to it.
    public struct City: Sendable, Hashable {
        /// English name, e.g. `Konaev`.
        public let name: String
        /// Kazakh name, e.g. `Қонаев`.
        public let nameKazakh: String
        /// Russian name, e.g. `Конаев`.
        public let nameRussian: String
        /// ISO 3166-2:KZ code of the subdivision the city belongs to today.
        public let region: String
        /// Subdivisions the city belonged to before (e.g. Semey: East Kazakhstan
        /// until June 2022). Text that pairs the city with one of these still
        /// resolves, to today's region.
        public let formerRegions: [String]
        /// Every accepted spelling: Kazakh, Russian, Latin (2021 alphabet and
        /// informal) and historical names.
        public let spellings: [String]
    }

    /// The 20 subdivisions of ISO 3166-2:KZ, cities of republican significance first.
    public static let subdivisions: [Subdivision] = Gazetteer.subdivisions

    /// Every city the resolver knows (regional centres and larger towns).
    public static let cities: [City] = Gazetteer.cities

    /// The subdivision with this ISO 3166-2:KZ code (`"KZ-35"`), or `nil`.
    ///
    /// - Complexity: O(1).
    public static func subdivision(code: String) -> Subdivision? {
        Gazetteer.index.subdivisionByCode[code]
    }

    /// Resolves a city or region cell to its ISO 3166-2:KZ subdivision and city.
    ///
    /// Names compare through ``TextFolding/matchKey(_:)``, the folding every
    /// matcher uses: NFC and NFD alike, case, spaces of any kind (NBSP, narrow
    /// NBSP, repeated) and surrounding punctuation and quotes ignored, ё as е,
    /// look-alike letters of the other script fixed (`Kарағанды` with a Latin
    /// K), Kazakh letters as the Russian letters people type without a Kazakh
    /// keyboard (Нұр-Сұлтан = Нур-Султан), Kazakh Latin of 2021 (`Qarağandy`),
    /// 2018 (`Qaraǵandy`, `Atyraý`) and 2017 (`Qarag'andy`, `S'ymkent`), Russian
    /// transliterations (`Aktyubinsk`, `Ust-Kamenogorsk`, `Chimkent`) and
    /// informal Latin (q = k, zh = j, gh = g, y = i); hyphens and spaces inside
    /// a name do not count (Алма-Ата = Алма Ата = Almaata).
    ///
    /// The affixes `г.`, `гор.`, `город`, `қ.`, `қала`, `қаласы`, `қаласының`, `g.`,
    /// `qalasy`, `city`, `city of` mark a city; `обл.`, `область`, `области`, `облыс`,
    /// `облысы`, `oblast`, `oblysy`, `region`, `region of`, `province` mark a region;
    /// a Russian region adjective may stand in any case (`Карагандинской
    /// области`). A name that is both a city and a region's name needs the
    /// region affix to mean the region:
    ///
    /// - "Алматы", "г. Алматы", "Almaty", "Алма-Ата" → KZ-75, city Almaty;
    ///   "Алматинская область", "Алматы облысы", "Almaty Region" → KZ-19, no city.
    /// - "Акмола", "Ақмола", "Akmola", "Целиноград", "Нұр-Сұлтан" → KZ-71 Astana;
    ///   "Акмолинская область", "Ақмола облысы", "Akmola Region" → KZ-11.
    ///
    /// Region adjectives ("Карагандинская"), names that are no city's name
    /// ("Жетісу", "Ulytau") and abbreviations (ВКО, СКО, ЗКО, ЮКО, ШҚО, СҚО,
    /// БҚО, ОҚО) resolve to the region without an affix. Bare "Абай" stays
    /// unresolved: it is also a town in Karaganda Region.
    ///
    /// Text of several parts separated by `,` `;` `/` `|` `(` `)` resolves when
    /// the parts agree: "Алматы (Алма-Ата)", "Семей, ВКО" (a city with today's
    /// or a former region of it), "Республика Казахстан, г. Астана" (the country
    /// is ignored). Parts that disagree ("Алматы / Астана") or that are unknown
    /// give `nil`.
    ///
    /// An ISO 3166-2:KZ numeric code ("KZ-19", "kz-75") resolves to its
    /// subdivision (with the city for KZ-71, KZ-75, KZ-79), so pikir's own
    /// output reads back.
    ///
    /// Cities resolve to today's region (Semey → KZ-10 Abai, Taldykorgan →
    /// KZ-33 Jetisu, Zhezkazgan → KZ-62 Ulytau).
    ///
    /// - Parameter text: a cell as typed.
    /// - Returns: the place, or `nil` for unknown, empty or contradictory text
    ///   (the caller keeps the raw text and reports it).
    /// - Complexity: O(n) in the length of `text`; the gazetteer index is
    ///   built once, on first use.
    public static func resolve(_ text: String) -> Place? {
        let index = Gazetteer.index
        if let byCode = index.placeByCode(text) {
            return byCode
        }
        if let whole = index.resolvePart(text) {
            return whole.place
        }
        let parts = PlaceKey.splitParts(text)
        guard parts.count > 1 else { return nil }
        var cityHits: [Gazetteer.Hit] = []
        var regionHits: [Gazetteer.Hit] = []
        for part in parts {
            if index.isCountry(part) { continue }
            guard let hit = index.resolvePart(part) else { return nil }
            if hit.place.city != nil { cityHits.append(hit) } else { regionHits.append(hit) }
        }
        if let first = cityHits.first {
            guard cityHits.allSatisfy({ $0.place == first.place }) else { return nil }
            let accepted = Set([first.place.region] + first.formerRegions)
            guard regionHits.allSatisfy({ accepted.contains($0.place.region) }) else { return nil }
            return first.place
        }
        guard let first = regionHits.first,
              regionHits.allSatisfy({ $0.place == first.place }) else { return nil }
        return first.place
    }
}
