/// Converts widget colors into curses color numbers for the terminal at hand.
///
/// Truecolor: ncurses can only emit 24-bit colors through a direct-color terminfo entry (e.g.
/// `TERM=xterm-direct`, where `COLORS` is 2^24 and color numbers are packed RGB). With such an
/// entry RGB passes straight through; otherwise (the usual `xterm-256color`, even with
/// `COLORTERM=truecolor`) RGB is mapped to the nearest 256-color entry. We never redefine palette
/// entries with `init_color`: that changes the user's terminal colors beyond our session and
/// offers only 256 slots.
struct CursesColorMapping {
    /// Color mode actually drawn.
    let mode: ColorMode
    /// True when the terminfo entry takes packed RGB color numbers.
    let directColor: Bool
    /// Number of basic colors (8 or 16) when `mode` is `.ansi16`.
    let basicColors: Int
    /// False when `use_default_colors` failed, so -1 cannot be used for "the terminal's own".
    let hasDefaultColors: Bool

    /// The curses color number; -1 means the terminal default.
    func number(for color: Color, isBackground: Bool) -> Int32 {
        let capabilities = Capabilities(colorMode: mode, unicode: true)
        switch capabilities.adapt(color) {
        case .default:
            if hasDefaultColors { return -1 }
            return isBackground ? 0 : 7
        case .ansi(let index):
            let basic = Int32(index & 15)
            if mode == .truecolor && directColor && basic >= 8 { return packed(color) }
            return basicColors < 16 ? basic & 7 : basic
        case .indexed(let index):
            if directColor { return packed(color) }
            return Int32(index)
        case .rgb(let red, let green, let blue):
            if directColor { return Int32(red) << 16 | Int32(green) << 8 | Int32(blue) }
            return Int32(ColorPalette.nearestIndexed(red: red, green: green, blue: blue))
        }
    }

    /// The foreground and background numbers of `style`, never drawing text in the color it
    /// stands on: on 8 colors the theme's grays fall to black, so black (or any foreground that
    /// became its background's color) on the terminal's own background is drawn in the
    /// terminal's own foreground instead, which is visible whatever the user's palette.
    func numbers(for style: Style) -> (foreground: Int32, background: Int32) {
        var foreground = number(for: style.foreground, isBackground: false)
        let background = number(for: style.background, isBackground: true)
        let defaultForeground: Int32 = hasDefaultColors ? -1 : 7
        let onTerminalBackground = background == -1 || (!hasDefaultColors && background == 0)
        if foreground != defaultForeground,
           foreground == background || (foreground == 0 && onTerminalBackground) {
            foreground = defaultForeground
        }
        return (foreground, background)
    }

    private func packed(_ color: Color) -> Int32 {
        guard let rgb = color.rgbComponents else { return -1 }
        return Int32(rgb.red) << 16 | Int32(rgb.green) << 8 | Int32(rgb.blue)
    }
}

/// Hands out curses color pairs for (foreground, background) color numbers, reusing pairs already
/// defined. Pair 0 is the terminal default and never redefined.
struct ColorPairCache {
    struct Key: Hashable {
        let foreground: Int32
        let background: Int32
    }

    /// Pairs available besides pair 0.
    let capacity: Int
    private var pairs: [Key: Int32] = [:]

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    var count: Int { pairs.count }

    /// The pair for two colors, and whether it is new (so the caller must define it with
    /// `init_extended_pair`); nil when all pairs are taken.
    mutating func pair(foreground: Int32, background: Int32) -> (number: Int32, isNew: Bool)? {
        if foreground == -1 && background == -1 { return (0, false) }
        let key = Key(foreground: foreground, background: background)
        if let existing = pairs[key] { return (existing, false) }
        guard pairs.count < capacity else { return nil }
        let number = Int32(pairs.count + 1)
        pairs[key] = number
        return (number, true)
    }

    /// Forgets every pair; cells already on screen must then be redrawn.
    mutating func removeAll() {
        pairs.removeAll(keepingCapacity: true)
    }
}
