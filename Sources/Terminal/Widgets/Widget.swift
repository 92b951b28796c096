/// Something that draws itself into a rectangle of a buffer.
///
/// Widgets are plain values built fresh every frame from app state; they never touch the
/// terminal and must draw only inside `area` (everything is clipped to it).
public protocol Widget {
    func render(area: Rect, into buffer: inout Buffer)
}

extension Buffer {
    /// Renders `widget` into `area` of this buffer.
    public mutating func render(_ widget: some Widget, in area: Rect) {
        widget.render(area: area.intersection(self.area), into: &self)
    }
}
