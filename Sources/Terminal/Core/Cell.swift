/// One terminal cell: a single Unicode scalar and its style.
///
/// Wide characters (CJK, most emoji) occupy two cells: the first holds the scalar with `width` 2,
/// the second is a continuation cell (`width` 0) that backends skip. Combining marks and other
/// zero-width scalars are dropped when text is written, so each cell shows exactly one scalar.
public struct Cell: Hashable, Sendable {
    public var scalar: Unicode.Scalar
    public var style: Style
    /// Columns this cell's scalar covers: 1, 2 for the first half of a wide character, 0 for the
    /// second half.
    public var width: UInt8

    public init(_ scalar: Unicode.Scalar = " ", style: Style = .plain, width: UInt8 = 1) {
        self.scalar = scalar
        self.style = style
        self.width = width
    }

    /// A space in the default style.
    public static let blank = Cell()

    /// True for the right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}
