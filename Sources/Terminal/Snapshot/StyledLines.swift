extension Buffer {
    /// Rows as text with inline style markers, so tests can check colors and attributes.
    ///
    /// Styles are first adapted to `capabilities` (what the terminal would show). A marker
    /// `{fg=…,bg=…,b,d,r,u}` starts each run of a new style (`{}` returns to the plain style);
    /// colors read `red`/`brightRed` for the basic 16, a number for the 256 palette, `#rrggbb` for
    /// RGB. A literal `{` in the text is written `{{`.
    public func styledLines(adaptedTo capabilities: Capabilities) -> [String] {
        (0..<height).map { row in
            var text = ""
            var current = Style.plain
            for column in 0..<width {
                let cell = cells[row * width + column]
                if cell.isContinuation { continue }
                let style = capabilities.adapt(cell.style)
                if style != current {
                    text += "{" + style.markerDescription + "}"
                    current = style
                }
                text.unicodeScalars.append(cell.scalar)
                if cell.scalar == "{" { text += "{" }
            }
            return text
        }
    }
}

extension Style {
    /// Compact description used in styled snapshot lines, e.g. `fg=red,bg=236,b`.
    public var markerDescription: String {
        var parts: [String] = []
        if foreground != .default { parts.append("fg=" + foreground.shortName) }
        if background != .default { parts.append("bg=" + background.shortName) }
        if bold { parts.append("b") }
        if dim { parts.append("d") }
        if reverse { parts.append("r") }
        if underline { parts.append("u") }
        return parts.joined(separator: ",")
    }
}

extension Color {
    /// Short readable name: `red`, `brightCyan`, `244`, `#1a2b3c`, `default`.
    public var shortName: String {
        switch self {
        case .default:
            return "default"
        case .ansi(let index):
            let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
            let base = names[Int(index & 7)]
            return index & 15 >= 8 ? "bright" + base.prefix(1).uppercased() + base.dropFirst() : base
        case .indexed(let index):
            return String(index)
        case .rgb(let red, let green, let blue):
            return "#" + [red, green, blue].map { value in
                let digits = String(value, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }.joined()
        }
    }
}
