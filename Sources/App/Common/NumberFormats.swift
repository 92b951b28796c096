import Terminal

/// A learning rate in short scientific form, `1.0e-3`; `-` when unknown.
func formatLearningRate(_ rate: Double) -> String {
    guard rate.isFinite, rate > 0 else { return "-" }
    var exponent = 0
    var mantissa = rate
    while mantissa < 1 {
        mantissa *= 10
        exponent -= 1
    }
    while mantissa >= 10 {
        mantissa /= 10
        exponent += 1
    }
    if (mantissa * 10).rounded() >= 100 {
        mantissa = 1
        exponent += 1
    }
    return formatFixed(mantissa, decimals: 1) + "e" + String(exponent)
}
