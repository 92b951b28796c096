import App
import ArgumentParser
import Foundation
import Training

struct CheckpointsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoints",
        abstract: "List training runs, folds and epochs with their scores; export or pick a model.",
        discussion: """
        The selected checkpoint can be exported (e: weights-only .safetensors, o: ONNX), made \
        your default model (d: copied to $XDG_CONFIG_HOME/fer/model.safetensors, else \
        ~/.config/fer/model.safetensors), or deleted (x, after a confirmation). Press ? for keys. \
        When stdout is not a terminal, or with --plain, the runs and each fold's best checkpoint \
        are printed as text instead.

        Examples:
          fer checkpoints
          fer checkpoints --runs /scratch/runs
          fer checkpoints --plain
        """
    )

    @Option(help: "Folder of training runs.")
    var runs = "runs"

    @Flag(help: "Print the runs and each fold's best checkpoint instead of the interactive screen.")
    var plain = false

    func run() throws {
        guard plain || isatty(STDOUT_FILENO) == 0 || isatty(STDIN_FILENO) == 0 else {
            return try FerApp.checkpoints(runsDirectory: runs)
        }
        let lines = CheckpointListing.lines(runs: try RunCatalog.scan(directory: runs), runsDirectory: runs)
        for line in lines { print(line) }
    }
}
