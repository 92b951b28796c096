import Foundation
import Vision

/// `fer predict`'s result for one image: the faces found with their probabilities, or why
/// the image could not be used.
public struct ImagePrediction: Sendable {
    public var path: String
    /// Nil when the image could not be read.
    public var size: PixelSize?
    /// Largest first; empty when no face was found.
    public var faces: [RecognizedFace]
    /// True when the whole image was taken as the face (a 48×48 crop, or `--cropped`).
    public var takenAsFace: Bool
    /// Why the image was not processed (unreadable, not an image); nil on success.
    public var error: String?
    /// Where the annotated copy went, or why writing it failed.
    public var annotationPath: String?
    public var annotationError: String?

    public init(
        path: String, size: PixelSize? = nil, faces: [RecognizedFace] = [], takenAsFace: Bool = false,
        error: String? = nil
    ) {
        self.path = path
        self.size = size
        self.faces = faces
        self.takenAsFace = takenAsFace
        self.error = error
    }
}

/// Recognises expressions in still images for `fer predict`: faces are detected in photos;
/// an image of exactly the model's face size (48×48), or any image with `takesWholeImageAsFace`,
/// is classified as one face without detection. Errors are kept per image, never thrown, so
/// one bad file does not stop the others.
public final class StillImagePredictor {
    public let recognizer: FaceRecognizer
    public let annotator: FrameAnnotator
    /// Annotated copies are enlarged to at least this height so small faces stay readable.
    public var minimumAnnotationHeight = 240

    public init(recognizer: FaceRecognizer, annotator: FrameAnnotator = FrameAnnotator()) {
        self.recognizer = recognizer
        self.annotator = annotator
    }

    /// Reads and predicts the image at `path`; writes an annotated copy to `annotationPath`.
    public func predict(
        path: String, takesWholeImageAsFace: Bool = false, annotationPath: String? = nil
    ) -> ImagePrediction {
        let image: ColorImage
        do {
            image = try ColorImage(contentsOf: path)
        } catch {
            return ImagePrediction(path: path, error: "\(error)")
        }
        var prediction = predict(image: image, path: path, takesWholeImageAsFace: takesWholeImageAsFace)
        if let annotationPath, prediction.error == nil {
            do {
                try annotated(image, faces: prediction.faces).write(to: annotationPath)
                prediction.annotationPath = annotationPath
            } catch {
                prediction.annotationError = "\(error)"
            }
        }
        return prediction
    }

    /// Predicts an image already in memory (`path` is only its name in the result).
    public func predict(
        image: ColorImage, path: String, takesWholeImageAsFace: Bool = false
    ) -> ImagePrediction {
        let wholeFace = takesWholeImageAsFace || recognizer.isFaceCrop(image.size)
        do {
            let classNames = recognizer.classNames
            if wholeFace {
                let probabilities = try recognizer.classify(face: try image.gray)
                let face = RecognizedFace(
                    box: PixelRect(x: 0, y: 0, width: image.width, height: image.height),
                    probabilities: probabilities, classNames: classNames)
                return ImagePrediction(path: path, size: image.size, faces: [face], takenAsFace: true)
            }
            let faces = try recognizer.recognize(in: image).faces.enumerated().map { index, face in
                RecognizedFace(
                    box: face.box, probabilities: face.probabilities, classNames: classNames, track: index + 1
                )
            }
            return ImagePrediction(path: path, size: image.size, faces: faces)
        } catch {
            return ImagePrediction(path: path, size: image.size, error: "\(error)")
        }
    }

    /// `image` with the faces drawn, enlarged when it is small.
    public func annotated(_ image: ColorImage, faces: [RecognizedFace]) throws -> ColorImage {
        var canvas = image
        var faces = faces
        if image.height > 0, image.height < minimumAnnotationHeight {
            let factor = Int((Double(minimumAnnotationHeight) / Double(image.height)).rounded(.up))
            canvas = try image.resized(width: image.width * factor, height: image.height * factor)
            for index in faces.indices {
                let box = faces[index].box
                faces[index].box = PixelRect(
                    x: box.x * factor, y: box.y * factor, width: box.width * factor,
                    height: box.height * factor)
            }
        }
        annotator.annotate(&canvas, faces: faces)
        return canvas
    }
}
