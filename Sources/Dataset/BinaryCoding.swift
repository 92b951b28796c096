/// Little-endian writer for the cache's metadata block.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append<Integer: FixedWidthInteger>(_ value: Integer) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    /// A UTF-8 string prefixed by its byte count (UInt32).
    mutating func append(_ string: String) {
        append(UInt32(string.utf8.count))
        bytes.append(contentsOf: string.utf8)
    }
}

/// Bounds-checked little-endian reader: every read past the end throws instead of trapping,
/// because the bytes come from a cache file that may be truncated or corrupt.
struct ByteReader {
    struct OutOfData: Error {}

    private let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func read<Integer: FixedWidthInteger>(_: Integer.Type) throws(OutOfData) -> Integer {
        let size = MemoryLayout<Integer>.size
        guard offset + size <= bytes.count else { throw OutOfData() }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Integer.self) }
        offset += size
        return Integer(littleEndian: value)
    }

    /// `count` raw bytes.
    mutating func readBytes(_ count: Int) throws(OutOfData) -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else { throw OutOfData() }
        defer { offset += count }
        return bytes[offset ..< offset + count]
    }

    /// A string written by `ByteWriter.append(_: String)`.
    mutating func readString() throws(OutOfData) -> String {
        let length = Int(try read(UInt32.self))
        return String(decoding: try readBytes(length), as: UTF8.self)
    }
}
