import Engine
import Foundation
import Terminal
import Testing
@testable import Training
@testable import App

@Suite struct CheckpointScreenTests {
    private func picker(_ state: AppState) -> CheckpointScreen? {
        if case .checkpoints(let screen)? = state.current { return screen }
        Issue.record("picker expected")
        return nil
    }

    @Test func drillsDownRunsFoldsCheckpoints() throws {
        let state = ScreenStates.checkpoints()
        let screen = try #require(picker(state))
        #expect(screen.focus == .checkpoints)
        #expect(screen.selectedRun?.name == "20260315-142501-seed")
        #expect(screen.selectedFold?.fold == 2)
        #expect(screen.selectedCheckpoint?.epoch == 4)
        #expect(screen.selectedCheckpoint?.path == "/runs/20260315-142501-seed/fold-2/epoch-4.safetensors")
    }

    @Test func movingInARunPaneResetsThePanesBelow() throws {
        var state = ScreenStates.checkpoints()
        press(.tab, on: &state)
        #expect(picker(state)?.focus == .runs)
        press(.down, on: &state)
        let screen = try #require(picker(state))
        #expect(screen.selectedRun?.name == "20260314-091200-vgg")
        #expect(screen.selectedFold?.fold == 1)
        #expect(screen.selectedCheckpoint?.kind == .best)
    }

    @Test func sortingKeepsSelectionsMappedToTheirRecords() throws {
        var state = ScreenStates.checkpoints()
        // Sort by validation accuracy (column 4), highest first.
        press(.character("s"), .character("s"), .character("s"), .character("s"), .character("s"),
              .character("r"), .character("g"), on: &state)
        let screen = try #require(picker(state))
        #expect(screen.checkpointTable.sortColumn == 4)
        #expect(screen.checkpointTable.sortAscending == false)
        let top = try #require(screen.selectedCheckpoint)
        let accuracies = screen.selectedFold?.checkpoints.compactMap(\.scores?.validationAccuracy) ?? []
        let best = try #require(accuracies.max())
        #expect(top.scores?.validationAccuracy == best)
    }

    @Test func exportAsksForAPathThenWritesWithoutOverwriting() throws {
        var state = ScreenStates.checkpoints()
        press(.character("o"), on: &state)
        guard case .prompt(let prompt)? = state.overlay else { Issue.record("prompt expected"); return }
        #expect(prompt.text == "20260315-142501-seed-fold2-epoch4.onnx")
        let effects = press(.enter, on: &state)
        guard case .fileAction(.export(let source, let destination, let format,
                                       let overwrite))? = effects.first else {
            Issue.record("export expected, got \(effects)")
            return
        }
        #expect(source == "/runs/20260315-142501-seed/fold-2/epoch-4.safetensors")
        #expect(destination == "20260315-142501-seed-fold2-epoch4.onnx")
        #expect(format == .onnx)
        #expect(!overwrite)

        let existing = FileAction.export(source: source, destination: destination, format: .onnx,
                                         overwrite: false)
        send([.fileActionFinished(.destinationExists(existing))], to: &state)
        guard case .confirm? = state.overlay else { Issue.record("overwrite question expected"); return }
        let confirmed = press(.character("y"), on: &state)
        guard case .fileAction(.export(_, _, _, true))? = confirmed.first else {
            Issue.record("overwriting export expected, got \(confirmed)")
            return
        }
    }

    @Test func prunedEpochsCannotBeActedOn() {
        var state = AppState(screen: .checkpoints(TestRuns.picker()))
        press(.tab, .tab, .down, on: &state)
        #expect(press(.character("e"), on: &state).isEmpty)
        #expect(state.notice?.text.contains("pruned") == true)
        #expect(state.overlay == nil)
    }

    @Test func makeDefaultCopiesToTheUserLocationAfterConfirming() {
        var state = ScreenStates.checkpoints()
        press(.character("d"), on: &state)
        let effects = press(.character("y"), on: &state)
        guard case .fileAction(.makeDefault(let source, let destination))? = effects.first else {
            Issue.record("make default expected, got \(effects)")
            return
        }
        #expect(source.hasSuffix("fold-2/epoch-4.safetensors"))
        #expect(destination == "/home/user/.config/fer/model.safetensors")
    }

    @Test func deletingARunFromTheRunsPane() {
        var state = ScreenStates.checkpoints()
        press(.tab, .character("x"), on: &state)
        guard case .confirm(let question)? = state.overlay else { Issue.record("question expected"); return }
        #expect(question.question.contains("12 checkpoint file(s)"), "3 folds × (best + 3 kept epochs)")
        #expect(question.question.contains("/runs/20260315-142501-seed"))
        let effects = press(.character("y"), on: &state)
        guard case .fileAction(.deleteRun(let path))? = effects.first else {
            Issue.record("delete expected")
            return
        }
        #expect(path == "/runs/20260315-142501-seed")
    }

    @Test func aStoppedRunContinuesInTheDashboard() {
        var state = ScreenStates.checkpoints()
        press(.tab, .character("c"), on: &state)
        #expect(state.notice?.text.contains("has finished") == true, "the first run is finished")
        let effects = press(.down, .character("c"), on: &state)
        guard case .startTraining(let request)? = effects.first else {
            Issue.record("resume expected, got \(effects)")
            return
        }
        #expect(request.resumeDirectory == "/runs/20260314-091200-vgg")
        #expect(request.dataPath == nil, "the run's config.json names its data")
        if case .dashboard? = state.current {} else { Issue.record("dashboard expected") }
    }

    @Test func finishedActionsRescanAndReport() {
        var state = ScreenStates.checkpoints()
        let effects = send([.fileActionFinished(.done("Deleted x"))], to: &state)
        guard case .scanRuns("/runs")? = effects.first else { Issue.record("rescan expected"); return }
        #expect(state.notice == .success("Deleted x"))
        send([.fileActionFinished(.failed("cannot write"))], to: &state)
        #expect(state.notice == .error("cannot write"))
    }

    @Test func rescanKeepsTheSelection() throws {
        var state = ScreenStates.checkpoints()
        send([.runsScanned(TestRuns.records())], to: &state)
        let screen = try #require(picker(state))
        #expect(screen.selectedFold?.fold == 2)
        #expect(screen.selectedCheckpoint?.epoch == 4)
    }
}

@Suite struct RunCatalogTests {
    @Test func aRepeatedEpochReplacesTheFirstAndTheBestIsTheEarliestOnTies() {
        func row(_ fold: Int, _ epoch: Int, _ accuracy: Double) -> EpochMetrics {
            EpochMetrics(fold: fold, epoch: epoch, loss: 1, accuracy: 0.5, validationLoss: 1,
                         validationAccuracy: accuracy, learningRate: 1e-3, imagesPerSecond: 1, seconds: 1)
        }
        let scores = RunCatalog.scoresByFold([row(1, 1, 0.40), row(1, 2, 0.45), row(1, 2, 0.47), row(2, 1, 0.41)])
        #expect(scores[1]?.count == 2)
        #expect(scores[1]?[2]?.validationAccuracy == 0.47, "a repeated epoch (resumed run) replaces the first")
        #expect(scores[2]?[1]?.validationAccuracy == 0.41)
        #expect(RunCatalog.scoresByFold([]).isEmpty)
    }

    @Test func damagedSideFilesLeaveGapsNotErrors() throws {
        let folder = try TemporaryFolder()
        try TestCheckpoints.writeRun(in: folder, name: "20260101-000000-tiny", finished: true)
        try folder.write("{ not json", to: "20260101-000000-tiny/summary.json")
        try folder.write("garbage", to: "20260101-000000-tiny/config.json")
        let run = try #require(try RunCatalog.scan(directory: folder.path).first)
        #expect(run.status == .partial, "an unreadable summary is not a finished run")
        #expect(run.modelName == nil && run.validationAccuracy == nil)
        #expect(run.folds.map(\.bestEpoch) == [2, 2], "the best epoch comes from the metrics then")
        #expect(run.folds[0].bestValidationAccuracy == 0.51)
    }

    @Test func scansRunFolders() throws {
        let folder = try TemporaryFolder()
        try TestCheckpoints.writeRun(in: folder, name: "20260101-000000-tiny", finished: true)
        try TestCheckpoints.writeRun(in: folder, name: "20260102-000000-tiny", finished: false)
        try folder.write("not a run", to: "notes/readme.txt")
        let runs = try RunCatalog.scan(directory: folder.path)
        #expect(runs.map(\.name) == ["20260102-000000-tiny", "20260101-000000-tiny"],
                "newest first, non-runs skipped")
        let finished = try #require(runs.last)
        #expect(finished.status == .finished)
        #expect(finished.validationAccuracy == MeanDeviation([0.51, 0.52]))
        #expect(finished.modelName == "tiny")
        #expect(finished.folds.map(\.fold) == [1, 2])
        let fold = finished.folds[0]
        #expect(fold.bestEpoch == 2)
        #expect(fold.checkpoints.map(\.kind) == [.best, .epoch, .epoch, .epoch])
        #expect(fold.checkpoints[1].epoch == 1)
        #expect(fold.checkpoints[1].path == nil, "epoch 1 was pruned")
        #expect(fold.checkpoints[2].path?.hasSuffix("fold-1/epoch-2.safetensors") == true)
        #expect((fold.checkpoints[2].fileSize ?? 0) > 0)
        #expect(runs.first?.status == .resumable)
        #expect(try RunCatalog.scan(directory: folder.path + "/missing").isEmpty)
        #expect(throws: RunCatalog.ScanError.self) {
            try RunCatalog.scan(directory: folder.path + "/notes/readme.txt")
        }
    }

    @Test func aRunThatIsTrainingIsShownSoAndNotDeleted() throws {
        let folder = try TemporaryFolder()
        try TestCheckpoints.writeRun(in: folder, name: "20260102-000000-tiny", finished: false)
        let path = folder.path + "/20260102-000000-tiny"
        let lock = try RunLock.acquire(RunFolder(url: URL(fileURLWithPath: path)))
        let runs = try RunCatalog.scan(directory: folder.path)
        #expect(runs.first?.status == .training(processID: getpid()))
        #expect(CheckpointTables.runRows(runs).first?.last == "training (pid \(getpid()))")
        guard case let .failed(message) = CheckpointFiles.perform(.deleteRun(path: path)) else {
            Issue.record("a training run was deleted")
            return
        }
        #expect(message.contains("is training"))
        #expect(FileManager.default.fileExists(atPath: path + "/config.json"))
        lock.release()
        #expect(try RunCatalog.scan(directory: folder.path).first?.status == .resumable)
    }

    @Test func plainListingShowsRunsAndEachFoldsBestCheckpoint() throws {
        let folder = try TemporaryFolder()
        try TestCheckpoints.writeRun(in: folder, name: "20260101-000000-tiny", finished: true)
        let runs = try RunCatalog.scan(directory: folder.path)
        let lines = CheckpointListing.lines(runs: runs, runsDirectory: folder.path)
        let best = "\(folder.path)/20260101-000000-tiny/fold-2/best.safetensors"
        #expect(lines == [
            "Run                   Model  Folds  Epochs  Val acc %   State",
            "20260101-000000-tiny  tiny   2/2    3       51.5 ± 0.5  finished",
            "",
            "Run                   Fold  Best epoch  Val acc  Checkpoint",
            "20260101-000000-tiny  1     2           51.0%    \(folder.path)/20260101-000000-tiny/fold-1/best.safetensors",
            "20260101-000000-tiny  2     2           52.0%    \(best)",
        ])
        #expect(CheckpointListing.lines(runs: [], runsDirectory: "nowhere") == ["No training runs in 'nowhere'."])
    }
}

@Suite struct CheckpointFileTests {
    @Test func nativeExportDropsTrainingState() throws {
        let folder = try TemporaryFolder()
        let source = try folder.file("epoch-2.safetensors")
        try TestCheckpoints.write(to: source)
        let destination = try folder.file("out/model.safetensors")
        let result = CheckpointFiles.perform(.export(source: source, destination: destination,
                                                     format: .native,
                                                     overwrite: false))
        guard case .done = result else { Issue.record("export failed: \(result)"); return }
        let exported = try Checkpoint.read(from: URL(fileURLWithPath: destination))
        #expect(exported.metadata.optimizer == nil)
        #expect(exported.tensors.keys.allSatisfy { !$0.hasPrefix("optimizer.") })
        #expect(exported.metadata.metrics["val_accuracy"] == 0.5)
        let original = try Checkpoint.read(from: URL(fileURLWithPath: source))
        #expect(exported.tensors["layers.1.kernel"] == original.tensors["layers.1.kernel"])
        let again = CheckpointFiles.perform(.export(source: source, destination: destination, format: .native,
                                                    overwrite: false))
        guard case .destinationExists = again else {
            Issue.record("existing files must not be replaced silently")
            return
        }
    }

    @Test func onnxExportWritesAGraph() throws {
        let folder = try TemporaryFolder()
        let source = try folder.file("best.safetensors")
        try TestCheckpoints.write(to: source)
        let destination = try folder.file("model.onnx")
        let result = CheckpointFiles.perform(.export(source: source, destination: destination, format: .onnx,
                                                     overwrite: true))
        guard case .done = result else { Issue.record("export failed: \(result)"); return }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: destination))
        #expect(bytes.count > 7 * 48 * 48 * 4, "the weights are in the graph")
    }

    @Test func badSourcesGiveReadableFailures() throws {
        let folder = try TemporaryFolder()
        try folder.write("garbage", to: "bad.safetensors")
        let result = CheckpointFiles.perform(.export(source: folder.path + "/bad.safetensors",
                                                     destination: folder.path + "/x.onnx", format: .onnx,
                                                     overwrite: false))
        guard case .failed(let reason) = result else { Issue.record("failure expected"); return }
        #expect(reason.contains("bad.safetensors"))
    }

    @Test func makeDefaultCreatesTheConfigFolder() throws {
        let folder = try TemporaryFolder()
        let source = try folder.file("best.safetensors")
        try TestCheckpoints.write(to: source)
        let destination = folder.path + "/config/fer/model.safetensors"
        let result = CheckpointFiles.perform(.makeDefault(source: source, destination: destination))
        guard case .done(let text) = result else { Issue.record("failed: \(result)"); return }
        #expect(text.contains(destination))
        #expect(folder.exists("config/fer/model.safetensors"))
    }

    @Test func deletesFilesAndOnlyRunFolders() throws {
        let folder = try TemporaryFolder()
        try TestCheckpoints.writeRun(in: folder, name: "r1", finished: true)
        let file = folder.path + "/r1/fold-1/epoch-3.safetensors"
        guard case .done = CheckpointFiles.perform(.deleteFile(path: file)) else {
            Issue.record("delete failed")
            return
        }
        #expect(!folder.exists("r1/fold-1/epoch-3.safetensors"))
        try folder.write("keep me", to: "photos/a.txt")
        guard case .failed = CheckpointFiles.perform(.deleteRun(path: folder.path + "/photos")) else {
            Issue.record("a folder that is not a run must not be deleted")
            return
        }
        #expect(folder.exists("photos/a.txt"))
        guard case .done = CheckpointFiles.perform(.deleteRun(path: folder.path + "/r1")) else {
            Issue.record("run delete failed")
            return
        }
        #expect(!folder.exists("r1"))
        guard case .failed = CheckpointFiles.perform(.deleteFile(path: folder.path + "/none")) else {
            Issue.record("deleting a missing file is an error")
            return
        }
    }
}
