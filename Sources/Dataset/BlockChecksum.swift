#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The cache's pixel checksum: XXH64 of each 4 MiB block, then XXH64 of those block hashes.
/// The value does not depend on the thread count, and blocks can be read and checked on all
/// cores at once — which halves a cached load, where faulting in 83 MB of fresh memory and
/// hashing it are the largest costs.
enum BlockChecksum {
    static let blockSize = 4 << 20

    /// Checksum of `bytes`, blocks hashed in parallel.
    static func checksum(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        let source = SharedReadOnly(buffer: bytes.bindMemory(to: UInt8.self))
        return hashBlocks(count: bytes.count) { range in
            XXHash64.hash(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(source.buffer)[range]))
        } ?? 0
    }

    /// Reads `count` bytes at `offset` of the open file `descriptor` into a new array, blocks in
    /// parallel, and returns them with their checksum; nil when the file is shorter.
    static func read(descriptor: Int32, offset: Int, count: Int) -> (bytes: [UInt8], checksum: UInt64)? {
        var checksum: UInt64?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            let output = DisjointWrites(buffer: buffer)
            checksum = hashBlocks(count: count) { range in
                let whole = UnsafeMutableRawBufferPointer(output.buffer)
                let block = UnsafeMutableRawBufferPointer(rebasing: whole[range])
                guard let base = block.baseAddress else { return nil }
                var done = 0
                while done < block.count {
                    let position = off_t(offset + range.lowerBound + done)
                    let got = pread(descriptor, base + done, block.count - done, position)
                    if got < 0, errno == EINTR { continue }
                    guard got > 0 else { return nil }
                    done += got
                }
                return XXHash64.hash(UnsafeRawBufferPointer(block))
            }
            // On failure the array is discarded; its bytes are never read.
            initialized = checksum == nil ? 0 : count
        }
        return checksum.map { (bytes, $0) }
    }

    /// Runs `hashBlock(byteRange)` for every block on all cores and combines the
    /// results; nil when any block fails.
    private static func hashBlocks(
        count: Int, hashBlock: @Sendable (Range<Int>) -> UInt64?
    ) -> UInt64? {
        let blockCount = (count + blockSize - 1) / blockSize
        var hashes = [UInt64](repeating: 0, count: blockCount)
        let failures = LockedCollector<Int>()
        hashes.withUnsafeMutableBufferPointer { buffer in
            let output = DisjointWrites(buffer: buffer)
            ParallelWork.run(itemCount: blockCount) { blocks in
                let block = blocks.lowerBound
                let range = block * blockSize ..< min(count, (block + 1) * blockSize)
                if let hash = hashBlock(range) {
                    output.buffer[block] = hash
                } else {
                    failures.append(contentsOf: [block])
                }
            }
        }
        guard failures.items.isEmpty else { return nil }
        var combined = ByteWriter()
        for hash in hashes { combined.append(hash) }
        return XXHash64.hash(combined.bytes)
    }
}
