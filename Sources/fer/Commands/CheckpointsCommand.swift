import App
import ArgumentParser

struct CheckpointsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoints",
        abstract: "List training runs, folds and epochs with their scores; export or pick a model.",
        discussion: """
        The selected checkpoint can be exported (e: weights-only .safetensors, o: ONNX), made \
        your default model (d: copied to $XDG_CONFIG_HOME/fer/model.safetensors, else \
        ~/.config/fer/model.safetensors), or deleted (x, after a confirmation). Press ? for keys.

        Examples:
          fer checkpoints
          fer checkpoints --runs /scratch/runs
        """
    )

    @Option(help: "Folder of training runs.")
    var runs = "runs"

    func run() throws {
        try FerApp.checkpoints(runsDirectory: runs)
    }
}
