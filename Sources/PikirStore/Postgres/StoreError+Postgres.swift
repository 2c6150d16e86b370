import PikirModel

extension StoreError {
    /// A connection that could not be made to the warehouse at `path` (libpq's message).
    init(connecting message: String, path: String) {
        let postgres = "PostgreSQL: \(message)"
        if message.contains("does not exist") && message.contains("database") {
            self.init(code: .missingWarehouse, problem: "no such database (\(postgres))",
                      advice: "create it first (`createdb NAME`, or ask the database's administrator), or give another --db", path: path)
        } else if message.contains("password") || message.contains("authentication") {
            self.init(code: .database, problem: "the server refused the login (\(postgres))",
                      advice: "put the password in PGPASSWORD or ~/.pgpass (never in the address), or check the user name", path: path)
        } else {
            self.init(code: .database, problem: "cannot connect (\(postgres))",
                      advice: "check that the server is running and the address is right, and run again", path: path)
        }
    }

    /// An error PostgreSQL reported while the warehouse at `path` was used;
    /// `sqlState` is its SQLSTATE code, when the server gave one.
    init(postgres message: String, sqlState: String?, path: String) {
        let postgres = "PostgreSQL: \(message)"
        switch sqlState ?? "" {
        case "40001", "40P01", "55P03":
            self.init(code: .busy, problem: "another pikir is writing to this warehouse (\(postgres))",
                      advice: "wait for it to finish and run again", path: path)
        case "53100":
            self.init(code: .full, problem: "the server has no space left (\(postgres))",
                      advice: "ask the database's administrator to free some space, and run again", path: path)
        case let state where state.hasPrefix("42501") || state.hasPrefix("28"):
            self.init(code: .unwritable, problem: "this login may not do that (\(postgres))",
                      advice: "ask the database's administrator for the rights, or give another --db", path: path)
        case let state where state.hasPrefix("08") || state.isEmpty:
            self.init(code: .database, problem: "the connection to the server was lost (\(postgres))",
                      advice: "nothing of the file being written was kept; run again when the server is reachable", path: path)
        default:
            self.init(code: .database, problem: "the warehouse could not be used (\(postgres), SQLSTATE \(sqlState ?? "?"))",
                      advice: "run again; if it happens again, report it with this message", path: path)
        }
    }
}
