import ArgumentParser
import Engine
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a checkpoint as ONNX (for OpenCV DNN, onnxruntime) or as a copy.",
        discussion: """
        The ONNX graph takes input [N, 1, 48, 48] scaled to [0, 1] (pixel / 255) and gives
        softmax probabilities [N, 7]; class names are in the model's metadata.

        Examples:
          fer export --onnx --model runs/r1/fold-1/best.safetensors --output fer.onnx
          fer export --model runs/r1/fold-2/epoch-12.safetensors --output my-model.safetensors
        """
    )

    @Option(help: "Checkpoint to export (.safetensors).")
    var model: String

    @Option(help: "Where to write the result.")
    var output: String?

    @Flag(help: "Write ONNX instead of a native checkpoint copy.")
    var onnx = false

    func run() throws {
        let checkpoint = try Checkpoint.read(from: URL(fileURLWithPath: model))
        let loaded = try checkpoint.makeModel(source: model)
        let defaultName = URL(fileURLWithPath: model).deletingPathExtension().lastPathComponent + (onnx ? ".onnx" : ".safetensors")
        let destination = URL(fileURLWithPath: output ?? defaultName)
        if onnx {
            try AtomicFile.write(ONNXExporter.export(loaded), to: destination)
        } else {
            try checkpoint.write(to: destination)
        }
        print("wrote \(destination.path)")
    }
}
