import Vision

/// Decodes one image file into a 48×48 gray slot. 48×48 files (all of FER2013) decode straight
/// into the slot; color images become gray; other sizes are decoded and resized (area
/// averaging when shrinking), stretching non-square images as Keras's loader does by default.
enum FaceDecoder {
    static func decode(path: String, into slot: UnsafeMutableBufferPointer<UInt8>) throws(DecodeFailure) {
        let side = FaceDataset.imageSide
        do {
            do {
                try GrayImage.read(contentsOf: path, width: side, height: side, into: slot)
            } catch VisionError.unexpectedSize {
                let resized = try GrayImage(contentsOf: path).resized(width: side, height: side)
                _ = slot.update(fromContentsOf: resized.pixels)
            }
        } catch let error as VisionError {
            throw DecodeFailure(reason: reason(for: error))
        } catch {
            throw DecodeFailure(reason: "\(error)")
        }
    }

    /// Why a file was skipped, in a few words (the path is listed next to it already).
    struct DecodeFailure: Error {
        let reason: String
    }

    private static func reason(for error: VisionError) -> String {
        switch error {
        case .notAnImage: "not an image OpenCV can decode"
        case .truncatedImage: "truncated JPEG (ends before its end-of-image marker)"
        case .corruptImage: "damaged image data"
        case .fileNotFound: "file disappeared during the load"
        default: error.description
        }
    }
}
