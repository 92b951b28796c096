import Live
import Vision

/// Fixed live frames: a 160×90 gradient with a bright oval "face", as the pipeline would send.
enum TestLive {
    static let classNames = ["angry", "disgust", "fear", "happy", "neutral", "sad", "surprise"]

    static func image() -> Vision.GrayImage {
        let width = 160, height = 90
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let dx = Double(x - 80) / 22, dy = Double(y - 45) / 28
                let inside = dx * dx + dy * dy < 1
                let eye = (abs(x - 72) < 3 || abs(x - 88) < 3) && abs(y - 38) < 3
                let value = inside ? (eye ? 40 : 210) : 30 + (x + y) / 3
                pixels[y * width + x] = UInt8(min(255, value))
            }
        }
        return (try? Vision.GrayImage(width: width, height: height, pixels: pixels))
            ?? Vision.GrayImage(width: width, height: height)
    }

    /// A frame with one happy face (boxes are in source pixels, twice the image's).
    static func frame(index: Int = 41, withFace: Bool = true, fps: Double = 29.5) -> LiveFrame {
        let face = RecognizedFace(box: FaceBox(x: 116, y: 34, width: 88, height: 112),
                                  probabilities: [0.02, 0.01, 0.03, 0.78, 0.1, 0.04, 0.02],
                                  classNames: classNames)
        return LiveFrame(index: index, timestamp: Double(index) / 30, image: image(), sourceScale: 2,
                         faces: withFace ? [face] : [],
                         timings: StageTimings(decode: 2.1, detect: 9.4, classify: 0.7), framesPerSecond: fps)
    }
}
