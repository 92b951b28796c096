import Dataset
import Foundation
import Terminal

/// The dataset browser (`fer browse`): a page of faces in half blocks with their labels, a class
/// filter, paging and jumping, a zoomed view of one face, class counts, the selected face's file,
/// an order (file, or with a model the least sure and hardest faces first), and with a model the
/// predicted label, probabilities and a "misclassified" filter.
public struct BrowserScreen: ScreenModel {
    public enum Phase: Hashable, Sendable {
        case loading(done: Int, total: Int)
        case failed(String)
        case ready
    }

    /// The pane that takes the arrow keys.
    public enum Focus: Hashable, Sendable {
        case faces, classes
    }

    public var datasetPath: String
    /// Name of the model predicting the faces; nil when none is loaded.
    public var modelName: String?
    public var phase: Phase
    public private(set) var dataset: FaceDataset?
    public private(set) var predictions: FacePredictions?
    public private(set) var predictionError: String?
    public private(set) var filter = FaceFilter()
    public private(set) var order = FaceOrder.dataset
    /// Dataset indices of the faces passing the filter.
    public private(set) var visible: [Int] = []
    /// Position of the selected face in `visible`.
    public private(set) var selection = 0
    public var isZoomed = false
    public var focus = Focus.faces
    /// Highlighted class in the class pane.
    public var classCursor = 0
    /// Files the loader could not read.
    public private(set) var skippedFiles = 0

    public init(datasetPath: String, modelName: String?) {
        self.datasetPath = datasetPath
        self.modelName = modelName
        phase = .loading(done: 0, total: 0)
    }

    /// A browser over an already loaded dataset (tests, and callers that loaded it themselves).
    public init(dataset: FaceDataset, datasetPath: String, modelName: String?) {
        self.init(datasetPath: datasetPath, modelName: modelName)
        install(dataset, skipped: 0)
    }

    public var title: String { "Browse" }
    public var failure: String? {
        guard case .failed(let reason) = phase else { return nil }
        return reason
    }
    public var minimumSize: Size { Size(width: 60, height: 18) }
    public var screen: Screen { .browser(self) }

    /// Dataset index of the selected face.
    public var selectedFace: Int? { visible.indices.contains(selection) ? visible[selection] : nil }

    public var headline: String {
        guard let dataset, phase == .ready else { return datasetPath }
        var parts = [datasetPath, Self.splitSummary(dataset), filter.summary(classNames: dataset.classNames)]
        if order != .dataset { parts.append(order.name) }
        if filter.isActive { parts.append("\(formatCount(visible.count)) shown") }
        if let pending = pendingPredictions, filter.misclassifiedOnly || order.needsPredictions {
            parts.append("partial: \(formatCount(pending.done))/\(formatCount(pending.total)) predicted")
        }
        return parts.joined(separator: " · ")
    }

    /// "7,178 test faces", or "35,887 faces: 28,709 train, 7,178 test" for a mix of splits.
    static func splitSummary(_ dataset: FaceDataset) -> String {
        let counts = Dictionary(grouping: dataset.splits, by: { $0 }).mapValues(\.count)
        let splits = counts.keys.sorted { $0.rawValue < $1.rawValue }
        guard splits.count > 1 else {
            let name = splits.first.map { $0 == .train ? "" : "\($0) " } ?? ""
            return "\(formatCount(dataset.count)) \(name)faces"
        }
        return "\(formatCount(dataset.count)) faces: "
            + splits.map { "\(formatCount(counts[$0] ?? 0)) \($0)" }.joined(separator: ", ")
    }

    /// Faces predicted so far and in all, while the model is still working; nil when done or
    /// without a model.
    public var pendingPredictions: (done: Int, total: Int)? {
        guard modelName != nil, predictionError == nil, let dataset else { return nil }
        let done = predictions?.doneCount ?? 0
        return done < dataset.count ? (done, dataset.count) : nil
    }

    public var hints: [KeyBinding] {
        if isZoomed {
            return [KeyBinding("←→", "prev/next"), KeyBinding("Enter", "grid"), KeyBinding("q", "back")]
        }
        if focus == .classes {
            return [KeyBinding("↑↓", "class"), KeyBinding("Enter", "filter"), KeyBinding("Tab", "faces"),
                    KeyBinding("q", "back")]
        }
        return [KeyBinding("←↑↓→", "move"), KeyBinding("PgDn", "page"), KeyBinding("Enter", "zoom"),
                KeyBinding("1-\(dataset?.classCount ?? 7)", "class"), KeyBinding("0", "all"),
                KeyBinding("x", "misclassified"), KeyBinding("o", "order"), KeyBinding("/", "search"),
                KeyBinding("q", "back")]
    }

    public var help: [HelpSection] {
        [HelpSection("Faces", [
            KeyBinding("←↑↓→ / hjkl", "move the selection"),
            KeyBinding("PgUp PgDn", "previous / next page"),
            KeyBinding("g/Home G/End", "first / last face"),
            KeyBinding("Enter / z", "zoom the selected face (←→ move while zoomed)"),
            KeyBinding(":", "jump to a face number"),
            KeyBinding("/", "search file paths"),
            KeyBinding("o", "order: dataset, file, least sure, hardest first (the last two need a model)"),
        ]), HelpSection("Filters", [
            KeyBinding("1…9", "show one class"),
            KeyBinding("0", "show all classes"),
            KeyBinding("f", "next class"),
            KeyBinding("Tab", "class list (↑↓ Enter to filter)"),
            KeyBinding("x", "only misclassified faces (needs a model)"),
        ])]
    }

    // MARK: - Keys

    public mutating func handle(key: Key, context: ScreenContext) -> Reply {
        guard let dataset, phase == .ready else {
            return KeyIntent(key) == .back ? .pop : .none
        }
        let layout = BrowserLayout(body: context.body)
        if case .mouse(let event) = key, event.kind == .press {
            return click(x: event.x, y: event.y, layout: layout, classCount: dataset.classCount)
        }
        if focus == .classes { return handleClassPane(key, classCount: dataset.classCount) }
        switch key {
        case .character("z"):
            isZoomed.toggle()
            return .none
        case .character("x"):
            return toggleMisclassified()
        case .character("o"):
            order = order.next(withModel: modelName != nil && predictionError == nil)
            refreshVisible(keeping: selectedFace)
            return .none
        case .character("f"):
            let next = filter.classIndex.map { $0 + 1 } ?? 0
            return setClassFilter(next < dataset.classCount ? next : nil)
        case .character(":"):
            return Reply(overlay: .prompt(TextPrompt(label: "Go to face (1–\(visible.count))",
                                                     purpose: .jumpToFace)))
        case .character(let character) where character.isWholeNumber:
            let number = character.wholeNumberValue ?? 0
            if number == 0 { return setClassFilter(nil) }
            guard number <= dataset.classCount else {
                return .notice(.error("There are \(dataset.classCount) classes."))
            }
            return setClassFilter(number - 1)
        default:
            break
        }
        let step = isZoomed ? 1 : layout.columns
        switch KeyIntent(key) {
        case .left: moveSelection(by: -1)
        case .right: moveSelection(by: 1)
        case .up: moveSelection(by: isZoomed ? -1 : -step)
        case .down: moveSelection(by: isZoomed ? 1 : step)
        case .pageUp: moveSelection(by: -layout.pageSize)
        case .pageDown: moveSelection(by: layout.pageSize)
        case .first: selection = 0
        case .last: selection = max(0, visible.count - 1)
        case .choose: isZoomed.toggle()
        case .nextPane, .previousPane:
            isZoomed = false
            focus = .classes
            classCursor = filter.classIndex ?? classCursor
        case .search:
            return Reply(overlay: .prompt(TextPrompt(label: "Search file paths", text: filter.search,
                                                     purpose: .searchFaces)))
        case .back:
            if isZoomed {
                isZoomed = false
                return .none
            }
            return .pop
        case .help, .other:
            break
        }
        return .none
    }

    /// A click on a face selects it, on the selected face zooms it (on the zoomed face: back to the
    /// grid); on a class count,
    /// filters that class (again: all classes).
    private mutating func click(x: Int, y: Int, layout: BrowserLayout, classCount: Int) -> Reply {
        if let classIndex = layout.classIndex(atX: x, y: y, classCount: classCount) {
            focus = .faces
            return setClassFilter(filter.classIndex == classIndex ? nil : classIndex)
        }
        if isZoomed {
            if layout.grid.contains(x: x, y: y) { isZoomed = false }
            return .none
        }
        guard let slot = layout.slot(atX: x, y: y) else { return .none }
        let position = selection / layout.pageSize * layout.pageSize + slot
        guard position < visible.count else { return .none }
        focus = .faces
        if selection == position { isZoomed = true }
        selection = position
        return .none
    }

    private mutating func handleClassPane(_ key: Key, classCount: Int) -> Reply {
        switch KeyIntent(key) {
        case .up: classCursor = max(0, classCursor - 1)
        case .down: classCursor = min(classCount - 1, classCursor + 1)
        case .first: classCursor = 0
        case .last: classCursor = classCount - 1
        case .choose, .right:
            focus = .faces
            return setClassFilter(filter.classIndex == classCursor ? nil : classCursor)
        case .nextPane, .previousPane, .back, .left:
            focus = .faces
        default:
            break
        }
        return .none
    }

    public mutating func submit(_ purpose: TextPrompt.Purpose, text: String,
                                context: ScreenContext) -> Reply {
        switch purpose {
        case .searchFaces:
            var changed = filter
            changed.search = text.trimmingCharacters(in: .whitespaces)
            return apply(changed)
        case .jumpToFace:
            let digits = text.filter { $0 != "," && $0 != " " }
            guard let number = Int(digits), number >= 1, number <= visible.count else {
                return .notice(.error("No face number \(text) (1–\(visible.count))."))
            }
            selection = number - 1
            return .none
        default:
            return .none
        }
    }

    private mutating func moveSelection(by delta: Int) {
        guard !visible.isEmpty else { return }
        selection = min(visible.count - 1, max(0, selection + delta))
    }

    private mutating func setClassFilter(_ classIndex: Int?) -> Reply {
        var changed = filter
        changed.classIndex = classIndex
        if let classIndex { classCursor = classIndex }
        return apply(changed)
    }

    private mutating func toggleMisclassified() -> Reply {
        guard modelName != nil else {
            return .notice(.error("No model loaded: start with --model PATH to see predictions."))
        }
        if let predictionError { return .notice(.error(predictionError)) }
        var changed = filter
        changed.misclassifiedOnly.toggle()
        return apply(changed)
    }

    /// Switches to `newFilter`, keeping the selected face when it is still shown.
    private mutating func apply(_ newFilter: FaceFilter) -> Reply {
        let previous = selectedFace
        filter = newFilter
        refreshVisible(keeping: previous)
        if visible.isEmpty, filter.isActive {
            return .notice(Notice("No faces match \(filter.summary(classNames: dataset?.classNames ?? [])).",
                                  kind: .info))
        }
        return .none
    }

    private mutating func refreshVisible(keeping face: Int?) {
        guard let dataset else { return }
        visible = order.sorted(filter.visibleFaces(in: dataset, predictions: predictions), in: dataset,
                               predictions: predictions)
        if let face, let position = visible.firstIndex(of: face) {
            selection = position
        } else {
            selection = min(selection, max(0, visible.count - 1))
        }
        if visible.isEmpty { isZoomed = false }
    }

    // MARK: - Worker results

    public mutating func receive(_ message: Message, context: ScreenContext) -> Reply {
        switch message {
        case .datasetProgress(let done, let total):
            if case .loading = phase { phase = .loading(done: done, total: total) }
        case .datasetLoaded(let loaded, let skipped):
            install(loaded, skipped: skipped)
            if modelName != nil { return .effect(.classifyFaces(loaded)) }
        case .datasetFailed(let reason):
            phase = .failed(reason)
        case .predictionsComputed(let chunk):
            guard let dataset else { return .none }
            if predictions == nil || predictions?.classNames != chunk.classNames {
                predictions = FacePredictions(classNames: chunk.classNames, faceCount: dataset.count)
            }
            predictions?.merge(chunk)
            if filter.misclassifiedOnly || order.needsPredictions { refreshVisible(keeping: selectedFace) }
        case .predictionsFailed(let reason):
            predictionError = reason
            return .notice(.error(reason))
        default:
            break
        }
        return .none
    }

    private mutating func install(_ loaded: FaceDataset, skipped: Int) {
        dataset = loaded
        skippedFiles = skipped
        phase = .ready
        refreshVisible(keeping: nil)
    }

    public func leave() -> [Effect] {
        modelName != nil ? [.cancelClassification] : []
    }

    public func render(area: Rect, into buffer: inout Buffer, theme: Theme) {
        BrowserView(screen: self, theme: theme).render(area: area, into: &buffer)
    }
}
