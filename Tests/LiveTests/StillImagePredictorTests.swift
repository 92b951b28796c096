import Foundation
import Testing
@testable import Live
import Vision

@Suite struct StillImagePredictorTests {
    static func makePredictor() throws -> StillImagePredictor {
        let recognizer = try FaceRecognizer(
            detector: try FaceDetector(),
            classifier: try TestSupport.untrainedClassifier(), maximumFaces: 20)
        return StillImagePredictor(recognizer: recognizer)
    }

    @Test func findsExactlyOneFaceInTheAstronautPhoto() throws {
        let prediction = try Self.makePredictor().predict(path: TestSupport.astronautPath)
        #expect(prediction.error == nil)
        #expect(prediction.faces.count == 1)
        let box = try #require(prediction.faces.first).box
        #expect(box.intersectionOverUnion(with: DemoClip.faceInPhoto) > 0.7, "\(box)")
        #expect(prediction.faces[0].probabilities.count == 7)
        #expect(!prediction.takenAsFace)
        #expect(PredictionReport.exitStatus(for: [prediction]) == PredictionReport.exitSuccess)
    }

    @Test func aFaceSizedImageIsTakenAsTheFace() throws {
        let face = try ColorImage(contentsOf: TestSupport.astronautPath).cropped(to: DemoClip.faceInPhoto)
            .resized(width: 48, height: 48)
        let prediction = try Self.makePredictor().predict(image: face, path: "face.png")
        #expect(prediction.takenAsFace)
        #expect(prediction.faces.map(\.box) == [PixelRect(x: 0, y: 0, width: 48, height: 48)])
        // Same probabilities as the classifier gives the gray pixels directly.
        let direct = try TestSupport.untrainedClassifier().probabilities(for: [try face.gray.pixels])
        #expect(prediction.faces[0].probabilities == direct[0])
        // Live mode follows the same rule: a 48×48 frame (a glob of face crops) is one face.
        let recognizer = try FaceRecognizer(
            detector: try FaceDetector(), classifier: try TestSupport.untrainedClassifier())
        let tracker = recognizer.makeTracker(fullScanInterval: 10)
        for _ in 0 ..< 2 {
            let live = try recognizer.recognize(in: face, tracker: tracker)
            #expect(live.faces.map(\.box) == [PixelRect(x: 0, y: 0, width: 48, height: 48)])
            #expect(live.faces.first?.probabilities == direct[0])
        }
    }

    @Test func badFilesAreReportedWithoutStoppingTheOthers() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let notAnImage = directory.appendingPathComponent("notes.png").path
        try Data("not a picture".utf8).write(to: URL(fileURLWithPath: notAnImage))
        let blank = directory.appendingPathComponent("blank.png").path
        try ColorImage(width: 120, height: 90, filledWith: .white).write(to: blank)
        let predictor = try Self.makePredictor()
        let annotations = try AnnotationPaths.paths(
            for: ["missing.jpg", notAnImage, blank, TestSupport.astronautPath],
            target: directory.appendingPathComponent("out").path)
        let paths = ["missing.jpg", notAnImage, blank, TestSupport.astronautPath]
        let predictions = zip(paths, annotations).map { predictor.predict(path: $0, annotationPath: $1) }

        #expect(predictions[0].error?.contains("not found") == true, "\(predictions[0].error ?? "")")
        #expect(predictions[1].error?.contains("not an image") == true, "\(predictions[1].error ?? "")")
        #expect(predictions[2].error == nil && predictions[2].faces.isEmpty)
        #expect(predictions[3].faces.count == 1)
        #expect(PredictionReport.exitStatus(for: predictions) == PredictionReport.exitUnreadable)
        #expect(PredictionReport.exitStatus(for: Array(predictions[2...])) == PredictionReport.exitNoFace)

        // Annotated copies exist for the readable images only, enlarged when small.
        #expect(!FileManager.default.fileExists(atPath: annotations[0]))
        let blankCopy = try ColorImage(contentsOf: annotations[2])
        #expect(blankCopy.height >= 240)
        let photoCopy = try ColorImage(contentsOf: annotations[3])
        #expect(photoCopy.size == (try ColorImage(contentsOf: TestSupport.astronautPath)).size)

        let table = PredictionReport.table(predictions, classNames: predictor.recognizer.classNames)
        #expect(table.count == 5)
        #expect(table[3].contains("no face found"))
        #expect(table[4].hasPrefix(TestSupport.astronautPath))
        let json = try PredictionReport.json(predictions)
        let records = try JSONDecoder().decode([PredictionReport.ImageRecord].self, from: Data(json.utf8))
        #expect(records.map(\.faces.count) == [0, 0, 0, 1])
        #expect(records[0].error != nil && records[3].error == nil)
    }
}
