/// One line of `fer doctor`: what was checked, how it went, and how to fix it.
public struct DoctorCheck: Sendable, Equatable, Encodable {
    public enum Status: String, Sendable, Encodable {
        case ok = "OK"
        case warning = "WARN"
        case failure = "FAIL"
    }

    public var name: String
    public var status: Status
    public var detail: String
    /// What to do about a warning or failure.
    public var fix: String?
    /// The check's finding for scripts (`fer doctor --json`): a kernel name, a path, a size.
    public var value: String?
    /// A measured number for scripts: sgemm's GFLOP/s.
    public var measurement: Double?

    public init(
        _ name: String, _ status: Status, _ detail: String, fix: String? = nil, value: String? = nil,
        measurement: Double? = nil
    ) {
        self.name = name
        self.status = status
        self.detail = detail
        self.fix = fix
        self.value = value
        self.measurement = measurement
    }

    enum CodingKeys: String, CodingKey { case name, status, detail, fix, value, measurement }

    /// The fix only where something is wrong, as in the text report.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(status, forKey: .status)
        try container.encode(detail, forKey: .detail)
        if status != .ok { try container.encodeIfPresent(fix, forKey: .fix) }
        try container.encodeIfPresent(value, forKey: .value)
        try container.encodeIfPresent(measurement, forKey: .measurement)
    }
}

extension [DoctorCheck] {
    /// True when nothing required is missing (warnings allowed).
    public var allRequiredPass: Bool { !contains { $0.status == .failure } }

    /// One JSON object: `{"all_required_pass": …, "checks": [{"name", "status", "detail", …}]}`.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(DoctorReport(allRequiredPass: allRequiredPass, checks: self))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Aligned text lines: status, name, detail, and an indented fix when there is one.
    public var report: [String] {
        let width = (map(\.name.count).max() ?? 0) + 2
        return flatMap { check -> [String] in
            let head = "[\(check.status.rawValue)]".padding(toLength: 7, withPad: " ", startingAt: 0)
                + check.name.padding(toLength: width, withPad: " ", startingAt: 0) + check.detail
            guard let fix = check.fix, check.status != .ok else { return [head] }
            return [head, String(repeating: " ", count: 7 + width) + "→ " + fix]
        }
    }
}

import Foundation

/// What `fer doctor --json` prints.
private struct DoctorReport: Encodable {
    let allRequiredPass: Bool
    let checks: [DoctorCheck]

    enum CodingKeys: String, CodingKey {
        case allRequiredPass = "all_required_pass"
        case checks
    }
}
