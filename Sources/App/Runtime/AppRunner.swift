import Terminal

/// The UI loop: polls a key with a short timeout, drains the inbox, applies everything through
/// `AppUpdate.update`, hands the effects to the performer, and draws a full frame when the
/// `FrameScheduler` says so (the backend writes only the cells that changed). The terminal's
/// size is checked every turn, so resizes are handled even without a resize key.
///
/// Runs on the thread that owns the backend; nothing here is shared with workers but the inbox.
public final class AppRunner {
    public let backend: TerminalBackend
    public private(set) var state: AppState
    public let inbox: Inbox
    private let effects: EffectPerformer
    private let scheduler: FrameScheduler
    private let clock = ContinuousClock()

    public init(backend: TerminalBackend, state: AppState, effects: EffectPerformer, inbox: Inbox = Inbox(),
                scheduler: FrameScheduler = FrameScheduler()) {
        self.backend = backend
        self.state = state
        self.effects = effects
        self.inbox = inbox
        self.scheduler = scheduler
    }

    /// Runs `initialEffects`, then loops until the last screen closes (or `maximumTurns` turns,
    /// for tests), then shuts the workers down. The caller restores the terminal.
    public func run(initialEffects: [Effect] = [], maximumTurns: Int = .max) {
        state.capabilities = backend.capabilities
        let theme = Theme(capabilities: backend.capabilities)
        for effect in initialEffects { effects.perform(effect, inbox: inbox) }
        var lastFrame: ContinuousClock.Instant?
        var changed = true
        var urgent = true
        var turns = 0
        while !state.isFinished && turns < maximumTurns {
            turns += 1
            let size = backend.size
            if size != state.size {
                apply(.resized(size))
                urgent = true
            }
            let messages = inbox.drain()
            for message in messages { apply(message) }
            changed = changed || !messages.isEmpty
            if state.isFinished { break }
            let since = lastFrame.map { seconds(clock.now - $0) }
            let scheduler = scheduler(for: state.current)
            if scheduler.shouldDraw(changed: changed || urgent, urgent: urgent, sinceLastFrame: since) {
                backend.draw(AppView.frame(state, theme: theme))
                lastFrame = clock.now
                changed = false
                urgent = false
            }
            let timeout = self.scheduler(for: state.current).keyTimeout(changed: changed,
                                               sinceLastFrame: lastFrame.map { seconds(clock.now - $0) })
            if let key = backend.pollKey(timeout: .milliseconds(Int((timeout * 1000).rounded()))) {
                apply(.key(key))
                urgent = true
            }
        }
        effects.shutdown()
    }

    /// Live video is drawn up to 45 times a second, with a shorter key wait (frames arrive while
    /// the loop waits for keys), so that at least 30 frames a second reach the screen; other
    /// screens keep the runner's cap, which keeps the dashboard from taking time from training.
    private func scheduler(for screen: Screen?) -> FrameScheduler {
        guard case .live = screen else { return scheduler }
        var faster = scheduler
        faster.maximumFramesPerSecond = max(scheduler.maximumFramesPerSecond, 45)
        faster.pollInterval = min(scheduler.pollInterval, 0.008)
        return faster
    }

    private func apply(_ message: Message) {
        for effect in AppUpdate.update(&state, message) { effects.perform(effect, inbox: inbox) }
    }

    private func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
