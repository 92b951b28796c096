extension CaseIterable where Self: Equatable, AllCases.Index == Int {
    /// The next case after this one, wrapping around, that `isAllowed` accepts; this case itself
    /// when none is.
    func next(where isAllowed: (Self) -> Bool) -> Self {
        let cases = Array(Self.allCases)
        guard let position = cases.firstIndex(of: self) else { return self }
        for step in 1 ... cases.count {
            let candidate = cases[(position + step) % cases.count]
            if isAllowed(candidate) { return candidate }
        }
        return self
    }
}
