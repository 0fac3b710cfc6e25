/// Keeps map labels from overlapping each other, the legend, the scale bar and the attribution: a greedy
/// placer over axis-aligned boxes in SVG pixels. Text sizes are estimated (DejaVu Sans: about 0.6 × the font
/// size per character), so boxes are slightly generous. Not `Sendable`: one per rendering.
final class MapLabelPlacer {
    struct Box {
        var x: Double, y: Double, width: Double, height: Double
        func overlaps(_ o: Box) -> Bool {
            x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height
        }
    }

    private(set) var taken: [Box] = []
    /// The area labels must stay inside (the map frame).
    let frame: Box

    init(frame: Box) { self.frame = frame }

    /// Marks an area as taken (legend, scale bar, a point symbol).
    func reserve(_ box: Box) { taken.append(box) }

    /// Estimated width of `text` at `fontSize` px.
    static func textWidth(_ text: String, fontSize: Double) -> Double { Double(text.count) * fontSize * 0.6 + 2 }

    /// Whether a box is free and inside the frame.
    func isFree(_ box: Box) -> Bool {
        box.x >= frame.x && box.y >= frame.y && box.x + box.width <= frame.x + frame.width
            && box.y + box.height <= frame.y + frame.height && !taken.contains { $0.overlaps(box) }
    }

    /// Places a label centred on (x, y) (text-anchor middle, baseline below the centre); `false` when it
    /// would overlap something.
    func placeCentred(_ text: String, x: Double, y: Double, fontSize: Double) -> Bool {
        let w = Self.textWidth(text, fontSize: fontSize)
        let box = Box(x: x - w / 2, y: y - fontSize, width: w, height: fontSize * 1.3)
        guard isFree(box) else { return false }
        taken.append(box)
        return true
    }

    /// Places a label beside a point symbol of radius `r`: right, left, above, then below. Returns the text
    /// position and anchor (`start`, `end`, `middle`), or `nil` when every place is taken.
    func placeBeside(_ text: String, x: Double, y: Double, r: Double, fontSize: Double) -> (x: Double, y: Double, anchor: String)? {
        let w = Self.textWidth(text, fontSize: fontSize), h = fontSize * 1.2
        let gap = r + 3
        let candidates: [(Box, Double, Double, String)] = [
            (Box(x: x + gap, y: y - h / 2, width: w, height: h), x + gap, y + fontSize * 0.35, "start"),
            (Box(x: x - gap - w, y: y - h / 2, width: w, height: h), x - gap, y + fontSize * 0.35, "end"),
            (Box(x: x - w / 2, y: y - gap - h, width: w, height: h), x, y - gap - fontSize * 0.2, "middle"),
            (Box(x: x - w / 2, y: y + gap, width: w, height: h), x, y + gap + fontSize * 0.85, "middle"),
        ]
        for (box, tx, ty, anchor) in candidates where isFree(box) {
            taken.append(box)
            return (tx, ty, anchor)
        }
        return nil
    }
}
