import Foundation

/// Where `fer predict --annotate TARGET` writes each input's annotated copy: TARGET itself
/// for a single image, or TARGET as a folder (created when missing) holding `<name>.png` per
/// input when there are several images or TARGET is a folder already.
public enum AnnotationPaths {
    public static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "bmp"]

    /// One output path per input, in order.
    public static func paths(for inputs: [String], target: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory)
        let targetExtension = URL(fileURLWithPath: target).pathExtension.lowercased()
        if inputs.count == 1, !(exists && isDirectory.boolValue), !targetExtension.isEmpty {
            guard imageExtensions.contains(targetExtension) else {
                throw LiveError.invalidOption(
                    detail: "--annotate '\(target)': use a .png, .jpg or .bmp file or a folder")
            }
            return [target]
        }
        if exists && !isDirectory.boolValue || (!exists && imageExtensions.contains(targetExtension)) {
            throw LiveError.invalidOption(
                detail: "--annotate '\(target)' must be a folder when predicting \(inputs.count) images")
        }
        do {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        } catch {
            throw LiveError.outputFailed(
                detail: "cannot create folder '\(target)': \(error.localizedDescription)")
        }
        var usedNames = Set<String>()
        let folder = URL(fileURLWithPath: target)
        return inputs.map { input in
            let stem = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
            let base = stem.isEmpty ? "image" : stem
            var name = "\(base).png"
            var number = 1
            while usedNames.contains(name) {
                number += 1
                name = "\(base)-\(number).png"
            }
            usedNames.insert(name)
            return folder.appendingPathComponent(name).path
        }
    }
}
