import Foundation
import PikirIngest
import PikirModel
import PikirNormalise

/// One large file read in parts on several threads (`SplitRead`), its
/// batches handed to the file's channel in file order: the consumer gets
/// what the one-thread read gives, batch boundaries aside.
///
/// Each part has a channel of its own, of `capacity` batches: a part read
/// ahead of the consumer waits there for its turn, so memory stays flat
/// (parts in flight × capacity batches), and the part's thread with it.
/// The calling thread relays the channels of the parts on the true read,
/// one after another, into the file's channel.
enum SplitFileRead {
    /// Bytes per part when a part hands over rows: about a channel's worth
    /// of records (4 batches of 512 records of about 200 bytes), so a part
    /// read ahead seldom waits long.
    static let defaultPartBytes = 512 * 1024

    /// The part size from `PIKIR_PART_BYTES` (0: never split), else nil (by
    /// the file and the layout: `partBytes(forFileOf:layout:)`). Tests set
    /// it to cut small files; benchmarks to compare with the one-thread read.
    ///
    /// On two cores as on more: with each part normalised on the thread
    /// that reads it, the 1M-row file took 1.04–1.09 s in parts against
    /// 1.14–1.18 s whole (three alternating runs), for 58–60 MB of memory
    /// against 56–57. (With the records copied to normalising lanes, parts
    /// gave 1.26 s against 1.35 s for 71 MiB against 61.)
    static let partBytesSet: Int? = ProcessInfo.processInfo.environment["PIKIR_PART_BYTES"].flatMap { Int($0) }

    /// Bytes per part of a file of `size` bytes. Rows: `defaultPartBytes`.
    /// Grouped responses: a 32nd of the file, from 512 KiB to 4 MiB. Such a
    /// part is handed over whole, its keys and combinations (a few hundred
    /// kilobytes), so a larger part costs no memory, holds fewer
    /// combinations per response for the aggregation to add, and is set up
    /// fewer times (1M-row file: 0.645 s in parts of 512 KiB, 0.59 s in
    /// parts of 4 MiB, 2 MiB between; medians of six alternating runs).
    static func partBytes(forFileOf size: Int, layout: WriteBatch.Layout) -> Int {
        guard case .groups = layout else { return defaultPartBytes }
        return min(max(size / 32, defaultPartBytes), 4 << 20)
    }

    /// The parts of a file worth reading on `threads` threads: nil when it
    /// is read whole (one thread; under 16 parts' worth of bytes, 8 MiB by
    /// default, where threads cost more than they give; UTF-16).
    /// `partBytes`: a size set for every file (`partBytesSet`), or nil.
    static func parts(of reader: ExportReader, size: Int, threads: Int, layout: WriteBatch.Layout,
                      partBytes: Int? = partBytesSet) throws -> SplitRead? {
        guard threads > 1, SplitRead.canSplit(reader.format.encoding) else { return nil }
        if let partBytes, partBytes <= 0 || size < 16 * partBytes { return nil }
        if partBytes == nil && size < 16 * defaultPartBytes { return nil }
        let split = try SplitRead(reader: reader, partBytes: partBytes ?? Self.partBytes(forFileOf: size, layout: layout))
        return split.parts.count > 1 ? split : nil
    }

    /// Reads `split` into `channel` on `threads` threads, each normalising
    /// what it reads (`NormalisingSink`) with a normaliser of its own from
    /// `normalisers`; returns when every part's thread has ended and `channel` is finished.
    static func read(_ split: SplitRead, into channel: WriteChannel, threads: Int,
                     normalisers: [RecordNormaliser], layout: WriteBatch.Layout, capacity: Int = 4) {
        let channels = split.parts.map { _ in WriteChannel(capacity: capacity) }
        // A thread reads one part at a time: one normaliser each.
        let free = NormaliserPool(normalisers)
        let shared = UncheckedBox((channels, free))
        split.start(
            threads: min(threads, normalisers.count),
            sink: { i in
                let (channels, free) = shared.value
                return NormalisingSink(normaliser: free.take(), channel: channels[i], layout: layout)
            },
            voided: { i in shared.value.0[i].cancel() },
            ended: { i, sink, end in
                let (channels, free) = shared.value
                let part = channels[i]
                let sink = sink as? NormalisingSink
                switch end {
                case .read:
                    sink?.flush()
                    part.finish(error: nil)
                case .void:
                    part.cancel()
                    part.finish(error: nil)
                case .failed(let error):
                    part.finish(error: error)
                }
                if let sink { free.give(sink.normaliser) }
            })
        var failure: Error?
        var i = 0
        relay: while i < split.parts.count {
            while let batch = channels[i].receive() {
                // The consumer gave up: nothing more is read.
                guard channel.send(batch) else { break relay }
            }
            if let error = channels[i].failure {
                failure = error
                break
            }
            i = split.next(after: i)
        }
        if i < split.parts.count {
            split.cancel()
            for part in channels { part.cancel() }
        }
        split.wait()
        channel.finish(error: failure)
    }
}

/// The normalisers no part's thread holds.
private final class NormaliserPool: @unchecked Sendable {
    private var free: [RecordNormaliser]
    private let lock = NSLock()

    init(_ normalisers: [RecordNormaliser]) { free = normalisers }

    func take() -> RecordNormaliser {
        lock.lock()
        defer { lock.unlock() }
        // More threads than normalisers is ruled out by `read`'s thread count.
        precondition(!free.isEmpty, "a part's thread found no free normaliser")
        return free.removeLast()
    }

    func give(_ normaliser: RecordNormaliser) {
        lock.lock()
        free.append(normaliser)
        lock.unlock()
    }
}
