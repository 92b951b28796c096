import Testing
import Vision
@testable import Live

@Test func recognizedFaceReportsItsTopClass() {
    let face = RecognizedFace(
        box: FaceBox(x: 1, y: 2, width: 3, height: 4), probabilities: [0.1, 0.7, 0.2],
        classNames: ["a", "b", "c"]
    )
    #expect(face.top.label == "b")
    #expect(face.top.probability == 0.7)
}
