import Foundation
@testable import Terminal

/// Small deterministic data the widget tests draw.
enum Fixtures {
    static let classes = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"]
    static let probabilities = [0.02, 0.01, 0.05, 0.78, 0.04, 0.06, 0.04]

    /// Training loss falling smoothly over 25 epochs.
    static let trainLoss: [Double] = (0..<25).map { (epoch: Int) -> Double in
        let step = Double(epoch)
        let decay: Double = 1.6 * exp(-step / 6)
        let wobble: Double = 0.02 * sin(step * 1.7)
        return decay + 0.35 + wobble
    }
    /// Validation loss with its minimum at epoch 17 (index 16), rising afterwards.
    static let validationLoss: [Double] = (0..<25).map { (epoch: Int) -> Double in
        let x = Double(epoch) - 16
        let bowl: Double = 0.0016 * x * x * (x < 0 ? 1 : 3)
        let start: Double = 0.5 * exp(-Double(epoch) / 3)
        return 0.72 + bowl + start
    }

    static var lossSeries: [ChartSeries] {
        [ChartSeries(name: "train loss", values: trainLoss),
         ChartSeries(name: "val loss", values: validationLoss, best: .minimum)]
    }

    /// A 48×48 synthetic face: bright oval on dark ground, dark eyes and a smiling mouth.
    static let face: GrayImage = {
        var pixels = [UInt8](repeating: 0, count: 48 * 48)
        for y in 0..<48 {
            for x in 0..<48 {
                let column = Double(x), row = Double(y)
                let dx: Double = (column - 23.5) / 17
                let dy: Double = (row - 24) / 21
                let radius: Double = dx * dx + dy * dy
                var level: Double = radius < 1 ? 200 - 60 * radius : 25 + row
                for eyeX in [16.0, 31.0] {
                    let eyeDistance: Double = (column - eyeX) * (column - eyeX) + (row - 19) * (row - 19)
                    if eyeDistance < 9 { level = 30 }
                }
                let smile: Double = 31 + 0.02 * (column - 23.5) * (column - 23.5)
                if abs(column - 23.5) < 9, abs(row - smile) < 1.5 { level = 60 }
                pixels[y * 48 + x] = UInt8(max(0, min(255, level)))
            }
        }
        return GrayImage(checkedWidth: 48, height: 48, pixels: pixels)
    }()

    /// A 160×120 "video frame": diagonal gradient with a bright disc (a face) at (60…100, 30…80).
    static let frame: GrayImage = {
        var pixels = [UInt8](repeating: 0, count: 160 * 120)
        for y in 0..<120 {
            for x in 0..<160 {
                let dx = Double(x) - 80, dy = Double(y) - 55
                let inFace: Bool = dx * dx / 400 + dy * dy / 625 < 1
                pixels[y * 160 + x] = inFace ? 230 : UInt8((x + y) * 100 / 280 + 20)
            }
        }
        return GrayImage(checkedWidth: 160, height: 120, pixels: pixels)
    }()

    static let confusion: [[Int]] = [
        [301, 4, 52, 18, 61, 9, 33],
        [9, 38, 3, 1, 4, 0, 1],
        [48, 2, 254, 15, 87, 47, 43],
        [12, 0, 14, 790, 21, 15, 34],
        [55, 1, 71, 27, 371, 6, 122],
        [8, 0, 33, 19, 5, 338, 12],
        [31, 1, 40, 42, 95, 9, 515],
    ]

    static let tableColumns = [
        TableColumn("Fold", width: .length(4), alignment: .right),
        TableColumn("Best epoch", width: .length(10), alignment: .right),
        TableColumn("Val acc", width: .length(8), alignment: .right),
        TableColumn("Val loss", width: .length(8), alignment: .right),
        TableColumn("Checkpoint", width: .fill(1)),
    ]

    static let tableRows: [[String]] = (1...12).map { fold in
        let accuracy = 0.60 + Double((fold * 37) % 11) / 100
        let loss = formatFixed(1.3 - accuracy, decimals: 3)
        return ["\(fold)", "\(10 + (fold * 7) % 9)", formatPercent(accuracy), loss,
                "runs/2024-05-01/fold-\(fold)/best.ckpt"]
    }
}
