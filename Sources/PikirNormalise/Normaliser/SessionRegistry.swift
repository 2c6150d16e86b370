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

        public init(id: String, city: String?, from: Dates.CalendarDate, to: Dates.CalendarDate, trainerKey: String?, module: String?, registered: Int?) {
            self.id = id
            self.city = city
            self.from = from
            self.to = to
            self.trainerKey = trainerKey
            self.module = module
            self.registered = registered
        }
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
