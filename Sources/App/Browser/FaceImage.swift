import Dataset
import Terminal

extension FaceDataset {
    /// Face `index` as a terminal image (48×48 gray), for the half-block widgets.
    func terminalImage(at index: Int) -> Terminal.GrayImage {
        let side = FaceDataset.imageSide
        guard index >= 0, index < count,
              let image = try? Terminal.GrayImage(width: side, height: side,
                                                  pixels: Array(image(at: index))) else {
            return Terminal.GrayImage(width: 0, height: 0)
        }
        return image
    }

    /// The class name of face `index`.
    func className(of index: Int) -> String {
        classNames[Int(labels[index])]
    }
}

/// Text cut from the left, keeping the end (file names matter more than their folders).
func truncatedLeading(_ text: String, toWidth width: Int, ellipsis: String) -> String {
    guard width > 0 else { return "" }
    guard TextWidth.of(text) > width else { return text }
    var kept = String.UnicodeScalarView()
    var used = TextWidth.of(ellipsis)
    for scalar in text.unicodeScalars.reversed() {
        let scalarWidth = TextWidth.of(scalar)
        if used + scalarWidth > width { break }
        kept.insert(scalar, at: kept.startIndex)
        used += scalarWidth
    }
    return ellipsis + String(kept)
}
