import Terminal

/// Text in large letters: a 3×5-pixel font drawn with half blocks, so each letter is 3 columns
/// by 3 rows (one column apart). Where it does not fit, or without Unicode, it falls back to
/// spaced capitals on one row.
struct BigText: Widget {
    let text: String
    let style: Style
    let theme: Theme

    /// Columns the large form needs.
    static func width(of text: String) -> Int {
        text.isEmpty ? 0 : text.count * 4 - 1
    }

    func render(area: Rect, into buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let upper = text.uppercased()
        guard theme.capabilities.unicode, area.height >= 3, BigText.width(of: upper) <= area.width else {
            let spaced = upper.map(String.init).joined(separator: " ")
            let fitted = TextWidth.of(spaced) <= area.width ? spaced : upper
            buffer.set(x: area.x, y: area.y, string: fitted, style: style.bolded(), maxWidth: area.width)
            return
        }
        var x = area.x
        for character in upper {
            let rows = BigText.glyph(character)
            for cellRow in 0..<3 {
                for column in 0..<3 {
                    let top = rows[cellRow * 2].dropFirst(column).first == "#"
                    let bottomRow = cellRow * 2 + 1
                    let bottom = bottomRow < rows.count && rows[bottomRow].dropFirst(column).first == "#"
                    let scalar: Unicode.Scalar = top ? (bottom ? "█" : "▀") : (bottom ? "▄" : " ")
                    if scalar != " " { buffer.set(x: x + column, y: area.y + cellRow, scalar: scalar,
                                                  style: style) }
                }
            }
            x += 4
        }
    }

    /// Five rows of three pixels (`#` on) for a character; unknown characters are blank.
    static func glyph(_ character: Character) -> [String] {
        font[character] ?? ["   ", "   ", "   ", "   ", "   "]
    }

    private static let font: [Character: [String]] = [
        "A": [" # ", "# #", "###", "# #", "# #"], "B": ["## ", "# #", "## ", "# #", "## "],
        "C": [" ##", "#  ", "#  ", "#  ", " ##"], "D": ["## ", "# #", "# #", "# #", "## "],
        "E": ["###", "#  ", "## ", "#  ", "###"], "F": ["###", "#  ", "## ", "#  ", "#  "],
        "G": [" ##", "#  ", "# #", "# #", " ##"], "H": ["# #", "# #", "###", "# #", "# #"],
        "I": ["###", " # ", " # ", " # ", "###"], "J": ["  #", "  #", "  #", "# #", " # "],
        "K": ["# #", "# #", "## ", "# #", "# #"], "L": ["#  ", "#  ", "#  ", "#  ", "###"],
        "M": ["# #", "###", "###", "# #", "# #"], "N": ["## ", "# #", "# #", "# #", "# #"],
        "O": [" # ", "# #", "# #", "# #", " # "], "P": ["## ", "# #", "## ", "#  ", "#  "],
        "Q": [" # ", "# #", "# #", "###", " ##"], "R": ["## ", "# #", "## ", "# #", "# #"],
        "S": [" ##", "#  ", " # ", "  #", "## "], "T": ["###", " # ", " # ", " # ", " # "],
        "U": ["# #", "# #", "# #", "# #", "###"], "V": ["# #", "# #", "# #", "# #", " # "],
        "W": ["# #", "# #", "###", "###", "# #"], "X": ["# #", "# #", " # ", "# #", "# #"],
        "Y": ["# #", "# #", " # ", " # ", " # "], "Z": ["###", "  #", " # ", "#  ", "###"],
        "?": ["## ", "  #", " # ", "   ", " # "], "-": ["   ", "   ", "###", "   ", "   "],
    ]
}
