extension PixelRect {
    /// Area shared with `other`, over the smaller box's area: 1 when one box lies inside the
    /// other, whatever their sizes (which intersection-over-union would not say).
    public func overlapOfSmaller(with other: PixelRect) -> Double {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(x + width, other.x + other.width), bottom = min(y + height, other.y + other.height)
        let overlap = max(0, right - left) * max(0, bottom - top)
        let smaller = min(area, other.area)
        return smaller > 0 ? Double(overlap) / Double(smaller) : 0
    }

    /// Non-maximum suppression for face boxes: largest first, a box is dropped when it
    /// overlaps a kept one by more than `threshold` of the smaller box (two boxes on one face,
    /// or a face box around another's chin). Returns the kept boxes, largest first.
    public static func suppressingOverlaps(_ boxes: [PixelRect], threshold: Double = 0.5) -> [PixelRect] {
        var kept: [PixelRect] = []
        for box in boxes.sorted(by: { $0.area > $1.area })
        where !kept.contains(where: { $0.overlapOfSmaller(with: box) > threshold }) {
            kept.append(box)
        }
        return kept
    }
}
