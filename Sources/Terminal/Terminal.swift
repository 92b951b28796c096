// The Terminal layer of fer: everything on screen is built here, with no knowledge of training or
// vision.
//
// - Core: `Rect` + `Constraint` layout, `Color`/`Style`/`Cell`, `Buffer` (flat cell grid with
//   `lines`, `styledLines(adaptedTo:)` and `diff(from:)`), `Span`/`Line` text, formatting helpers.
// - Capabilities: detection from the environment (`Capabilities.detect`), color down-conversion
//   (`adapt`), Unicode/ASCII glyphs (`Symbols`) and the shared `Theme`.
// - Widgets: plain values implementing `Widget.render(area:into:)`, built fresh each frame.
// - Input: `Key`.
// - Backends: `TerminalBackend` with `CursesBackend` (the real terminal, diffed drawing) and
//   `TestBackend` (in memory), so every screen can be tested without a terminal.
// - Snapshot: `Snapshot.verify` compares a rendered buffer with a text file next to the tests.
//
// A frame: `backend.drawFrame { area, buffer in ... widget.render(area: part, into: &buffer) }`,
// then `backend.pollKey(timeout: .milliseconds(30))`; on `.resize` just draw again.
