import Dataset
import Foundation
import Testing
import Vision

/// The real `fer` binary run as a user runs it: command lines they get wrong, and files it writes.
@Suite(.enabled(if: TmuxSession.ferBinary != nil, "needs a built fer binary (swift build)"))
struct CommandLineTests {
    /// Runs fer with `arguments`; its exit status and everything it printed.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process(), pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: TmuxSession.ferBinary!)
        process.arguments = arguments
        process.environment = ["HOME": NSTemporaryDirectory(), "PATH": "/usr/bin:/bin"]
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test(arguments: [
        (["--epochs", "-1"], "--epochs must be at least 1"),
        (["--batch-size", "0"], "--batch-size must be at least 1"),
        (["--lr", "-0.1"], "--lr must be a positive number"),
        (["--lr", "abc"], "The value 'abc' is invalid for '--lr"),
        (["--weight-decay", "2"], "--weight-decay must be in 0..<1"),
    ])
    func badTrainingNumbersAreNamed(arguments: [String], message: String) throws {
        let (status, output) = try Self.run(["train", "--data", "/nonexistent"] + arguments)
        #expect(status == 64, "a usage error: \(output)")
        #expect(output.contains(message), "\(output)")
        #expect(output.components(separatedBy: message).count == 2, "said once: \(output)")
    }

    @Test func evalOfAFolderWithoutOneReadableFaceFails() throws {
        let folder = try TemporaryFolder()
        try folder.write("not an image", to: "faces/happy/a.png")
        let (status, output) = try Self.run(["eval", "--data", folder.path + "/faces"])
        #expect(status == 1, "\(output)")
        #expect(output.contains("has no readable faces to score (1 files skipped)"), "\(output)")
        #expect(!output.contains("accuracy"), "no report of 0 images: \(output)")
    }

    @Test func minimumFaceBelowTheCascadeWindowIsRefused() throws {
        let (status, output) = try Self.run(["predict", "x.png", "--min-face", "10"])
        #expect(status == 64)
        #expect(output.contains("--min-face must be at least 24"), "\(output)")
    }

    @Test func unknownTestTimeAugmentationListsTheChoices() throws {
        let (status, output) = try Self.run(["eval", "--data", "/nonexistent", "--tta", "rotate"])
        #expect(status == 64)
        #expect(output.contains("none") && output.contains("flip") && output.contains("crops"), "\(output)")
    }

    @Test func exportNeverReplacesOrInventsFoldersSilently() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("source.safetensors").path
        try TestCheckpoints.write(to: model)
        let output = folder.appendingPathComponent("m.safetensors").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: output))

        let refused = try Self.run(["export", "--model", model, "--output", output])
        #expect(refused.status == 64 && refused.output.contains("exists; pass --force"), "\(refused.output)")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "keep me")
        let missing = try Self.run(["export", "--model", model, "--output", folder.path + "/no/such/m.onnx", "--onnx"])
        #expect(missing.status == 64 && missing.output.contains("does not exist; create it first"), "\(missing.output)")
        let forced = try Self.run(["export", "--model", model, "--output", output, "--force"])
        #expect(forced.status == 0, "\(forced.output)")
        #expect((try FileManager.default.attributesOfItem(atPath: output)[.size] as? Int ?? 0) > 1000, "the model replaced the file")
    }

    @Test func evalScoresADatasetWithFewerClassesAndDrawsItsConfusionMatrix() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eval-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (label, name) in ["happy", "sad"].enumerated() {
            let classFolder = folder.appendingPathComponent("faces/\(name)")
            try FileManager.default.createDirectory(at: classFolder, withIntermediateDirectories: true)
            for index in 0 ..< 3 {
                let image = try Vision.GrayImage(
                    width: 48, height: 48, pixels: SyntheticFaces.image(shape: label, seed: UInt64(index + 1)))
                try image.write(to: classFolder.appendingPathComponent("\(index).png").path)
            }
        }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("faces/neutral"), withIntermediateDirectories: true)
        let model = folder.appendingPathComponent("model.safetensors").path
        try TestCheckpoints.write(to: model)
        let plot = folder.appendingPathComponent("confusion.png").path

        let (status, output) = try Self.run([
            "eval", "--data", folder.appendingPathComponent("faces").path, "--model", model, "--json",
            "--confusion-png", plot,
        ])
        #expect(status == 0, "\(output)")
        let json = try #require(output.split(separator: "\n").last { $0.hasPrefix("{") })
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(report["sample_count"] as? Int == 6)
        #expect(report["absent_classes"] as? [String] == ["angry", "disgust", "fear", "neutral", "surprise"])
        #expect((report["classes"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["happy", "sad"])
        let image = try Vision.GrayImage(contentsOf: plot)
        #expect(image.width > 200 && image.height > 200)
    }
}
