import Foundation

/// The convolution path timed on this machine, kept in the cache folder so that each command
/// does not time the paths again at start-up (about 0.3 s). The entry holds what the timing
/// depends on: the CPU, the core count, the OpenBLAS kernel and the executable itself (size and
/// modification time, so a rebuilt fer times again). A missing, unreadable or stale entry is
/// timed again and rewritten; a cache that cannot be written only costs the timing.
struct ConvolutionPathCache {
    let file: URL

    init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let folder = CacheFolder.path(environment: environment) else { return nil }
        file = URL(fileURLWithPath: folder).appendingPathComponent("convolution-path")
    }

    init(file: URL) {
        self.file = file
    }

    /// The path stored for `key`, or nil.
    func path(for key: String) -> ConvolutionPath? {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, lines[0] == key else { return nil }
        return ConvolutionPath(rawValue: String(lines[1]))
    }

    func store(_ path: ConvolutionPath, for key: String) {
        try? AtomicFile.write(Data("\(key)\n\(path.rawValue)\n".utf8), to: file)
    }

    /// What the fastest path depends on, in one line.
    static var machineKey: String {
        let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuInfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
            ?? "unknown CPU"
        // The executable itself, not the /proc link (whose own times change every process).
        let binary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let executable = (try? FileManager.default.attributesOfItem(atPath: binary)) ?? [:]
        let size = (executable[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (executable[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(model) | \(ProcessInfo.processInfo.activeProcessorCount) cores | \(BLAS.kernelName)"
            + " | fer \(size) bytes, \(Int(modified))"
    }
}
