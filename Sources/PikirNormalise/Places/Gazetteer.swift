extension Places {
    /// The data behind `Places`: subdivisions, region names, cities, affixes,
    /// and the index built from them once.
    enum Gazetteer {
        /// A subdivision with the names that resolve to it as a region.
        struct RegionNames {
            var subdivision: Subdivision
            /// Names that are also a city's name: they mean the region only
            /// with a region affix ("Алматы облысы", "Akmola Region").
            var withAffix: [String]
            /// Names that mean the region by themselves (adjectives, names no
            /// city bears, abbreviations); they also work with an affix.
            var alone: [String]
        }

        static let regions: [RegionNames] = [
            .init(subdivision: .init(code: "KZ-71", kind: .city, name: "Astana", nameKazakh: "Астана", nameRussian: "Астана", centre: "Astana"),
                  withAffix: [], alone: []),
            .init(subdivision: .init(code: "KZ-75", kind: .city, name: "Almaty", nameKazakh: "Алматы", nameRussian: "Алматы", centre: "Almaty"),
                  withAffix: [], alone: []),
            .init(subdivision: .init(code: "KZ-79", kind: .city, name: "Shymkent", nameKazakh: "Шымкент", nameRussian: "Шымкент", centre: "Shymkent"),
                  withAffix: [], alone: []),
            .init(subdivision: .init(code: "KZ-10", kind: .region, name: "Abai Region", nameKazakh: "Абай облысы", nameRussian: "область Абай", centre: "Semey"),
                  // bare "Абай" is also a town in Karaganda Region: affix required
                  withAffix: ["Абай", "Abai", "Abay"],
                  alone: ["Абайская"]),
            .init(subdivision: .init(code: "KZ-11", kind: .region, name: "Akmola Region", nameKazakh: "Ақмола облысы", nameRussian: "Акмолинская область", centre: "Kokshetau"),
                  withAffix: ["Ақмола", "Акмола", "Akmola", "Aqmola"],
                  alone: ["Акмолинская", "Akmolinskaya", "Целиноградская"]),
            .init(subdivision: .init(code: "KZ-15", kind: .region, name: "Aktobe Region", nameKazakh: "Ақтөбе облысы", nameRussian: "Актюбинская область", centre: "Aktobe"),
                  withAffix: ["Ақтөбе", "Актобе", "Aktobe", "Aqtöbe", "Aktyubinsk"],
                  alone: ["Актюбинская", "Aktyubinskaya"]),
            .init(subdivision: .init(code: "KZ-19", kind: .region, name: "Almaty Region", nameKazakh: "Алматы облысы", nameRussian: "Алматинская область", centre: "Konaev"),
                  withAffix: ["Алматы", "Almaty"],
                  alone: ["Алматинская", "Алма-Атинская", "Almatinskaya"]),
            .init(subdivision: .init(code: "KZ-23", kind: .region, name: "Atyrau Region", nameKazakh: "Атырау облысы", nameRussian: "Атырауская область", centre: "Atyrau"),
                  withAffix: ["Атырау", "Atyrau"],
                  alone: ["Атырауская", "Гурьевская", "Atyrauskaya"]),
            .init(subdivision: .init(code: "KZ-27", kind: .region, name: "West Kazakhstan Region", nameKazakh: "Батыс Қазақстан облысы", nameRussian: "Западно-Казахстанская область", centre: "Oral"),
                  withAffix: [],
                  alone: ["Батыс Қазақстан", "Западно-Казахстанская", "Западный Казахстан", "Уральская",
                          "West Kazakhstan", "Batys Qazaqstan", "Batys Kazakhstan", "Zapadno-Kazakhstanskaya",
                          "ЗКО", "БҚО", "ZKO"]),
            .init(subdivision: .init(code: "KZ-31", kind: .region, name: "Jambyl Region", nameKazakh: "Жамбыл облысы", nameRussian: "Жамбылская область", centre: "Taraz"),
                  withAffix: [],
                  alone: ["Жамбыл", "Жамбылская", "Джамбулская", "Jambyl", "Zhambyl", "Zhambylskaya"]),
            .init(subdivision: .init(code: "KZ-33", kind: .region, name: "Jetisu Region", nameKazakh: "Жетісу облысы", nameRussian: "область Жетісу", centre: "Taldykorgan"),
                  withAffix: [],
                  alone: ["Жетісу", "Жетысу", "Жетысуская", "Jetisu", "Jetısu", "Zhetisu", "Zhetysu", "Jetysu"]),
            .init(subdivision: .init(code: "KZ-35", kind: .region, name: "Karaganda Region", nameKazakh: "Қарағанды облысы", nameRussian: "Карагандинская область", centre: "Karaganda"),
                  withAffix: ["Қарағанды", "Караганда", "Karaganda", "Karagandy", "Qarağandy", "Qaraghandy"],
                  alone: ["Карагандинская", "Karagandinskaya"]),
            .init(subdivision: .init(code: "KZ-39", kind: .region, name: "Kostanay Region", nameKazakh: "Қостанай облысы", nameRussian: "Костанайская область", centre: "Kostanay"),
                  withAffix: ["Қостанай", "Костанай", "Kostanay", "Qostanai", "Kustanai"],
                  alone: ["Костанайская", "Кустанайская", "Kostanayskaya"]),
            .init(subdivision: .init(code: "KZ-43", kind: .region, name: "Kyzylorda Region", nameKazakh: "Қызылорда облысы", nameRussian: "Кызылординская область", centre: "Kyzylorda"),
                  withAffix: ["Қызылорда", "Кызылорда", "Kyzylorda", "Qyzylorda"],
                  alone: ["Кызылординская", "Kyzylordinskaya"]),
            .init(subdivision: .init(code: "KZ-47", kind: .region, name: "Mangystau Region", nameKazakh: "Маңғыстау облысы", nameRussian: "Мангистауская область", centre: "Aktau"),
                  withAffix: [],
                  alone: ["Маңғыстау", "Мангистау", "Мангыстау", "Мангистауская", "Мангыстауская", "Мангышлакская",
                          "Mangystau", "Mangistau", "Mañğystau"]),
            .init(subdivision: .init(code: "KZ-55", kind: .region, name: "Pavlodar Region", nameKazakh: "Павлодар облысы", nameRussian: "Павлодарская область", centre: "Pavlodar"),
                  withAffix: ["Павлодар", "Pavlodar"],
                  alone: ["Павлодарская", "Pavlodarskaya"]),
            .init(subdivision: .init(code: "KZ-59", kind: .region, name: "North Kazakhstan Region", nameKazakh: "Солтүстік Қазақстан облысы", nameRussian: "Северо-Казахстанская область", centre: "Petropavl"),
                  withAffix: [],
                  alone: ["Солтүстік Қазақстан", "Северо-Казахстанская", "Северный Казахстан",
                          "North Kazakhstan", "Soltüstık Qazaqstan", "Soltustik Kazakhstan", "Severo-Kazakhstanskaya",
                          "СКО", "СҚО", "SKO"]),
            .init(subdivision: .init(code: "KZ-61", kind: .region, name: "Turkistan Region", nameKazakh: "Түркістан облысы", nameRussian: "Туркестанская область", centre: "Turkistan"),
                  withAffix: ["Түркістан", "Туркестан", "Turkistan", "Turkestan", "Türkıstan"],
                  // South Kazakhstan Region was renamed Turkistan Region in 2018
                  alone: ["Туркестанская", "Turkestanskaya",
                          "Оңтүстік Қазақстан", "Южно-Казахстанская", "Южный Казахстан", "Чимкентская",
                          "South Kazakhstan", "Oñtüstık Qazaqstan", "Ontustik Kazakhstan", "Yuzhno-Kazakhstanskaya",
                          "ЮКО", "ОҚО"]),
            .init(subdivision: .init(code: "KZ-62", kind: .region, name: "Ulytau Region", nameKazakh: "Ұлытау облысы", nameRussian: "область Ұлытау", centre: "Zhezkazgan"),
                  withAffix: [],
                  alone: ["Ұлытау", "Улытау", "Улытауская", "Ulytau"]),
            .init(subdivision: .init(code: "KZ-63", kind: .region, name: "East Kazakhstan Region", nameKazakh: "Шығыс Қазақстан облысы", nameRussian: "Восточно-Казахстанская область", centre: "Oskemen"),
                  withAffix: [],
                  alone: ["Шығыс Қазақстан", "Восточно-Казахстанская", "Восточный Казахстан",
                          "East Kazakhstan", "Shyğys Qazaqstan", "Shygys Kazakhstan", "Vostochno-Kazakhstanskaya",
                          "ВКО", "ШҚО", "VKO"]),
        ]

        static let subdivisions: [Subdivision] = regions.map(\.subdivision)

        static let cities: [City] = [
            // Cities of republican significance
            city("Astana", "Астана", "Астана", "KZ-71", former: ["KZ-11"], [
                "Астана", "Astana",
                "Нұр-Сұлтан", "Нур-Султан", "Nur-Sultan", "Nursultan", "Nūr-Sūltan",
                "Ақмола", "Акмола", "Akmola", "Aqmola",
                "Целиноград", "Tselinograd", "Акмолинск", "Akmolinsk"]),
            city("Almaty", "Алматы", "Алматы", "KZ-75", former: ["KZ-19"], [
                "Алматы", "Almaty", "Алма-Ата", "Alma-Ata", "Верный", "Vernyi", "Vernyy"]),
            city("Shymkent", "Шымкент", "Шымкент", "KZ-79", former: ["KZ-61"], [
                "Шымкент", "Shymkent", "Şymkent", "Чимкент", "Chimkent"]),
            // KZ-10 Abai (from East Kazakhstan, June 2022)
            city("Semey", "Семей", "Семей", "KZ-10", former: ["KZ-63"], [
                "Семей", "Semey", "Semei", "Семипалатинск", "Semipalatinsk"]),
            city("Kurchatov", "Курчатов", "Курчатов", "KZ-10", former: ["KZ-63"], [
                "Курчатов", "Kurchatov"]),
            city("Ayagoz", "Аягөз", "Аягоз", "KZ-10", former: ["KZ-63"], [
                "Аягөз", "Аягоз", "Ayagoz", "Aiagöz"]),
            // KZ-11 Akmola
            city("Kokshetau", "Көкшетау", "Кокшетау", "KZ-11", [
                "Көкшетау", "Кокшетау", "Kokshetau", "Kökşetau", "Кокчетав", "Kokchetav"]),
            city("Stepnogorsk", "Степногор", "Степногорск", "KZ-11", [
                "Степногорск", "Степногор", "Stepnogorsk"]),
            city("Shchuchinsk", "Щучинск", "Щучинск", "KZ-11", [
                "Щучинск", "Шучинск", "Shchuchinsk", "Shuchinsk"]),
            city("Atbasar", "Атбасар", "Атбасар", "KZ-11", ["Атбасар", "Atbasar"]),
            city("Kosshy", "Қосшы", "Косшы", "KZ-11", ["Қосшы", "Косшы", "Kosshy", "Qosşy"]),
            // KZ-15 Aktobe
            city("Aktobe", "Ақтөбе", "Актобе", "KZ-15", [
                "Ақтөбе", "Актобе", "Aktobe", "Aqtöbe", "Актюбинск", "Aktyubinsk"]),
            city("Khromtau", "Хромтау", "Хромтау", "KZ-15", ["Хромтау", "Khromtau"]),
            city("Kandyagash", "Қандыағаш", "Кандыагаш", "KZ-15", [
                "Қандыағаш", "Кандыагаш", "Kandyagash", "Qandyağaş"]),
            // KZ-19 Almaty Region
            city("Konaev", "Қонаев", "Конаев", "KZ-19", [
                "Қонаев", "Конаев", "Кунаев", "Konaev", "Konayev", "Qonaev", "Kunaev",
                "Қапшағай", "Капшагай", "Капчагай", "Kapchagay", "Kapshagay", "Qapshağai"]),
            city("Talgar", "Талғар", "Талгар", "KZ-19", ["Талғар", "Талгар", "Talgar"]),
            city("Esik", "Есік", "Есик", "KZ-19", ["Есік", "Есик", "Esik", "Иссык", "Issyk"]),
            city("Kaskelen", "Қаскелең", "Каскелен", "KZ-19", [
                "Қаскелең", "Каскелен", "Kaskelen", "Qaskeleñ"]),
            // KZ-23 Atyrau
            city("Atyrau", "Атырау", "Атырау", "KZ-23", [
                "Атырау", "Atyrau", "Гурьев", "Guryev", "Gurev"]),
            city("Kulsary", "Құлсары", "Кульсары", "KZ-23", [
                "Құлсары", "Кульсары", "Kulsary", "Qūlsary"]),
            // KZ-27 West Kazakhstan
            city("Oral", "Орал", "Уральск", "KZ-27", ["Орал", "Уральск", "Oral", "Uralsk"]),
            city("Aksay", "Ақсай", "Аксай", "KZ-27", ["Ақсай", "Аксай", "Aksay", "Aqsai"]),
            // KZ-31 Jambyl
            city("Taraz", "Тараз", "Тараз", "KZ-31", [
                "Тараз", "Taraz", "Джамбул", "Dzhambul", "Аулие-Ата", "Әулиеата", "Aulie-Ata"]),
            city("Shu", "Шу", "Шу", "KZ-31", ["Шу", "Shu"]),
            city("Zhanatas", "Жаңатас", "Жанатас", "KZ-31", [
                "Жаңатас", "Жанатас", "Zhanatas", "Janatas"]),
            city("Karatau", "Қаратау", "Каратау", "KZ-31", ["Қаратау", "Каратау", "Karatau", "Qaratau"]),
            // KZ-33 Jetisu (from Almaty Region, June 2022)
            city("Taldykorgan", "Талдықорған", "Талдыкорган", "KZ-33", former: ["KZ-19"], [
                "Талдықорған", "Талдыкорган", "Taldykorgan", "Taldyqorğan", "Талды-Курган", "Taldy-Kurgan"]),
            city("Tekeli", "Текелі", "Текели", "KZ-33", former: ["KZ-19"], ["Текелі", "Текели", "Tekeli"]),
            city("Zharkent", "Жаркент", "Жаркент", "KZ-33", former: ["KZ-19"], [
                "Жаркент", "Zharkent", "Jarkent", "Панфилов", "Panfilov"]),
            city("Ushtobe", "Үштөбе", "Уштобе", "KZ-33", former: ["KZ-19"], [
                "Үштөбе", "Уштобе", "Ushtobe", "Üştöbe"]),
            // KZ-35 Karaganda
            city("Karaganda", "Қарағанды", "Караганда", "KZ-35", [
                "Қарағанды", "Караганда", "Qarağandy", "Qaraghandy", "Karagandy", "Karaganda"]),
            city("Temirtau", "Теміртау", "Темиртау", "KZ-35", ["Теміртау", "Темиртау", "Temirtau"]),
            city("Balkhash", "Балқаш", "Балхаш", "KZ-35", ["Балқаш", "Балхаш", "Balkhash", "Balqash"]),
            city("Shakhtinsk", "Шахтинск", "Шахтинск", "KZ-35", ["Шахтинск", "Shakhtinsk", "Şahtinsk"]),
            city("Saran", "Саран", "Сарань", "KZ-35", ["Саран", "Сарань", "Saran"]),
            city("Priozersk", "Приозерск", "Приозерск", "KZ-35", ["Приозерск", "Priozersk"]),
            // KZ-39 Kostanay
            city("Kostanay", "Қостанай", "Костанай", "KZ-39", [
                "Қостанай", "Костанай", "Kostanay", "Qostanai", "Кустанай", "Kustanay"]),
            city("Rudny", "Рудный", "Рудный", "KZ-39", ["Рудный", "Rudny", "Rudnyi", "Rudnyy"]),
            city("Lisakovsk", "Лисаковск", "Лисаковск", "KZ-39", ["Лисаковск", "Lisakovsk"]),
            city("Arkalyk", "Арқалық", "Аркалык", "KZ-39", ["Арқалық", "Аркалык", "Arkalyk", "Arqalyq"]),
            // KZ-43 Kyzylorda
            city("Kyzylorda", "Қызылорда", "Кызылорда", "KZ-43", [
                "Қызылорда", "Кызылорда", "Kyzylorda", "Qyzylorda", "Кзыл-Орда", "Kzyl-Orda"]),
            city("Aral", "Арал", "Аральск", "KZ-43", ["Арал", "Аральск", "Aral", "Aralsk"]),
            city("Baikonur", "Байқоңыр", "Байконур", "KZ-43", [
                "Байқоңыр", "Байконур", "Baikonur", "Baikonyr", "Baiqoñyr", "Ленинск", "Leninsk"]),
            // KZ-47 Mangystau
            city("Aktau", "Ақтау", "Актау", "KZ-47", ["Ақтау", "Актау", "Aktau", "Aqtau", "Шевченко", "Shevchenko"]),
            city("Zhanaozen", "Жаңаөзен", "Жанаозен", "KZ-47", [
                "Жаңаөзен", "Жанаозен", "Zhanaozen", "Janaözen", "Новый Узень", "Novyi Uzen"]),
            // KZ-55 Pavlodar
            city("Pavlodar", "Павлодар", "Павлодар", "KZ-55", ["Павлодар", "Pavlodar"]),
            city("Ekibastuz", "Екібастұз", "Экибастуз", "KZ-55", [
                "Екібастұз", "Экибастуз", "Екибастуз", "Ekibastuz", "Ekıbastūz"]),
            city("Aksu", "Ақсу", "Аксу", "KZ-55", ["Ақсу", "Аксу", "Aksu", "Aqsu", "Ермак", "Yermak", "Ermak"]),
            // KZ-59 North Kazakhstan
            city("Petropavl", "Петропавл", "Петропавловск", "KZ-59", [
                "Петропавл", "Петропавловск", "Petropavl", "Petropavlovsk"]),
            // KZ-61 Turkistan
            city("Turkistan", "Түркістан", "Туркестан", "KZ-61", [
                "Түркістан", "Туркестан", "Turkistan", "Turkestan", "Türkıstan"]),
            city("Kentau", "Кентау", "Кентау", "KZ-61", ["Кентау", "Kentau"]),
            city("Arys", "Арыс", "Арыс", "KZ-61", ["Арыс", "Arys"]),
            city("Saryagash", "Сарыағаш", "Сарыагаш", "KZ-61", [
                "Сарыағаш", "Сарыагаш", "Saryagash", "Saryağaş"]),
            city("Zhetisay", "Жетісай", "Жетысай", "KZ-61", [
                "Жетісай", "Жетысай", "Zhetisay", "Zhetysai", "Jetısai"]),
            // KZ-62 Ulytau (from Karaganda Region, June 2022)
            city("Zhezkazgan", "Жезқазған", "Жезказган", "KZ-62", former: ["KZ-35"], [
                "Жезқазған", "Жезказган", "Джезказган", "Zhezkazgan", "Jezqazğan", "Dzhezkazgan"]),
            city("Satpayev", "Сәтбаев", "Сатпаев", "KZ-62", former: ["KZ-35"], [
                "Сәтбаев", "Сатпаев", "Satpayev", "Satpaev", "Satbayev", "Satbaev"]),
            city("Karazhal", "Қаражал", "Каражал", "KZ-62", former: ["KZ-35"], [
                "Қаражал", "Каражал", "Karazhal", "Qarajal"]),
            // KZ-63 East Kazakhstan
            city("Oskemen", "Өскемен", "Усть-Каменогорск", "KZ-63", [
                "Өскемен", "Оскемен", "Усть-Каменогорск", "Oskemen", "Öskemen", "Ust-Kamenogorsk"]),
            city("Ridder", "Риддер", "Риддер", "KZ-63", ["Риддер", "Ridder", "Лениногорск", "Leninogorsk"]),
            city("Altai", "Алтай", "Алтай", "KZ-63", ["Алтай", "Altai", "Altay", "Зыряновск", "Zyryanovsk"]),
        ]

        private static func city(_ name: String, _ kazakh: String, _ russian: String, _ region: String,
                                 former: [String] = [], _ spellings: [String]) -> City {
            City(name: name, nameKazakh: kazakh, nameRussian: russian, region: region,
                 formerRegions: former, spellings: spellings)
        }

        /// Words that mark a city when they open or close a cell.
        static let cityAffixes: [String] = [
            "г", "гор", "город", "городе", "қ", "қала", "қаласы", "қаласында", "қаласының",
            "g", "gor", "gorod", "q", "qala", "qalasy", "city", "town",
        ]

        /// Words that mark a region when they open or close a cell.
        static let regionAffixes: [String] = [
            "обл", "область", "области", "облыс", "облысы", "облысында", "облысының",
            "obl", "oblast", "oblys", "oblysy", "region", "province",
        ]

        /// The keys of a region name: a Russian adjective (`Карагандинская`,
        /// `Karagandinskaya`) also in the oblique cases an address puts it in
        /// (`Карагандинской области`, `в Карагандинскую область`).
        static func adjectiveForms(_ name: String) -> [String] {
            let key = PlaceKey.key(name)
            guard key.hasSuffix("skaia") else { return [key] }
            let stem = String(key.dropLast(3))
            return [key, stem + "oi", stem + "uiu"]
        }

        /// Country names ignored as one part of a compound cell.
        static let countryNames: [String] = [
            "Казахстан", "Қазақстан", "Республика Казахстан", "Қазақстан Республикасы", "РК", "ҚР",
            "Kazakhstan", "Qazaqstan", "Republic of Kazakhstan", "KZ",
        ]

        /// What a part of a cell resolved to.
        struct Hit: Hashable {
            var place: Place
            var formerRegions: [String]
        }

        /// Lookup tables keyed by `PlaceKey.key`.
        struct Index: Sendable {
            var subdivisionByCode: [String: Subdivision] = [:]
            var cityByKey: [String: Hit] = [:]
            var regionWithAffixByKey: [String: Hit] = [:]
            var regionAloneByKey: [String: Hit] = [:]
            var countryKeys: Set<String> = []
            var cityAffixKeys: Set<String> = []
            var regionAffixKeys: Set<String> = []
            /// Keys two different places claimed, or a key that is both a city
            /// and a region on its own. Always empty for a sound gazetteer.
            var conflicts: [String] = []

            /// Resolves one part of a cell (no compound splitting).
            func resolvePart(_ text: String) -> Hit? {
                guard let parsed = PlaceKey.parse(text, cityAffixes: cityAffixKeys, regionAffixes: regionAffixKeys)
                else { return nil }
                switch (parsed.cityAffix, parsed.regionAffix) {
                case (true, true): return nil
                case (true, false): return cityByKey[parsed.key]
                case (false, true): return regionWithAffixByKey[parsed.key]
                case (false, false): return cityByKey[parsed.key] ?? regionAloneByKey[parsed.key]
                }
            }

            /// The place for a cell that is exactly an ISO code, `KZ-75`.
            func placeByCode(_ text: String) -> Place? {
                let trimmed = text.split(whereSeparator: { $0.isWhitespace }).joined()
                guard trimmed.count == 5, let sub = subdivisionByCode[trimmed.uppercased()] else { return nil }
                return Place(region: sub.code, regionName: sub.name, city: sub.kind == .city ? sub.centre : nil)
            }

            func isCountry(_ text: String) -> Bool {
                countryKeys.contains(PlaceKey.key(text))
            }
        }

        static let index: Index = {
            var index = Index()
            for region in regions {
                index.subdivisionByCode[region.subdivision.code] = region.subdivision
            }
            func insert(_ key: String, _ hit: Hit, into table: inout [String: Hit], conflicts: inout [String]) {
                if let old = table[key], old.place != hit.place {
                    conflicts.append("\(key): \(old.place) vs \(hit.place)")
                } else {
                    table[key] = hit
                }
            }
            for city in cities {
                guard let sub = index.subdivisionByCode[city.region] else {
                    index.conflicts.append("\(city.name): unknown region \(city.region)")
                    continue
                }
                let hit = Hit(place: Place(region: sub.code, regionName: sub.name, city: city.name),
                              formerRegions: city.formerRegions)
                for spelling in city.spellings + [city.name, city.nameKazakh, city.nameRussian] {
                    insert(PlaceKey.key(spelling), hit, into: &index.cityByKey, conflicts: &index.conflicts)
                }
            }
            for region in regions where region.subdivision.kind == .region {
                let sub = region.subdivision
                let hit = Hit(place: Place(region: sub.code, regionName: sub.name, city: nil), formerRegions: [])
                for key in region.alone.flatMap(adjectiveForms) {
                    insert(key, hit, into: &index.regionAloneByKey, conflicts: &index.conflicts)
                }
                for key in region.alone.flatMap(adjectiveForms) + region.withAffix.map(PlaceKey.key) {
                    insert(key, hit, into: &index.regionWithAffixByKey, conflicts: &index.conflicts)
                }
            }
            for key in index.regionAloneByKey.keys where index.cityByKey[key] != nil {
                index.conflicts.append("\(key): both a city and a region on its own")
            }
            index.cityAffixKeys = Set(cityAffixes.map(PlaceKey.key))
            index.regionAffixKeys = Set(regionAffixes.map(PlaceKey.key))
            index.countryKeys = Set(countryNames.map(PlaceKey.key))
            return index
        }()
    }
}
