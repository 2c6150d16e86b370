import Foundation

/// Threads of their own for work that waits: a block producer waiting for a
/// free slot, a file reader waiting for the writer, a normaliser lane.
///
/// Dispatch's global queues on Linux run on a pool of about one thread per
/// core; work that blocks on a semaphore holds a pool thread, so with two
/// files read at once the lanes' batches sat queued behind blocked readers
/// and an ingest with two workers ran slower than with one.
public enum WorkerThread {
    /// Runs `body` on a new thread.
    public static func start(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.start()
    }
}

/// One thread that runs the closures given to it one after another, in order.
///
/// The thread ends after `finish()` once its queue is empty; closures are
/// never run concurrently, so state used only by them needs no lock.
public final class SerialWorker: @unchecked Sendable {
    /// Run closures are cleared at once: they hold whole batches of records.
    private var queue: [(@Sendable () -> Void)?] = []
    private var head = 0
    private var finished = false
    private let lock = NSLock()
    private let available = DispatchSemaphore(value: 0)
    private let ended = DispatchSemaphore(value: 0)

    public init(name: String) {
        WorkerThread.start(name: name) { [self] in run() }
    }

    /// Queues `work` to run after everything queued before it.
    public func submit(_ work: @escaping @Sendable () -> Void) {
        lock.lock()
        queue.append(work)
        lock.unlock()
        available.signal()
    }

    /// Lets the thread end once the queue is empty, and waits for it.
    public func finish() {
        lock.lock()
        finished = true
        lock.unlock()
        available.signal()
        ended.wait()
    }

    private func run() {
        while true {
            available.wait()
            lock.lock()
            if head == queue.count {
                let done = finished
                lock.unlock()
                if done { break }
                continue
            }
            let work = queue[head]!
            queue[head] = nil
            head += 1
            if head > 64 && head * 2 > queue.count {  // drop the cleared prefix now and then
                queue.removeFirst(head)
                head = 0
            }
            lock.unlock()
            work()
        }
        ended.signal()
    }
}
