/// A one-row trend of values with block heights `▁▂▃▄▅▆▇█` (ASCII `_.-~=+*#`). Shows the most
/// recent `area.width` values, oldest on the left.
public struct Sparkline: Widget {
    public var values: [Double]
    /// Fixed scale; nil uses the shown values' minimum and maximum.
    public var range: ClosedRange<Double>?
    public var style: Style
    public var theme: Theme

    public init(values: [Double], range: ClosedRange<Double>? = nil, style: Style = .plain, theme: Theme) {
        self.values = values
        self.range = range
        self.style = style
        self.theme = theme
    }

    /// Level index (0…levels-1) for each value, nil for non-finite values.
    static func levels(for values: [Double], range: ClosedRange<Double>?, levels: Int) -> [Int?] {
        let finite = values.filter(\.isFinite)
        let low = range?.lowerBound ?? finite.min() ?? 0
        let high = range?.upperBound ?? finite.max() ?? 0
        return values.map { value -> Int? in
            guard value.isFinite else { return nil }
            guard high > low else { return levels / 2 }
            let fraction = min(1, max(0, (value - low) / (high - low)))
            return Int((fraction * Double(levels - 1)).rounded())
        }
    }

    public func render(area: Rect, into buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let shown = Array(values.suffix(area.width))
        let glyphs = theme.symbols.sparkLevels
        let levels = Sparkline.levels(for: shown, range: range, levels: glyphs.count)
        let row = area.bottom - 1
        for (offset, level) in levels.enumerated() {
            guard let level else { continue }
            buffer.set(x: area.x + offset, y: row, scalar: glyphs[level], style: style)
        }
    }
}
