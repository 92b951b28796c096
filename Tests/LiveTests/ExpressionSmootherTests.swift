import Testing
@testable import Live
import Vision

@Suite struct ExpressionSmootherTests {
    static let box = FaceBox(x: 100, y: 50, width: 80, height: 80)

    /// Probabilities that swing between two classes every frame, as an unsure model does.
    static func flickering(_ frame: Int) -> [Float] { frame % 2 == 0 ? [0.55, 0.45] : [0.4, 0.6] }

    static func topClass(_ probabilities: [Float]) -> Int { probabilities[0] >= probabilities[1] ? 0 : 1 }

    static func labelChanges(_ labels: [Int]) -> Int {
        zip(labels, labels.dropFirst()).filter { $0 != $1 }.count
    }

    @Test func smoothingStopsTheLabelFlickering() throws {
        var raw = try ExpressionSmoother(smoothing: 0)
        var smooth = try ExpressionSmoother(smoothing: 0.8)
        var rawLabels: [Int] = [], smoothLabels: [Int] = []
        for frame in 0..<40 {
            let face = FaceObservation(box: Self.box, probabilities: Self.flickering(frame))
            rawLabels.append(Self.topClass(raw.update([face])[0].probabilities))
            smoothLabels.append(Self.topClass(smooth.update([face])[0].probabilities))
        }
        #expect(Self.labelChanges(rawLabels) == 39)
        // The average settles to a small swing around 0.475 for class 0 (0.467 to 0.483):
        // after a few frames of warm-up the label holds.
        #expect(Self.labelChanges(smoothLabels) <= 3)
        #expect(Array(smoothLabels.suffix(30)) == Array(repeating: 1, count: 30))
    }

    @Test func movingAverageFollowsTheFormula() throws {
        var smoother = try ExpressionSmoother(smoothing: 0.75)
        let first = smoother.update([FaceObservation(box: Self.box, probabilities: [1, 0])])
        let second = smoother.update([FaceObservation(box: Self.box, probabilities: [0, 1])])
        #expect(first[0].probabilities == [1, 0])
        #expect(second[0].probabilities == [0.75, 0.25])
        #expect(second[0].track == first[0].track)
    }

    @Test func eachFaceKeepsItsOwnTrackAndAverage() throws {
        var smoother = try ExpressionSmoother(smoothing: 0.5)
        let left = FaceBox(x: 10, y: 10, width: 60, height: 60)
        let right = FaceBox(x: 300, y: 20, width: 60, height: 60)
        let start = smoother.update([
            FaceObservation(box: left, probabilities: [1, 0]),
            FaceObservation(box: right, probabilities: [0, 1]),
        ])
        // Next frame: listed the other way round and moved a little.
        let moved = smoother.update([
            FaceObservation(box: right.offset(5), probabilities: [0, 1]),
            FaceObservation(box: left.offset(5), probabilities: [1, 0]),
        ])
        #expect(start.map(\.track) == [1, 2])
        #expect(moved.map(\.track) == [2, 1])
        #expect(moved[0].probabilities == [0, 1])
        #expect(moved[1].probabilities == [1, 0])
    }

    @Test func aFaceMissingForLongIsForgotten() throws {
        var smoother = try ExpressionSmoother(smoothing: 0.5, memoryFrames: 2)
        let face = FaceObservation(box: Self.box, probabilities: [1, 0])
        #expect(smoother.update([face])[0].track == 1)
        _ = smoother.update([])
        _ = smoother.update([])
        #expect(smoother.update([face])[0].track == 1, "two missed frames are bridged")
        for _ in 0..<3 { _ = smoother.update([]) }
        let returned = smoother.update([FaceObservation(box: Self.box, probabilities: [0, 1])])
        #expect(returned[0].track == 2)
        #expect(returned[0].probabilities == [0, 1], "a new track starts from its own probabilities")
    }

    @Test func rejectsSmoothingOutsideItsRange() {
        #expect(throws: LiveError.self) { try ExpressionSmoother(smoothing: 1) }
        #expect(throws: LiveError.self) { try ExpressionSmoother(smoothing: -0.1) }
    }
}

extension FaceBox {
    func offset(_ pixels: Int) -> FaceBox {
        FaceBox(x: x + pixels, y: y + pixels, width: width, height: height)
    }
}
