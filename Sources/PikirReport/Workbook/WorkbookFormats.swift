import CLibXlsxWriter

/// The workbook's cell formats, each made once (libxlsxwriter keeps every
/// format it is given until the workbook closes) and owned by the workbook.
struct WorkbookFormats {
    private let workbook: UnsafeMutablePointer<lxw_workbook>
    private var numbers: [WorkbookContent.NumberFormat: UnsafeMutablePointer<lxw_format>] = [:]
    /// The header row: bold.
    let header: UnsafeMutablePointer<lxw_format>?
    /// A withheld value: a light grey fill.
    let suppressed: UnsafeMutablePointer<lxw_format>?

    init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
        self.workbook = workbook
        header = workbook_add_format(workbook)
        format_set_bold(header)
        suppressed = workbook_add_format(workbook)
        format_set_pattern(suppressed, UInt8(LXW_PATTERN_SOLID.rawValue))
        format_set_bg_color(suppressed, 0xD9D9D9)
    }

    /// The format for a number; nil (Excel's General) for `.general`.
    subscript(_ kind: WorkbookContent.NumberFormat) -> UnsafeMutablePointer<lxw_format>? {
        mutating get {
            if kind == .general { return nil }
            if let made = numbers[kind] { return made }
            let format = workbook_add_format(workbook)
            Self.code(kind).withCString { format_set_num_format(format, $0) }
            numbers[kind] = format
            return format
        }
    }

    /// Excel's number format codes.
    static func code(_ kind: WorkbookContent.NumberFormat) -> String {
        switch kind {
        case .general: "General"
        case .integer: "#,##0"
        case .decimals(let places): places > 0 ? "0." + String(repeating: "0", count: places) : "0"
        case .percent(let places): (places > 0 ? "0." + String(repeating: "0", count: places) : "0") + "%"
        case .date: "yyyy-mm-dd"
        }
    }
}
