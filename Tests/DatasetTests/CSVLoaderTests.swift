import Testing
@testable import Dataset

@Suite struct CSVLoaderTests {
    /// One row per CSV emotion id 0...6, usages cycling through the three splits.
    static func goodRows() -> [(emotion: Int, pixels: [UInt8], usage: String)] {
        let usages = ["Training", "PublicTest", "PrivateTest"]
        return (0 ..< 7).map { emotion in
            (emotion, TestImages.shape(emotion, variant: emotion), usages[emotion % 3])
        }
    }

    static func text(_ rows: [(emotion: Int, pixels: [UInt8], usage: String)]) -> String {
        let lines = rows.map { csvRow(emotion: "\($0.emotion)", pixels: $0.pixels, usage: $0.usage) }
        return (["emotion,pixels,Usage"] + lines).joined(separator: "\n") + "\n"
    }

    @Test func loadsRowsWithLabelsInStandardOrder() throws {
        let folder = try TemporaryFolder()
        let rows = Self.goodRows()
        try folder.write(Self.text(rows), to: "fer2013.csv")

        let result = try DatasetLoader.load("\(folder.path)/fer2013.csv", options: folder.cache)
        let dataset = result.dataset

        #expect(dataset.layout == .fer2013CSV)
        #expect(dataset.classNames == ["angry", "disgust", "fear", "happy", "neutral", "sad", "surprise"])
        // CSV ids: 0 angry 1 disgust 2 fear 3 happy 4 sad 5 surprise 6 neutral.
        let names = (0 ..< 7).map { dataset.classNames[Int(dataset.labels[$0])] }
        #expect(names == ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"])
        #expect(dataset.splits == [
            .train, .publicTest, .privateTest, .train, .publicTest, .privateTest, .train,
        ])
        #expect(dataset.sources.map(\.description) == (2 ... 8).map { "fer2013.csv:\($0)" })
        for (index, row) in rows.enumerated() {
            #expect(Array(dataset.image(at: index)) == row.pixels)
        }
        #expect(dataset.heldOutIndices == [1, 2, 4, 5])
    }

    @Test func acceptsOtherColumnOrderQuotesCRLFAndBlankLines() throws {
        let folder = try TemporaryFolder()
        let pixels = TestImages.shape(3, variant: 1)
        let joined = pixels.map(String.init).joined(separator: " ")
        // The icml_face_data.csv variant: spaces after commas, Usage before pixels.
        let text = "emotion, Usage, pixels\r\n3, Training, \"\(joined)\"\r\n\r\n6,PrivateTest,\(joined)\r\n\n"
        try folder.write(text, to: "icml_face_data.csv")

        // A folder whose only CSV is this file is detected as that CSV.
        let result = try DatasetLoader.load(folder.path, options: folder.cache)

        #expect(result.dataset.count == 2)
        #expect(result.dataset.labels == [3, 4])
        #expect(result.dataset.splits == [.train, .privateTest])
        #expect(result.dataset.sources.map(\.line) == [2, 4])
        #expect(Array(result.dataset.image(at: 0)) == pixels)
    }

    @Test func pixelsMayHaveLeadingZerosAndExtraSpaces() throws {
        let folder = try TemporaryFolder()
        var pixels = TestImages.shape(2, variant: 4)
        pixels[0] = 7
        pixels[1] = 255
        var fields = pixels.map(String.init)
        fields[0] = "00007"
        fields[1] = "0255"
        let spaced = fields.joined(separator: "  \t")
        try folder.write("emotion,pixels,Usage\n2,  \(spaced)  ,Training\n", to: "data.csv")

        let dataset = try DatasetLoader.load("\(folder.path)/data.csv", options: folder.cache).dataset

        #expect(Array(dataset.image(at: 0)) == pixels)
    }

    @Test func withoutUsageColumnEveryRowIsTraining() throws {
        let folder = try TemporaryFolder()
        let pixels = TestImages.shape(0, variant: 0)
        let text = pixels.map(String.init).joined(separator: " ")
        try folder.write("emotion,pixels\n0,\(text)\n", to: "train.csv")

        let result = try DatasetLoader.load("\(folder.path)/train.csv", options: folder.cache)

        #expect(result.dataset.splits == [.train])
        #expect(result.report.notes == ["no Usage column: every row is in the train split"])
    }

    @Test(arguments: [
        ("5,1 2 3,Training", "3 pixels, expected 2304 (48×48)"),
        ("5,PIXELS_WITH_LETTER,Training", "pixel 7 is not a number 0...255 (found 'x')"),
        ("7,PIXELS,Training", "emotion '7' is not an emotion id 0...6"),
        ("happy,PIXELS,Training", "emotion 'happy' is not an emotion id 0...6"),
        ("5,PIXELS_WITH_256,Training", "pixel 3 is above 255"),
        ("5,PIXELS_WITH_1234,Training", "pixel 3 is above 255"),
        ("5,PIXELS_WITH_MINUS,Training", "pixel 3 is not a number 0...255 (found '-')"),
        ("5,PIXELS", "expected 3 columns, found 2"),
        ("5,PIXELS,Validation", "Usage 'Validation' is not Training, PublicTest or PrivateTest"),
    ])
    func malformedRowIsAnErrorNamingFileAndLine(row: String, reason: String) throws {
        let folder = try TemporaryFolder()
        var pixels = TestImages.shape(1, variant: 2).map(String.init)
        let good = pixels.joined(separator: " ")
        pixels[6] = "1x"
        let withLetter = pixels.joined(separator: " ")
        pixels[6] = "7"
        pixels[2] = "256"
        let with256 = pixels.joined(separator: " ")
        pixels[2] = "1234"
        let with1234 = pixels.joined(separator: " ")
        pixels[2] = "-3"
        let withMinus = pixels.joined(separator: " ")
        let badRow = row.replacingOccurrences(of: "PIXELS_WITH_LETTER", with: withLetter)
            .replacingOccurrences(of: "PIXELS_WITH_256", with: with256)
            .replacingOccurrences(of: "PIXELS_WITH_1234", with: with1234)
            .replacingOccurrences(of: "PIXELS_WITH_MINUS", with: withMinus)
            .replacingOccurrences(of: "PIXELS", with: good)
        let text = "emotion,pixels,Usage\n0,\(good),Training\n\(badRow)\n3,\(good),Training\n"
        try folder.write(text, to: "data.csv")
        let path = "\(folder.path)/data.csv"

        let error = caughtError { try DatasetLoader.load(path, options: folder.cache) }

        #expect(error == .csvRow(path: path, line: 3, reason: reason, otherBadRows: 0))
        #expect(error?.description.hasPrefix("\(path):3: ") == true)
        #expect(error?.description.hasSuffix("Pass --skip-malformed-rows to skip malformed rows.") == true,
                "a single bad row also says how to go on")
    }

    @Test func strictErrorNamesFirstBadLineAndCountsTheRest() throws {
        let folder = try TemporaryFolder()
        let good = TestImages.shape(1, variant: 2).map(String.init).joined(separator: " ")
        let rows = ["0,\(good),Training", "9,\(good),Training", "1,\(good),Training", "2,1 2,Training"]
        try folder.write((["emotion,pixels,Usage"] + rows).joined(separator: "\n"), to: "data.csv")

        let error = caughtError { try DatasetLoader.load("\(folder.path)/data.csv", options: folder.cache) }

        guard case let .csvRow(_, line, _, others) = error else {
            Issue.record("expected a CSV row error, got \(String(describing: error))")
            return
        }
        #expect(line == 3)
        #expect(others == 1)
        #expect(error?.description.contains("1 more malformed rows follow; pass --skip-malformed-rows") == true)
    }

    @Test func lenientModeSkipsAndReportsMalformedRows() throws {
        let folder = try TemporaryFolder()
        let good = TestImages.shape(1, variant: 2)
        let goodText = good.map(String.init).joined(separator: " ")
        let rows = [
            "0,\(goodText),Training", "9,\(goodText),Training", "3,\(goodText),PublicTest", "2,1 2,Training",
        ]
        try folder.write((["emotion,pixels,Usage"] + rows).joined(separator: "\n"), to: "data.csv")
        var options = folder.cache
        options.skipMalformedRows = true

        let result = try DatasetLoader.load("\(folder.path)/data.csv", options: options)

        #expect(result.dataset.count == 2)
        #expect(result.dataset.labels == [0, 3])
        #expect(result.dataset.sources.map(\.line) == [2, 4])
        #expect(Array(result.dataset.image(at: 1)) == good)
        #expect(result.report.skipped.map(\.description) == [
            "data.csv:3: emotion '9' is not an emotion id 0...6",
            "data.csv:5: 2 pixels, expected 2304 (48×48)",
        ])
    }

    @Test func byteOrderMarkBeforeTheHeaderIsIgnored() throws {
        let folder = try TemporaryFolder()
        try folder.write("\u{FEFF}" + Self.text(Self.goodRows()), to: "fer2013.csv")

        #expect(try DatasetLoader.load(folder.path, options: folder.cache).dataset.count == 7)
    }

    @Test func lenientModeWithNoValidRowIsAnError() throws {
        let folder = try TemporaryFolder()
        try folder.write("emotion,pixels,Usage\n0,1 2,Training\n8,1,Training\n", to: "data.csv")
        var options = folder.cache
        options.skipMalformedRows = true

        let error = caughtError { try DatasetLoader.load("\(folder.path)/data.csv", options: options) }

        #expect(error?.description.hasSuffix("data.csv: none of its 2 rows is valid (line 2: 2 pixels, expected 2304 (48×48)).") == true)
        #expect(error?.description.contains("--skip-malformed-rows") == false)
    }

    @Test func headerProblemsAreErrors() throws {
        let folder = try TemporaryFolder()
        let good = TestImages.shape(1, variant: 2).map(String.init).joined(separator: " ")
        try folder.write("label,pixels\n0,\(good)\n", to: "nolabel.csv")
        try folder.write("0,\(good),Training\n", to: "noheader.csv")
        try folder.write("emotion,pixels,Usage\n\n", to: "norows.csv")
        try folder.write("", to: "empty.csv")

        let load = { (name: String) in
            caughtError { try DatasetLoader.load("\(folder.path)/\(name)", options: folder.cache) }
        }
        let noLabel = load("nolabel.csv")
        let expected = "nolabel.csv:1: the header line 'label,pixels' has no 'emotion'"
        #expect(noLabel?.description.contains(expected) == true)
        let noHeader = load("noheader.csv")
        #expect(noHeader?.description.contains("noheader.csv:1:") == true)
        let noRows = load("norows.csv")
        #expect(noRows == .csvEmpty(path: "\(folder.path)/norows.csv"))
        let empty = load("empty.csv")
        #expect(empty?.description.contains("the file is empty") == true)
    }

    @Test func folderHoldingFer2013CSVIsDetected() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.text(Self.goodRows()), to: "fer2013.csv")
        try folder.write("other", to: "example_submission.csv")

        #expect(try DatasetLoader.detectLayout(of: folder.path) == .fer2013CSV)
        #expect(try DatasetLoader.load(folder.path, options: folder.cache).dataset.count == 7)
    }
}
