import Engine
import Foundation
import Vision

/// The PNG plots of a run folder, drawn with OpenCV and written atomically.
enum RunPlots {
    /// Size of each of the two charts in a fold's `curves.png` (loss left, accuracy right).
    static let chartSize = PixelSize(width: 800, height: 500)

    /// Loss (left) and accuracy (right) per epoch of one fold, training and validation, with
    /// the best epoch (by validation accuracy) marked.
    static func writeCurves(_ history: [EpochMetrics], fold: Int, to file: URL) throws {
        try write(curves(history, fold: fold), to: file)
    }

    /// The confusion matrix heat map.
    static func writeConfusion(_ matrix: ConfusionMatrix, title: String, to file: URL) throws {
        try write(ConfusionHeatMap(matrix: matrix, title: title).render(), to: file)
    }

    /// The image `writeCurves` writes.
    static func curves(_ history: [EpochMetrics], fold: Int) -> ColorImage {
        let charts = curveCharts(history, fold: fold)
        var image = ColorImage(
            width: chartSize.width * charts.count, height: chartSize.height, filledWith: PlotStyle.background
        )
        for (index, chart) in charts.enumerated() {
            chart.draw(into: &image, frame: chartFrame(index))
        }
        return image
    }

    /// The loss and accuracy charts of one fold.
    static func curveCharts(_ history: [EpochMetrics], fold: Int) -> [LineChart] {
        let rows = history.filter { $0.fold == fold }.sorted { $0.epoch < $1.epoch }
        let marker = EpochMetrics.best(of: rows).map {
            ChartMarker(x: Double($0.epoch), label: "best epoch \($0.epoch)")
        }
        func chart(
            _ quantity: String, training: KeyPath<EpochMetrics, Double>,
            validation: KeyPath<EpochMetrics, Double>
        ) -> LineChart {
            func points(_ value: KeyPath<EpochMetrics, Double>) -> [(x: Double, y: Double)] {
                rows.map { (x: Double($0.epoch), y: $0[keyPath: value]) }
            }
            return LineChart(
                title: "Fold \(fold) \(quantity)", xLabel: "epoch",
                series: [
                    LineSeries(
                        name: "training", color: PlotStyle.training, points: points(training), dashed: true
                    ),
                    LineSeries(
                        name: "validation", color: PlotStyle.validation, points: points(validation),
                        ringsMarker: true
                    ),
                ],
                marker: marker
            )
        }
        return [
            chart("loss", training: \.loss, validation: \.validationLoss),
            chart("accuracy", training: \.accuracy, validation: \.validationAccuracy),
        ]
    }

    /// Where chart `index` lies in the curves image.
    static func chartFrame(_ index: Int) -> PixelRect {
        PixelRect(x: index * chartSize.width, y: 0, width: chartSize.width, height: chartSize.height)
    }

    private static func write(_ image: ColorImage, to file: URL) throws {
        try AtomicFile.write(Data(try image.encoded(format: .png)), to: file)
    }
}
