import Dataset
import Engine
import Foundation
import Testing
import Vision

/// `kill -9` at arbitrary moments of a real training run never leaves a checkpoint that loads
/// wrongly: every `.safetensors` file present afterwards reads and validates completely.
@Suite(.enabled(if: TmuxSession.ferBinary != nil, "needs a built fer binary (swift build)"))
struct KillDuringWriteTests {
    @Test func killedRunsLeaveOnlyValidCheckpoints() throws {
        let folder = try TemporaryFolder()
        for (label, name) in ["square", "disc", "cross"].enumerated() {
            for index in 0 ..< 6 {
                let image = try Vision.GrayImage(
                    width: 48, height: 48, pixels: SyntheticFaces.image(shape: label, seed: UInt64(index + 1))
                )
                try image.write(to: try folder.file("faces/\(name)/face\(index).png"))
            }
        }
        var checked = 0
        for attempt in 0 ..< 4 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TmuxSession.ferBinary!)
            process.arguments = [
                "train", "--data", "\(folder.path)/faces", "--seed-recipe", "--epochs", "200", "-k", "3",
                "--batch-size", "4", "--runs", "\(folder.path)/runs", "--run-name", "run\(attempt)", "--plain",
            ]
            process.environment = ["HOME": folder.path, "XDG_CACHE_HOME": "\(folder.path)/cache", "PATH": "/usr/bin:/bin"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Let it write several epoch checkpoints, then kill it mid-stream at a varying moment.
            Thread.sleep(forTimeInterval: 2.0 + 0.37 * Double(attempt))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            let runFolder = "\(folder.path)/runs/run\(attempt)"
            let files = FileManager.default.enumerator(atPath: runFolder)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".safetensors") {
                let checkpoint = try Checkpoint.read(from: URL(fileURLWithPath: "\(runFolder)/\(file)"))
                _ = try checkpoint.makeModel()
                checked += 1
            }
        }
        #expect(checked >= 4, "the runs should have written checkpoints before being killed (\(checked) checked)")
    }
}
