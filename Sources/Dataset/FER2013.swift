/// Facts about FER2013 shared by the loaders.
public enum FER2013 {
    /// The standard class order: alphabetical, as the Kaggle folders sort and as Keras's
    /// `image_dataset_from_directory` numbers them. Every loader uses this order.
    public static let classNames = ["angry", "disgust", "fear", "happy", "neutral", "sad", "surprise"]

    /// The original `fer2013.csv` emotion ids 0–6 in their own order
    /// (0 angry, 1 disgust, 2 fear, 3 happy, 4 sad, 5 surprise, 6 neutral).
    public static let csvEmotionNames = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"]

    /// The standard label (index into `classNames`) of CSV emotion id `emotion`, or nil when
    /// the id is not 0–6.
    public static func label(forCSVEmotion emotion: Int) -> UInt8? {
        guard csvEmotionNames.indices.contains(emotion) else { return nil }
        return classNames.firstIndex(of: csvEmotionNames[emotion]).map { UInt8($0) }
    }

    /// The CSV `Usage` values and the split each means.
    static let usageSplits: [String: Split] = [
        "Training": .train, "PublicTest": .publicTest, "PrivateTest": .privateTest,
    ]
}
