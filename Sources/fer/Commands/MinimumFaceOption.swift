import ArgumentParser
import Vision

/// The check of `--min-face` (predict, live).
enum MinimumFaceOption {
    static func validate(_ minimumFace: Int?) throws {
        guard let minimumFace else { return }
        let window = FaceDetectionParameters.cascadeWindow
        guard minimumFace >= window else {
            throw ValidationError(
                "--min-face must be at least \(window) pixels, the Haar cascade's window (enlarge the image to find smaller faces)")
        }
    }
}
