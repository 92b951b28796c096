import Testing
@testable import Terminal

@Suite struct BarTests {
    let theme = Theme(capabilities: .standard)
    let ascii = Theme(capabilities: .plain)

    @Test func barsUseEighthsForSubCellPrecision() {
        var buffer = Buffer(width: 4, height: 2)
        BarPainter.draw(fraction: 0.53, x: 0, y: 0, width: 4, style: .plain, track: nil,
                        symbols: .unicode, into: &buffer)
        // 0.53 × 4 cells × 8 = 17 eighths: two full cells and one eighth.
        #expect(buffer.lines[0] == "██▏ ")
        BarPainter.draw(fraction: 0.53, x: 0, y: 1, width: 4, style: .plain, track: (".", .plain),
                        symbols: .ascii, into: &buffer)
        #expect(buffer.lines[1] == "##..")
    }

    @Test func probabilityBarsHighlightTheTopClass() {
        let bars = ProbabilityBars(labels: ["sad", "happy"], probabilities: [0.25, 0.75], theme: theme)
        #expect(bars.topIndex == 1)
        let buffer = rendered(bars, size: Size(width: 30, height: 2))
        #expect(buffer.lines == ["  sad   ████             25.0%", "▶ happy ████████████     75.0%"])
        #expect(buffer.cell(x: 2, y: 1)?.style.foreground == theme.accent)
        #expect(buffer.cell(x: 2, y: 0)?.style.bold == false)
    }

    @Test func probabilityBarsShowTheLikeliestWhenShort() {
        let bars = ProbabilityBars(
            labels: Fixtures.classes, probabilities: Fixtures.probabilities, theme: ascii
        )
        let buffer = rendered(bars, size: Size(width: 40, height: 2))
        #expect(buffer.lines[0].hasPrefix("> happy"))
        #expect(buffer.lines[1].hasPrefix("  surprise"))
        // Bad input (NaN, out of range, count mismatch) is clamped instead of trapping.
        let odd = ProbabilityBars(labels: ["a", "b", "c"], probabilities: [.nan, 7], theme: ascii)
        #expect(odd.topIndex == 1)
        #expect(rendered(odd, size: Size(width: 20, height: 3)).lines[1].hasSuffix("100.0%"))
    }

    @Test func barChartScalesToTheLargestValue() {
        let items = [BarChart.Item(label: "angry", value: 50), BarChart.Item(label: "happy", value: 100)]
        let chart = BarChart(items: items, theme: ascii)
        #expect(rendered(chart, size: Size(width: 20, height: 2)).lines == [
            "angry #####       50", "happy ########## 100",
        ])
    }

    @Test func sparklineLevelsSpanTheRange() {
        #expect(Sparkline.levels(for: [0, 1, 2, 3], range: nil, levels: 8) == [0, 2, 5, 7])
        #expect(Sparkline.levels(for: [5, 5], range: nil, levels: 8) == [4, 4])
        #expect(Sparkline.levels(for: [.nan, 10], range: 0...5, levels: 8) == [nil, 7])
        let spark = Sparkline(values: [1, 2, 3, 4, 5, 6, 7, 8, 9], theme: theme)
        // Only the last five values fit.
        #expect(rendered(spark, size: Size(width: 5, height: 1)).lines == ["▁▃▅▆█"])
    }

    @Test func progressBarDropsExtrasWhenNarrow() {
        let bar = ProgressBar(label: "Fold 1", fraction: 0.5, detail: "epoch 3/6", rate: "812 img/s",
                              remainingSeconds: 125, theme: ascii)
        let wide = rendered(bar, size: Size(width: 64, height: 1)).lines[0]
        #expect(wide.hasSuffix("50.0%  epoch 3/6  812 img/s  ETA 2:05"))
        let narrow = rendered(bar, size: Size(width: 30, height: 1)).lines[0]
        #expect(narrow == "Fold 1 ####... 50.0%  ETA 2:05")
        let tiny = rendered(bar, size: Size(width: 12, height: 1)).lines[0]
        #expect(tiny == "Fold 1 ###..")
    }

    @Test func confusionMatrixShowsRowPercentagesAndCounts() {
        let counts = [[8, 2], [1, 3]]
        let percent = ConfusionMatrixView(counts: counts, labels: ["a", "b"], theme: ascii)
        let lines = rendered(percent, size: Size(width: 30, height: 3)).lines
        #expect(lines[1].hasPrefix("a        80  20"))
        #expect(lines[2].hasPrefix("b        25  75"))
        let raw = ConfusionMatrixView(counts: counts, labels: ["a", "b"], mode: .counts, theme: ascii)
        #expect(rendered(raw, size: Size(width: 30, height: 3)).lines[1].hasPrefix("a        8  2"))
        // Ragged input reads missing cells as zero; an empty row shows dashes.
        let ragged = ConfusionMatrixView(counts: [[5]], labels: ["a", "b"], theme: ascii)
        let raggedLines = rendered(ragged, size: Size(width: 30, height: 3)).lines
        #expect(raggedLines[1].hasPrefix("a        100    0"))
        #expect(raggedLines[2].hasPrefix("b          -    -"))
    }

    @Test func confusionMatrixIntensityFollowsValues() {
        let theme = Theme(capabilities: .truecolor)
        let view = ConfusionMatrixView(counts: [[9, 1], [5, 5]], labels: ["a", "b"], theme: theme)
        let buffer = rendered(view, size: Size(width: 30, height: 3))
        let strong = buffer.cell(x: 8, y: 1)!.style
        let weak = buffer.cell(x: 12, y: 1)!.style
        #expect(strong.bold && !weak.bold)
        #expect(strong.background != weak.background)
    }
}
