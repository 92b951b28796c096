import Foundation
import Testing
@testable import Engine

@Suite struct ConvolutionPathCacheTests {
    private func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("fer-path-cache-\(UUID().uuidString)/path")
    }

    @Test func aStoredPathIsReusedOnlyForTheSameMachineKey() throws {
        let file = temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let cache = ConvolutionPathCache(file: file)
        #expect(cache.path(for: "cpu A") == nil)
        cache.store(.gemm, for: "cpu A")
        #expect(cache.path(for: "cpu A") == .gemm)
        #expect(cache.path(for: "cpu B") == nil, "another CPU, kernel or build times again")
        // With an entry for this key, nothing is timed: the stored path comes back.
        #expect(ConvolutionPath.fastest(cache: cache, key: "cpu A") == .gemm)
    }

    @Test func aDamagedEntryIsTimedAgainAndRewritten() throws {
        let file = temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("key\nno-such-path\n".utf8).write(to: file)
        let cache = ConvolutionPathCache(file: file)
        #expect(cache.path(for: "key") == nil)
        let timed = ConvolutionPath.fastest(cache: cache, key: "key")
        #expect(cache.path(for: "key") == timed)
    }

    @Test func theKeyNamesTheCPUTheKernelAndTheBuild() {
        let key = ConvolutionPathCache.machineKey
        #expect(key.contains(BLAS.kernelName))
        #expect(key.contains("\(ProcessInfo.processInfo.activeProcessorCount) cores"))
        #expect(key.contains("bytes"))
    }

    @Test func theCacheFolderFollowsXDGThenHome() {
        #expect(CacheFolder.path(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/fer")
        #expect(CacheFolder.path(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]) == "/h/.cache/fer")
        #expect(CacheFolder.path(environment: [:]) == nil)
        #expect(ConvolutionPathCache(environment: ["HOME": "/h"])?.file.path == "/h/.cache/fer/convolution-path")
    }
}
