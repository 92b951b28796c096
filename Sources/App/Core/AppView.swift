import Terminal

/// Draws the whole app for one frame: title bar, the current screen, status bar and any
/// overlay, or the "enlarge the terminal" message when the screen does not fit. A pure function
/// of the state: the same state always gives the same buffer.
public enum AppView {
    /// Rows above and below the screen's body.
    public static let titleRows = 1
    public static let statusRows = 1

    /// Keys that work on every screen, listed last in help.
    static let globalHelp = HelpSection("Everywhere", [
        KeyBinding("?", "this help"),
        KeyBinding("q / Esc", "back, or quit on the first screen"),
        KeyBinding("Ctrl-C", "stop and quit (twice: quit at once)"),
    ])

    /// A new frame of `state.size`.
    public static func frame(_ state: AppState, theme: Theme) -> Buffer {
        var buffer = Buffer(size: state.size)
        render(state, into: &buffer, theme: theme)
        return buffer
    }

    public static func render(_ state: AppState, into buffer: inout Buffer, theme: Theme) {
        guard let screen = state.current?.model else { return }
        let area = buffer.area
        let minimum = screen.minimumSize
        let guardWidget = SizeGuard(minimumWidth: minimum.width, minimumHeight: minimum.height, theme: theme)
        guard guardWidget.fits(area) else {
            guardWidget.render(area: area, into: &buffer)
            return
        }
        let (titleRow, rest) = area.splitTop(titleRows)
        let (body, statusRow) = rest.splitBottom(statusRows)
        renderTitle(screen, in: titleRow, theme: theme, into: &buffer)
        screen.render(area: body, into: &buffer, theme: theme)
        renderStatus(screen, state: state, in: statusRow, theme: theme, into: &buffer)
        switch state.overlay {
        case .help?:
            HelpOverlay(title: "\(screen.title) keys", sections: screen.help + [globalHelp], theme: theme)
                .render(area: body, into: &buffer)
        case .confirm(let confirmation)?:
            ConfirmationView(confirmation: confirmation, theme: theme).render(area: body, into: &buffer)
        case .prompt?, nil:
            break
        }
    }

    private static func renderTitle(_ screen: any ScreenModel, in row: Rect, theme: Theme,
                                    into buffer: inout Buffer) {
        let left = Line([
            Span("fer", style: theme.key),
            Span(" \(theme.symbols.pointer) ", style: theme.muted),
            Span(screen.title, style: Style(bold: true)),
        ])
        StatusBar(left: left, right: Line(screen.headline), theme: theme).render(area: row, into: &buffer)
    }

    private static func renderStatus(_ screen: any ScreenModel, state: AppState, in row: Rect, theme: Theme,
                                     into buffer: inout Buffer) {
        if case .prompt(let prompt)? = state.overlay {
            PromptView(prompt: prompt, theme: theme).render(area: row, into: &buffer)
            return
        }
        var right = Line([])
        if let notice = state.notice {
            right = Line(notice.text, style: noticeStyle(notice.kind, theme: theme))
        }
        let hints = screen.hints + [KeyBinding("?", "help")]
        StatusBar(hints: hints, right: right, theme: theme).render(area: row, into: &buffer)
    }

    static func noticeStyle(_ kind: Notice.Kind, theme: Theme) -> Style {
        switch kind {
        case .info: return Style(bold: true)
        case .success: return Style(foreground: theme.good, bold: true)
        case .error: return Style(foreground: theme.bad, bold: true, reverse: !theme.capabilities.hasColor)
        }
    }
}
