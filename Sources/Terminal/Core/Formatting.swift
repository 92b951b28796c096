/// Number and time formatting shared by widgets and screens. Locale-independent on purpose, so
/// snapshots are stable everywhere.

/// `value` with exactly `decimals` digits after the point (`formatFixed(3.14159, decimals: 2)` is
/// `"3.14"`). Non-finite values give `"-"`; huge ones fall back to Swift's own description.
public func formatFixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "-" }
    let places = min(max(0, decimals), 9)
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    guard abs(value) * scale < 9e15 else { return "\(value)" }
    let scaled = Int64((abs(value) * scale).rounded())
    let sign = value < 0 && scaled != 0 ? "-" : ""
    let whole = scaled / Int64(scale)
    guard places > 0 else { return sign + String(whole) }
    let fraction = String(scaled % Int64(scale))
    return sign + String(whole) + "." + String(repeating: "0", count: places - fraction.count) + fraction
}

/// An integer with thousands separators: `2431` → `"2,431"`.
public func formatCount(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var grouped = ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
        grouped.append(digit)
    }
    return (value < 0 ? "-" : "") + grouped
}

/// A throughput such as `"2,431 img/s"`; one decimal below 10 (`"3.5 img/s"`), `"- img/s"`
/// when unknown.
public func formatRate(_ perSecond: Double, unit: String) -> String {
    guard perSecond.isFinite, perSecond >= 0 else { return "- \(unit)/s" }
    if perSecond < 10 { return "\(formatFixed(perSecond, decimals: 1)) \(unit)/s" }
    guard perSecond < 9e15 else { return "\(perSecond) \(unit)/s" }
    return "\(formatCount(Int(perSecond.rounded()))) \(unit)/s"
}

/// A fraction as a percentage: `0.8734` → `"87.3%"`.
public func formatPercent(_ fraction: Double, decimals: Int = 1) -> String {
    guard fraction.isFinite else { return "-%" }
    return formatFixed(fraction * 100, decimals: decimals) + "%"
}

/// A duration as `m:ss` or `h:mm:ss` (`83` → `"1:23"`, `3723` → `"1:02:03"`); `"--:--"` when
/// unknown or negative.
public func formatDuration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0, seconds < 3.6e9 else { return "--:--" }
    let total = Int(seconds.rounded())
    let hours = total / 3600
    let minutes = (total % 3600) / 60
    let secs = total % 60
    func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    if hours > 0 { return "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" }
    return "\(minutes):\(twoDigits(secs))"
}

/// Seconds left when `fraction` (0…1) of the work took `elapsed` seconds at a steady pace; nil
/// before any progress.
public func estimatedRemainingSeconds(fraction: Double, elapsed: Double) -> Double? {
    guard fraction.isFinite, elapsed.isFinite, fraction > 0, elapsed >= 0 else { return nil }
    guard fraction < 1 else { return 0 }
    return elapsed * (1 - fraction) / fraction
}

/// How a chart axis or a table prints numbers.
public enum ValueFormat: Hashable, Sendable {
    /// Decimals chosen from the span of values shown (more for small spans).
    case automatic
    /// Fixed number of decimals.
    case decimals(Int)
    /// Fractions shown as percentages (`0.873` → `87.3%`).
    case percent(decimals: Int)

    /// `value` formatted; `span` is the range of values on the same axis (for `.automatic`).
    public func format(_ value: Double, span: Double) -> String {
        switch self {
        case .decimals(let places): return formatFixed(value, decimals: places)
        case .percent(let places): return formatPercent(value, decimals: places)
        case .automatic:
            let magnitude = abs(span)
            let places: Int
            if magnitude >= 100 || magnitude == 0 && abs(value) >= 100 {
                places = 0
            } else if magnitude >= 10 {
                places = 1
            } else if magnitude >= 1 || magnitude == 0 {
                places = 2
            } else if magnitude >= 0.01 {
                places = 3
            } else {
                places = 5
            }
            return formatFixed(value, decimals: places)
        }
    }
}
