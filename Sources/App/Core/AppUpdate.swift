import Terminal

/// The one place app state changes: `update(&state, message)` applies a message and returns the
/// effects to run. Pure: no I/O, no clocks, no threads, so every key and worker result can be
/// tested by value.
public enum AppUpdate {
    public static func update(_ state: inout AppState, _ message: Message) -> [Effect] {
        guard !state.isFinished else { return [] }
        switch message {
        case .key(let key):
            return handle(key, &state)
        case .resized(let size):
            state.size = size
            return []
        default:
            let context = state.context
            let reply = updateTop(&state) { $0.receive(message, context: context) }
            return apply(reply, to: &state)
        }
    }

    // MARK: - Keys

    private static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        if key == .resize { return [] }
        if case .mouse(let event) = key, !acceptsMouse(at: event, state) { return [] }
        if let overlay = state.overlay { return handle(key, overlay: overlay, &state) }
        state.notice = nil
        if key == .interrupt {
            return apply(updateTop(&state) { $0.interrupt() }, to: &state)
        }
        if KeyIntent(key) == .help {
            state.overlay = .help
            return []
        }
        let context = state.context
        return apply(updateTop(&state) { $0.handle(key: key, context: context) }, to: &state)
    }

    private static func handle(_ key: Key, overlay: Overlay, _ state: inout AppState) -> [Effect] {
        switch overlay {
        case .help:
            if key == .interrupt || KeyIntent(key) == .help || KeyIntent(key) == .back { state.overlay = nil }
            return []
        case .prompt(var prompt):
            switch prompt.handle(key) {
            case .editing:
                state.overlay = .prompt(prompt)
                return []
            case .cancelled:
                state.overlay = nil
                return []
            case .submitted(let text):
                state.overlay = nil
                let context = state.context
                return apply(updateTop(&state) { $0.submit(prompt.purpose, text: text, context: context) },
                             to: &state)
            }
        case .confirm(let confirmation):
            guard let answer = Confirmation.answer(to: key) else { return [] }
            state.overlay = nil
            guard answer else { return [] }
            return apply(updateTop(&state) { $0.confirmed(confirmation.action) }, to: &state)
        }
    }

    /// Mouse events reach the screen only on its body, when it is big enough to be drawn and no
    /// overlay covers it.
    private static func acceptsMouse(at event: MouseEvent, _ state: AppState) -> Bool {
        guard state.overlay == nil, let minimum = state.current?.model.minimumSize else { return false }
        let size = state.size
        guard size.width >= minimum.width, size.height >= minimum.height else { return false }
        return event.kind != .press || state.context.body.contains(x: event.x, y: event.y)
    }

    // MARK: - Replies

    private static func updateTop(_ state: inout AppState,
                                  _ body: (inout any ScreenModel) -> Reply) -> Reply {
        guard let top = state.screens.indices.last else { return .none }
        return state.screens[top].update(body)
    }

    /// Applies a screen's reply to the app state and returns its effects (plus those of screens
    /// that were closed).
    private static func apply(_ reply: Reply, to state: inout AppState) -> [Effect] {
        var effects = reply.effects
        if let notice = reply.notice { state.notice = notice }
        if let overlay = reply.overlay { state.overlay = overlay }
        switch reply.navigation {
        case .push(let screen)?:
            state.screens.append(screen)
        case .pop?:
            if let closed = state.screens.popLast() {
                effects += closed.model.leave()
                if state.screens.isEmpty { state.exitFailure = closed.model.failure }
            }
        case .quit?:
            state.exitFailure = state.screens.first?.model.failure
            for screen in state.screens.reversed() { effects += screen.model.leave() }
            state.screens.removeAll()
            state.overlay = nil
        case nil:
            break
        }
        return effects
    }
}
