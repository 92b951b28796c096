import Testing
@testable import Training

@Suite struct PlainProgressPrinterTests {
    static let metrics = EpochMetrics(
        fold: 2, epoch: 3, loss: 1.23454, accuracy: 0.51234, validationLoss: 1.3, validationAccuracy: 0.49,
        learningRate: 0.001, imagesPerSecond: 2431.4, seconds: 12.2
    )

    @Test func epochLinesReadLikeKerasVerbose2() {
        var printer = PlainProgressPrinter()
        let lines = printer.lines(for: .epochFinished(EpochFinished(
            metrics: Self.metrics, epochs: 10, isBest: true, bestEpoch: 3, bestValidationAccuracy: 0.49,
            elapsedSeconds: 40, foldETASeconds: 85, runETASeconds: 754
        )))
        #expect(lines == [
            "Epoch 3/10 - 12s - loss: 1.2345 - accuracy: 0.5123 - val_loss: 1.3000 - val_accuracy: 0.4900"
                + " - lr: 1.0e-03 - 2,431 img/s (best)",
        ])
    }

    @Test func progressLinesAreOccasional() {
        var printer = PlainProgressPrinter(progressInterval: 30)
        func progress(at seconds: Double) -> TrainingEvent {
            .batchProgress(BatchProgress(
                fold: 1, epoch: 2, epochs: 10, batch: 120, batchCount: 359, loss: 1.5, accuracy: 0.4,
                learningRate: 0.001, imagesPerSecond: 2500, elapsedSeconds: seconds, foldETASeconds: 83,
                runETASeconds: 3754
            ))
        }
        #expect(printer.lines(for: progress(at: 0)) == [
            "  epoch 2/10 - 120/359 - loss: 1.5000 - accuracy: 0.4000 - 2,500 img/s"
                + " - fold ETA 1:23 - run ETA 1:02:34",
        ])
        #expect(printer.lines(for: progress(at: 10)).isEmpty)
        #expect(printer.lines(for: progress(at: 31)).count == 1)
    }

    @Test func errorsWarningsAndSilentEvents() {
        var printer = PlainProgressPrinter()
        #expect(printer.lines(for: .warning("disk almost full")) == ["Warning: disk almost full"])
        #expect(printer.lines(for: .error(.invalidConfig("epochs must be at least 1, got 0")))
            == ["Error: Invalid training configuration: epochs must be at least 1, got 0."])
        #expect(printer.lines(for: .paused) == ["Paused."])
        let saved = CheckpointSaved(fold: 1, epoch: 1, path: "x", kind: .epoch)
        #expect(printer.lines(for: .checkpointSaved(saved)).isEmpty)
    }

    @Test func numbersAndDurationsAreFormattedForPeople() {
        #expect(Formatting.grouped(2431) == "2,431")
        #expect(Formatting.grouped(1_234_567) == "1,234,567")
        #expect(Formatting.grouped(-999) == "-999")
        #expect(Formatting.duration(12.4) == "12s")
        #expect(Formatting.duration(83) == "1:23")
        #expect(Formatting.duration(3754) == "1:02:34")
        #expect(Formatting.learningRate(0.001) == "1.0e-03")
        #expect(Formatting.double(Float(0.001)) == 0.001)
    }
}
