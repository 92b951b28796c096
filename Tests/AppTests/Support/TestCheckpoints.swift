import Engine
import Foundation

/// Small real checkpoints (a one-layer model) for the file actions and the run catalog.
enum TestCheckpoints {
    static let spec = ModelSpec(name: "tiny", inputShape: [48, 48, 1],
                                layers: [.flatten, .dense(units: 7, activation: .linear)],
                                classNames: ["angry", "disgust", "fear", "happy", "neutral", "sad",
                                             "surprise"])

    /// Writes a checkpoint with optimizer state, as training's epoch checkpoints are.
    static func write(to path: String) throws {
        let model = try Model(spec: spec, seed: 3)
        let optimizer = Adam()
        var metadata = CheckpointMetadata(spec: spec)
        metadata.metrics = ["val_accuracy": 0.5, "epoch": 2]
        try Checkpoint(model: model, metadata: metadata, optimizer: (optimizer, .kerasAdam))
            .write(to: URL(fileURLWithPath: path))
    }

    /// A run folder like training writes: config, metrics, two folds with epoch and best files.
    static func writeRun(in folder: TemporaryFolder, name: String, finished: Bool) throws {
        try folder.write(#"{"preset": "tiny", "foldCount": 2, "epochs": 3}"#, to: "\(name)/config.json")
        var csv = "fold,epoch,loss,accuracy,val_loss,val_accuracy,lr,images_per_second,seconds\n"
        for fold in 1...2 {
            for epoch in 1...3 {
                let accuracy = [0.3, 0.5, 0.4][epoch - 1] + 0.01 * Double(fold)
                csv += "\(fold),\(epoch),\(2.0 - 0.3 * Double(epoch)),0.4,1.5,\(accuracy),0.001,900,4\n"
            }
            try write(to: try folder.file("\(name)/fold-\(fold)/best.safetensors"))
            for epoch in 2...3 {
                try write(to: try folder.file("\(name)/fold-\(fold)/epoch-\(epoch).safetensors"))
            }
        }
        try folder.write(csv, to: "\(name)/metrics.csv")
        if finished {
            let summary = #"{"val_accuracy": {"mean": 0.515, "std": 0.005, "values": [0.51, 0.52]}, "#
                + #""folds": [{"fold": 1, "best": {"epoch": 2}}, {"fold": 2, "best": {"epoch": 2}}]}"#
            try folder.write(summary, to: "\(name)/summary.json")
        } else {
            try write(to: try folder.file("\(name)/resume.safetensors"))
        }
    }
}
