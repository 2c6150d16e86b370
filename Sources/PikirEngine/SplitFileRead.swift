import Foundation
import PikirIngest
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
    /// Bytes per part: about a channel's worth of records (4 batches of 512
    /// records of about 200 bytes), so a part read ahead seldom waits long.
    static let defaultPartBytes = 512 * 1024

    /// The part size from `PIKIR_PART_BYTES` (0: never split), else the
    /// default with more than two cores, else 0. Tests set it to cut small
    /// files; benchmarks to compare with the one-thread read.
    ///
    /// On two cores both are already busy normalising and aggregating: on the
    /// 1M-row file (issue 17, six alternating runs) parts gave 1.26 s against
    /// 1.35 s whole, for 71 MiB of memory against 61, over `agg --csv`'s 64 MB
    /// bound, so there a file is read whole unless asked.
    static let partBytes: Int = ProcessInfo.processInfo.environment["PIKIR_PART_BYTES"].flatMap { Int($0) }
        ?? (ProcessInfo.processInfo.activeProcessorCount > 2 ? defaultPartBytes : 0)

    /// The parts of a file worth reading on `threads` threads: nil when it
    /// is read whole (one thread; under 16 parts' worth of bytes, 8 MiB by
    /// default, where threads cost more than they give; UTF-16).
    static func parts(of reader: ExportReader, size: Int, threads: Int) throws -> SplitRead? {
        let partBytes = Self.partBytes
        guard threads > 1, partBytes > 0, size >= 16 * partBytes, SplitRead.canSplit(reader.format.encoding) else { return nil }
        let split = try SplitRead(reader: reader, partBytes: partBytes)
        return split.parts.count > 1 ? split : nil
    }

    /// Reads `split` into `channel` on `threads` threads, normalising on
    /// `lanes`; returns when every part's thread has ended and `channel` is finished.
    static func read(_ split: SplitRead, into channel: WriteChannel, threads: Int,
                     normalisers: [RecordNormaliser], lanes: [SerialWorker], capacity: Int = 4) {
        let channels = split.parts.map { _ in WriteChannel(capacity: capacity) }
        let shared = UncheckedBox((channels, normalisers, lanes))
        split.start(
            threads: threads,
            sink: { i in
                let (channels, normalisers, lanes) = shared.value
                return BatchingSink(normalisers: normalisers, lanes: lanes, channel: channels[i])
            },
            voided: { i in shared.value.0[i].cancel() },
            ended: { i, sink, end in
                let part = shared.value.0[i]
                switch end {
                case .read:
                    (sink as? BatchingSink)?.flush()
                    part.finish(error: nil)
                case .void:
                    part.cancel()
                    part.finish(error: nil)
                case .failed(let error):
                    part.finish(error: error)
                }
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
