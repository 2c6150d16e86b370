/// What a login of a shared warehouse may see and write, granted by the
/// warehouse's owner (`WarehouseLocation.grant`): one region's responses,
/// rejects and files (a centre), or every region's, only to read (the ministry).
public enum RegionAccess: Sendable, Equatable {
    /// One region, by its ISO 3166-2:KZ code (`KZ-75`); a centre writes it unless `readOnly`.
    case region(String, readOnly: Bool)
    /// Every region; only `readOnly: true` is granted (see `grant`).
    case all(readOnly: Bool)

    public var readOnly: Bool {
        switch self {
        case .region(_, let readOnly), .all(let readOnly): readOnly
        }
    }

    /// The region, nil for all of them.
    public var region: String? {
        if case .region(let code, _) = self { return code }
        return nil
    }
}
