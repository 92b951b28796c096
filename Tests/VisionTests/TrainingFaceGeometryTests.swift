import Foundation
import Testing

@testable import Vision

/// The default crop reproduces the geometry of the FER2013 faces the model was trained on.
@Suite struct TrainingFaceGeometryTests {
    /// The shipped sample faces (FER2013 test crops), enlarged ×4 and set in a border of
    /// repeated edge pixels, as a camera would show such a face.
    static func enlargedSamples() throws -> [(face: GrayImage, scene: GrayImage)] {
        let root = TestSupport.packageRoot.appendingPathComponent("Assets/demo")
        let classes = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        return try classes.flatMap { name in
            let folder = root.appendingPathComponent(name)
            return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().prefix(6).map {
                let face = try GrayImage(contentsOf: folder.appendingPathComponent($0).path)
                return (face, try replicatingBorder(of: face.resized(width: 192, height: 192), by: 64))
            }
        }
    }

    static func replicatingBorder(of image: GrayImage, by border: Int) throws -> GrayImage {
        let side = image.width + 2 * border
        let pixels = (0 ..< side * side).map { index in
            let x = min(max(index % side - border, 0), image.width - 1)
            let y = min(max(index / side - border, 0), image.height - 1)
            return image.pixels[y * image.width + x]
        }
        return try GrayImage(width: side, height: side, pixels: pixels)
    }

    @Test func defaultCropOfADetectedTrainingFaceGivesTheFaceBack() throws {
        let detector = try FaceDetector()
        var difference = (tight: 0.0, loose: 0.0), found = 0
        let samples = try Self.enlargedSamples()
        for sample in samples {
            guard let box = try detector.detect(in: sample.scene, limit: 1).first else { continue }
            found += 1
            let tight = try FaceCropper().crop(sample.scene, face: box)
            let loose = try FaceCropper(margin: 0.1).crop(sample.scene, face: box)
            difference.tight += TestSupport.meanAbsoluteDifference(tight.pixels, sample.face.pixels)
            difference.loose += TestSupport.meanAbsoluteDifference(loose.pixels, sample.face.pixels)
        }
        #expect(found >= samples.count / 2, "found \(found) of \(samples.count) faces")
        let tight = difference.tight / Double(found), loose = difference.loose / Double(found)
        // Gray levels out of 255, averaged over the faces: the default crop is the closer one.
        #expect(tight < loose * 0.85, "mean difference: default margin \(tight), 10 % margin \(loose)")
    }
}
