import Engine
import Foundation
import Live
import Terminal
import Training

/// The checkpoint picker (`fer checkpoints`): runs → folds → checkpoints with their scores, each
/// table sortable. The selected checkpoint can be exported (native or ONNX) to a chosen path, made
/// the default model, or deleted after a confirmation; a run can be deleted the same way.
public struct CheckpointScreen: ScreenModel {
    public enum Phase: Hashable, Sendable {
        case scanning
        case failed(String)
        case ready
    }

    /// The table that takes the arrow keys.
    public enum Pane: Int, CaseIterable, Hashable, Sendable {
        case runs, folds, checkpoints
    }

    public var runsDirectory: String
    public var phase = Phase.scanning
    public private(set) var runs: [RunRecord] = []
    public var focus = Pane.runs
    public private(set) var runTable = TableState(selectedRow: 0)
    public private(set) var foldTable = TableState(selectedRow: 0)
    public private(set) var checkpointTable = TableState(selectedRow: 0)
    /// Where "make default" copies a checkpoint.
    public var defaultModelPath: String

    public init(runsDirectory: String, defaultModelPath: String = ShippedAssets.userDefaultModelPath()) {
        self.runsDirectory = runsDirectory
        self.defaultModelPath = defaultModelPath
    }

    public var title: String { "Checkpoints" }
    public var failure: String? {
        guard case .failed(let reason) = phase else { return nil }
        return reason
    }
    public var minimumSize: Size { Size(width: 64, height: 16) }
    public var screen: Screen { .checkpoints(self) }

    public var headline: String {
        guard phase == .ready else { return runsDirectory }
        return "\(runsDirectory) · \(runs.count) run\(runs.count == 1 ? "" : "s")"
    }

    public var hints: [KeyBinding] {
        [KeyBinding("Tab", "pane"), KeyBinding("↑↓", "select"), KeyBinding("s", "sort"),
         KeyBinding("e", "export"), KeyBinding("o", "ONNX"), KeyBinding("d", "default"),
         KeyBinding("x", "delete"), KeyBinding("q", "back")]
    }

    public var help: [HelpSection] {
        [HelpSection("Navigate", [
            KeyBinding("Tab / Shift-Tab", "next / previous pane (runs, folds, checkpoints)"),
            KeyBinding("Enter / → / l", "open: runs → folds → checkpoints"),
            KeyBinding("← / h", "back one pane"),
            KeyBinding("↑↓ PgUp PgDn g G", "select"),
            KeyBinding("s / r", "sort by the next column / reverse the order"),
            KeyBinding("F5", "read the runs folder again"),
        ]), HelpSection("Selected checkpoint", [
            KeyBinding("e", "export a copy (.safetensors, weights only)"),
            KeyBinding("o", "export as ONNX"),
            KeyBinding("d", "make it the default model (\(defaultModelPath))"),
            KeyBinding("x / Delete", "delete the checkpoint (in the runs pane: the run)"),
            KeyBinding("c", "continue the selected stopped run (fer train --resume)"),
        ])]
    }

    // MARK: - Selection

    /// The selected run, fold and checkpoint (each nil when its table is empty).
    public var selectedRun: RunRecord? {
        selected(runs, rows: CheckpointTables.runRows(runs), table: runTable)
    }

    public var selectedFold: FoldRecord? {
        let folds = selectedRun?.folds ?? []
        return selected(folds, rows: CheckpointTables.foldRows(folds), table: foldTable)
    }

    public var selectedCheckpoint: CheckpointRecord? {
        let checkpoints = selectedFold?.checkpoints ?? []
        return selected(checkpoints, rows: CheckpointTables.checkpointRows(checkpoints),
                        table: checkpointTable)
    }

    private func selected<Item>(_ items: [Item], rows: [[String]], table: TableState) -> Item? {
        guard let row = table.selectedRow else { return nil }
        let order = table.displayOrder(of: rows)
        return order.indices.contains(row) ? items[order[row]] : nil
    }

    private func rowCount(of pane: Pane) -> Int {
        switch pane {
        case .runs: return runs.count
        case .folds: return selectedRun?.folds.count ?? 0
        case .checkpoints: return selectedFold?.checkpoints.count ?? 0
        }
    }

    private func columnCount(of pane: Pane) -> Int {
        switch pane {
        case .runs: return CheckpointTables.runColumns.count
        case .folds: return CheckpointTables.foldColumns.count
        case .checkpoints: return CheckpointTables.checkpointColumns.count
        }
    }

    private mutating func withTable(_ pane: Pane, _ body: (inout TableState) -> Void) {
        switch pane {
        case .runs: body(&runTable)
        case .folds: body(&foldTable)
        case .checkpoints: body(&checkpointTable)
        }
    }

    /// Selects the first row of every pane below `pane` (their contents changed).
    private mutating func resetBelow(_ pane: Pane) {
        if pane == .runs { foldTable.selectFirst(rowCount: rowCount(of: .folds)) }
        if pane != .checkpoints { checkpointTable.selectFirst(rowCount: rowCount(of: .checkpoints)) }
    }

    // MARK: - Keys

    public mutating func handle(key: Key, context: ScreenContext) -> Reply {
        if key == .function(5) { return rescan() }
        guard phase == .ready else { return KeyIntent(key) == .back ? .pop : .none }
        switch key {
        case .character("s"):
            let next = ((currentTable.sortColumn ?? -1) + 1) % columnCount(of: focus)
            withTable(focus) { $0.sortColumn = next; $0.sortAscending = true }
            return .none
        case .character("r"):
            withTable(focus) { $0.sortAscending.toggle() }
            return .none
        case .character("e"):
            return askExport(.native)
        case .character("o"):
            return askExport(.onnx)
        case .character("d"):
            return askMakeDefault()
        case .character("x"), .delete:
            return askDelete()
        case .character("c"):
            return continueRun()
        default:
            break
        }
        if case .mouse(let event) = key, event.kind == .press {
            click(x: event.x, y: event.y, in: context.body)
            return .none
        }
        let visibleRows = max(1, context.body.height / 2 - 3)
        let count = rowCount(of: focus)
        switch KeyIntent(key) {
        case .up: move(by: -1, count: count)
        case .down: move(by: 1, count: count)
        case .pageUp: move(by: -visibleRows, count: count)
        case .pageDown: move(by: visibleRows, count: count)
        case .first:
            withTable(focus) { $0.selectFirst(rowCount: count) }
            resetBelow(focus)
        case .last:
            withTable(focus) { $0.selectLast(rowCount: count) }
            resetBelow(focus)
        case .nextPane:
            focus = Pane(rawValue: (focus.rawValue + 1) % Pane.allCases.count) ?? .runs
        case .previousPane:
            focus = Pane(rawValue: (focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count) ?? .runs
        case .choose, .right:
            if focus != .checkpoints {
                focus = Pane(rawValue: focus.rawValue + 1) ?? .checkpoints
            } else {
                return askExport(.native)
            }
        case .left:
            focus = Pane(rawValue: max(0, focus.rawValue - 1)) ?? .runs
        case .back:
            if focus == .runs { return .pop }
            focus = Pane(rawValue: focus.rawValue - 1) ?? .runs
        default:
            break
        }
        return .none
    }

    /// A click focuses the table under the pointer and selects the row clicked.
    private mutating func click(x: Int, y: Int, in body: Rect) {
        let layout = CheckpointLayout(area: body, runCount: runs.count)
        guard let pane = Pane.allCases.first(where: { layout.frame(of: $0).contains(x: x, y: y) }) else { return }
        focus = pane
        let count = rowCount(of: pane)
        guard let row = Table.displayedRow(atY: y, area: layout.table(of: pane), state: currentTable,
                                           rowCount: count), row != currentTable.selectedRow else { return }
        withTable(pane) { $0.selectedRow = row }
        resetBelow(pane)
    }

    private var currentTable: TableState {
        switch focus {
        case .runs: return runTable
        case .folds: return foldTable
        case .checkpoints: return checkpointTable
        }
    }

    private mutating func move(by delta: Int, count: Int) {
        withTable(focus) { $0.moveSelection(by: delta, rowCount: count) }
        resetBelow(focus)
    }

    private func rescan() -> Reply {
        Reply(effects: [.scanRuns(directory: runsDirectory)])
    }

    /// The selected checkpoint's file, or why there is none.
    private enum FilePick {
        case file(CheckpointRecord, path: String)
        case unavailable(Notice)
    }

    private func checkpointFile() -> FilePick {
        guard let run = selectedRun, let fold = selectedFold, let checkpoint = selectedCheckpoint else {
            return .unavailable(.error("Select a checkpoint first (Tab to the checkpoints pane)."))
        }
        guard let path = checkpoint.path else {
            let epoch = checkpoint.epoch.map(String.init) ?? "?"
            let place = "\(run.name) fold \(fold.fold)"
            return .unavailable(.error("Epoch \(epoch) of \(place) was pruned; pick another."))
        }
        return .file(checkpoint, path: path)
    }

    private func askExport(_ format: ExportFormat) -> Reply {
        switch checkpointFile() {
        case .unavailable(let notice):
            return .notice(notice)
        case .file(let checkpoint, let path):
            let run = selectedRun?.name ?? "model"
            let fold = selectedFold.map { "-fold\($0.fold)" } ?? ""
            let epoch = checkpoint.kind == .best ? "-best" : checkpoint.epoch.map { "-epoch\($0)" } ?? ""
            let suggestion = "\(run)\(fold)\(epoch).\(format.fileExtension)"
            let label = format == .onnx ? "Export ONNX to" : "Export checkpoint to"
            let purpose = TextPrompt.Purpose.exportCheckpoint(source: path, format: format)
            return Reply(overlay: .prompt(TextPrompt(label: label, text: suggestion, purpose: purpose)))
        }
    }

    private func askMakeDefault() -> Reply {
        switch checkpointFile() {
        case .unavailable(let notice):
            return .notice(notice)
        case .file(_, let path):
            return Reply(overlay: .confirm(Confirmation(
                title: "Make default model",
                question: "Copy \(path) to \(defaultModelPath)? fer uses it when no --model is given, "
                    + "replacing the current default.",
                action: .makeDefaultModel(source: path))))
        }
    }

    /// Resumes the selected run from its `resume.safetensors` in the training dashboard.
    private func continueRun() -> Reply {
        guard let run = selectedRun else { return .notice(.error("No run selected.")) }
        switch run.status {
        case .resumable:
            let request = TrainingRequest(
                dataPath: nil, config: .vggRecipe, runsDirectory: runsDirectory, resumeDirectory: run.path)
            return Reply(effects: [.startTraining(request)],
                         navigation: .push(.dashboard(DashboardScreen(request: request.description))))
        case .training(let processID):
            return .notice(.error("The run \(run.name) is already training (pid \(processID))."))
        case .finished:
            return .notice(.error("The run \(run.name) has finished; nothing to continue."))
        case .partial:
            return .notice(.error("The run \(run.name) has no resume checkpoint (it stopped before its first epoch ended)."))
        }
    }

    private func askDelete() -> Reply {
        if focus == .runs {
            guard let run = selectedRun else { return .notice(.error("No run selected.")) }
            if case let .training(processID) = run.status {
                return .notice(.error("The run \(run.name) is training (pid \(processID)): stop it before deleting it."))
            }
            let files = run.folds.reduce(0) { $0 + $1.checkpoints.filter { $0.path != nil }.count }
            return Reply(overlay: .confirm(Confirmation(
                title: "Delete run",
                question: "Delete the run folder \(run.path) with its \(files) checkpoint file(s)? "
                    + "This cannot be undone.",
                action: .deleteRun(path: run.path))))
        }
        switch checkpointFile() {
        case .unavailable(let notice):
            return .notice(notice)
        case .file(_, let path):
            return Reply(overlay: .confirm(Confirmation(
                title: "Delete checkpoint", question: "Delete \(path)? This cannot be undone.",
                action: .deleteCheckpoint(path: path))))
        }
    }

    public mutating func submit(_ purpose: TextPrompt.Purpose, text: String,
                                context: ScreenContext) -> Reply {
        guard case .exportCheckpoint(let source, let format) = purpose else { return .none }
        let destination = (text.trimmingCharacters(in: .whitespaces) as NSString).expandingTildeInPath
        guard !destination.isEmpty else { return .notice(.error("No file name given; nothing exported.")) }
        return .effect(.fileAction(.export(source: source, destination: destination, format: format,
                                           overwrite: false)))
    }

    public mutating func confirmed(_ action: Confirmation.Action) -> Reply {
        switch action {
        case .deleteCheckpoint(let path):
            return .effect(.fileAction(.deleteFile(path: path)))
        case .deleteRun(let path):
            return .effect(.fileAction(.deleteRun(path: path)))
        case .makeDefaultModel(let source):
            return .effect(.fileAction(.makeDefault(source: source, destination: defaultModelPath)))
        case .export(let action):
            return .effect(.fileAction(action))
        case .stopTraining:
            return .none
        }
    }

    // MARK: - Worker results

    public mutating func receive(_ message: Message, context: ScreenContext) -> Reply {
        switch message {
        case .runsScanned(let scanned):
            let keep = (selectedRun?.path, selectedFold?.fold, selectedCheckpoint)
            runs = scanned
            phase = .ready
            restoreSelection(run: keep.0, fold: keep.1, checkpoint: keep.2)
        case .runsScanFailed(let reason):
            phase = .failed(reason)
        case .fileActionFinished(let result):
            switch result {
            case .done(let text):
                return Reply(effects: [.scanRuns(directory: runsDirectory)], notice: .success(text))
            case .failed(let reason):
                return .notice(.error(reason))
            case .destinationExists(let action):
                guard case .export(let source, let destination, let format, _) = action else { return .none }
                return Reply(overlay: .confirm(Confirmation(
                    title: "Replace file", question: "\(destination) exists. Replace it?",
                    action: .export(.export(source: source, destination: destination, format: format,
                                            overwrite: true)))))
            }
        default:
            break
        }
        return .none
    }

    /// After a rescan, selects the same run, fold and checkpoint again when they still exist.
    private mutating func restoreSelection(run path: String?, fold: Int?, checkpoint: CheckpointRecord?) {
        func select(_ pane: Pane, rows: [[String]], matching index: Int?) {
            withTable(pane) { table in
                let order = table.displayOrder(of: rows)
                if let index, let row = order.firstIndex(of: index) {
                    table.selectedRow = row
                } else if let row = table.selectedRow, row < rows.count {
                    table.selectedRow = row
                } else {
                    table.selectFirst(rowCount: rows.count)
                }
            }
        }
        select(.runs, rows: CheckpointTables.runRows(runs), matching: runs.firstIndex { $0.path == path })
        let folds = selectedRun?.folds ?? []
        select(.folds, rows: CheckpointTables.foldRows(folds), matching: folds.firstIndex { $0.fold == fold })
        let checkpoints = selectedFold?.checkpoints ?? []
        let sameCheckpoint = checkpoints.firstIndex {
            $0.kind == checkpoint?.kind && $0.epoch == checkpoint?.epoch
        }
        select(.checkpoints, rows: CheckpointTables.checkpointRows(checkpoints), matching: sameCheckpoint)
    }

    public func render(area: Rect, into buffer: inout Buffer, theme: Theme) {
        CheckpointView(screen: self, theme: theme).render(area: area, into: &buffer)
    }
}
