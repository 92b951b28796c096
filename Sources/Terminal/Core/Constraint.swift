/// How much of a row or column split one part takes (see `Rect.rows(_:spacing:)`).
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells.
    case length(Int)
    /// This percentage (0–100) of the total.
    case percentage(Int)
    /// `numerator / denominator` of the total.
    case ratio(Int, Int)
    /// At least this many cells; grows like `fill(1)` when space is left.
    case min(Int)
    /// A share of the space left after the fixed parts, proportional to the weight.
    case fill(Int)

    /// Sizes for `constraints` within `total` cells.
    ///
    /// Fixed parts (`length`, `percentage`, `ratio`, and the minimum of `min`) are placed first; when they
    /// do not fit, later parts are cut. What is left is shared among `min` and `fill` parts by weight,
    /// with rounding leftovers going to the earliest parts so the sizes always add up.
    static func solve(_ constraints: [Constraint], total: Int, spacing: Int) -> [Int] {
        guard !constraints.isEmpty else { return [] }
        let gaps = Swift.max(0, spacing) * (constraints.count - 1)
        let available = Swift.max(0, total - gaps)
        var sizes = constraints.map { constraint -> Int in
            switch constraint {
            case .length(let cells): return Swift.max(0, cells)
            case .percentage(let percent): return available * Swift.min(100, Swift.max(0, percent)) / 100
            case .ratio(let numerator, let denominator):
                guard denominator > 0 else { return 0 }
                return Swift.min(available, available * Swift.max(0, numerator) / denominator)
            case .min(let cells): return Swift.max(0, cells)
            case .fill: return 0
            }
        }
        var remaining = available
        for index in sizes.indices {
            sizes[index] = Swift.min(sizes[index], remaining)
            remaining -= sizes[index]
        }
        let weights = constraints.map { constraint -> Int in
            switch constraint {
            case .fill(let weight): return Swift.max(0, weight)
            case .min: return 1
            default: return 0
            }
        }
        let totalWeight = weights.reduce(0, +)
        guard remaining > 0, totalWeight > 0 else { return sizes }
        var handedOut = 0
        for index in sizes.indices where weights[index] > 0 {
            let share = remaining * weights[index] / totalWeight
            sizes[index] += share
            handedOut += share
        }
        var leftover = remaining - handedOut
        for index in sizes.indices where weights[index] > 0 && leftover > 0 {
            sizes[index] += 1
            leftover -= 1
        }
        return sizes
    }
}
