/// A one-row progress bar: label, bar, percentage, then optional detail, rate and ETA, e.g.
/// `Fold 2/5 ███████▌░░░░░ 62.5%  epoch 13/20  2,431 img/s  ETA 1:23`. When space is short, the
/// detail, rate, ETA and percentage are dropped in that order before the bar shrinks below 5 cells.
public struct ProgressBar: Widget {
    public var label: String
    /// Done fraction, clamped to 0…1.
    public var fraction: Double
    /// Extra text such as "epoch 13/20".
    public var detail: String?
    /// Throughput text, usually from `formatRate(_:unit:)`.
    public var rate: String?
    /// Seconds remaining; nil when unknown.
    public var remainingSeconds: Double?
    /// Bar color; nil uses the theme accent.
    public var color: Color?
    public var theme: Theme

    public init(
        label: String, fraction: Double, detail: String? = nil, rate: String? = nil,
        remainingSeconds: Double? = nil, color: Color? = nil, theme: Theme
    ) {
        self.label = label
        self.fraction = fraction
        self.detail = detail
        self.rate = rate
        self.remainingSeconds = remainingSeconds
        self.color = color
        self.theme = theme
    }

    public func render(area: Rect, into buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let labelText = label.isEmpty ? "" : label + " "
        var trailing: [String] = [formatPercent(clamped)]
        if let remainingSeconds { trailing.append("ETA " + formatDuration(remainingSeconds)) }
        if let rate { trailing.insert(rate, at: 1) }
        if let detail { trailing.insert(detail, at: 1) }
        let minimumBar = 5
        func trailingWidth(_ parts: [String]) -> Int {
            parts.reduce(0) { $0 + TextWidth.of($1) + 2 } - (parts.isEmpty ? 0 : 1)
        }
        // Drop detail, then rate, then ETA, then the percentage until the bar gets its minimum.
        let labelWidth = TextWidth.of(labelText)
        while !trailing.isEmpty && area.width - labelWidth - trailingWidth(trailing) < minimumBar {
            trailing.remove(at: trailing.count > 1 ? 1 : 0)
        }
        let y = area.y
        var x = buffer.set(x: area.x, y: y, string: labelText, style: theme.title, maxWidth: area.width)
        let barWidth = area.right - x - trailingWidth(trailing)
        if barWidth > 0 {
            BarPainter.draw(
                fraction: clamped, x: x, y: y, width: barWidth,
                style: Style(foreground: color ?? theme.accent), track: (theme.symbols.barTrack, theme.muted),
                symbols: theme.symbols, into: &buffer
            )
            x += barWidth
        }
        for (index, part) in trailing.enumerated() {
            x += index == 0 ? 1 : 2
            let style = index == 0 ? Style(bold: true) : theme.text
            x = buffer.set(x: x, y: y, string: part, style: style, maxWidth: area.right - x)
        }
    }
}
