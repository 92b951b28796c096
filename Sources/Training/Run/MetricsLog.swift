import Foundation

/// The per-epoch metrics files of a run, rendered whole from the metrics history (so a
/// resumed run rewrites exactly the rows it has, never duplicates).
enum MetricsLog {
    /// `metrics.csv`: a header and one row per fold and epoch, like Keras's CSVLogger.
    static func csv(_ rows: [EpochMetrics]) -> String {
        var text = EpochMetrics.columns.joined(separator: ",") + "\n"
        for row in rows {
            let fields = [
                String(row.fold), String(row.epoch), compact(row.loss), compact(row.accuracy),
                compact(row.validationLoss), compact(row.validationAccuracy), compact(row.learningRate),
                Formatting.fixed(row.imagesPerSecond, 1), Formatting.fixed(row.seconds, 3),
            ]
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }

    /// `metrics.jsonl`: the same rows as JSON objects, one per line.
    static func jsonLines(_ rows: [EpochMetrics]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try rows.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
    }

    /// Six significant digits, as `%g` writes them (`0.512345`, `1e-05`).
    private static func compact(_ value: Double) -> String {
        String(format: "%.6g", value)
    }
}
