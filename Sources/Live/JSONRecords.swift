import Foundation
import Vision

/// One face in a JSON line (`--jsonl`) or in `fer predict --json`.
public struct FaceRecord: Codable, Sendable, Equatable {
    /// Stays the same for the same person across frames (live mode only).
    public var track: Int?
    /// In source pixels.
    public var box: PixelRect
    public var label: String
    public var probability: Float
    /// Every class's probability, by class name.
    public var probabilities: [String: Float]

    public init(_ face: RecognizedFace, includesTrack: Bool = true) {
        track = includesTrack ? face.track : nil
        box = face.box
        let top = face.top
        label = top.label
        probability = Self.rounded(top.probability)
        var byName: [String: Float] = [:]
        for (name, value) in zip(face.classNames, face.probabilities) { byName[name] = Self.rounded(value) }
        probabilities = byName
    }

    /// Four decimals keep lines short; more would be noise.
    static func rounded(_ value: Float) -> Float { (value * 10_000).rounded() / 10_000 }
}

/// One frame as a JSON line: `{"faces":[...],"index":0,"time":0.04}`.
public struct FrameRecord: Codable, Sendable, Equatable {
    public var index: Int
    /// Seconds from the start of the source.
    public var time: Double
    /// Empty when no face was found.
    public var faces: [FaceRecord]

    public init(_ frame: LiveFrame) {
        index = frame.index
        time = (frame.timestamp * 1000).rounded() / 1000
        faces = frame.faces.map { FaceRecord($0) }
    }
}

/// Writes one JSON object per line to a file, or to standard output for `-`.
public final class JSONLinesWriter: @unchecked Sendable {
    public let destination: String
    private let handle: FileHandle
    private let ownsHandle: Bool
    private let encoder = JSONEncoder()
    private let lock = NSLock()

    /// Creates (or empties) the file at `path`; `-` means standard output.
    public init(path: String) throws {
        destination = path == "-" ? "standard output" : "'\(path)'"
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if path == "-" {
            handle = FileHandle.standardOutput
            ownsHandle = false
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let file = FileHandle(forWritingAtPath: path)
        else {
            throw LiveError.outputFailed(detail: "cannot create '\(path)' for the JSON lines")
        }
        handle = file
        ownsHandle = true
    }

    deinit {
        if ownsHandle { try? handle.close() }
    }

    /// Appends `value` as one line.
    public func write<Value: Encodable>(_ value: Value) throws {
        var data = try encoder.encode(value)
        data.append(0x0A)
        try lock.withLock {
            do {
                try handle.write(contentsOf: data)
            } catch {
                throw LiveError.outputFailed(
                    detail: "cannot write JSON lines to \(destination): \(error.localizedDescription)")
            }
        }
    }

    /// Flushes and closes a file (standard output stays open).
    public func close() throws {
        guard ownsHandle else { return }
        try lock.withLock { try handle.close() }
    }
}
