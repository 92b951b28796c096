import Terminal
import Training

/// The run's facts: folder, model, data, folds, optimizer, BLAS kernel and threads, speed.
struct RunFactsView: Widget {
    let screen: DashboardScreen
    let theme: Theme

    func render(area: Rect, into buffer: inout Buffer) {
        guard let started = screen.started else {
            buffer.set(x: area.x, y: area.y, string: "waiting for the run to start", style: theme.muted,
                       maxWidth: area.width)
            return
        }
        let config = started.config
        let data = started.dataset
        let folds = config.folds.map { list in
            list.map(String.init).joined(separator: ",") + " of \(config.foldCount)"
        } ?? "\(config.foldCount)"
        let rate = screen.progress?.learningRate ?? screen.lastEpoch?.metrics.learningRate
        let speed = screen.progress?.imagesPerSecond ?? screen.lastEpoch?.metrics.imagesPerSecond
        let rows: [(String, String)] = [
            ("Run", lastPathComponent(started.runDirectory)),
            ("Model", "\(started.modelName), \(formatCount(started.parameterCount)) parameters"),
            ("Data", "\(formatCount(data.sampleCount)) images, \(data.classNames.count) classes"
                + (data.testCount > 0 ? ", \(formatCount(data.testCount)) test" : "")),
            ("Folds", "\(folds)\(config.stratified ? ", stratified" : ""), \(config.epochs) epochs"),
            ("Batch", "\(config.batchSize), \(config.optimizer.kind.rawValue), lr "
                + formatLearningRate(rate ?? Double(config.optimizer.learningRate))),
            ("BLAS", "\(started.blasKernel), \(started.workerCount) threads"),
            ("Speed", speed.map { formatRate($0, unit: "img") } ?? "-"),
        ]
        for (offset, row) in rows.enumerated() where offset < area.height {
            let y = area.y + offset
            buffer.set(x: area.x, y: y, string: row.0, style: theme.muted, maxWidth: area.width)
            buffer.set(x: area.x + 7, y: y, string: row.1, maxWidth: max(0, area.width - 7))
        }
    }
}

/// The newest log lines that fit (or older ones when scrolled), colored by kind.
struct LogView: Widget {
    let entries: [LogEntry]
    let scroll: Int
    let theme: Theme

    func render(area: Rect, into buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let end = max(0, entries.count - scroll)
        let shown = entries[max(0, end - area.height)..<end]
        for (offset, entry) in shown.enumerated() {
            let text = TextWidth.truncate(entry.text, toWidth: area.width, ellipsis: theme.symbols.ellipsis)
            buffer.set(x: area.x, y: area.y + offset, string: text, style: style(entry.kind),
                       maxWidth: area.width)
        }
    }

    private func style(_ kind: LogEntry.Kind) -> Style {
        switch kind {
        case .info: return theme.text
        case .success: return Style(foreground: theme.good)
        case .warning: return Style(foreground: theme.warning)
        case .error: return Style(foreground: theme.bad, bold: true)
        }
    }
}
