import Foundation

/// Reading and writing `Checkpoint` as safetensors bytes:
/// 8-byte little-endian header length, JSON header, then raw little-endian F32 (or F16) data.
extension Checkpoint {
    /// How tensor values are stored.
    public enum Precision: Sendable, CaseIterable {
        /// 32-bit floats: exact.
        case float32
        /// 16-bit floats: half the size; each value rounded to 11 significant bits.
        case float16

        var dtype: String { self == .float32 ? "F32" : "F16" }
        var byteCount: Int { self == .float32 ? 4 : 2 }
    }

    /// Why a checkpoint cannot be stored in half precision.
    public struct HalfPrecisionOverflow: Error, CustomStringConvertible {
        public let tensor: String
        public var description: String {
            "tensor '\(tensor)' holds values beyond ±65504, the range of 16-bit floats; export it in full precision"
        }
    }

    private struct TensorHeader: Codable {
        var dtype: String
        var shape: [Int]
        var data_offsets: [Int]
    }

    /// Serialised bytes; tensors are laid out in name order.
    public func encoded(precision: Precision = .float32) throws -> Data {
        let names = tensors.keys.sorted()
        var payload = Data()
        var headers: [String: TensorHeader] = [:]
        for name in names {
            let tensor = tensors[name]!
            let start = payload.count
            switch precision {
            case .float32:
                tensor.values.withUnsafeBytes { payload.append(contentsOf: $0) }
            case .float16:
                let halves = tensor.values.map { Float16($0) }
                guard zip(halves, tensor.values).allSatisfy({ half, full in half.isFinite || !full.isFinite }) else {
                    throw HalfPrecisionOverflow(tensor: name)
                }
                halves.withUnsafeBytes { payload.append(contentsOf: $0) }
            }
            headers[name] = TensorHeader(
                dtype: precision.dtype, shape: tensor.shape, data_offsets: [start, payload.count]
            )
        }
        var metadata = metadata
        metadata.dataChecksum = String(payload.withUnsafeBytes { CRC32.checksum($0) }, radix: 16)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let metadataJSON = String(decoding: try encoder.encode(metadata), as: UTF8.self)
        var header = try JSONSerialization.jsonObject(with: encoder.encode(headers)) as! [String: Any]
        header["__metadata__"] = ["format": "fer-checkpoint", "fer": metadataJSON]
        var headerData = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        while headerData.count % 8 != 0 { headerData.append(0x20) }
        var result = Data()
        withUnsafeBytes(of: UInt64(headerData.count).littleEndian) { result.append(contentsOf: $0) }
        result.append(headerData)
        result.append(payload)
        return result
    }

    /// Writes atomically (temporary file, fsync, rename).
    public func write(to url: URL, precision: Precision = .float32) throws {
        try AtomicFile.write(encoded(precision: precision), to: url)
    }

    /// Reads and validates a checkpoint file.
    public static func read(from url: URL) throws(CheckpointError) -> Checkpoint {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else { throw .notFound(path: path) }
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        return try decode(data, source: path)
    }

    /// Parses and validates checkpoint bytes; `source` names them in errors.
    public static func decode(_ data: Data, source: String) throws(CheckpointError) -> Checkpoint {
        guard data.count >= 8 else {
            throw data.isEmpty ? .truncated(path: source, detail: "the file is empty") : .notACheckpoint(path: source)
        }
        let headerLength = data.prefix(8).withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard headerLength > 1, headerLength < 100_000_000 else {
            throw .notACheckpoint(path: source)
        }
        guard Int(headerLength) <= data.count - 8 else {
            throw .truncated(path: source, detail: "header needs \(headerLength) bytes, file has \(data.count - 8)")
        }
        let headerData = data.subdata(in: data.startIndex + 8 ..< data.startIndex + 8 + Int(headerLength))
        guard let header = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any] else {
            throw .notACheckpoint(path: source)
        }
        guard let fields = header["__metadata__"] as? [String: String], fields["format"] == "fer-checkpoint",
              let metadataText = fields["fer"] else {
            throw .notACheckpoint(path: source)
        }
        let metadata = try decodeMetadata(metadataText, source: source)
        let payload = data.subdata(in: data.startIndex + 8 + Int(headerLength) ..< data.endIndex)
        var tensors: [String: StoredTensor] = [:]
        var payloadEnd = 0
        for (name, value) in header where name != "__metadata__" {
            guard let entry = value as? [String: Any],
                  let precision = Precision.allCases.first(where: { $0.dtype == entry["dtype"] as? String }),
                  let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int],
                  offsets.count == 2, offsets[0] >= 0, offsets[1] >= offsets[0], shape.allSatisfy({ $0 >= 0 }),
                  offsets[1] - offsets[0] == shape.reduce(1, *) * precision.byteCount else {
                throw .corrupt(path: source, detail: "the entry for tensor '\(name)' is malformed")
            }
            payloadEnd = max(payloadEnd, offsets[1])
            guard offsets[1] <= payload.count else {
                throw .truncated(path: source, detail: "tensor '\(name)' ends at byte \(offsets[1]) of \(payload.count)")
            }
            let values = payload.withUnsafeBytes { bytes in
                (0 ..< shape.reduce(1, *)).map { index in
                    let offset = offsets[0] + precision.byteCount * index
                    return precision == .float32
                        ? bytes.loadUnaligned(fromByteOffset: offset, as: Float.self)
                        : Float(bytes.loadUnaligned(fromByteOffset: offset, as: Float16.self))
                }
            }
            tensors[name] = StoredTensor(shape: shape, values: values)
        }
        let checksum = String(payload.prefix(payloadEnd).withUnsafeBytes { CRC32.checksum($0) }, radix: 16)
        guard checksum == metadata.dataChecksum else {
            throw .corrupt(path: source, detail: "checksum mismatch (stored \(metadata.dataChecksum), computed \(checksum))")
        }
        return Checkpoint(metadata: metadata, tensors: tensors)
    }

    private static func decodeMetadata(_ text: String, source: String) throws(CheckpointError) -> CheckpointMetadata {
        struct VersionOnly: Decodable { var formatVersion: Int }
        let data = Data(text.utf8)
        guard let version = try? JSONDecoder().decode(VersionOnly.self, from: data) else {
            throw .corrupt(path: source, detail: "its metadata has no format version")
        }
        guard version.formatVersion <= CheckpointMetadata.currentFormatVersion else {
            throw .newerFormat(path: source, version: version.formatVersion, supported: CheckpointMetadata.currentFormatVersion)
        }
        do {
            return try JSONDecoder().decode(CheckpointMetadata.self, from: data)
        } catch {
            throw .corrupt(path: source, detail: "its metadata cannot be read (\(error))")
        }
    }

    init(metadata: CheckpointMetadata, tensors: [String: StoredTensor]) {
        self.metadata = metadata
        self.tensors = tensors
    }
}
