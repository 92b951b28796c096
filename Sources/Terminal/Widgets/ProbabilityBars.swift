/// Labelled horizontal bars of class probabilities with percentages; the most likely class is
/// highlighted and pointed at. When the area has fewer rows than classes, the most likely classes
/// are shown, most likely first.
public struct ProbabilityBars: Widget {
    public var labels: [String]
    /// One probability (0…1) per label; extra values or labels are ignored.
    public var probabilities: [Double]
    public var highlightTop: Bool
    public var theme: Theme

    public init(labels: [String], probabilities: [Double], highlightTop: Bool = true, theme: Theme) {
        self.labels = labels
        self.probabilities = probabilities
        self.highlightTop = highlightTop
        self.theme = theme
    }

    /// Index of the most probable class (the first on ties), nil when there are none.
    public var topIndex: Int? {
        let count = min(labels.count, probabilities.count)
        guard count > 0 else { return nil }
        var best = 0
        for index in 1..<count {
            if Self.sanitized(probabilities[index]) > Self.sanitized(probabilities[best]) { best = index }
        }
        return best
    }

    private static func sanitized(_ value: Double) -> Double {
        value.isFinite ? min(1, max(0, value)) : 0
    }

    public func render(area: Rect, into buffer: inout Buffer) {
        let count = min(labels.count, probabilities.count)
        guard count > 0, !area.isEmpty else { return }
        var order = Array(0..<count)
        if area.height < count {
            order.sort { Self.sanitized(probabilities[$0]) > Self.sanitized(probabilities[$1]) }
        }
        let top = highlightTop ? topIndex : nil
        let rows = order.map { index -> LabeledBarRow in
            let isTop = index == top
            let barColor: Color = isTop ? theme.accent : .gray(150)
            return LabeledBarRow(
                label: labels[index], fraction: Self.sanitized(probabilities[index]),
                valueText: formatPercent(Self.sanitized(probabilities[index])),
                labelStyle: isTop ? Style(foreground: theme.accent, bold: true) : theme.text,
                barStyle: Style(foreground: barColor, bold: isTop),
                valueStyle: isTop ? Style(bold: true) : theme.muted,
                marked: isTop
            )
        }
        LabeledBarRow.draw(rows, area: area, pointer: highlightTop ? theme.symbols.pointer : nil,
                           symbols: theme.symbols, into: &buffer)
    }
}
