/// Which file names the folder loaders treat as images: the formats OpenCV decodes.
enum ImageFiles {
    static let extensions: Set<String> = [
        "jpg", "jpeg", "jpe", "png", "bmp", "dib", "pgm", "ppm", "pbm", "pnm", "tif", "tiff", "webp",
    ]

    static func isImageName(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return extensions.contains(name[name.index(after: dot)...].lowercased())
    }
}
