#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TestScratch

/// A detached tmux session on a private server socket, for driving the real `fer` binary:
/// `send` keys, `capture` the pane, `resize`, and `waitFor` text. The server is killed on `close`.
final class TmuxSession {
    let socket = "fer-e2e-\(UUID().uuidString.prefix(8))"
    let name = "fer"

    /// The `tmux` program, or nil when it is not installed.
    static let executable: String? = {
        let candidates = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The built `fer` binary: `$FER_BINARY`, next to the test bundle, or in `.build/debug/`.
    static let ferBinary: String? = {
        var candidates: [String] = []
        if let explicit = ProcessInfo.processInfo.environment["FER_BINARY"] { candidates.append(explicit) }
        if let testExecutable = Bundle.main.executablePath {
            let folder = (testExecutable as NSString).deletingLastPathComponent
            candidates.append((folder as NSString).appendingPathComponent("fer"))
            let parent = (folder as NSString).deletingLastPathComponent
            candidates.append((parent as NSString).appendingPathComponent("fer"))
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/fer").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var isAvailable: Bool { executable != nil && ferBinary != nil }

    /// Starts `command` (run by the shell) in a `width`×`height` window.
    init(command: String, width: Int, height: Int) throws {
        try run(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), command])
    }

    deinit {
        close()
    }

    /// Ends the server and removes its socket file (tmux leaves it behind when killed).
    func close() {
        _ = try? run(["kill-server"])
        let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(folder)/tmux-\(getuid())/\(socket)")
    }

    /// Sends tmux key names (`"q"`, `"Enter"`, `"NPage"`, `"C-c"`).
    func send(_ keys: String...) throws {
        for key in keys { try run(["send-keys", "-t", name, key]) }
    }

    /// Sends a left-button click (press, then release) at the 0-based cell (`x`, `y`) as xterm
    /// (X10) mouse reports, the form ncurses reads on `screen`/`xterm` terminals.
    func click(x: Int, y: Int) throws {
        func report(_ button: UInt8) -> String {
            "\u{1B}[M" + String(UnicodeScalar(32 + button)) + String(UnicodeScalar(UInt8(33 + x)))
                + String(UnicodeScalar(UInt8(33 + y)))
        }
        try run(["send-keys", "-t", name, "-l", report(0) + report(3)])
    }

    /// The pane's text now.
    func capture() throws -> String {
        try run(["capture-pane", "-p", "-t", name])
    }

    /// The pane's text with its colors and attributes as SGR escape sequences.
    func captureStyled() throws -> String {
        try run(["capture-pane", "-p", "-e", "-t", name])
    }

    /// A tmux format value, e.g. `#{alternate_on}` (1 while a full-screen program owns the pane).
    func value(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Polls the pane until `condition` holds (true) or `timeout` seconds pass (false).
    func waitFor(timeout: Double = 10, _ condition: (String) -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if condition(try capture()) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        return false
    }

    func waitFor(_ text: String, timeout: Double = 10) throws -> Bool {
        try waitFor(timeout: timeout) { $0.contains(text) }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs tmux with `arguments` and returns its output. Uses `posix_spawn` and `waitpid`
    /// rather than `Process`: the tmux server that the first command starts keeps the client's
    /// inherited descriptors, which makes `Process` wait for it forever.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        guard let executable = Self.executable else { throw Failure(description: "tmux is not installed") }
        let outputPath = ScratchFolder.url(socket).path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable, "-L", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The test runner's threads block signals; a child would inherit that mask (and so would
        // fer through the tmux server), and a fer with SIGWINCH blocked never hears of resizes.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw Failure(description: "cannot start tmux: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }
}
