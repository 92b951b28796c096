import Foundation

/// A chart axis: the value range shown and "nice" tick values (1, 2 or 5 × 10^k apart).
struct AxisScale {
    let range: ClosedRange<Double>
    let step: Double

    /// The span of `values` widened by `padding` of it on each side (±0.5 when flat, 0...1 when
    /// empty), with a step cutting it into about `ticks` parts, at least `minimumStep`.
    init(values: [Double], padding: Double, ticks: Int, minimumStep: Double = 0) {
        let finite = values.filter(\.isFinite)
        if let low = finite.min(), let high = finite.max() {
            let margin = (high - low) * padding
            range = high > low ? (low - margin) ... (high + margin) : (low - 0.5) ... (high + 0.5)
        } else {
            range = 0 ... 1
        }
        step = max(minimumStep, Self.niceStep(range.upperBound - range.lowerBound, ticks: ticks))
    }

    /// Multiples of `step` inside the range.
    var ticks: [Double] {
        let first = (range.lowerBound / step).rounded(.up), last = (range.upperBound / step).rounded(.down)
        guard first <= last, last - first < 1000 else { return [] }
        // `+ 0` turns -0.0 (from rounding a small negative bound) into 0, so no "-0.0" label.
        return stride(from: first, through: last, by: 1).map { $0 * step + 0 }
    }

    /// Decimals that tell the ticks apart (0 for whole steps, 1 for 0.1 or 0.5, ...).
    var decimals: Int { max(0, Int((-log10(step)).rounded(.up))) }

    /// Where `value` falls between the ends of the range: 0 at the low end, 1 at the high end.
    func fraction(_ value: Double) -> Double {
        (value - range.lowerBound) / (range.upperBound - range.lowerBound)
    }

    /// A step of 1, 2 or 5 × 10^k that cuts `span` into about `ticks` parts.
    static func niceStep(_ span: Double, ticks: Int) -> Double {
        guard span > 0, span.isFinite else { return 1 }
        let rough = span / Double(max(ticks, 1))
        let magnitude = pow(10, log10(rough).rounded(.down))
        // The slack keeps rounding noise (0.9 - 0.3 is 0.6000000000000001) from doubling the step.
        let fraction = rough / magnitude * (1 - 1e-9)
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }
}
