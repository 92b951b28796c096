import Engine

/// A change to files the checkpoint picker asks a worker to make.
public enum FileAction: Hashable, Sendable {
    /// Writes `source` to `destination`; an existing destination is replaced only with `overwrite`.
    case export(source: String, destination: String, format: ExportFormat, overwrite: Bool)
    /// Copies `source` to `destination`, the default-model location.
    case makeDefault(source: String, destination: String)
    /// Removes one checkpoint file.
    case deleteFile(path: String)
    /// Removes a whole run folder.
    case deleteRun(path: String)
}

/// How a `FileAction` ended.
public enum FileActionResult: Hashable, Sendable {
    case done(String)
    case failed(String)
    /// The export target exists; the user is asked before it is replaced.
    case destinationExists(FileAction)
}
