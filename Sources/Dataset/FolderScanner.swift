/// The files of a folder dataset, listed and stat'ed but not decoded: enough to name the
/// classes, key the cache and plan the decoding.
struct FolderScan {
    /// One image to decode.
    struct ImageFile: Sendable {
        var relativePath: String
        var label: UInt8
        var split: Split
    }

    /// One class folder of one split, with the slice of `images` it owns.
    struct ClassFolder {
        var relativePath: String
        var imageRange: Range<Int>
        var nonImageCount: Int
    }

    var root: String
    var layout: DatasetLayout
    var classNames: [String]
    /// In order: split, then class, then path.
    var images: [ImageFile]
    var classFolders: [ClassFolder]
    /// Files in class folders that are not images by their extension.
    var nonImages: [SkippedFile]
    var notes: [String]
    /// Hash of every listed file's relative path, size and modification time.
    var fingerprint: UInt64
}

/// Lists `ROOT/<class>/…` (class folders) or `ROOT/{train,test}/<class>/…` (split folders).
/// Class names are the sorted union of the class folder names; files nested deeper inside a
/// class folder belong to that class, as in Keras's `image_dataset_from_directory`.
enum FolderScanner {
    /// Deepest folder nesting followed inside a class folder (guards against link cycles).
    static let maximumDepth = 16

    /// `allowsEmptyClasses`: a class folder without images is listed, not refused.
    static func scan(
        root: String, layout: DatasetLayout, allowsEmptyClasses: Bool = false
    ) throws(DatasetError) -> FolderScan {
        var notes: [String] = []
        let (classNames, folders) = try findClassFolders(root: root, layout: layout, notes: &notes)
        let listings = try listInParallel(root: root, folders: folders.map(\.relativePath))
        var fingerprint = ByteWriter()
        fingerprint.append(UInt8(layout.rawValue))
        for name in classNames { fingerprint.append(name) }
        var images: [FolderScan.ImageFile] = []
        var classFolders: [FolderScan.ClassFolder] = []
        var nonImages: [SkippedFile] = []
        for (folder, listing) in zip(folders, listings) {
            let firstImage = images.count
            var nonImageCount = 0
            for file in listing {
                fingerprint.append(file.path)
                fingerprint.append(file.status.size)
                fingerprint.append(file.status.modificationSeconds)
                fingerprint.append(file.status.modificationNanoseconds)
                if ImageFiles.isImageName(file.path) {
                    images.append(FolderScan.ImageFile(
                        relativePath: file.path, label: folder.label, split: folder.split
                    ))
                } else {
                    let source = SampleSource(path: file.path)
                    nonImages.append(SkippedFile(source: source, reason: "not an image file"))
                    nonImageCount += 1
                }
            }
            guard images.count > firstImage || allowsEmptyClasses else {
                throw .emptyClass(path: "\(root)/\(folder.relativePath)", skippedCount: nonImageCount)
            }
            classFolders.append(FolderScan.ClassFolder(
                relativePath: folder.relativePath, imageRange: firstImage ..< images.count,
                nonImageCount: nonImageCount
            ))
        }
        return FolderScan(
            root: root, layout: layout, classNames: classNames, images: images, classFolders: classFolders,
            nonImages: nonImages, notes: notes, fingerprint: XXHash64.hash(fingerprint.bytes)
        )
    }

    /// A class folder to list: its path, label and split.
    private struct ClassFolderPlace {
        var relativePath: String
        var label: UInt8
        var split: Split
    }

    /// The sorted class names and every class folder, train before test, each split's
    /// folders by name.
    private static func findClassFolders(
        root: String, layout: DatasetLayout, notes: inout [String]
    ) throws(DatasetError) -> (classNames: [String], folders: [ClassFolderPlace]) {
        var namesBySplit: [(prefix: String, split: Split, names: [String])] = []
        for (prefix, split) in try splitFolders(root: root, layout: layout, notes: &notes) {
            let entries = try FileSystem.entries(of: prefix.isEmpty ? root : "\(root)/\(prefix)")
            let looseFiles = entries.filter { !$0.status.isDirectory }.count
            if looseFiles > 0, !prefix.isEmpty {
                notes.append("\(looseFiles) files directly in \(prefix)/ are in no class folder; ignored")
            }
            namesBySplit.append((prefix, split, entries.filter(\.status.isDirectory).map(\.name)))
        }
        let classNames = Set(namesBySplit.flatMap(\.names)).sorted()
        guard !classNames.isEmpty else {
            throw .unrecognisedLayout(path: root, reason: "it has no class subfolders")
        }
        guard classNames.count <= 256 else { throw .tooManyClasses(path: root, count: classNames.count) }
        var folders: [ClassFolderPlace] = []
        for (prefix, split, names) in namesBySplit {
            for name in names {
                let label = UInt8(classNames.firstIndex(of: name) ?? 0)
                let path = prefix.isEmpty ? name : "\(prefix)/\(name)"
                folders.append(ClassFolderPlace(relativePath: path, label: label, split: split))
            }
        }
        return (classNames, folders)
    }

    /// A regular file found under a class folder.
    private struct ListedFile: Sendable {
        var path: String
        var status: FileSystem.Status
    }

    /// Lists every class folder, several at a time (`stat` calls dominate a scan).
    private static func listInParallel(
        root: String, folders: [String]
    ) throws(DatasetError) -> [[ListedFile]] {
        var listings = Array(repeating: [ListedFile](), count: folders.count)
        let failures = LockedCollector<DatasetError>()
        listings.withUnsafeMutableBufferPointer { buffer in
            let output = DisjointWrites(buffer: buffer)
            ParallelWork.run(itemCount: folders.count) { chunk in
                let folder = chunk.lowerBound
                var files: [ListedFile] = []
                do throws(DatasetError) {
                    try listFiles(root: root, relativeFolder: folders[folder], depth: 0) { path, status in
                        files.append(ListedFile(path: path, status: status))
                    }
                } catch {
                    failures.append(contentsOf: [error])
                }
                output.buffer[folder] = files
            }
        }
        if let failure = failures.items.first { throw failure }
        return listings
    }

    /// The folders holding class folders: the root itself, or its train/ and test/ folders.
    private static func splitFolders(
        root: String, layout: DatasetLayout, notes: inout [String]
    ) throws(DatasetError) -> [(prefix: String, split: Split)] {
        guard layout == .splitFolders else { return [("", .train)] }
        var found: [(prefix: String, split: Split)] = []
        for entry in try FileSystem.entries(of: root) where entry.status.isDirectory {
            let name = entry.name.lowercased()
            if let known = LayoutDetection.splitFolderNames.first(where: { $0.name == name }) {
                found.append((entry.name, known.split))
            } else {
                notes.append("folder \(entry.name)/ ignored (only train/ and test/ are read)")
            }
        }
        return found.sorted { $0.split.rawValue < $1.split.rawValue }
    }

    /// Calls `visit` for every regular file under `relativeFolder`, depth first, sorted by name.
    private static func listFiles(
        root: String, relativeFolder: String, depth: Int,
        visit: (String, FileSystem.Status) -> Void
    ) throws(DatasetError) {
        for entry in try FileSystem.entries(of: "\(root)/\(relativeFolder)") {
            let path = "\(relativeFolder)/\(entry.name)"
            if entry.status.isDirectory {
                if depth < maximumDepth {
                    try listFiles(root: root, relativeFolder: path, depth: depth + 1, visit: visit)
                }
            } else if entry.status.isRegularFile {
                visit(path, entry.status)
            }
        }
    }
}
