/// What happened with the decoded-dataset cache during a load.
public enum CacheOutcome: Sendable, Hashable, CustomStringConvertible {
    /// Caching was switched off.
    case disabled
    /// Loaded from the cache file.
    case hit(path: String)
    /// Decoded, then written to a new cache file.
    case created(path: String)
    /// The cache file was stale or unreadable (`reason`); decoded again and rewritten.
    case rebuilt(path: String, reason: String)
    /// Decoded, but no cache could be written (`reason`); the next load decodes again.
    case unavailable(reason: String)

    public var description: String {
        switch self {
        case .disabled: "cache off"
        case let .hit(path): "loaded from cache \(path)"
        case let .created(path): "cache written to \(path)"
        case let .rebuilt(path, reason): "cache rebuilt (\(reason)) at \(path)"
        case let .unavailable(reason): "no cache: \(reason)"
        }
    }
}
