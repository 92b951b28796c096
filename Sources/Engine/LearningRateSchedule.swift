/// How the learning rate changes over epochs.
public enum LearningRateSchedule: Codable, Sendable, Equatable {
    case constant
    /// Multiply by `factor` every `epochs` epochs.
    case step(epochs: Int, factor: Float)
    /// Cosine decay from the base rate to `minimum` over `totalEpochs`, after linear warm-up.
    case cosine(totalEpochs: Int, warmupEpochs: Int, minimum: Float)
    /// Multiply by `factor` when validation loss has not improved for `patience` epochs.
    case reduceOnPlateau(factor: Float, patience: Int, minimum: Float)
}

/// Tracks the current rate of a schedule, including reduce-on-plateau's memory.
public struct LearningRateScheduler: Codable, Sendable, Equatable {
    public let schedule: LearningRateSchedule
    public let baseRate: Float
    public private(set) var plateauRate: Float
    public private(set) var bestLoss: Float = .infinity
    public private(set) var epochsWithoutImprovement = 0

    public init(schedule: LearningRateSchedule, baseRate: Float) {
        self.schedule = schedule
        self.baseRate = baseRate
        plateauRate = baseRate
    }

    /// The rate for a 0-based epoch; `progress` in [0, 1) within the epoch smooths warm-up and cosine.
    public func rate(epoch: Int, progress: Double = 0) -> Float {
        switch schedule {
        case .constant:
            return baseRate
        case let .step(epochs, factor):
            return baseRate * pow(factor, Float(epoch / max(epochs, 1)))
        case let .cosine(totalEpochs, warmupEpochs, minimum):
            let position = Double(epoch) + progress
            if position < Double(warmupEpochs) {
                return baseRate * Float((position + 1) / Double(warmupEpochs + 1))
            }
            let span = Double(max(totalEpochs - warmupEpochs, 1))
            let fraction = min((position - Double(warmupEpochs)) / span, 1)
            return minimum + (baseRate - minimum) * Float(0.5 * (1 + cos(.pi * fraction)))
        case .reduceOnPlateau:
            return plateauRate
        }
    }

    /// Records an epoch's validation loss (reduce-on-plateau uses it).
    public mutating func observe(validationLoss: Float) {
        guard case let .reduceOnPlateau(factor, patience, minimum) = schedule else { return }
        if validationLoss < bestLoss - 1e-4 {
            bestLoss = validationLoss
            epochsWithoutImprovement = 0
        } else {
            epochsWithoutImprovement += 1
            if epochsWithoutImprovement > patience {
                plateauRate = max(plateauRate * factor, minimum)
                epochsWithoutImprovement = 0
            }
        }
    }
}

import Foundation
