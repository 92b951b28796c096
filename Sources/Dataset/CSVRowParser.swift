#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses rows of `fer2013.csv` (`emotion,pixels,Usage`, any column order, extra columns
/// ignored) straight from the file's bytes into a pixel slot, without building strings.
struct CSVRowParser: Sendable {
    /// Column positions found in the header line.
    let columnCount: Int
    let emotionColumn: Int
    let pixelsColumn: Int
    /// nil when the file has no `Usage` column: every row is then `.train`.
    let usageColumn: Int?

    /// What one good row holds (the pixels go straight to the caller's slot).
    struct Row {
        var label: UInt8
        var split: Split
    }

    /// Reads the header line; throws naming the missing column.
    init(header: UnsafeBufferPointer<UInt8>, path: String) throws(DatasetError) {
        let names = Self.fields(of: header).map { range in
            String(decoding: UnsafeBufferPointer(rebasing: header[range]), as: UTF8.self).lowercased()
        }
        guard let emotion = names.firstIndex(of: "emotion"),
              let pixels = names.firstIndex(of: "pixels")
        else {
            let missing = names.contains("emotion") ? "pixels" : "emotion"
            let found = names.joined(separator: ",")
            throw .csvHeader(
                path: path, reason: "the header line '\(found.prefix(80))' has no '\(missing)' column "
                    + "(expected emotion,pixels,Usage)"
            )
        }
        columnCount = names.count
        emotionColumn = emotion
        pixelsColumn = pixels
        usageColumn = names.firstIndex(of: "usage")
    }

    /// Parses one data line; the 2304 pixels go to `pixels`. Throws a reason for the user.
    func parse(
        line: UnsafeBufferPointer<UInt8>, pixels: UnsafeMutablePointer<UInt8>
    ) throws(RowError) -> Row {
        let fields = Self.fields(of: line)
        guard fields.count == columnCount else {
            throw RowError("expected \(columnCount) columns, found \(fields.count)")
        }
        let emotionText = UnsafeBufferPointer(rebasing: line[fields[emotionColumn]])
        guard let emotion = Self.integer(emotionText),
              let label = FER2013.label(forCSVEmotion: emotion)
        else {
            throw RowError("emotion '\(Self.text(emotionText))' is not an emotion id 0...6")
        }
        try Self.parsePixels(UnsafeBufferPointer(rebasing: line[fields[pixelsColumn]]), into: pixels)
        var split = Split.train
        if let usageColumn {
            let usageText = Self.text(UnsafeBufferPointer(rebasing: line[fields[usageColumn]]))
            guard let usage = FER2013.usageSplits[usageText] else {
                throw RowError("Usage '\(usageText)' is not Training, PublicTest or PrivateTest")
            }
            split = usage
        }
        return Row(label: label, split: split)
    }

    /// A reason a row is malformed.
    struct RowError: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// Space-separated decimal bytes; exactly 48 × 48 of them. Reads number by number (the
    /// hot loop of a CSV load: 35,887 rows × 2,304 pixels).
    private static func parsePixels(
        _ text: UnsafeBufferPointer<UInt8>, into pixels: UnsafeMutablePointer<UInt8>
    ) throws(RowError) {
        let expected = FaceDataset.imageByteCount
        let end = text.count
        var position = 0
        var count = 0
        while true {
            while position < end, text[position] == 32 || text[position] == 9 { position += 1 }
            if position == end { break }
            var value = 0
            let start = position
            while position < end, text[position] &- 48 < 10 {
                value = min(value * 10 + Int(text[position] &- 48), 256)  // capped: no overflow
                position += 1
            }
            if position == start || (position < end && text[position] != 32 && text[position] != 9) {
                let byte = text[position]
                let shown = byte < 128 ? String(UnicodeScalar(byte)) : "byte \(byte)"
                throw RowError("pixel \(count + 1) is not a number 0...255 (found '\(shown)')")
            }
            guard value <= 255 else { throw RowError("pixel \(count + 1) is above 255") }
            if count < expected { pixels[count] = UInt8(truncatingIfNeeded: value) }
            count += 1
        }
        guard count == expected else {
            throw RowError("\(count) pixels, expected \(expected) (48×48)")
        }
    }

    /// Byte ranges of the comma-separated fields of `line`, each trimmed of spaces and of one
    /// pair of surrounding double quotes. A field that starts with a quote runs to its closing
    /// quote, so commas inside quotes do not split. Uses `memchr`: the pixel field is 8 KB.
    static func fields(of line: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let base = line.baseAddress else { return [0 ..< 0] }
        var ranges: [Range<Int>] = []
        var start = 0
        while true {
            var searchFrom = start
            var first = start
            while first < line.count, line[first] == 32 || line[first] == 9 { first += 1 }
            if first < line.count, line[first] == 34,
               let closing = memchr(base + first + 1, 34, line.count - first - 1)
            {
                searchFrom = UnsafeRawPointer(closing) - UnsafeRawPointer(base)
            }
            guard let comma = memchr(base + searchFrom, 44, line.count - searchFrom) else {
                ranges.append(trimmed(start ..< line.count, in: line))
                return ranges
            }
            let end = UnsafeRawPointer(comma) - UnsafeRawPointer(base)
            ranges.append(trimmed(start ..< end, in: line))
            start = end + 1
        }
    }

    private static func trimmed(_ range: Range<Int>, in line: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, line[lower] == 32 || line[lower] == 9 { lower += 1 }
        while upper > lower, line[upper - 1] == 32 || line[upper - 1] == 9 { upper -= 1 }
        if upper - lower >= 2, line[lower] == 34, line[upper - 1] == 34 {
            lower += 1
            upper -= 1
        }
        return lower ..< upper
    }

    /// A non-negative decimal integer of at most 9 digits, or nil.
    private static func integer(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !text.isEmpty, text.count <= 9 else { return nil }
        var value = 0
        for byte in text {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    /// The field as text for messages, shortened.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.count > 40 ? text.prefix(40) + "…" : text
    }
}
