/// The sessions registry: which training each response rates, and how many
/// people were registered for it (the denominator of response rates).
public struct SessionRegistry: Sendable {
    public struct Session: Sendable, Hashable {
        public var id: String
        /// Canonical city (as `Places` gives it), or the cleaned text.
        public var city: String?
        public var from: Dates.CalendarDate
        public var to: Dates.CalendarDate
        /// Trainer id when the trainer registry knows the name, else its match key.
        public var trainerKey: String?
        public var module: String?
        public var registered: Int?
    }

    public let sessions: [Session]

    public init(sessions: [Session]) { self.sessions = sessions }

    /// The one session held in `city` on `date` by the trainer; nil when none
    /// or more than one fits (never a guess).
    public func match(city: String?, date: Dates.CalendarDate?, trainerKey: String?) -> Session? {
        guard let date else { return nil }
        let fits = sessions.filter { s in
            s.from <= date && date <= s.to
                && (s.city == nil || s.city == city)
                && (s.trainerKey == nil || s.trainerKey == trainerKey)
        }
        return fits.count == 1 ? fits[0] : nil
    }
}

/// The session id of a response no registry names: city, date and trainer.
public enum SessionKey {
    /// `Almaty/2024-11-05/t01`; `-` for a missing city or trainer.
    ///
    /// - Parameter trainerKey: The registry id when the trainer resolved,
    ///   else the folded name (`TextFolding.matchKey` of the cleaned name).
    /// - Complexity: O(n) in the length of the parts, one allocation.
    public static func derived(city: String?, date: String, trainerKey: String?) -> String {
        let city = city ?? "-", trainer = trainerKey ?? "-"
        var id = ""
        id.reserveCapacity(city.utf8.count + date.utf8.count + trainer.utf8.count + 2)  // one allocation per row
        id += city
        id += "/"
        id += date
        id += "/"
        id += trainer
        return id
    }

    /// The key an unresolved trainer is matched and named by: the folded cleaned name.
    public static func trainerKey(cleanedName: String) -> String {
        TextFolding.matchKey(cleanedName)
    }
}
