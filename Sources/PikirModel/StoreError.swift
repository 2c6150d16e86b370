import Foundation

/// A warehouse problem, written for the user: the warehouse's path, what is
/// wrong and what to do, on one line. SQLite's own words are kept in
/// brackets; the SQL that failed never is (a damaged warehouse once printed a
/// whole SELECT).
public struct StoreError: Error, CustomStringConvertible, LocalizedError {
    public enum Code: String, Sendable {
        case missingWarehouse = "missing_warehouse", busy, database, full, damaged, unwritable
        case newerWarehouse = "newer_warehouse"
    }

    public var code: Code
    public var message: String
    /// What is wrong, without the path (empty for the few errors made from a whole message).
    public var problem = ""
    /// What to do.
    public var advice = ""
    public var description: String { message }
    public var errorDescription: String? { message }

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public init(code: Code, problem: String, advice: String, path: String) {
        self.init(code: code, message: "\(path): \(problem); \(advice)")
        self.problem = problem
        self.advice = advice
    }

    /// Whatever stopped a write to the warehouse named `path` (a warehouse
    /// gives its own errors as `StoreError`s already).
    public init(writing error: Error, path: String) {
        switch error {
        case let error as StoreError: self = error
        default:
            self.init(code: .database, problem: "the warehouse could not be written (\(error))",
                      advice: "run again; if it happens again, report it with this message", path: path)
        }
    }
}
