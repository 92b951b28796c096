/// How text that is wider than its area is handled.
public enum Wrapping: Hashable, Sendable {
    /// Cut at the edge, ending in an ellipsis.
    case truncate
    /// Break between words; words longer than the width are split.
    case word
    /// Break at the edge regardless of words.
    case character
}

/// Wrapping and truncation of styled lines.
public enum TextLayout {
    /// `line` laid out in rows of at most `width` columns.
    public static func wrap(
        _ line: Line, width: Int, wrapping: Wrapping, ellipsis: String = "…"
    ) -> [Line] {
        guard width > 0 else { return [] }
        if line.width <= width { return [line] }
        let glyphs = Glyph.split(line)
        switch wrapping {
        case .truncate:
            return [Glyph.join(truncated(glyphs, width: width, ellipsis: ellipsis))]
        case .character:
            return characterRows(glyphs, width: width).map(Glyph.join)
        case .word:
            return wordRows(glyphs, width: width).map(Glyph.join)
        }
    }

    /// A styled line cut to `width` columns, ending in `ellipsis` (in the style of the last kept
    /// glyph) when something was cut.
    public static func truncate(_ line: Line, width: Int, ellipsis: String = "…") -> Line {
        wrap(line, width: width, wrapping: .truncate, ellipsis: ellipsis).first ?? Line([])
    }

    private static func truncated(_ glyphs: [Glyph], width: Int, ellipsis: String) -> [Glyph] {
        let ellipsisWidth = TextWidth.of(ellipsis)
        let budget = ellipsisWidth < width ? width - ellipsisWidth : width
        var kept: [Glyph] = []
        var used = 0
        for glyph in glyphs {
            if used + glyph.width > budget { break }
            kept.append(glyph)
            used += glyph.width
        }
        if ellipsisWidth < width {
            while kept.last?.isSpace == true { kept.removeLast() }
            let style = kept.last?.style ?? glyphs.first?.style ?? .plain
            kept += ellipsis.unicodeScalars.map { Glyph(scalar: $0, style: style) }
        }
        return kept
    }

    private static func characterRows(_ glyphs: [Glyph], width: Int) -> [[Glyph]] {
        var rows: [[Glyph]] = []
        var current: [Glyph] = []
        var used = 0
        for glyph in glyphs {
            if used + glyph.width > width, !current.isEmpty {
                rows.append(current)
                current = []
                used = 0
            }
            current.append(glyph)
            used += glyph.width
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    private static func wordRows(_ glyphs: [Glyph], width: Int) -> [[Glyph]] {
        var rows: [[Glyph]] = []
        var current: [Glyph] = []
        var used = 0
        func finishRow() {
            while current.last?.isSpace == true { current.removeLast() }
            rows.append(current)
            current = []
            used = 0
        }
        for token in tokens(glyphs) {
            let tokenWidth = token.reduce(0) { $0 + $1.width }
            if token.first?.isSpace == true {
                if current.isEmpty && !rows.isEmpty { continue }
                if used + tokenWidth <= width {
                    current += token
                    used += tokenWidth
                } else {
                    finishRow()
                }
                continue
            }
            if used + tokenWidth <= width {
                current += token
                used += tokenWidth
            } else if tokenWidth <= width {
                finishRow()
                current = token
                used = tokenWidth
            } else {
                if !current.isEmpty { finishRow() }
                let pieces = characterRows(token, width: width)
                rows += pieces.dropLast()
                current = pieces.last ?? []
                used = current.reduce(0) { $0 + $1.width }
            }
        }
        if !current.isEmpty || rows.isEmpty { finishRow() }
        return rows
    }

    /// Alternating runs of spaces and non-spaces.
    private static func tokens(_ glyphs: [Glyph]) -> [[Glyph]] {
        var result: [[Glyph]] = []
        var current: [Glyph] = []
        for glyph in glyphs {
            if let last = current.last, last.isSpace != glyph.isSpace {
                result.append(current)
                current = []
            }
            current.append(glyph)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}

/// One visible scalar with its style, the unit text layout works in.
private struct Glyph {
    var scalar: Unicode.Scalar
    var style: Style
    var width: Int { TextWidth.of(scalar) }
    var isSpace: Bool { scalar == " " }

    static func split(_ line: Line) -> [Glyph] {
        line.spans.flatMap { span in
            span.text.unicodeScalars.lazy
                .filter { TextWidth.of($0) > 0 }
                .map { Glyph(scalar: $0 == "\t" ? " " : $0, style: span.style) }
        }
    }

    /// Glyphs back into spans, one span per run of equal style.
    static func join(_ glyphs: [Glyph]) -> Line {
        var spans: [Span] = []
        var text = String.UnicodeScalarView()
        var style = glyphs.first?.style ?? .plain
        for glyph in glyphs {
            if glyph.style != style {
                spans.append(Span(String(text), style: style))
                text = String.UnicodeScalarView()
                style = glyph.style
            }
            text.append(glyph.scalar)
        }
        if !text.isEmpty { spans.append(Span(String(text), style: style)) }
        return Line(spans)
    }
}
