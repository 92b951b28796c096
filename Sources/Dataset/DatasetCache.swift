#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Engine

/// The decoded-dataset cache: one binary file per dataset path, holding pixels, labels, splits,
/// sources and the load's skipped-file list, so a second load skips all decoding.
///
/// Location: `CacheLocation` (default `~/.cache/fer/datasets/`, so read-only dataset folders
/// work), file `<dataset name>-<hash of its absolute path>.fercache`.
///
/// Validity: the header carries a fingerprint of the source (every file's relative path, size
/// and modification time, or the CSV's; plus this format's version and the load options that
/// change the result). Any change to the files gives another fingerprint and the cache is
/// rebuilt. Both blocks carry an XXH64 checksum; a truncated, corrupt or foreign file is
/// reported as such and rebuilt, never trusted.
///
/// Format (little-endian):
/// ```
/// header   56 bytes: magic "FERCACHE" | version UInt32 | reserved UInt32 | fingerprint UInt64
///                    | metadata byte count UInt64 | metadata XXH64 | pixel byte count UInt64
///                    | pixel checksum (`BlockChecksum`)
/// metadata root, layout UInt8, class names, count UInt32, labels [UInt8], splits [UInt8],
///          sources (path, line UInt32, 0 = none), skipped (path, line, reason), notes
/// pixels   count × 2304 bytes
/// ```
/// Strings are a UInt32 byte count and UTF-8 bytes.
enum DatasetCache {
    /// Bump when the format or the decoding changes, so old caches are rebuilt.
    static let formatVersion: UInt32 = 1
    static let magic = Array("FERCACHE".utf8)
    static let headerByteCount = 56

    /// Why a cache file could not be used.
    enum Miss: Error, Equatable {
        /// No cache file yet.
        case absent
        /// The dataset's files changed since the cache was written.
        case stale
        /// The file is damaged or of another version.
        case unusable(String)
    }

    /// The folder for `location`, or nil when caching is off or no home folder is known.
    static func directory(for location: CacheLocation) -> String? {
        switch location {
        case .disabled:
            return nil
        case let .directory(path):
            return FileSystem.absolutePath(path)
        case .userCache:
            return CacheFolder.path().map { "\($0)/datasets" }
        }
    }

    /// The cache file of the dataset at `datasetPath` (absolute) inside `directory`.
    static func filePath(directory: String, datasetPath: String) -> String {
        let name = datasetPath.split(separator: "/").last.map(String.init) ?? "root"
        let safeName = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }.prefix(40))
        let key = XXHash64.hash(Array(datasetPath.utf8))
        return "\(directory)/\(safeName)-\(String(key, radix: 16)).fercache"
    }

    // MARK: Reading

    /// The cached contents at `path` if the file is intact and matches `fingerprint`.
    static func read(path: String, fingerprint: UInt64) -> Result<LoadedData, Miss> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            return .failure(errno == ENOENT ? .absent : .unusable(FileSystem.systemError()))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unusable(FileSystem.systemError())) }
        do {
            let fileSize = Int(info.st_size)
            let contents = try read(descriptor: descriptor, fileSize: fileSize, fingerprint: fingerprint)
            return .success(contents)
        } catch {
            return .failure(error)
        }
    }

    private static func read(
        descriptor: Int32, fileSize: Int, fingerprint: UInt64
    ) throws(Miss) -> LoadedData {
        var header = ByteReader(try readBytes(descriptor, count: headerByteCount))
        do {
            guard Array(try header.readBytes(magic.count)) == magic else {
                throw Miss.unusable("not a fer cache file")
            }
            let version = try header.read(UInt32.self)
            guard version == formatVersion else {
                throw Miss.unusable("cache format \(version), expected \(formatVersion)")
            }
            _ = try header.read(UInt32.self)
            guard try header.read(UInt64.self) == fingerprint else { throw Miss.stale }
            let metadataCount = try header.read(UInt64.self)
            let metadataChecksum = try header.read(UInt64.self)
            let pixelCount = try header.read(UInt64.self)
            let pixelChecksum = try header.read(UInt64.self)
            // Sizes are checked against the file before anything that large is allocated.
            guard metadataCount + pixelCount + UInt64(headerByteCount) == UInt64(fileSize) else {
                throw Miss.unusable("file is \(fileSize) bytes, header promises more or less")
            }
            let metadata = try readBytes(descriptor, count: Int(metadataCount))
            guard XXHash64.hash(metadata) == metadataChecksum else {
                throw Miss.unusable("metadata checksum mismatch")
            }
            let pixelStart = headerByteCount + Int(metadataCount)
            guard let (pixels, checksum) = BlockChecksum.read(
                descriptor: descriptor, offset: pixelStart, count: Int(pixelCount)
            ) else {
                throw Miss.unusable("file shorter than its header says")
            }
            guard checksum == pixelChecksum else { throw Miss.unusable("pixel checksum mismatch") }
            return try decodeMetadata(metadata, pixels: pixels)
        } catch let miss as Miss {
            throw miss
        } catch {
            throw .unusable("truncated header or metadata")
        }
    }

    private static func readBytes(_ descriptor: Int32, count: Int) throws(Miss) -> [UInt8] {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            let read = FileSystem.readFully(descriptor, into: UnsafeMutableRawBufferPointer(buffer))
            failed = read != count
            initialized = max(0, read)
        }
        guard !failed else { throw .unusable("file shorter than its header says") }
        return bytes
    }

    private static func decodeMetadata(_ metadata: [UInt8], pixels: [UInt8]) throws -> LoadedData {
        var reader = ByteReader(metadata)
        let root = try reader.readString()
        guard let layout = DatasetLayout(rawValue: try reader.read(UInt8.self)) else {
            throw Miss.unusable("unknown layout")
        }
        let classCount = Int(try reader.read(UInt32.self))
        guard (1 ... 256).contains(classCount) else { throw Miss.unusable("bad class count") }
        var classNames: [String] = []
        for _ in 0 ..< classCount { classNames.append(try reader.readString()) }
        let count = Int(try reader.read(UInt32.self))
        guard pixels.count == count * FaceDataset.imageByteCount else {
            throw Miss.unusable("pixel count mismatch")
        }
        let labels = Array(try reader.readBytes(count))
        guard labels.allSatisfy({ Int($0) < classCount }) else { throw Miss.unusable("label out of range") }
        var splits: [Split] = []
        splits.reserveCapacity(count)
        for raw in try reader.readBytes(count) {
            guard let split = Split(rawValue: raw) else { throw Miss.unusable("unknown split") }
            splits.append(split)
        }
        var sources: [SampleSource] = []
        sources.reserveCapacity(count)
        for _ in 0 ..< count { sources.append(try readSource(&reader)) }
        var skipped: [SkippedFile] = []
        for _ in 0 ..< Int(try reader.read(UInt32.self)) {
            let source = try readSource(&reader)
            skipped.append(SkippedFile(source: source, reason: try reader.readString()))
        }
        var notes: [String] = []
        for _ in 0 ..< Int(try reader.read(UInt32.self)) { notes.append(try reader.readString()) }
        guard reader.isAtEnd else { throw Miss.unusable("trailing metadata") }
        let dataset = FaceDataset(
            unchecked: pixels, labels: labels, classNames: classNames, splits: splits, sources: sources,
            root: root, layout: layout
        )
        return LoadedData(dataset: dataset, skipped: skipped, notes: notes)
    }

    private static func readSource(_ reader: inout ByteReader) throws -> SampleSource {
        let path = try reader.readString()
        let line = try reader.read(UInt32.self)
        return SampleSource(path: path, line: line == 0 ? nil : Int(line))
    }

    // MARK: Writing

    /// Writes `contents` to `path` atomically (temporary file, then rename), creating the folder.
    static func write(_ contents: LoadedData, fingerprint: UInt64, path: String) throws(DatasetError) {
        let dataset = contents.dataset
        var metadata = ByteWriter()
        metadata.append(dataset.root)
        metadata.append(dataset.layout.rawValue)
        metadata.append(UInt32(dataset.classNames.count))
        for name in dataset.classNames { metadata.append(name) }
        metadata.append(UInt32(dataset.count))
        metadata.append(dataset.labels)
        metadata.append(dataset.splits.map(\.rawValue))
        for source in dataset.sources { writeSource(source, to: &metadata) }
        metadata.append(UInt32(contents.skipped.count))
        for skipped in contents.skipped {
            writeSource(skipped.source, to: &metadata)
            metadata.append(skipped.reason)
        }
        metadata.append(UInt32(contents.notes.count))
        for note in contents.notes { metadata.append(note) }

        var header = ByteWriter()
        header.append(magic)
        header.append(formatVersion)
        header.append(UInt32(0))
        header.append(fingerprint)
        header.append(UInt64(metadata.bytes.count))
        header.append(XXHash64.hash(metadata.bytes))
        header.append(UInt64(dataset.pixels.count))
        header.append(dataset.pixels.withUnsafeBytes { BlockChecksum.checksum(of: $0) })

        if let slash = path.lastIndex(of: "/") { try FileSystem.createDirectories(String(path[..<slash])) }
        let failure: DatasetError? = header.bytes.withUnsafeBytes { headerBytes in
            metadata.bytes.withUnsafeBytes { metadataBytes in
                dataset.pixels.withUnsafeBytes { pixelBytes -> DatasetError? in
                    do throws(DatasetError) {
                        try FileSystem.writeAtomically(path, parts: [headerBytes, metadataBytes, pixelBytes])
                        return nil
                    } catch {
                        return error
                    }
                }
            }
        }
        if let failure { throw failure }
    }

    private static func writeSource(_ source: SampleSource, to writer: inout ByteWriter) {
        writer.append(source.path)
        writer.append(UInt32(clamping: source.line ?? 0))
    }
}
