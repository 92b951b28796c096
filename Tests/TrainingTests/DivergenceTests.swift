import Engine
import Foundation
import Testing
@testable import Training

@Suite struct DivergenceTests {
    @Test func nonFiniteLossStopsTheFoldWithAnErrorEvent() throws {
        let directory = Fixtures.temporaryDirectory("diverge")
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = try Fixtures.shapes(trainPerClass: 10)
        let config = Fixtures.config(epochs: 3, folds: [1, 2], learningRate: 1e30)
        let (run, outcome, events) = try Fixtures.train(config, on: dataset, in: directory)
        guard case let .failed(error) = outcome, case let .diverged(fold, epoch, batch, loss, rate) = error
        else {
            Issue.record("expected a diverged failure, got \(outcome)")
            return
        }
        // The first update blows up the weights; a following batch shows it.
        #expect(fold == 1 && epoch == 1 && batch >= 2)
        #expect(!loss.isFinite)
        #expect(rate == 1e30)
        #expect(error.description.contains("Fold 1 stopped"))
        #expect(error.description.contains("lower the learning rate"))
        guard case let .error(reported) = events.last else {
            Issue.record("the last event is not the error")
            return
        }
        #expect(reported.description == error.description)
        #expect(events.filter(\.isTerminal).count == 1)
        #expect(!events.contains { if case .epochFinished = $0 { true } else { false } })
        let laterFolds = events.filter {
            if case let .foldStarted(started) = $0 { started.fold > 1 } else { false }
        }
        #expect(laterFolds.isEmpty)
        #expect(run.folder.epochCheckpoints(fold: 1).isEmpty)
        let log = try String(contentsOf: run.folder.logFile, encoding: .utf8)
        #expect(log.contains("Error: Fold 1 stopped"))
    }
}
