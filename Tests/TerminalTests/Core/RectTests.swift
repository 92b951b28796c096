import Testing
@testable import Terminal

@Suite struct RectTests {
    @Test func insetClampsInsteadOfGoingNegative() {
        let rect = Rect(x: 2, y: 3, width: 10, height: 4)
        #expect(rect.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 2))
        #expect(rect.inset(by: 3).height == 0)
        #expect(rect.inset(horizontal: 20, vertical: 0).width == 0)
        #expect(Rect(x: 0, y: 0, width: -5, height: 2).width == 0)
    }

    @Test func intersectionAndContains() {
        let first = Rect(x: 0, y: 0, width: 10, height: 10)
        let second = Rect(x: 5, y: 8, width: 10, height: 10)
        #expect(first.intersection(second) == Rect(x: 5, y: 8, width: 5, height: 2))
        #expect(first.intersection(Rect(x: 20, y: 20, width: 2, height: 2)).isEmpty)
        #expect(first.contains(x: 9, y: 9))
        #expect(!first.contains(x: 10, y: 9))
    }

    @Test func rowsSplitFixedAndFillParts() {
        let area = Rect(x: 0, y: 1, width: 80, height: 24)
        let parts = area.rows([.length(1), .fill(1), .length(3)])
        #expect(parts.map(\.height) == [1, 20, 3])
        #expect(parts.map(\.y) == [1, 2, 22])
    }

    @Test func columnsShareFillByWeightAndMinimums() {
        let area = Rect(x: 0, y: 0, width: 100, height: 5)
        #expect(area.columns([.fill(1), .fill(3)]).map(\.width) == [25, 75])
        #expect(area.columns([.percentage(30), .min(10), .fill(1)]).map(\.width) == [30, 40, 30])
        #expect(area.columns([.ratio(1, 3), .fill(1)]).map(\.width) == [33, 67])
        let spaced = area.columns([.fill(1), .fill(1)], spacing: 2)
        #expect(spaced.map(\.width) == [49, 49])
        #expect(spaced[1].x == 51)
    }

    @Test func splitCutsLaterPartsWhenSpaceRunsOut() {
        let area = Rect(x: 0, y: 0, width: 10, height: 5)
        #expect(area.rows([.length(3), .length(3), .fill(1)]).map(\.height) == [3, 2, 0])
        #expect(area.columns([]).isEmpty)
    }

    @Test func centeredAndEdgeSplits() {
        let area = Rect(x: 0, y: 0, width: 80, height: 24)
        #expect(area.centered(width: 20, height: 4) == Rect(x: 30, y: 10, width: 20, height: 4))
        #expect(area.centered(width: 200, height: 4).width == 80)
        let (rest, bottom) = area.splitBottom(1)
        #expect(rest.height == 23 && bottom.y == 23 && bottom.height == 1)
        let (left, right) = area.splitLeft(30)
        #expect(left.width == 30 && right.x == 30 && right.width == 50)
    }
}
