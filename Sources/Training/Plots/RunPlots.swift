import Foundation
import Vision

/// The PNG plots of a run folder.
enum RunPlots {
    static let trainingColor = BGRColor(red: 31, green: 119, blue: 180)
    static let validationColor = BGRColor(red: 255, green: 127, blue: 14)

    /// Loss (left) and accuracy (right) per epoch of one fold, training and validation, with
    /// the best epoch (by validation accuracy) marked.
    static func writeCurves(_ history: [EpochMetrics], fold: Int, to file: URL) throws {
        let rows = history.filter { $0.fold == fold }.sorted { $0.epoch < $1.epoch }
        let best = rows.reduce(nil as EpochMetrics?) { best, next in
            best.map { next.validationAccuracy > $0.validationAccuracy ? next : $0 } ?? next
        }
        let marker = best.map { (x: Double($0.epoch), label: "BEST \($0.epoch)") }
        func series(_ name: String, _ color: BGRColor, dashed: Bool, _ value: (EpochMetrics) -> Double) -> LineSeries {
            LineSeries(name: name, color: color, points: rows.map { (Double($0.epoch), value($0)) }, dashed: dashed)
        }
        let loss = LineChart(
            title: "FOLD \(fold) LOSS", xLabel: "EPOCH",
            series: [
                series("TRAINING", trainingColor, dashed: true, \.loss),
                series("VALIDATION", validationColor, dashed: false, \.validationLoss),
            ],
            marker: marker
        )
        let accuracy = LineChart(
            title: "FOLD \(fold) ACCURACY", xLabel: "EPOCH",
            series: [
                series("TRAINING", trainingColor, dashed: true, \.accuracy),
                series("VALIDATION", validationColor, dashed: false, \.validationAccuracy),
            ],
            marker: marker
        )
        var canvas = Canvas(width: 1200, height: 450)
        loss.draw(into: &canvas, x: 0, y: 0, width: 600, height: 450)
        accuracy.draw(into: &canvas, x: 600, y: 0, width: 600, height: 450)
        try canvas.writePNG(to: file)
    }

    /// The confusion matrix heat map.
    static func writeConfusion(_ matrix: ConfusionMatrix, title: String, to file: URL) throws {
        try ConfusionHeatMap(matrix: matrix, title: title).render().writePNG(to: file)
    }
}
