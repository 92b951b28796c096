import Dataset
import Foundation
import Training

/// Prepares training runs for the dashboard and for plain mode: loads the data (reporting
/// progress), then creates the run, or reopens a stopped one, without starting it.
enum TrainingLauncher {
    /// Loads the data and creates the run; its events go to `events` once started.
    static func prepare(_ request: TrainingRequest, progress: LoadProgress?,
                        events: @escaping @Sendable (TrainingEvent) -> Void) throws -> TrainingRun {
        let dataPath = try datasetPath(for: request)
        let loaded = try DatasetLoader.load(dataPath, options: request.loadOptions, progress: progress)
        if let resume = request.resumeDirectory {
            return try TrainingRun.resuming(runDirectory: URL(fileURLWithPath: resume),
                                            dataset: loaded.dataset,
                                            loadReport: loaded.report, events: events)
        }
        var config = request.config
        config.dataPath = dataPath
        return try TrainingRun(config: config, dataset: loaded.dataset, loadReport: loaded.report,
                               runsDirectory: URL(fileURLWithPath: request.runsDirectory),
                               name: request.runName,
                               events: events)
    }

    /// For the dashboard, on a worker thread: prepares the run and starts it unless the user
    /// stopped it meanwhile; progress, events and failures go to the inbox.
    static func start(_ request: TrainingRequest, handle: TrainingHandle, inbox: Inbox) {
        let progress: LoadProgress = { done, total in
            let step = max(1, total / 100)
            if done == total || done % step == 0 { inbox.post(.datasetProgress(done: done, total: total)) }
        }
        do {
            let run = try prepare(request, progress: progress) { inbox.post(.training($0)) }
            if handle.attach(run) { run.start() }
        } catch {
            handle.fail("\(error)")
            inbox.post(.trainingFailed("\(error)"))
        }
    }

    /// The dataset to load: the one given, else (when resuming) the one the run recorded.
    static func datasetPath(for request: TrainingRequest) throws -> String {
        if let dataPath = request.dataPath { return URL(fileURLWithPath: dataPath).standardizedFileURL.path }
        guard let resume = request.resumeDirectory else {
            throw TrainingError.invalidConfig("no dataset given; pass --data DIR")
        }
        let config = try RunFolder(url: URL(fileURLWithPath: resume)).readConfig()
        guard let recorded = config.dataPath else {
            throw TrainingError.cannotResume(path: resume,
                                             reason: "its config.json records no dataset; pass --data DIR")
        }
        return recorded
    }
}
