/// Horizontal bars for labelled values (e.g. images per class), scaled to the largest value.
public struct BarChart: Widget {
    public struct Item: Hashable, Sendable {
        public var label: String
        public var value: Double
        /// Shown after the bar; nil prints the value (with thousands separators when whole).
        public var valueText: String?

        public init(label: String, value: Double, valueText: String? = nil) {
            self.label = label
            self.value = value
            self.valueText = valueText
        }
    }

    public var items: [Item]
    /// Index of an item to emphasise (e.g. the class filter in the browser).
    public var highlighted: Int?
    /// Value of a full-width bar; nil uses the largest item.
    public var maximum: Double?
    /// Bar color; nil uses the theme's first series color.
    public var barColor: Color?
    public var theme: Theme

    public init(items: [Item], highlighted: Int? = nil, maximum: Double? = nil, barColor: Color? = nil,
                theme: Theme) {
        self.items = items
        self.highlighted = highlighted
        self.maximum = maximum
        self.barColor = barColor
        self.theme = theme
    }

    public func render(area: Rect, into buffer: inout Buffer) {
        guard !items.isEmpty, !area.isEmpty else { return }
        let largest = maximum ?? items.map(\.value).filter(\.isFinite).max() ?? 0
        let color = barColor ?? theme.seriesColor(0)
        let rows = items.enumerated().map { index, item -> LabeledBarRow in
            let isHighlighted = index == highlighted
            let fraction = largest > 0 && item.value.isFinite ? item.value / largest : 0
            return LabeledBarRow(
                label: item.label, fraction: fraction, valueText: item.valueText ?? Self.describe(item.value),
                labelStyle: isHighlighted ? theme.highlight : theme.text,
                barStyle: Style(foreground: isHighlighted ? theme.accent : color),
                valueStyle: isHighlighted ? Style(bold: true) : theme.muted,
                marked: isHighlighted
            )
        }
        LabeledBarRow.draw(rows, area: area, pointer: highlighted == nil ? nil : theme.symbols.pointer,
                           symbols: theme.symbols, into: &buffer)
    }

    private static func describe(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 9e15 { return formatCount(Int(value)) }
        return formatFixed(value, decimals: 2)
    }
}
