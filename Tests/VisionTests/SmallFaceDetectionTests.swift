import Foundation
import Testing

@testable import Vision

/// Faces of several sizes pasted onto a large canvas, as in a group photo.
@Suite struct SmallFaceDetectionTests {
    /// The astronaut's face with some of its surroundings, the face's side in it, and its offset.
    static func faceTile(faceSide: Int) throws -> (tile: ColorImage, face: PixelRect) {
        let photo = try ColorImage(contentsOf: TestSupport.astronautPath)
        let around = FaceDetectorTests.astronautFace.expanded(margin: 0.4, clampedTo: photo.size)
        let scale = Double(faceSide) / Double(FaceDetectorTests.astronautFace.width)
        let side = Int((Double(around.width) * scale).rounded())
        let tile = try photo.cropped(to: around).resized(width: side, height: side)
        let offset = Int((Double(FaceDetectorTests.astronautFace.x - around.x) * scale).rounded())
        return (tile, PixelRect(x: offset, y: offset, width: faceSide, height: faceSide))
    }

    /// A mid-gray 1,200×800 canvas with the face pasted at `sides` sizes, left to right; the
    /// face boxes where they were pasted.
    static func canvas(faceSides sides: [Int]) throws -> (image: ColorImage, faces: [PixelRect]) {
        let width = 1200, height = 800
        var pixels = [UInt8](repeating: 128, count: width * height * 3)
        var faces: [PixelRect] = []
        var left = 20
        for side in sides {
            let (tile, face) = try faceTile(faceSide: side)
            let top = (height - tile.height) / 2
            for y in 0 ..< tile.height {
                let from = y * tile.width * 3, to = ((top + y) * width + left) * 3
                pixels.replaceSubrange(to ..< to + tile.width * 3, with: tile.pixels[from ..< from + tile.width * 3])
            }
            faces.append(PixelRect(x: left + face.x, y: top + face.y, width: side, height: side))
            left += tile.width + 30
        }
        return (try ColorImage(width: width, height: height, pixels: pixels), faces)
    }

    @Test func findsSmallAndLargeFacesInALargeImage() throws {
        let (image, faces) = try Self.canvas(faceSides: [36, 50, 80, 130, 200])
        let found = try FaceDetector().detect(in: image)
        #expect(found.count == faces.count, "found \(found)")
        for face in faces {
            #expect(found.contains { $0.intersectionOverUnion(with: face) > 0.5 }, "\(face) not found in \(found)")
        }
        // Asking only for larger faces leaves the small ones out, at a fraction of the cost.
        let large = try FaceDetector(parameters: FaceDetectionParameters(minimumFaceSize: 100)).detect(in: image)
        #expect(large.count == 2, "found \(large)")
    }

    @Test func defaultSmallestFaceFollowsTheImageSize() {
        let parameters = FaceDetectionParameters()
        #expect(parameters.minimumFaceSize(for: PixelSize(width: 4000, height: 3000)) == 120)
        #expect(parameters.minimumFaceSize(for: PixelSize(width: 1000, height: 600)) == 24)
        #expect(FaceDetectionParameters(minimumFaceSize: 50).minimumFaceSize(for: PixelSize(width: 9, height: 9)) == 50)
    }

    @Test func overlappingBoxesAreMergedIntoTheLargest() {
        let face = PixelRect(x: 100, y: 100, width: 80, height: 80)
        let inside = PixelRect(x: 120, y: 130, width: 40, height: 40)
        let shifted = PixelRect(x: 110, y: 105, width: 78, height: 78)
        let neighbour = PixelRect(x: 185, y: 100, width: 70, height: 70)
        let kept = PixelRect.suppressingOverlaps([inside, shifted, neighbour, face])
        #expect(kept == [face, neighbour])
        #expect(inside.overlapOfSmaller(with: face) == 1)
        #expect(PixelRect.suppressingOverlaps([]) == [])
    }
}
