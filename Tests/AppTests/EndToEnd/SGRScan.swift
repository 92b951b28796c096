/// Reads text with SGR color sequences (what `tmux capture-pane -e` gives) and finds the
/// characters drawn invisibly: in their background's color, or black on the terminal's own
/// background (which 8-color consoles usually have black).
enum SGRScan {
    static func charactersInTheirBackgroundColor(_ text: String) -> String {
        var foreground = "default", background = "default", hidden = ""
        var characters = Array(text.unicodeScalars)[...]
        while let character = characters.popFirst() {
            if character == "\u{1B}", characters.first == "[" {
                characters.removeFirst()
                var parameters = ""
                while let next = characters.popFirst(), next != "m" { parameters.unicodeScalars.append(next) }
                apply(parameters, foreground: &foreground, background: &background)
            } else if character != " ", character != "\n" {
                let black = foreground == "0" && (background == "default" || background == "0")
                if black || (foreground != "default" && foreground == background) {
                    hidden.unicodeScalars.append(character)
                }
            }
        }
        return hidden
    }

    private static func apply(_ parameters: String, foreground: inout String, background: inout String) {
        var codes = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }[...]
        while let code = codes.popFirst() {
            switch code {
            case 0: (foreground, background) = ("default", "default")
            case 30 ... 37: foreground = String(code - 30)
            case 90 ... 97: foreground = String(code - 90 + 8)
            case 39: foreground = "default"
            case 40 ... 47: background = String(code - 40)
            case 100 ... 107: background = String(code - 100 + 8)
            case 49: background = "default"
            case 38, 48:
                let value = codes.popFirst() == 5 ? String(codes.popFirst() ?? 0) : "rgb\(codes.prefix(3))"
                if code == 38 { foreground = value } else { background = value }
            default: break
            }
        }
    }
}
