/// Why a checkpoint could not be read; each case names the file and says what is wrong.
public enum CheckpointError: Error, CustomStringConvertible, Equatable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case notACheckpoint(path: String)
    case truncated(path: String, detail: String)
    case corrupt(path: String, detail: String)
    case newerFormat(path: String, version: Int, supported: Int)
    case wrongArchitecture(path: String, detail: String)

    public var description: String {
        switch self {
        case let .notFound(path):
            "checkpoint '\(path)' not found"
        case let .unreadable(path, reason):
            "cannot read checkpoint '\(path)': \(reason)"
        case let .notACheckpoint(path):
            "'\(path)' is not a fer checkpoint (expected a .safetensors file written by fer)"
        case let .truncated(path, detail):
            "checkpoint '\(path)' is truncated (\(detail)); it was probably cut short while copying"
        case let .corrupt(path, detail):
            "checkpoint '\(path)' is corrupt: \(detail)"
        case let .newerFormat(path, version, supported):
            "checkpoint '\(path)' uses format \(version), written by a newer fer; this fer reads formats up to \(supported) — upgrade fer"
        case let .wrongArchitecture(path, detail):
            "checkpoint '\(path)' does not fit the model: \(detail)"
        }
    }
}
