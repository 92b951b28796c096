/// Removes the images at some positions from a packed pixel array in place (shifting the
/// kept ones down), for loads where a few files or rows turned out unusable.
enum PixelCompaction {
    static func removeImages(at removed: Set<Int>, from pixels: inout [UInt8]) {
        guard !removed.isEmpty else { return }
        let size = FaceDataset.imageByteCount
        let count = pixels.count / size
        var kept = 0
        pixels.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for image in 0 ..< count where !removed.contains(image) {
                if kept != image { (base + kept * size).update(from: base + image * size, count: size) }
                kept += 1
            }
        }
        pixels.removeLast(pixels.count - kept * size)
    }
}
