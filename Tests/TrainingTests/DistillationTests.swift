import Dataset
import Foundation
import Testing
@testable import Training

/// Training toward a teacher's probabilities: the shared 3-fold run's ensemble teaches one fold.
@Suite struct DistillationTests {
    @Test func aStudentLearnsFromTheEnsembleOfARun() throws {
        let teacherRun = try Fixtures.endToEnd.get()
        let directory = Fixtures.temporaryDirectory("distillation")
        defer { try? FileManager.default.removeItem(at: directory) }
        var config = Fixtures.config(epochs: 6, folds: [1], learningRate: 1e-2)
        config.distillation = Distillation(teacher: teacherRun.folder.url.path, weight: 0.7)
        let (run, outcome, events) = try Fixtures.train(config, on: teacherRun.dataset, in: directory)
        guard case let .finished(summary) = outcome, let fold = summary.folds.first else {
            Issue.record("the run did not finish: \(outcome)")
            return
        }
        #expect(fold.best.validationAccuracy >= 0.9, "\(fold.best)")
        let log = try String(contentsOf: run.folder.logFile, encoding: .utf8)
        #expect(log.contains("Teacher \(teacherRun.folder.url.path) predicted 150 faces"), "\(log)")
        let notices = events.compactMap { event -> String? in
            if case let .notice(message) = event { message } else { nil }
        }
        #expect(notices.count == 2 && notices[0].contains("predicting"), "\(notices)")
        let started = events.compactMap { event -> TrainingConfig? in
            if case let .runStarted(started) = event { started.config } else { nil }
        }
        #expect(started.first?.distillation == config.distillation)
        let configFile = try Data(contentsOf: run.folder.configFile)
        let written = try JSONDecoder().decode(TrainingConfig.self, from: configFile)
        #expect(written.distillation == config.distillation, "config.json records the teacher for a resume")
    }

    @Test func aTeacherOfOtherClassesIsRefused() throws {
        let teacherRun = try Fixtures.endToEnd.get()
        let shapes = teacherRun.dataset
        let renamed = try FaceDataset(
            pixels: shapes.pixels, labels: shapes.labels, classNames: ["a", "b", "c"], splits: shapes.splits
        )
        let directory = Fixtures.temporaryDirectory("distillation-classes")
        defer { try? FileManager.default.removeItem(at: directory) }
        var config = Fixtures.config(epochs: 1, folds: [1])
        config.distillation = Distillation(teacher: teacherRun.folder.url.path)
        let (_, outcome, _) = try Fixtures.train(config, on: renamed, in: directory)
        guard case let .failed(error) = outcome else {
            Issue.record("a teacher of other classes was accepted: \(outcome)")
            return
        }
        #expect("\(error)".contains("knows the classes horizontal, vertical, square"), "\(error)")
    }
}
