import Foundation
import Testing
import Vision
@testable import Training

@Suite struct PlotTests {
    /// Twelve epochs of fold 2 (validation accuracy peaks at epoch 9), and a fold 1 row whose
    /// huge loss would stretch the axis if it were not filtered out.
    static let history: [EpochMetrics] = {
        let fold2 = (1 ... 12).map { epoch in
            let step = Double(epoch)
            return EpochMetrics(
                fold: 2, epoch: epoch, loss: 1.9 - 0.12 * step, accuracy: 0.25 + 0.055 * step,
                validationLoss: 1.2 + 0.02 * (step - 7) * (step - 7),
                validationAccuracy: 0.62 - 0.004 * (step - 9) * (step - 9),
                learningRate: 1e-3, imagesPerSecond: 900, seconds: 4
            )
        }
        let fold1 = EpochMetrics(
            fold: 1, epoch: 1, loss: 50, accuracy: 0, validationLoss: 60, validationAccuracy: 0,
            learningRate: 1e-3, imagesPerSecond: 1, seconds: 1
        )
        return [fold1] + fold2.reversed()
    }()

    static func isNear(_ color: BGRColor?, _ expected: BGRColor, tolerance: Int = 10) -> Bool {
        guard let color else { return false }
        return abs(Int(color.red) - Int(expected.red)) <= tolerance
            && abs(Int(color.green) - Int(expected.green)) <= tolerance
            && abs(Int(color.blue) - Int(expected.blue)) <= tolerance
    }

    static func brightness(_ color: BGRColor?) -> Int {
        guard let color else { return -1 }
        return Int(color.red) + Int(color.green) + Int(color.blue)
    }

    @Test func curvesDrawBothSeriesOfTheFoldInsideThePlotAreas() throws {
        let image = RunPlots.curves(Self.history, fold: 2)
        #expect(image.width == 2 * RunPlots.chartSize.width && image.height == RunPlots.chartSize.height)
        let charts = RunPlots.curveCharts(Self.history, fold: 2)
        #expect(charts.map(\.title) == ["Fold 2 loss", "Fold 2 accuracy"])
        for (index, chart) in charts.enumerated() {
            let layout = chart.layout(in: RunPlots.chartFrame(index))
            let area = layout.plotArea
            #expect(area.width > 600 && area.height > 350, "\(chart.title): plot area \(area)")
            // Only fold 2 sets the scale: its values stay under 2, fold 1's loss is 50.
            #expect(layout.yAxis.range.upperBound < 2.5, "\(chart.title): \(layout.yAxis.range)")
            #expect(layout.xAxis.ticks == [2, 4, 6, 8, 10, 12])
            for line in chart.series {
                #expect(line.points.count == 12)
                let onDots = line.points.filter { point in
                    let pixel = layout.pixel(point)
                    let (x, y) = (Int(pixel.x.rounded()), Int(pixel.y.rounded()))
                    let inside = x > area.x && x < area.x + area.width
                        && y > area.y && y < area.y + area.height
                    return inside && Self.isNear(image[x: x, y: y], line.color)
                }
                // All but at most one (a dot the legend or the other series may hide).
                #expect(onDots.count >= 11, "\(chart.title) \(line.name): \(onDots.count) of 12 dots drawn")
            }
        }
    }

    @Test func curvesMarkTheBestEpochByValidationAccuracy() throws {
        let image = RunPlots.curves(Self.history, fold: 2)
        for (index, chart) in RunPlots.curveCharts(Self.history, fold: 2).enumerated() {
            #expect(chart.marker?.x == 9 && chart.marker?.label == "best epoch 9")
            let layout = chart.layout(in: RunPlots.chartFrame(index))
            let column = Int(layout.pixelX(9).rounded())
            let rows = layout.plotArea.y ..< layout.plotArea.y + layout.plotArea.height
            let marked = rows.filter { Self.isNear(image[x: column, y: $0], PlotStyle.bestEpoch) }.count
            // A dashed line: about 6 of every 10 pixels, less where the series cross it.
            #expect(Double(marked) > 0.4 * Double(rows.count), "\(chart.title): \(marked) marker pixels")
            let elsewhere = rows.filter { Self.isNear(image[x: column - 40, y: $0], PlotStyle.bestEpoch) }
            #expect(elsewhere.count < 5)
        }
    }

    @Test func curvesFileIsThePNGOfTheDrawing() throws {
        let directory = Fixtures.temporaryDirectory("plots")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("fold-2/curves.png")
        try RunPlots.writeCurves(Array(Self.history.prefix(4)), fold: 2, to: file)
        try RunPlots.writeCurves(Self.history, fold: 2, to: file)
        let bytes = try [UInt8](Data(contentsOf: file))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "PNG signature")
        #expect(try ColorImage.decode(bytes: bytes) == RunPlots.curves(Self.history, fold: 2))
        // The atomic write leaves no temporary file behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(names == ["curves.png"])
    }

    @Test func curvesWithoutUsableValuesStillDraw() throws {
        let broken = EpochMetrics(
            fold: 1, epoch: 1, loss: .nan, accuracy: 0.4, validationLoss: .infinity, validationAccuracy: 0.5,
            learningRate: 1e-3, imagesPerSecond: 1, seconds: 1
        )
        for history in [[], [broken]] {
            let image = RunPlots.curves(history, fold: 1)
            let expected = PixelSize(width: 2 * RunPlots.chartSize.width, height: RunPlots.chartSize.height)
            #expect(image.size == expected)
            for (index, chart) in RunPlots.curveCharts(history, fold: 1).enumerated() {
                let layout = chart.layout(in: RunPlots.chartFrame(index))
                #expect(layout.yAxis.range.lowerBound.isFinite && layout.yAxis.range.upperBound.isFinite)
                #expect(!layout.yAxis.ticks.isEmpty)
            }
        }
        // One epoch: the axis shows just that epoch.
        let single = RunPlots.curveCharts([broken], fold: 1)[1].layout(in: RunPlots.chartFrame(1))
        #expect(single.xAxis.ticks == [1])
    }

    @Test func axisTicksAreRoundNumbersInsideTheRange() {
        let accuracy = AxisScale(values: [0.31, 0.92], padding: 0, ticks: 6)
        #expect(accuracy.step == 0.2 && accuracy.decimals == 1)
        #expect(accuracy.ticks.count == 3 && accuracy.ticks.allSatisfy(accuracy.range.contains))
        #expect(zip(accuracy.ticks, [0.4, 0.6, 0.8]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(AxisScale(values: [0.3, 0.9], padding: 0, ticks: 6).step == 0.1)
        let epochs = AxisScale(values: [1, 2, 3], padding: 0.03, ticks: 10, minimumStep: 1)
        #expect(epochs.ticks == [1, 2, 3] && epochs.decimals == 0)
        let flat = AxisScale(values: [0.7, 0.7], padding: 0.1, ticks: 5).range
        #expect(abs(flat.lowerBound - 0.2) < 1e-12 && abs(flat.upperBound - 1.2) < 1e-12)
        #expect(AxisScale(values: [.nan], padding: 0.1, ticks: 5).range == 0 ... 1)
        #expect(AxisScale(values: [-0.04, 0.5], padding: 0, ticks: 5).ticks.first == 0)
        #expect(AxisScale.niceStep(230, ticks: 5) == 50)
    }

    @Test func heatMapShadesCellsByShareOfTheRow() throws {
        let matrix = try ConfusionMatrix(
            classNames: ["horizontal", "vertical", "square"], counts: [[50, 3, 2], [4, 40, 6], [0, 2, 60]]
        )
        let heatMap = ConfusionHeatMap(matrix: matrix, title: "FOLD 1 VALIDATION, EPOCH 3")
        let image = heatMap.render()
        let grid = heatMap.gridArea
        #expect(image.width >= grid.x + grid.width + 60 && image.height >= grid.y + grid.height + 40)
        for actual in 0 ..< 3 {
            let total = Double(matrix.support(of: actual))
            var brightness: [Int] = []
            for predicted in 0 ..< 3 {
                let cell = heatMap.cell(actual: actual, predicted: predicted)
                // A corner of the cell, clear of its border and its labels.
                let color = image[x: cell.x + 4, y: cell.y + 4]
                let share = Double(matrix.counts[actual][predicted]) / total
                #expect(color == ConfusionHeatMap.shade(share), "cell \(actual),\(predicted)")
                brightness.append(Self.brightness(color))
            }
            let diagonal = brightness[actual]
            #expect(brightness.indices.allSatisfy { $0 == actual || brightness[$0] > diagonal + 200 })
            // The class name is written left of its row.
            let row = heatMap.cell(actual: actual, predicted: 0)
            let inked = (0 ..< grid.x).flatMap { x in
                (row.y ..< row.y + row.height).map { Self.brightness(image[x: x, y: $0]) }
            }.filter { $0 < 300 }
            #expect(inked.count > 20, "row \(actual) label: \(inked.count) dark pixels")
        }
        let directory = Fixtures.temporaryDirectory("heatmap")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("confusion-matrix.png")
        try RunPlots.writeConfusion(matrix, title: heatMap.title, to: file)
        #expect(try ColorImage(contentsOf: file.path) == image)
    }

    @Test func heatMapCopesWithEmptyRowsAndNoClasses() throws {
        let matrix = try ConfusionMatrix(classNames: ["a", "b"], counts: [[0, 0], [1, 3]])
        let heatMap = ConfusionHeatMap(matrix: matrix, title: "EMPTY ROW")
        let image = heatMap.render()
        let empty = heatMap.cell(actual: 0, predicted: 0)
        #expect(image[x: empty.x + 4, y: empty.y + 4] == ConfusionHeatMap.shade(0))
        let nothing = ConfusionHeatMap(matrix: ConfusionMatrix(classNames: []), title: "NO CLASSES").render()
        #expect(nothing.width > 100 && nothing.height > 100)
    }

    @Test func shadeRunsFromLightToDark() {
        let shares = stride(from: 0.0, through: 1.0, by: 0.05).map { ConfusionHeatMap.shade($0) }
        let brightness = shares.map { Self.brightness($0) }
        #expect(zip(brightness, brightness.dropFirst()).allSatisfy { $0 > $1 })
        #expect(ConfusionHeatMap.shade(0) == ConfusionHeatMap.ramp.first)
        #expect(ConfusionHeatMap.shade(1) == ConfusionHeatMap.ramp.last)
        #expect(ConfusionHeatMap.shade(.nan) == ConfusionHeatMap.shade(-3))
        #expect(ConfusionHeatMap.shade(7) == ConfusionHeatMap.ramp.last)
    }
}
