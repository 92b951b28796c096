import Testing
@testable import Terminal

@Suite struct BrailleCanvasTests {
    @Test func dotBitsFollowTheBrailleNumbering() {
        // Dots 1,2,3 down the left column, 4,5,6 down the right, 7 and 8 on the bottom row.
        let expected: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
        for row in 0..<4 {
            for column in 0..<2 {
                #expect(BrailleCanvas.bit(dotX: column, dotY: row) == expected[row][column])
            }
        }
    }

    @Test func dotsLandInTheirCells() {
        var canvas = BrailleCanvas(columns: 2, rows: 2)
        canvas.setDot(x: 0, y: 0)
        canvas.setDot(x: 3, y: 7)
        canvas.setDot(x: 4, y: 0)
        canvas.setDot(x: -1, y: 2)
        #expect(canvas.pattern(column: 0, row: 0) == 0x01)
        #expect(canvas.pattern(column: 1, row: 1) == 0x80)
        #expect(canvas.glyph(column: 0, row: 0, unicode: true) == "⠁")
        #expect(canvas.glyph(column: 1, row: 1, unicode: true) == "⢀")
        #expect(canvas.glyph(column: 1, row: 0, unicode: true) == nil)
    }

    @Test func linesAreContinuous() {
        var canvas = BrailleCanvas(columns: 4, rows: 2)
        canvas.drawLine(fromX: 0, fromY: 7, toX: 7, toY: 0)
        // A diagonal across 8×8 dots sets one dot per dot row, filling a full-block staircase.
        var total = 0
        for row in 0..<2 {
            for column in 0..<4 { total += canvas.pattern(column: column, row: row).nonzeroBitCount }
        }
        #expect(total == 8)
        #expect(canvas.pattern(column: 0, row: 1) & 0x40 != 0)
        #expect(canvas.pattern(column: 3, row: 0) & 0x08 != 0)
        var vertical = BrailleCanvas(columns: 1, rows: 1)
        vertical.drawLine(fromX: 1, fromY: 0, toX: 1, toY: 3)
        #expect(vertical.pattern(column: 0, row: 0) == 0x08 | 0x10 | 0x20 | 0x80)
    }

    @Test func dashedLinesSkipDotsAndKeepTheirRhythm() {
        var canvas = BrailleCanvas(columns: 8, rows: 1)
        var phase = 0
        // 4 on, 4 off: dots 0–3 and 8–11 of a 16-dot line made of two segments meeting at x = 5.
        canvas.drawLine(fromX: 0, fromY: 0, toX: 5, toY: 0, color: .default, dashPattern: 0x0F, phase: &phase)
        canvas.drawLine(
            fromX: 5, fromY: 0, toX: 15, toY: 0, color: .default, dashPattern: 0x0F, phase: &phase
        )
        let lit = (0..<16).filter { x in
            canvas.pattern(column: x / 2, row: 0) & BrailleCanvas.bit(dotX: x, dotY: 0) != 0
        }
        #expect(lit == [0, 1, 2, 3, 8, 9, 10, 11])
    }

    @Test func monochromeSeriesDifferByDashesInLineAndLegend() {
        let mono = Theme(capabilities: Capabilities(colorMode: .monochrome, unicode: true))
        let flat = [ChartSeries(name: "a", values: [1, 1]), ChartSeries(name: "b", values: [0, 0])]
        let lines = rendered(LineChart(series: flat, theme: mono), size: Size(width: 30, height: 8)).lines
        #expect(lines[0].hasPrefix("━ a  ╍ b"))
        let solidRow = lines[1].dropFirst(5)
        let dashedRow = lines[4].dropFirst(5)
        #expect(!solidRow.contains(" "))
        #expect(dashedRow.contains(" "))
    }

    @Test func asciiStrokesFollowTheDotRows() {
        #expect(BrailleCanvas.asciiStroke(0x01 | 0x08) == "'")
        #expect(BrailleCanvas.asciiStroke(0x02 | 0x04) == "-")
        #expect(BrailleCanvas.asciiStroke(0x40 | 0x80) == ".")
        #expect(BrailleCanvas.asciiStroke(0x01 | 0x02 | 0x04 | 0x40) == "|")
    }
}

@Suite struct LineChartTests {
    let theme = Theme(capabilities: .standard)

    @Test func dotMapperPutsExtremesOnTheEdges() {
        let mapper = DotMapper(xRange: 1...25, yRange: 0...1, dotWidth: 100, dotHeight: 40)
        #expect(mapper.dot(for: ChartPoint(x: 1, y: 1))! == (0, 0))
        #expect(mapper.dot(for: ChartPoint(x: 25, y: 0))! == (99, 39))
        #expect(mapper.dot(for: ChartPoint(x: 13, y: 0.5))! == (50, 20))
        // Outside a fixed range: pinned to the edge. Not finite: no dot.
        #expect(mapper.dot(for: ChartPoint(x: 30, y: 2))! == (99, 0))
        #expect(mapper.dot(for: ChartPoint(x: .nan, y: 0)) == nil)
    }

    @Test func rangesScaleToDataAndWidenFlatData() {
        let chart = LineChart(series: Fixtures.lossSeries, theme: theme)
        let ranges = chart.resolvedRanges()
        #expect(ranges.x == 1...25)
        #expect(ranges.y.lowerBound == Fixtures.trainLoss.min())
        #expect(ranges.y.upperBound == Fixtures.trainLoss.max())
        let flat = LineChart(series: [ChartSeries(name: "flat", values: [0.5, 0.5])], theme: theme)
        #expect(flat.resolvedRanges().y == 0.45...0.55)
        let empty = LineChart(series: [], yRange: 0...1, theme: theme)
        #expect(empty.resolvedRanges().y == 0...1)
    }

    @Test func bestPointIsMarkedAtTheMinimum() {
        let series = ChartSeries(name: "val", values: [0.9, 0.5, 0.7, 0.5], best: .minimum)
        #expect(series.bestPoint == ChartPoint(x: 2, y: 0.5))
        let accuracy = ChartSeries(name: "acc", values: [0.1, .nan, 0.8, 0.6], best: .maximum)
        #expect(accuracy.bestPoint == ChartPoint(x: 3, y: 0.8))

        let chart = LineChart(series: [series], theme: theme)
        let buffer = rendered(chart, size: Size(width: 40, height: 12))
        let text = screenText(buffer)
        #expect(text.contains("val ●0.500@2"))
        // The marker sits in the plot at epoch 2 on the bottom plot row (the minimum).
        let plotRows = buffer.lines.enumerated().dropFirst()
        let markerRows = plotRows.filter { $0.element.contains("●") }.map(\.offset)
        #expect(markerRows == [9])
    }

    @Test func axisLabelsShowRangeAndXTitle() {
        let chart = LineChart(series: [ChartSeries(name: "acc", values: [0.2, 0.4, 0.9])],
                              yFormat: .percent(decimals: 0), xTitle: "epoch", theme: theme)
        let lines = rendered(chart, size: Size(width: 60, height: 14)).lines
        #expect(lines[1].hasPrefix("90%┤"))
        #expect(lines[11].hasPrefix("20%┤"))
        #expect(lines[12].hasPrefix("   └───"))
        #expect(lines[13].hasPrefix("    1"))
        #expect(lines[13].hasSuffix("epoch 3"))
    }

    @Test func nonFiniteValuesBreakTheLine() {
        let gap = ChartSeries(name: "gap", values: [1, 1, .nan, 1, 1])
        let chart = LineChart(series: [gap], yRange: 0...2, showLegend: false, theme: theme)
        let buffer = rendered(chart, size: Size(width: 25, height: 3))
        // One row of dots at y = 1 with a hole around x = 3.
        let middle = buffer.lines[1]
        #expect(middle.contains("⠤"))
        #expect(middle.contains(" "))
    }
}
