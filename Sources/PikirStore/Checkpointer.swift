import Foundation
import GRDB
import PikirIngest
import PikirModel

/// Copies the write-ahead log back into the warehouse file on a thread and
/// connection of its own while an ingest goes on writing.
///
/// SQLite's automatic checkpoint runs inside the commit of the connection
/// that wrote: on a million-row ingest it copied 290 MB and waited for two
/// disk syncs per file on the one thread every row must pass through (1.2 s
/// of a 9 s run). A passive checkpoint on another connection does the same
/// work beside the writer; SQLite lets a checkpoint and a writer run at once
/// in WAL mode, the writer appending while older frames are copied back.
/// Crash safety is unchanged: a commit is still durable in the log first.
final class Checkpointer {
    private let connection: DatabaseQueue
    private let worker = SerialWorker(name: "pikir.checkpoint")
    private let lock = NSLock()
    private var queued = false

    /// Opens the second connection; nil when it cannot be opened (the
    /// writer then keeps checkpointing itself).
    init?(path: String) {
        var config = Configuration()
        config.label = "pikir-checkpoint"
        guard let connection = try? DatabaseQueue(path: path, configuration: config) else { return nil }
        self.connection = connection
    }

    /// Asks for a checkpoint after a commit; requests made while one is
    /// still queued are folded into it.
    func request() {
        lock.lock()
        let alreadyQueued = queued
        queued = true
        lock.unlock()
        guard !alreadyQueued else { return }
        let box = Box(value: self)
        worker.submit {
            let checkpointer = box.value
            checkpointer.lock.lock()
            checkpointer.queued = false
            checkpointer.lock.unlock()
            // PASSIVE never waits for the writer; whatever it cannot copy yet
            // is copied by the next request or the last one.
            _ = try? checkpointer.connection.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)")
            }
        }
    }

    /// Runs a last checkpoint and waits for the thread to end.
    func finish() {
        request()
        worker.finish()
    }
}

/// Carries the checkpointer to its thread, which alone uses its connection.
private struct Box: @unchecked Sendable {
    let value: Checkpointer
}
