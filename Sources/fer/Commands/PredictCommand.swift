import ArgumentParser
import Foundation
import Live
import Vision

struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Recognise the expressions of the faces in images.",
        discussion: """
            Faces are found with OpenCV's Haar cascade in each image; an image of exactly \
            48×48 pixels, or any image with --cropped, is taken as one face. Each face gets \
            its label and the probability of every class, as a table or as JSON. A file that \
            cannot be read is reported in its row and the others are still processed.

            Exit status: 0 when every image had a face, 2 when some image had none, 1 when \
            some file could not be read or annotated.

            Examples:
              fer predict Assets/astronaut.png
              fer predict photos/*.jpg --json
              fer predict group.jpg --annotate group-annotated.png
              fer predict team.jpg --min-face 30
              fer predict a.jpg b.jpg --annotate annotated/
              fer predict face48.png --cropped
            """
    )

    @Argument(help: "Image files (JPEG, PNG, BMP, ...).")
    var images: [String]

    @OptionGroup var modelOptions: ModelOptions

    @OptionGroup var augmentation: TestTimeAugmentationOptions

    @Option(help: "Haar cascade XML (default: found in opencv-data's install folders).")
    var cascade: String?

    @Option(help: "Faces to recognise per image, largest first.")
    var faces = 20

    @Option(help: "Smallest face side searched, in pixels (default: 1/25 of each image's shorter side, at least 24).")
    var minFace: Int?

    @Flag(help: "Take each image as a face as it is, without detection.")
    var cropped = false

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: "Write annotated copies: a file for one image, a folder for several.")
    var annotate: String?

    func validate() throws {
        guard !images.isEmpty else { throw ValidationError("give at least one image") }
        try MinimumFaceOption.validate(minFace)
    }

    func run() throws {
        let classifier = try ClassifierLoader.load(modelPath: modelOptions.model, testTimeAugmentation: augmentation.tta)
        let detector = try FaceDetector(
            cascadePath: cascade, parameters: FaceDetectionParameters(minimumFaceSize: minFace))
        let recognizer = try FaceRecognizer(detector: detector, classifier: classifier, maximumFaces: faces)
        let predictor = StillImagePredictor(recognizer: recognizer)
        let annotationPaths = try annotate.map { try AnnotationPaths.paths(for: images, target: $0) }
        var predictions: [ImagePrediction] = []
        for (index, path) in images.enumerated() {
            predictions.append(
                predictor.predict(
                    path: path, takesWholeImageAsFace: cropped,
                    annotationPath: annotationPaths?[index]))
        }
        if json {
            print(try PredictionReport.json(predictions))
        } else {
            for line in PredictionReport.table(predictions, classNames: classifier.classNames) { print(line) }
        }
        let status = PredictionReport.exitStatus(for: predictions)
        if status != PredictionReport.exitSuccess { throw ExitCode(status) }
    }
}
