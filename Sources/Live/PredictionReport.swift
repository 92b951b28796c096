import Foundation
import Training
import Vision

/// Formats `fer predict` results as a table or JSON, and picks the exit status:
/// 0 every image had a face, 2 some image had none, 1 some file could not be read or
/// annotated (1 wins over 2).
public enum PredictionReport {
    public static let exitSuccess: Int32 = 0
    public static let exitUnreadable: Int32 = 1
    public static let exitNoFace: Int32 = 2

    public static func exitStatus(for predictions: [ImagePrediction]) -> Int32 {
        if predictions.contains(where: { $0.error != nil || $0.annotationError != nil }) {
            return exitUnreadable
        }
        if predictions.contains(where: { $0.faces.isEmpty }) { return exitNoFace }
        return exitSuccess
    }

    /// One row per face (or per image without faces), a column per class.
    public static func table(_ predictions: [ImagePrediction], classNames: [String]) -> [String] {
        var rows: [[String]] = [["image", "face", "box", "label"] + classNames]
        var notes: [String] = []
        for prediction in predictions {
            if let error = prediction.error {
                rows.append([prediction.path, "-", "error: \(error)"])
                continue
            }
            if prediction.faces.isEmpty {
                rows.append([prediction.path, "-", "no face found"])
            }
            for (number, face) in prediction.faces.enumerated() {
                let box =
                    prediction.takenAsFace
                    ? "whole image" : "\(face.box.width)x\(face.box.height)+\(face.box.x)+\(face.box.y)"
                let top = face.top
                rows.append(
                    [prediction.path, "\(number + 1)", box, "\(top.label) \(percent(top.probability))"]
                        + face.probabilities.map { String(format: "%.3f", $0) })
            }
            if let error = prediction.annotationError {
                notes.append("\(prediction.path): annotation failed: \(error)")
            }
        }
        return TextColumns.aligned(rows) + notes
    }

    private static func percent(_ value: Float) -> String { "\(Int((value * 100).rounded()))%" }

    /// One image in `--json` output.
    public struct ImageRecord: Codable, Sendable, Equatable {
        public var path: String
        public var width: Int?
        public var height: Int?
        public var takenAsFace: Bool
        public var faces: [FaceRecord]
        public var error: String?
        public var annotation: String?
    }

    /// A JSON array with one object per image.
    public static func json(_ predictions: [ImagePrediction]) throws -> String {
        let records = predictions.map { prediction in
            ImageRecord(
                path: prediction.path, width: prediction.size?.width, height: prediction.size?.height,
                takenAsFace: prediction.takenAsFace,
                faces: prediction.faces.map { FaceRecord($0, includesTrack: false) },
                error: prediction.error ?? prediction.annotationError.map { "annotation failed: \($0)" },
                annotation: prediction.annotationPath)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(records), as: UTF8.self)
    }
}
