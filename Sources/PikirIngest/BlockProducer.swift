import Dispatch

/// A block of UTF-8 text and the spots in it that could not be decoded.
struct DecodedBlock {
    var text: UnsafeRawBufferPointer
    var issues: [DecodeIssue]
}

/// Reads a file in blocks and decodes each to UTF-8.
///
/// Large files are read and decoded on a second thread, a few blocks ahead of
/// the parser, so reading and transcoding cost no parse time on a machine
/// with two cores; small files are read inline. Either way a multi-byte
/// character split between blocks is carried to the next block.
final class BlockProducer: @unchecked Sendable {
    private final class Slot {
        let raw: UnsafeMutableRawPointer
        let transcoder: Transcoder
        var block = DecodedBlock(text: UnsafeRawBufferPointer(start: nil, count: 0), issues: [])
        var error: Error?
        var isLast = false

        init(capacity: Int, encoding: TextEncoding) {
            raw = .allocate(byteCount: capacity, alignment: 16)
            transcoder = Transcoder(encoding: encoding)
        }
        deinit { raw.deallocate() }
    }

    private let source: ByteSource
    /// Where reading stops: the file's end, or the end of a part (a line end).
    private let end: Int
    private let blockSize: Int
    private let slots: [Slot]
    private let threaded: Bool
    private var produceOffset: Int
    private var produceIndex = 0
    private var consumeIndex = 0
    private var finished = false
    private let filled = DispatchSemaphore(value: 0)
    private let free: DispatchSemaphore
    private let done = DispatchSemaphore(value: 0)
    private var cancelled = false  // written by the consumer, read by the producer between blocks
    private let lock = DispatchQueue(label: "pikir.block-producer")

    /// - Parameters:
    ///   - end: Where to stop (the file's end unless given); a character
    ///     must not straddle it, as none straddles a line end.
    ///   - readsAhead: Whether a large range is read on a thread of its own.
    ///     Not for the parts of a file read in parts, whose threads already
    ///     keep every core busy: there each part of 512 KiB (a little more,
    ///     to its line end) started a thread and three blocks of its own, and
    ///     the 1M-row file's 400 parts spent 5% of the run reading ahead.
    init(source: ByteSource, encoding: TextEncoding, start: Int, end: Int? = nil, blockSize: Int, readsAhead: Bool = true) {
        self.source = source
        self.end = min(end ?? source.size, source.size)
        self.blockSize = blockSize
        produceOffset = start
        threaded = readsAhead && self.end - start > 2 * blockSize
        let count = threaded ? 3 : 1
        slots = (0..<count).map { _ in Slot(capacity: blockSize + 8, encoding: encoding) }
        free = DispatchSemaphore(value: count)
        if threaded {
            WorkerThread.start(name: "pikir.decode") { [self] in
                produceAll()
                done.signal()
            }
        }
    }

    deinit {
        if threaded {
            lock.sync { cancelled = true }
            free.signal()
            done.wait()
        }
        carryBuffer.deallocate()
    }

    /// The next block, valid until the following call; nil at the end.
    func next() throws -> DecodedBlock? {
        if finished { return nil }
        if threaded {
            if consumeIndex > 0 { free.signal() }  // the previous block is no longer read
            filled.wait()
        } else {
            produce(into: slots[0], carried: carriedCount)
        }
        let slot = slots[consumeIndex % slots.count]
        consumeIndex += 1
        if let error = slot.error { finished = true; throw error }
        if slot.isLast { finished = true }
        if slot.block.text.count == 0 && slot.isLast { return nil }
        return slot.block
    }

    private var carriedCount = 0

    private func produceAll() {
        while true {
            free.wait()
            if lock.sync(execute: { cancelled }) { return }
            let slot = slots[produceIndex % slots.count]
            produce(into: slot, carried: carriedCount)
            produceIndex += 1
            let last = slot.isLast || slot.error != nil
            filled.signal()
            if last { return }
        }
    }

    /// Reads and decodes one block into `slot`.
    private func produce(into slot: Slot, carried: Int) {
        do {
            if carried > 0 { slot.raw.copyMemory(from: carryBuffer, byteCount: carried) }
            let wanted = max(0, min(blockSize, end - produceOffset - carried))
            let got = wanted == 0 ? 0 : try source.read(into: slot.raw + carried, count: wanted, at: produceOffset + carried)
            let total = carried + got
            let final = got == 0 || produceOffset + total >= end
            let block = UnsafeRawBufferPointer(start: slot.raw, count: total)
            let tail = slot.transcoder.incompleteTail(block, final: final)
            slot.block.issues.removeAll(keepingCapacity: true)
            slot.block.text = slot.transcoder.decode(UnsafeRawBufferPointer(rebasing: block[0..<(total - tail)]),
                                                     fileOffset: produceOffset, issues: &slot.block.issues)
            if tail > 0 { carryBuffer.copyMemory(from: slot.raw + (total - tail), byteCount: tail) }
            produceOffset += total - tail
            carriedCount = tail
            slot.isLast = final && tail == 0
        } catch {
            slot.error = error
            slot.isLast = true
        }
    }

    private let carryBuffer = UnsafeMutableRawPointer.allocate(byteCount: 8, alignment: 8)
}

