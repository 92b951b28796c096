#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads the original `fer2013.csv`: one row per face (`emotion,pixels,Usage`), emotion ids in
/// the CSV's own order mapped to the standard class order of `FER2013.classNames`.
///
/// Malformed rows are fatal by default: the error names the file and the first bad line (and
/// counts the others). With `skipMalformedRows` they are skipped and listed instead.
enum CSVLoader {
    /// A bad row found by a worker.
    private struct BadRow: Sendable {
        var row: Int
        var line: Int
        var reason: String
    }

    /// Rows handed to one worker at a time.
    private static let chunkSize = 512

    static func load(
        path: String, options: LoadOptions, progress: LoadProgress?
    ) throws(DatasetError) -> LoadedData {
        let root = FileSystem.absolutePath(path + "/..")
        let fileName = String(path.split(separator: "/").last ?? Substring(path))
        let file = try MappedFile(path: path)
        return try withExtendedLifetime(file) { () throws(DatasetError) -> LoadedData in
            let text = file.bytes
            let lines = lineRanges(text)
            guard let headerRange = lines.first, !headerRange.range.isEmpty else {
                throw .csvHeader(
                    path: path, reason: "the file is empty (expected the header emotion,pixels,Usage)"
                )
            }
            let header = withoutByteOrderMark(UnsafeBufferPointer(rebasing: text[headerRange.range]))
            let parser = try CSVRowParser(header: header, path: path)
            let rows = lines.dropFirst().filter { range in
                !UnsafeBufferPointer(rebasing: text[range.range]).allSatisfy { $0 == 32 || $0 == 9 }
            }
            guard !rows.isEmpty else { throw .csvEmpty(path: path) }
            var parsed = parse(
                rows: Array(rows), text: text, parser: parser, options: options, progress: progress
            )
            let badRows = parsed.badRows.sorted { $0.line < $1.line }
            if let first = badRows.first, !options.skipMalformedRows {
                throw .csvRow(
                    path: path, line: first.line, reason: first.reason, otherBadRows: badRows.count - 1
                )
            }
            if !badRows.isEmpty { parsed.removeRows(Set(badRows.map(\.row))) }
            if parsed.labels.isEmpty, let first = badRows.first {
                throw .csvNoValidRow(path: path, rowCount: badRows.count, line: first.line, reason: first.reason)
            }
            let source = { (line: Int) in SampleSource(path: fileName, line: line) }
            let dataset = FaceDataset(
                unchecked: parsed.pixels, labels: parsed.labels, classNames: FER2013.classNames,
                splits: parsed.splits, sources: parsed.lines.map(source), root: root, layout: .fer2013CSV
            )
            let skipped = badRows.map { SkippedFile(source: source($0.line), reason: $0.reason) }
            let notes = parser.usageColumn == nil ? ["no Usage column: every row is in the train split"] : []
            return LoadedData(dataset: dataset, skipped: skipped, notes: notes)
        }
    }

    /// `header` without a leading UTF-8 byte order mark (spreadsheets add one when saving).
    private static func withoutByteOrderMark(
        _ header: UnsafeBufferPointer<UInt8>
    ) -> UnsafeBufferPointer<UInt8> {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        guard header.starts(with: mark) else { return header }
        return UnsafeBufferPointer(rebasing: header[3...])
    }

    /// One line of the file: its byte range (without the line break) and 1-based number.
    private struct Line {
        var range: Range<Int>
        var number: Int
    }

    /// Every line of `text`, found with `memchr` (the file is ~290 MB).
    private static func lineRanges(_ text: UnsafeBufferPointer<UInt8>) -> [Line] {
        guard let base = text.baseAddress else { return [] }
        var lines: [Line] = []
        var start = 0
        while start < text.count {
            let found = memchr(base + start, 10, text.count - start)
            var end = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? text.count
            let next = end + 1
            if end > start, text[end - 1] == 13 { end -= 1 }
            lines.append(Line(range: start ..< end, number: lines.count + 1))
            start = next
        }
        return lines
    }

    /// Rows parsed in parallel, in file order; bad rows keep an unspecified pixel slot.
    private struct ParsedRows {
        var pixels: [UInt8]
        var labels: [UInt8]
        var splits: [Split]
        var lines: [Int]
        var badRows: [BadRow]

        /// Drops the rows at `bad` (positions).
        mutating func removeRows(_ bad: Set<Int>) {
            PixelCompaction.removeImages(at: bad, from: &pixels)
            let kept = labels.indices.filter { !bad.contains($0) }
            labels = kept.map { labels[$0] }
            splits = kept.map { splits[$0] }
            lines = kept.map { lines[$0] }
        }
    }

    private static func parse(
        rows: [Line], text: UnsafeBufferPointer<UInt8>, parser: CSVRowParser, options: LoadOptions,
        progress: LoadProgress?
    ) -> ParsedRows {
        let count = rows.count
        let size = FaceDataset.imageByteCount
        var labels = [UInt8](repeating: 0, count: count)
        var splits = [Split](repeating: .train, count: count)
        var pixels = [UInt8](repeating: 0, count: count * size)
        let badRows = LockedCollector<BadRow>()
        let source = SharedReadOnly(buffer: text)
        pixels.withUnsafeMutableBufferPointer { pixelBuffer in
            labels.withUnsafeMutableBufferPointer { labelBuffer in
                splits.withUnsafeMutableBufferPointer { splitBuffer in
                    let pixelOutput = DisjointWrites(buffer: pixelBuffer)
                    let labelOutput = DisjointWrites(buffer: labelBuffer)
                    let splitOutput = DisjointWrites(buffer: splitBuffer)
                    ParallelWork.run(
                        itemCount: count, chunkSize: chunkSize, workerCount: options.workerCount,
                        progress: progress
                    ) { chunk in
                        var bad: [BadRow] = []
                        for row in chunk {
                            let line = UnsafeBufferPointer(rebasing: source.buffer[rows[row].range])
                            guard let base = pixelOutput.buffer.baseAddress else { return }
                            let slot = base + row * size
                            do throws(CSVRowParser.RowError) {
                                let parsed = try parser.parse(line: line, pixels: slot)
                                labelOutput.buffer[row] = parsed.label
                                splitOutput.buffer[row] = parsed.split
                            } catch {
                                bad.append(BadRow(row: row, line: rows[row].number, reason: error.reason))
                            }
                        }
                        badRows.append(contentsOf: bad)
                    }
                }
            }
        }
        return ParsedRows(
            pixels: pixels, labels: labels, splits: splits, lines: rows.map(\.number), badRows: badRows.items
        )
    }
}
