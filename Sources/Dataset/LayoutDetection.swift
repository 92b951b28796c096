/// Works out which of the supported layouts a path is, from names alone (no decoding).
///
/// In order: a `.csv` file is `fer2013.csv`-style; a folder with `train/` or `test/` holding
/// subfolders is the Kaggle FER2013 layout; a folder holding `fer2013.csv` is that CSV; any other
/// folder with subfolders is a folder of class folders; a folder whose only CSV is one file is
/// that CSV. Hidden entries (starting with `.`) are ignored throughout.
enum LayoutDetection {
    struct Detected: Equatable {
        var layout: DatasetLayout
        /// Absolute path: the dataset folder, or the CSV file.
        var path: String
    }

    /// Names of the split folders of the Kaggle layout (matched ignoring case).
    static let splitFolderNames: [(name: String, split: Split)] = [("train", .train), ("test", .test)]

    static func detect(_ path: String) throws(DatasetError) -> Detected {
        let absolute = FileSystem.absolutePath(path)
        guard let status = FileSystem.status(of: absolute) else { throw .pathNotFound(path: path) }
        if !status.isDirectory {
            guard absolute.lowercased().hasSuffix(".csv") else {
                throw .unrecognisedLayout(path: path, reason: "it is a file but not a .csv file")
            }
            return Detected(layout: .fer2013CSV, path: absolute)
        }
        let entries = try FileSystem.entries(of: absolute)
        guard !entries.isEmpty else { throw .emptyFolder(path: path) }
        let folders = entries.filter(\.status.isDirectory)
        for folder in folders {
            let name = folder.name.lowercased()
            guard splitFolderNames.contains(where: { $0.name == name }) else { continue }
            let inside = try FileSystem.entries(of: "\(absolute)/\(folder.name)")
            if inside.contains(where: \.status.isDirectory) {
                return Detected(layout: .splitFolders, path: absolute)
            }
        }
        let csvFiles = entries.filter { !$0.status.isDirectory && $0.name.lowercased().hasSuffix(".csv") }
        if let named = csvFiles.first(where: { $0.name.lowercased() == "fer2013.csv" }) {
            return Detected(layout: .fer2013CSV, path: "\(absolute)/\(named.name)")
        }
        if !folders.isEmpty { return Detected(layout: .classFolders, path: absolute) }
        if csvFiles.count == 1 {
            return Detected(layout: .fer2013CSV, path: "\(absolute)/\(csvFiles[0].name)")
        }
        if entries.contains(where: { ImageFiles.isImageName($0.name) }) {
            throw .unrecognisedLayout(
                path: path, reason: "its images are not in class subfolders (put each class's images in "
                    + "ROOT/<class>/)"
            )
        }
        let reason = csvFiles.isEmpty
            ? "it has no class subfolders, no train/ folder and no .csv file"
            : "it holds \(csvFiles.count) .csv files; name the one to load"
        throw .unrecognisedLayout(path: path, reason: reason)
    }
}
