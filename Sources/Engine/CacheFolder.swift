import Foundation

/// fer's per-user cache folder: `$XDG_CACHE_HOME/fer` (an absolute `XDG_CACHE_HOME`; the XDG
/// spec says to ignore a relative one), else `~/.cache/fer`; nil without a home folder.
public enum CacheFolder {
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") { return "\(base)/fer" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return "\(home)/.cache/fer"
    }
}
