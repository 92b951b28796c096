import Foundation

/// Number and duration formats shared by the plain printer, logs, tables and plots; fixed
/// (locale-independent) so logs compare across machines.
public enum Formatting {
    /// `value` with `digits` decimals: `fixed(0.51234, 4)` is `0.5123`.
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// A learning rate as Keras prints small numbers: `1.0e-03`.
    static func learningRate(_ value: Double) -> String {
        String(format: "%.1e", value)
    }

    /// An integer with thousands separators: `2,431`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    /// A duration as Keras does for an epoch (`12s`) below a minute, else `m:ss` or `h:mm:ss`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        let hours = whole / 3600, minutes = whole / 60 % 60, rest = whole % 60
        let paddedSeconds = rest < 10 ? "0\(rest)" : "\(rest)"
        if hours == 0 { return "\(minutes):\(paddedSeconds)" }
        return "\(hours):\(minutes < 10 ? "0" : "")\(minutes):\(paddedSeconds)"
    }

    /// A Float carried as the Double with the same shortest decimal form (0.001, not
    /// 0.0010000000474974513), so JSON and CSV show what was configured.
    static func double(_ value: Float) -> Double {
        Double(String(describing: value)) ?? Double(value)
    }
}
