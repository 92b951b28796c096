import App
import ArgumentParser
import Engine
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure training and inference throughput on this machine.",
        discussion: """
        Runs full training steps (forward, backward, Adam) and batched and single-image \
        inference on synthetic 48×48 inputs. Build in release mode for real figures.

        Examples:
          fer bench
          fer bench --preset vgg --json
          fer bench --layers
        """
    )

    @Option(help: "Model preset: \(ModelSpec.presetNames.joined(separator: ", ")).")
    var preset = "seed"

    @Option(help: "Images per batch.")
    var batchSize = 64

    @Option(help: "Seconds to time each measurement.")
    var seconds = 3.0

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    @Flag(help: "Time rendering one training-dashboard frame at 200×60 instead.")
    var ui = false

    @Flag(help: "Time each layer's forward and backward pass of a training step instead.")
    var layers = false

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
        guard seconds > 0 else { throw ValidationError("--seconds must be positive") }
    }

    func run() throws {
        if ui { return try runUI() }
        if layers { return try runLayers() }
        let spec = try ModelSpec.preset(preset)
        let result = try Benchmark.run(spec: spec, batchSize: batchSize, seconds: seconds)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
            return
        }
        let rows: [(String, String)] = [
            ("preset", "\(result.preset) (\(result.parameterCount.formatted()) parameters, \(String(format: "%.1f", result.forwardMegaflopsPerImage)) MFLOP/image)"),
            ("training", String(format: "%.0f images/s (batch %d, forward+backward+Adam)", result.trainImagesPerSecond, result.batchSize)),
            ("inference", String(format: "%.0f images/s (batch %d)", result.inferImagesPerSecond, result.batchSize)),
            ("latency", String(format: "%.3f ms (batch 1)", result.latencyMillisecondsBatch1)),
            ("achieved", String(format: "%.0f GFLOP/s training (%.2f× sgemm), %.0f GFLOP/s inference (%.2f× sgemm)",
                                result.gflops, result.trainingToSgemm, result.inferenceGflops, result.inferenceToSgemm)),
            ("sgemm", String(format: "%.0f GFLOP/s (1024³, all cores, this run)", result.sgemmGflops)),
            ("BLAS kernel", "\(result.blasKernel), \(result.threads) worker threads"),
            ("convolutions", ConvolutionPath(rawValue: result.convolutionPath)?.summary ?? result.convolutionPath),
        ]
        for (label, value) in rows { print(label.padding(toLength: 12, withPad: " ", startingAt: 0), value) }
    }

    /// The dashboard rendering benchmark (see `UIBenchmark`).
    private func runUI() throws {
        let result = try UIBenchmark.run()
        if json {
            print(String(decoding: try JSONEncoder().encode(result), as: UTF8.self))
            return
        }
        print(String(format: "dashboard frame %d×%d: render %.3f ms (median of %d, fastest %.3f), "
            + "diff %.3f ms, %d cells changed", result.width, result.height, result.renderMilliseconds,
            result.frames, result.fastestRenderMilliseconds, result.diffMilliseconds,
            result.changedCellsPerFrame))
    }

    /// Per-layer table: median milliseconds per batch and achieved GFLOP/s of each layer.
    private func runLayers() throws {
        let profile = try LayerProfile.measure(spec: ModelSpec.preset(preset), batchSize: batchSize)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(profile), as: UTF8.self))
            return
        }
        let total = profile.stepMilliseconds
        print("layer".padding(toLength: 30, withPad: " ", startingAt: 0)
            + "  forward ms  backward ms  share  fwd GFLOP/s")
        for entry in profile.entries {
            let share = (entry.forwardMilliseconds + entry.backwardMilliseconds) / total * 100
            let rate = entry.forwardMegaflops > 0 ? String(format: "%11.0f", entry.forwardMegaflops / entry.forwardMilliseconds) : ""
            print(entry.name.padding(toLength: 30, withPad: " ", startingAt: 0)
                + String(format: "  %10.2f  %11.2f  %4.1f%%  ", entry.forwardMilliseconds, entry.backwardMilliseconds, share) + rate)
        }
        print(String(format: "step: %.1f ms for %d images (%.0f images/s)", total, profile.batchSize,
                     Double(profile.batchSize) / total * 1000))
    }
}
