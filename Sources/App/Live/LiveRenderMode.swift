import Terminal

/// How the live frame is drawn; `m` cycles through them.
public enum LiveRenderMode: Int, CaseIterable, Hashable, Sendable {
    /// Luminance-ramp characters, contrast stretched.
    case ascii
    /// The same with ordered dithering (smoother gradients, stable on video).
    case dithered
    /// Two gray pixels per cell with `▀` (needs 256 colors and Unicode; else like `ascii`).
    case halfBlock
    /// Ramp characters tinted with their own gray (exact in truecolor).
    case tinted

    var name: String {
        switch self {
        case .ascii: return "ascii"
        case .dithered: return "dithered"
        case .halfBlock: return "half blocks"
        case .tinted: return "tinted"
        }
    }

    /// The next mode that the terminal can show differently from plain ASCII.
    func next(for capabilities: Capabilities) -> LiveRenderMode {
        next { $0.isAvailable(for: capabilities) }
    }

    func isAvailable(for capabilities: Capabilities) -> Bool {
        switch self {
        case .ascii, .dithered: return true
        case .halfBlock: return capabilities.hasGrayRamp && capabilities.unicode
        case .tinted: return capabilities.hasColor
        }
    }
}
