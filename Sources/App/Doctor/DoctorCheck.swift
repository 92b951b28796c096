/// One line of `fer doctor`: what was checked, how it went, and how to fix it.
public struct DoctorCheck: Sendable, Equatable {
    public enum Status: String, Sendable {
        case ok = "OK"
        case warning = "WARN"
        case failure = "FAIL"
    }

    public var name: String
    public var status: Status
    public var detail: String
    /// What to do about a warning or failure.
    public var fix: String?

    public init(_ name: String, _ status: Status, _ detail: String, fix: String? = nil) {
        self.name = name
        self.status = status
        self.detail = detail
        self.fix = fix
    }
}

extension [DoctorCheck] {
    /// True when nothing required is missing (warnings allowed).
    public var allRequiredPass: Bool { !contains { $0.status == .failure } }

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
