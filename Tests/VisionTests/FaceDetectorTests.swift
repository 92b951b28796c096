import Foundation
import Testing

@testable import Vision

@Suite struct FaceDetectorTests {
    /// The astronaut's face, checked by eye on an image with the box drawn in.
    static let astronautFace = FaceBox(x: 177, y: 66, width: 95, height: 95)

    @Test func findsExactlyTheAstronautsFace() throws {
        let detector = try FaceDetector()
        #expect(detector.cascadePath.hasSuffix(CascadeLocator.fileName))
        let photo = try ColorImage(contentsOf: TestSupport.astronautPath)
        let faces = try detector.detect(in: photo)
        #expect(faces.count == 1)
        let face = try #require(faces.first)
        #expect(face.intersectionOverUnion(with: Self.astronautFace) > 0.7, "found \(face)")
        // The gray image gives the same answer, at full resolution too.
        #expect(try detector.detect(in: photo.gray) == faces)
        let fullResolution = try FaceDetector(parameters: FaceDetectionParameters(minimumFaceSize: 24))
        let fullFaces = try fullResolution.detect(in: photo)
        #expect(fullFaces.count == 1)
        #expect((fullFaces.first?.intersectionOverUnion(with: Self.astronautFace) ?? 0) > 0.7)
    }

    @Test func imageWithoutFaceGivesNoBoxes() throws {
        let detector = try FaceDetector()
        #expect(try detector.detect(in: TestSupport.patternColor(width: 400, height: 300)).isEmpty)
        #expect(try detector.detect(in: GrayImage(width: 0, height: 0)).isEmpty)
        let photo = try ColorImage(contentsOf: TestSupport.astronautPath)
        #expect(try detector.detect(in: photo, limit: 0).isEmpty)
    }

    @Test func croppedFaceIsTheModelInput() throws {
        let photo = try ColorImage(contentsOf: TestSupport.astronautPath)
        let cropper = FaceCropper(margin: 0.2)
        let face = try cropper.crop(photo, face: Self.astronautFace)
        #expect(face.size == PixelSize(width: 48, height: 48))
        let region = cropper.region(for: Self.astronautFace, in: photo.size)
        #expect(region == PixelRect(x: 158, y: 47, width: 133, height: 133))
        let byHand = try photo.gray.cropped(to: region).resized(width: 48, height: 48)
        #expect(face == byHand)
        let equalized = try FaceCropper(margin: 0.2, equalizeHistogram: true).crop(
            photo.gray, face: Self.astronautFace)
        #expect(equalized == (try byHand.equalized()))
        #expect(throws: VisionError.self) {
            try cropper.crop(photo, face: FaceBox(x: 600, y: 600, width: 10, height: 10))
        }
    }

    @Test func cascadeIsLocatedByPathEnvironmentOrSearch() throws {
        #expect(
            try CascadeLocator.locate(explicitPath: "/my/cascade.xml", environment: [:]) == "/my/cascade.xml")
        #expect(
            try CascadeLocator.locate(environment: ["FER_CASCADE": "/env/cascade.xml"]) == "/env/cascade.xml")
        let found = try CascadeLocator.locate(
            environment: [:], fileExists: { $0.hasPrefix("/usr/local/share/opencv4") })
        #expect(found == "/usr/local/share/opencv4/haarcascades/haarcascade_frontalface_default.xml")
        #expect {
            try CascadeLocator.locate(environment: [:], fileExists: { _ in false })
        } throws: { error in
            let text = "\(error)"
            return text.contains("/usr/share/opencv4/haarcascades")
                && text.contains("install the opencv-data package")
        }
    }

    @Test func badCascadeFilesAreReported() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("none.xml").path
        #expect(throws: VisionError.unreadableCascade(detail: "cascade file '\(missing)' not found")) {
            try FaceDetector(cascadePath: missing)
        }
        let notCascade = directory.appendingPathComponent("other.xml")
        try Data("<?xml version=\"1.0\"?><opencv_storage><x>1</x></opencv_storage>".utf8).write(
            to: notCascade)
        #expect(
            throws: VisionError.unreadableCascade(
                detail: "'\(notCascade.path)' is not a Haar cascade OpenCV can load")
        ) {
            try FaceDetector(cascadePath: notCascade.path)
        }
        #expect(throws: VisionError.self) {
            try FaceDetector(parameters: FaceDetectionParameters(scaleFactor: 1.0))
        }
    }
}
