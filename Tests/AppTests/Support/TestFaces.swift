import Dataset
import Terminal
@testable import App

/// A small, fixed dataset with FER2013's class names: drawn shapes as faces (the dataset
/// module's synthetic generator), six per class, with file names like a class-folder dataset.
enum TestFaces {
    static let perClass = 6

    static func dataset() throws -> FaceDataset {
        var pixels: [UInt8] = []
        var labels: [UInt8] = []
        var sources: [SampleSource] = []
        for (label, name) in FER2013.classNames.enumerated() {
            for index in 0..<perClass {
                pixels += SyntheticFaces.image(shape: label, seed: UInt64(index + 1))
                labels.append(UInt8(label))
                sources.append(SampleSource(path: "train/\(name)/im\(index).png"))
            }
        }
        return try FaceDataset(pixels: pixels, labels: labels, classNames: FER2013.classNames,
                               sources: sources,
                               root: "/data/faces", layout: .classFolders)
    }

    /// Predictions for every face: right for even indices, "neutral" for odd ones, so about half
    /// are misclassified; probabilities are fixed per face.
    static func predictions(for dataset: FaceDataset) -> PredictionChunk {
        let classes = dataset.classNames.count
        var probabilities: [Float] = []
        for face in 0..<dataset.count {
            let predicted = face % 2 == 0 ? Int(dataset.labels[face]) : 4
            var row = [Float](repeating: 0.3 / Float(classes - 1), count: classes)
            row[predicted] = 0.7
            probabilities += row
        }
        return PredictionChunk(start: 0, classNames: dataset.classNames, probabilities: probabilities)
    }

    /// A browser with the dataset loaded and, optionally, every face predicted.
    static func browser(predicted: Bool) throws -> BrowserScreen {
        let faces = try dataset()
        var screen = BrowserScreen(dataset: faces, datasetPath: "/data/faces",
                                   modelName: predicted ? "fer.safetensors" : nil)
        if predicted {
            let context = ScreenContext(size: Size(width: 80, height: 24), capabilities: .standard)
            _ = screen.receive(.predictionsComputed(predictions(for: faces)), context: context)
        }
        return screen
    }
}
