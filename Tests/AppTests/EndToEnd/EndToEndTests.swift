import Dataset
import Foundation
import Live
import Testing
import Vision

/// The real `fer` binary in a detached tmux session: keys in, pane text out. Builds nothing:
/// run `swift build` first (the tests are skipped when tmux or the binary is missing).
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux and a built fer binary (swift build)"))
struct TmuxEndToEndTests {
    /// Writes `perClass` 48×48 PNG faces for each class name into `folder`/<class>/.
    private func writeFaces(in folder: TemporaryFolder, classes: [String], perClass: Int) throws {
        for (label, name) in classes.enumerated() {
            for index in 0..<perClass {
                let pixels = SyntheticFaces.image(shape: label, seed: UInt64(index + 1))
                let image = try Vision.GrayImage(width: 48, height: 48, pixels: pixels)
                try image.write(to: try folder.file("faces/\(name)/face\(index).png"))
            }
        }
    }

    /// The shell command that runs fer with a clean environment, then prints its exit status.
    /// `TERM` names what tmux emulates, so keys such as Home arrive as the sequences ncurses expects.
    private func command(_ arguments: String, home: String, term: String = "screen-256color") -> String {
        let binary = TmuxSession.ferBinary ?? "fer"
        return "env -i HOME=\(home) PATH=/usr/bin:/bin TERM=\(term) LANG=C.UTF-8 "
            + "XDG_CACHE_HOME=\(home)/cache "
            + "FER_ASSETS=\(home)/no-assets \(binary) \(arguments); echo FER-EXIT=$?; sleep 60"
    }

    /// Waits for `text` in the pane; on failure the pane is attached to the issue.
    private func expectPane(_ tmux: TmuxSession, _ text: String, _ comment: Comment? = nil,
                            timeout: Double = 10,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try expectPane(tmux, timeout: timeout, comment ?? "pane shows \"\(text)\"",
                       sourceLocation: sourceLocation) {
            $0.contains(text)
        }
    }

    private func expectPane(_ tmux: TmuxSession, timeout: Double = 10, _ comment: Comment,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation,
                            _ condition: (String) -> Bool) throws {
        if try tmux.waitFor(timeout: timeout, condition) { return }
        Issue.record(Comment(rawValue: "\(comment.rawValue); the pane shows:\n\(try tmux.capture())"),
                     sourceLocation: sourceLocation)
    }

    @Test(arguments: ["browse --data /nonexistent/faces", "checkpoints --runs /etc/hostname"])
    func aScreenThatFailedExitsNonZeroAndSaysWhyOnce(arguments: String) throws {
        let folder = try TemporaryFolder()
        let tmux = try TmuxSession(command: command(arguments, home: folder.path), width: 100, height: 30)
        defer { tmux.close() }
        try expectPane(tmux, "Cannot", "the failure is shown on the screen")
        try tmux.send("q")
        try expectPane(tmux, "FER-EXIT=1", "fer \(arguments) exits non-zero after its failure")
        let after = try tmux.capture()
        #expect(after.components(separatedBy: "Error: ").count == 2, "the error is printed once:\n\(after)")
    }

    @Test func aClickSelectsAHomeItemAndASecondClickOpensIt() throws {
        let folder = try TemporaryFolder()
        let tmux = try TmuxSession(command: command("", home: folder.path), width: 100, height: 30)
        defer { tmux.close() }
        try expectPane(tmux, "Facial expression recognition")
        let lines = try tmux.capture().components(separatedBy: "\n")
        let row = try #require(lines.firstIndex { $0.contains("Checkpoints  runs") }, "the menu shows Checkpoints")
        let column = try #require(lines[row].range(of: "Checkpoints")).lowerBound.utf16Offset(in: lines[row])
        try tmux.click(x: column, y: row)
        try expectPane(tmux, "Same as fer checkpoints", "a click selects the item")
        try tmux.click(x: column, y: row)
        try expectPane(tmux, "fer ▶ Checkpoints", "a second click opens it")
        try tmux.send("q")
        try tmux.send("q")
        try expectPane(tmux, "FER-EXIT=0")
    }

    @Test(arguments: ["linux", "xterm", "screen"])
    func eightColorTerminalsShowEveryCharacter(term: String) throws {
        let folder = try TemporaryFolder()
        let tmux = try TmuxSession(command: command("", home: folder.path, term: term), width: 100, height: 30)
        defer { tmux.close() }
        try expectPane(tmux, "Facial expression recognition", "the home screen should open on TERM=\(term)")
        let hidden = SGRScan.charactersInTheirBackgroundColor(try tmux.captureStyled())
        #expect(hidden.isEmpty, "drawn in the color they stand on with TERM=\(term): \(String(hidden.prefix(40)))")
        try tmux.send("q")
        try expectPane(tmux, "FER-EXIT=0")
    }

    @Test func browserPagesFiltersZoomsAndQuits() throws {
        let folder = try TemporaryFolder()
        try writeFaces(in: folder, classes: ["happy", "sad", "surprise"], perClass: 8)
        let tmux = try TmuxSession(command: command("browse --data \(folder.path)/faces --no-model",
                                                    home: folder.path),
                                   width: 100, height: 30)
        defer { tmux.close() }
        try expectPane(tmux, "24 faces · all classes", "the browser should open on the faces")
        #expect(try tmux.value("#{alternate_on}") == "1")
        try expectPane(tmux, "page 1/2")

        try tmux.send("NPage")
        try expectPane(tmux, "page 2/2", "PgDn shows the next page")
        try tmux.send("2")
        try expectPane(tmux, "sad · 8 shown", "2 filters the second class")
        try tmux.send("Home", "Enter")
        try expectPane(tmux, "sad — face 1 of 8", "Enter zooms the selected face")
        try tmux.send("Right")
        try expectPane(tmux, "sad — face 2 of 8")

        try tmux.send("q")
        try expectPane(tmux, "Face 2 of 8", "q leaves the zoom first")
        try tmux.send("q")
        try expectPane(tmux, "FER-EXIT=0", "q quits with status 0")
        #expect(try tmux.value("#{alternate_on}") == "0", "the terminal is restored")
        #expect(try tmux.value("#{cursor_flag}") == "1", "the cursor is visible again")
        #expect(!(try tmux.capture()).contains("Browse"), "nothing of the UI is left on the shell screen")
    }

    @Test func liveShowsTheFrameTheFaceAndTheBarsThenTheSummary() throws {
        let folder = try TemporaryFolder()
        let model = try folder.file("model.safetensors"), clip = try folder.file("clip.avi")
        try TestCheckpoints.write(to: model)
        let photo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Assets/astronaut.png").path
        try DemoClip(frameCount: 40).write(to: clip, photoPath: photo)
        let arguments = "live --source \(clip) --model \(model)"
        let tmux = try TmuxSession(command: command(arguments, home: folder.path), width: 120, height: 40)
        defer { tmux.close() }
        try expectPane(tmux, timeout: 20, "the frame, the face box with its label and the bars") { pane in
            pane.contains("1 face") && pane.contains("surprise") && pane.contains("%") && pane.contains("FPS")
                && pane.contains("┌")
        }
        #expect(try tmux.value("#{alternate_on}") == "1")
        try expectPane(tmux, "End of", "the end of the file shows a summary", timeout: 20)
        try expectPane(tmux, "40 frames, a face in", "the summary counts every frame")
        try tmux.send("q")
        try expectPane(tmux, "FER-EXIT=0", "q quits with status 0")
        #expect(try tmux.value("#{alternate_on}") == "0", "the terminal is restored")
    }

    @Test func trainingFillsChartsAndTableSurvivesResizeAndQuits() throws {
        let folder = try TemporaryFolder()
        try writeFaces(in: folder, classes: ["square", "disc", "cross"], perClass: 10)
        let arguments = "train --data \(folder.path)/faces --seed-recipe --epochs 6 -k 3 --batch-size 8 "
            + "--runs \(folder.path)/runs --run-name e2e"
        let tmux = try TmuxSession(command: command(arguments, home: folder.path), width: 120, height: 40)
        defer { tmux.close() }
        try expectPane(tmux, "e2e · training", "the dashboard opens", timeout: 30)
        try expectPane(tmux, "Epoch 1/6", "the first epoch reaches the log", timeout: 30)
        try tmux.send("p")
        try expectPane(tmux, "PAUSED", "p pauses at the next batch")
        let paused = try tmux.capture()
        #expect(paused.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) },
                "braille chart lines")
        #expect(paused.contains("Loss — fold") && paused.contains("Accuracy — fold"))
        #expect(paused.contains("paused") && paused.contains("waiting"), "fold table rows")
        #expect(paused.contains("BLAS"))

        try tmux.resize(width: 90, height: 30)
        try expectPane(tmux, timeout: 10, "the layout follows the new size (no side column at 90 columns)") {
            !$0.contains("BLAS") && $0.split(separator: "\n").allSatisfy { $0.count <= 90 }
        }
        try tmux.send("p")
        try expectPane(tmux, "e2e · finished", "the run finishes", timeout: 120)
        try expectPane(tmux, "mean ± std over 3 folds", "the fold table is complete")

        try tmux.send("q")
        try expectPane(tmux, "FER-EXIT=0")
        #expect(try tmux.value("#{alternate_on}") == "0", "the terminal is restored")
        #expect(FileManager.default.fileExists(atPath: "\(folder.path)/runs/e2e/summary.json"))
        #expect(FileManager.default.fileExists(atPath: "\(folder.path)/runs/e2e/fold-3/best.safetensors"))
    }
}
