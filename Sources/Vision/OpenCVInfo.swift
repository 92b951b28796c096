import CVBridge

/// Facts about the OpenCV underneath, for `fer doctor` and benchmarks.
public enum OpenCVInfo {
    /// OpenCV's version, e.g. "4.6.0".
    public static var version: String { String(cString: cvb_opencv_version()) }

    /// Threads OpenCV's own pool uses. The bridge sets 1 at start-up because fer runs its
    /// own workers; raise it only when a single caller does all the work.
    public static var threads: Int {
        get { Int(cvb_num_threads()) }
        set { cvb_set_num_threads(Int32(clamping: newValue)) }
    }

    /// The face cascade `FaceDetector()` would load, or nil when none is installed.
    public static var cascadePath: String? { try? CascadeLocator.locate() }
}
