import Foundation
import Testing
@testable import Training

@Suite struct ConfusionMatrixTests {
    /// Hand-made case: 3 classes, counts[actual][predicted].
    ///   cat:  8 right, 2 as dog          (support 10)
    ///   dog:  1 as cat, 5 right, 4 bird  (support 10)
    ///   bird: nothing                    (support 0)
    /// cat: precision 8/9, recall 8/10; dog: precision 5/6, recall 5/10; bird: 0 (nothing to divide by).
    @Test func perClassMetricsMatchHandComputation() throws {
        let matrix = try ConfusionMatrix(
            classNames: ["cat", "dog", "bird"], counts: [[8, 2, 0], [1, 5, 4], [0, 0, 0]]
        )
        #expect(matrix.total == 20)
        #expect(matrix.correct == 13)
        #expect(matrix.accuracy == 0.65)
        let metrics = matrix.classMetrics
        #expect(abs(metrics[0].precision - 8.0 / 9) < 1e-12)
        #expect(abs(metrics[0].recall - 0.8) < 1e-12)
        let catF1 = 2 * (8.0 / 9) * 0.8 / (8.0 / 9 + 0.8)
        #expect(abs(metrics[0].f1 - catF1) < 1e-12)
        #expect(abs(metrics[1].precision - 5.0 / 7) < 1e-12)
        #expect(abs(metrics[1].recall - 0.5) < 1e-12)
        #expect(metrics[2].precision == 0)
        #expect(metrics[2].recall == 0)
        #expect(metrics[2].f1 == 0)
        #expect(metrics.map(\.support) == [10, 10, 0])

        let report = EvaluationReport(confusionMatrix: matrix)
        let dogF1 = 2 * (5.0 / 7) * 0.5 / (5.0 / 7 + 0.5)
        #expect(abs(report.macroF1 - (catF1 + dogF1) / 3) < 1e-12)
        #expect(abs(report.weightedF1 - (catF1 * 10 + dogF1 * 10) / 20) < 1e-12)
    }

    @Test func rejectsMalformedCounts() {
        #expect(throws: TrainingError.self) { try ConfusionMatrix(classNames: ["a", "b"], counts: [[1, 2]]) }
        #expect(throws: TrainingError.self) { try ConfusionMatrix(classNames: ["a"], counts: [[-1]]) }
    }

    @Test func reportFromProbabilitiesCountsArgmaxAndLoss() {
        // Two samples of class a: the first right with p = 0.7, the second predicted as b (p(a) = 0.4).
        let probabilities: [Float] = [0.7, 0.3, 0.4, 0.6]
        let report = Evaluator.report(probabilities: probabilities, labels: [0, 0], classNames: ["a", "b"])
        #expect(report.confusionMatrix.counts == [[1, 1], [0, 0]])
        #expect(report.accuracy == 0.5)
        let expectedLoss = -(log(Double(Float(0.7))) + log(Double(Float(0.4)))) / 2
        #expect(abs((report.loss ?? 0) - expectedLoss) < 1e-9)
    }

    @Test func reportEncodesAsJSONWithSnakeCaseKeys() throws {
        let matrix = try ConfusionMatrix(classNames: ["a", "b"], counts: [[3, 1], [0, 4]])
        let report = EvaluationReport(confusionMatrix: matrix)
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(json.contains("\"confusion_matrix\""))
        #expect(json.contains("\"macro_f1\""))
        #expect(json.contains("\"class_names\""))
        #expect(try JSONDecoder().decode(EvaluationReport.self, from: Data(json.utf8)) == report)
        #expect(report.lines[0] == "accuracy: 0.8750 on 8 images")
    }
}
