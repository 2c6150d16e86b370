/// A place where the input bytes are not valid in the file's encoding.
///
/// The transcoder never guesses at such bytes: it records where they are so
/// the record that contains them can be rejected with the file offset.
public struct DecodeIssue: Sendable, Equatable {
    /// Offset of the offending bytes in the transcoded (UTF-8) block.
    public var outputOffset: Int
    /// Offset of the offending bytes in the file, counting from its first byte.
    public var fileOffset: Int
    /// What was wrong, for the reject message (e.g. "byte 0x98 is undefined in cp1251").
    public var detail: String
}
