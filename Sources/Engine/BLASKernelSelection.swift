#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Picks OpenBLAS's fastest safe CPU kernel. OpenBLAS 0.3.21 does not recognise recent
/// AVX-512 CPUs and falls back to its Haswell kernel (~1.9× slower here). The choice is read
/// from `OPENBLAS_CORETYPE` when the library loads, so the program re-executes itself once
/// with the variable set — only when the CPU has every AVX-512 subset the SkylakeX kernel uses
/// and the user has not set the variable.
public enum BLASKernelSelection {
    public static let guardVariable = "FER_BLAS_KERNEL_SELECTED"
    public static let requiredFlags: Set<String> = ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]

    /// The kernel to request for this CPU, or nil when OpenBLAS's own choice should stand.
    public static func preferredKernel(cpuFlags: Set<String>, environment: [String: String]) -> String? {
        guard environment["OPENBLAS_CORETYPE"] == nil, environment[guardVariable] == nil else { return nil }
        return requiredFlags.isSubset(of: cpuFlags) ? "SkylakeX" : nil
    }

    /// CPU feature flags from /proc/cpuinfo (empty when unreadable).
    public static func cpuFlags(cpuinfo: String? = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) -> Set<String> {
        guard let line = cpuinfo?.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }

    /// Re-executes the current program with the preferred kernel if needed; returns if not
    /// (or if re-executing fails, in which case OpenBLAS's default kernel is used).
    public static func reexecuteIfNeeded(arguments: [String] = CommandLine.arguments) {
        let environment = ProcessInfo.processInfo.environment
        guard let kernel = preferredKernel(cpuFlags: cpuFlags(), environment: environment) else {
            if environment[guardVariable] == nil { setenv(guardVariable, "unchanged", 1) }
            return
        }
        setenv(guardVariable, "automatic", 1)
        setenv("OPENBLAS_CORETYPE", kernel, 1)
        var argv = arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", &argv)
        unsetenv("OPENBLAS_CORETYPE")
        setenv(guardVariable, "unchanged", 1)
    }

    /// True when this process runs with a kernel that fer chose (not the user, not OpenBLAS).
    public static func choseKernelAutomatically(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        environment[guardVariable] == "automatic"
    }
}
