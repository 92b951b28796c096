import CVBridge

/// The video backends this OpenCV build has, for `fer doctor`.
public enum VideoBackends {
    /// Every backend compiled in (e.g. FFMPEG, GSTREAMER, V4L2).
    public static var all: [String] { names(kind: 0) }
    /// Backends that can open cameras.
    public static var cameras: [String] { names(kind: 1) }
    /// Backends that can open files and network streams.
    public static var streams: [String] { names(kind: 2) }
    /// Backends that can write video files.
    public static var writers: [String] { names(kind: 3) }

    private static func names(kind: Int32) -> [String] {
        String(cString: cvb_video_backends(kind)).split(separator: ",").map(String.init)
    }
}
