/// Code points for bytes 0x80…0xFF of the Cyrillic single-byte code pages.
///
/// A zero entry marks a byte the code page leaves undefined (0x98 in both):
/// meeting one means the file is not in that code page.
enum SingleByteTables {
    /// Windows-1251, as published by Microsoft (checked against Python's `cp1251`).
    static let cp1251: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x0000, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
        0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
        0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
        0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
        0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
        0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
        0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
        0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
        0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
    ]

    /// The 16 bytes where KZ-1048 differs from Windows-1251 (checked against
    /// glibc's `RK1048` and Python's `kz1048`).
    static let kz1048Overrides: [UInt8: UInt16] = [
        0x8D: 0x049A, 0x9D: 0x049B,  // Қ қ  (Ќ ќ in 1251)
        0x8E: 0x04BA, 0x9E: 0x04BB,  // Һ һ  (Ћ ћ)
        0xA1: 0x04B0, 0xA2: 0x04B1,  // Ұ ұ  (Ў ў)
        0xA3: 0x04D8, 0xBC: 0x04D9,  // Ә ә  (Ј ј)
        0xA5: 0x04E8, 0xB4: 0x04E9,  // Ө ө  (Ґ ґ)
        0xAA: 0x0492, 0xBA: 0x0493,  // Ғ ғ  (Є є)
        0xAF: 0x04AE, 0xBF: 0x04AF,  // Ү ү  (Ї ї)
        0xBD: 0x04A2, 0xBE: 0x04A3,  // Ң ң  (Ѕ ѕ)
    ]

    static let kz1048: [UInt16] = {
        var table = cp1251
        for (byte, scalar) in kz1048Overrides { table[Int(byte) - 0x80] = scalar }
        return table
    }()

    /// Bytes whose Windows-1251 reading (Ќќ Ћћ Ўў Јј Ґґ Єє Її Ѕѕ) never occurs
    /// in Russian or Kazakh text: their presence means the file is KZ-1048.
    static let kz1048Markers: Set<UInt8> = Set(kz1048Overrides.keys)

    /// `kz1048Markers` as a table indexed by byte: the whole of a Windows-1251
    /// file is scanned for them, and a set hashed every Cyrillic byte.
    static let isKZ1048Marker: [Bool] = (0...255).map { kz1048Markers.contains(UInt8($0)) }

    /// UTF-8 bytes for every byte, packed for a table-driven transcoder:
    /// `utf8[b]` holds up to three bytes, the first in the low byte (a
    /// little-endian store puts them in order), and their count in the top
    /// byte; 0 for NUL and for the bytes the encoding leaves undefined.
    /// `high`: the scalars of bytes 0x80–0xFF (0: undefined).
    static func utf8Table(_ high: [UInt16]) -> [UInt32] {
        let ascii = (0..<0x80).map { b -> UInt32 in b == 0 ? 0 : (1 << 24) | UInt32(b) }
        return ascii + high.map { scalar -> UInt32 in
            let s = UInt32(scalar)
            switch s {
            case 0: return 0
            case ..<0x80: return (1 << 24) | s
            case ..<0x800:
                return (2 << 24) | (0xC0 | (s >> 6)) | ((0x80 | (s & 0x3F)) << 8)
            default:
                return (3 << 24) | (0xE0 | (s >> 12)) | ((0x80 | ((s >> 6) & 0x3F)) << 8) | ((0x80 | (s & 0x3F)) << 16)
            }
        }
    }
}
