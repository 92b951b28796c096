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
        /// Files of the folder that were not listed as images (not images, or a file already listed).
        var skippedCount: Int
    }

    var root: String
    var layout: DatasetLayout
    var classNames: [String]
    /// In order: split, then class, then path.
    var images: [ImageFile]
    var classFolders: [ClassFolder]
    /// Files in class folders that are not images by their extension, or that were already
    /// listed under another path (a link, a hard link).
    var skipped: [SkippedFile]
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
        let datasetFolders = datasetFolderIdentities(root: root, folders: folders.map(\.relativePath))
        let listings = try listInParallel(
            root: root, folders: folders.map(\.relativePath), datasetFolders: datasetFolders
        )
        var fingerprint = ByteWriter()
        fingerprint.append(UInt8(layout.rawValue))
        for name in classNames { fingerprint.append(name) }
        var images: [FolderScan.ImageFile] = []
        var classFolders: [FolderScan.ClassFolder] = []
        var skipped: [SkippedFile] = []
        // A file is listed once, under its first path; a real path wins over a link's.
        var firstPath: [FileSystem.Identity: String] = [:]
        for file in listings.flatMap(\.files) where !file.viaLink && firstPath[file.status.identity] == nil {
            firstPath[file.status.identity] = file.path
        }
        var listed = Set<FileSystem.Identity>()
        for (folder, listing) in zip(folders, listings) {
            let firstImage = images.count
            var skippedCount = 0
            notes += listing.notes
            for file in listing.files {
                fingerprint.append(file.path)
                fingerprint.append(file.status.size)
                fingerprint.append(file.status.modificationSeconds)
                fingerprint.append(file.status.modificationNanoseconds)
                let identity = file.status.identity
                if listed.contains(identity) || firstPath[identity].map({ $0 != file.path }) == true {
                    let first = firstPath[identity] ?? "another path"
                    skipped.append(SkippedFile(source: SampleSource(path: file.path), reason: "the same file as \(first)"))
                    skippedCount += 1
                    continue
                }
                listed.insert(identity)
                firstPath[identity] = firstPath[identity] ?? file.path
                if ImageFiles.isImageName(file.path) {
                    images.append(FolderScan.ImageFile(
                        relativePath: file.path, label: folder.label, split: folder.split
                    ))
                } else {
                    let source = SampleSource(path: file.path)
                    skipped.append(SkippedFile(source: source, reason: "not an image file"))
                    skippedCount += 1
                }
            }
            guard images.count > firstImage || allowsEmptyClasses else {
                throw .emptyClass(path: "\(root)/\(folder.relativePath)", skippedCount: skippedCount)
            }
            classFolders.append(FolderScan.ClassFolder(
                relativePath: folder.relativePath, imageRange: firstImage ..< images.count,
                skippedCount: skippedCount
            ))
        }
        return FolderScan(
            root: root, layout: layout, classNames: classNames, images: images, classFolders: classFolders,
            skipped: skipped, notes: notes, fingerprint: XXHash64.hash(fingerprint.bytes)
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
        /// Reached through a symbolic link (the file's or a folder's on its path).
        var viaLink: Bool
    }

    /// The files under one class folder, and what was not followed.
    private struct Listing: Sendable {
        var files: [ListedFile] = []
        var notes: [String] = []
    }

    /// The root, its split folders and every class folder: a walk never enters them from inside
    /// a class folder, so a link back into the dataset cannot read other classes' faces.
    private static func datasetFolderIdentities(root: String, folders: [String]) -> Set<FileSystem.Identity> {
        let paths = [root] + Set(folders.compactMap { $0.split(separator: "/").dropLast().first.map(String.init) })
            .map { "\(root)/\($0)" } + folders.map { "\(root)/\($0)" }
        return Set(paths.compactMap { FileSystem.status(of: $0)?.identity })
    }

    /// Lists every class folder, several at a time (`stat` calls dominate a scan).
    private static func listInParallel(
        root: String, folders: [String], datasetFolders: Set<FileSystem.Identity>
    ) throws(DatasetError) -> [Listing] {
        var listings = Array(repeating: Listing(), count: folders.count)
        let failures = LockedCollector<DatasetError>()
        listings.withUnsafeMutableBufferPointer { buffer in
            let output = DisjointWrites(buffer: buffer)
            ParallelWork.run(itemCount: folders.count) { chunk in
                let folder = chunk.lowerBound
                var walk = FolderWalk(root: root, excluded: datasetFolders)
                do throws(DatasetError) {
                    try walk.list(folders[folder], depth: 0, insideLink: false, ancestors: [])
                } catch {
                    failures.append(contentsOf: [error])
                }
                output.buffer[folder] = walk.listing
            }
        }
        if let failure = failures.items.first { throw failure }
        return listings
    }

    /// A depth-first walk of one class folder. Symbolic links to folders are followed once
    /// (never a link found inside a linked folder), never back into the dataset's own folders
    /// or into a folder the walk is already inside, and each folder not followed is noted.
    private struct FolderWalk {
        let root: String
        let excluded: Set<FileSystem.Identity>
        var listing = Listing()

        mutating func list(
            _ relativeFolder: String, depth: Int, insideLink: Bool, ancestors: Set<FileSystem.Identity>
        ) throws(DatasetError) {
            for entry in try FileSystem.entries(of: "\(root)/\(relativeFolder)") {
                let path = "\(relativeFolder)/\(entry.name)"
                guard entry.status.isDirectory else {
                    if entry.status.isRegularFile {
                        listing.files.append(
                            ListedFile(path: path, status: entry.status, viaLink: insideLink || entry.isLink))
                    }
                    continue
                }
                let identity = entry.status.identity
                if excluded.contains(identity) || ancestors.contains(identity) {
                    listing.notes.append("\(path)/ not followed: it leads back into the dataset (a link loop)")
                } else if entry.isLink && insideLink {
                    listing.notes.append("\(path)/ not followed: a link inside a linked folder")
                } else if depth >= maximumDepth {
                    listing.notes.append("\(path)/ not read: deeper than \(maximumDepth) folders")
                } else {
                    try list(path, depth: depth + 1, insideLink: insideLink || entry.isLink,
                             ancestors: ancestors.union([identity]))
                }
            }
        }
    }

    /// The folders holding class folders: the root itself, or its train/ and test/ folders. A
    /// root of class folders named like a split folder (`fer2013/test` given alone) is that split.
    private static func splitFolders(
        root: String, layout: DatasetLayout, notes: inout [String]
    ) throws(DatasetError) -> [(prefix: String, split: Split)] {
        guard layout == .splitFolders else {
            let name = root.split(separator: "/").last.map { $0.lowercased() } ?? ""
            return [("", LayoutDetection.splitFolderNames.first { $0.name == name }?.split ?? .train)]
        }
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
}
