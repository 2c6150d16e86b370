import GRDB
import PikirModel
import PikirNormalise

/// Migration v4: session ids an earlier pikir derived from city, date and
/// trainer (`Almaty/2024-11-05/T01`) rewritten as the slugs it derives now
/// (`almaty-2024-11-05-t01`), so a warehouse's reports and its new ingests
/// name one session alike. An id is rewritten only when it is exactly what
/// the old rule made of its row's own city, date and trainer: a registry's
/// or an export's session id is never touched, whatever it looks like.
enum SessionSlugs {
    /// Rewrites the derived ids; returns the number of responses changed.
    ///
    /// - Complexity: two scans of the responses (the distinct ids, then one
    ///   update), whatever the number of sessions.
    static func run(_ db: Database) throws -> Int {
        let filter = "session_date IS NOT NULL AND instr(session_id, '/') > 0"
        let groups = try Row.fetchAll(db, sql: """
            SELECT DISTINCT session_id, city, session_date, trainer_id, trainer_name FROM response WHERE \(filter)
            """)
        try db.execute(sql: """
            CREATE TEMP TABLE session_slug (old TEXT NOT NULL, city TEXT, date TEXT NOT NULL, trainer_id TEXT, trainer_name TEXT,
                                            new TEXT NOT NULL);
            CREATE INDEX temp.session_slug_old ON session_slug (old);
            """)
        defer { try? db.execute(sql: "DROP TABLE temp.session_slug") }
        let insert = try db.makeStatement(sql: "INSERT INTO session_slug VALUES (?, ?, ?, ?, ?, ?)")
        var any = false
        for row in groups {
            let id: String = row[0], city: String? = row[1], date: String = row[2]
            let trainerID: String? = row[3], trainerName: String? = row[4]
            let key = trainerID ?? trainerName.map { SessionKey.trainerKey(cleanedName: $0) }
            guard id == SessionKey.legacy(city: city, date: date, trainerKey: key) else { continue }
            try insert.execute(arguments: [id, city, date, trainerID, trainerName, SessionKey.derived(city: city, date: date, trainerKey: key)])
            any = true
        }
        guard any else { return 0 }
        let match = """
            FROM session_slug s WHERE s.old = response.session_id AND s.city IS response.city AND s.date = response.session_date
                AND s.trainer_id IS response.trainer_id AND s.trainer_name IS response.trainer_name
            """
        try db.execute(sql: "UPDATE response SET session_id = (SELECT s.new \(match)) WHERE \(filter) AND EXISTS (SELECT 1 \(match))")
        return db.changesCount
    }
}
