/// Keeps map labels from overlapping each other, the legend, the scale bar, the attribution and (as far as
/// room allows) the tracks: a greedy placer over axis-aligned boxes in SVG pixels, plus a grid of cells the
/// drawn track lines cross. Text sizes are estimated (DejaVu Sans: about 0.6 × the font size per character),
/// so boxes are slightly generous. Not `Sendable`: one per rendering.
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
    /// Cells (``cellPx`` square) crossed by a drawn line that labels should not hide.
    private var lineCells: Set<Int> = []
    static let cellPx = 4.0

    init(frame: Box) { self.frame = frame }

    /// Marks an area as taken (legend, scale bar, a point symbol).
    func reserve(_ box: Box) { taken.append(box) }

    /// Marks the cells a drawn polyline (SVG pixels) crosses, so labels keep off it when they can.
    func blockLine(_ points: [(x: Double, y: Double)]) {
        for (a, b) in zip(points, points.dropFirst()) {
            let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            let steps = max(1, Int((length / (Self.cellPx / 2)).rounded(.up)))
            for k in 0...steps {
                let u = Double(k) / Double(steps)
                let x = a.x + u * (b.x - a.x), y = a.y + u * (b.y - a.y)
                guard x >= frame.x, y >= frame.y, x <= frame.x + frame.width, y <= frame.y + frame.height else { continue }
                lineCells.insert(cell(x, y))
            }
        }
    }

    private func cell(_ x: Double, _ y: Double) -> Int {
        Int(((y - frame.y) / Self.cellPx).rounded(.down)) * 100_000 + Int(((x - frame.x) / Self.cellPx).rounded(.down))
    }

    /// How many blocked line cells the box covers.
    private func lineCellsCovered(_ box: Box) -> Int {
        guard !lineCells.isEmpty else { return 0 }
        var count = 0
        var y = (box.y / Self.cellPx).rounded(.down) * Self.cellPx
        while y < box.y + box.height {
            var x = (box.x / Self.cellPx).rounded(.down) * Self.cellPx
            while x < box.x + box.width {
                if lineCells.contains(cell(x + 0.01, y + 0.01)) { count += 1 }
                x += Self.cellPx
            }
            y += Self.cellPx
        }
        return count
    }

    /// Estimated width of `text` at `fontSize` px.
    static func textWidth(_ text: String, fontSize: Double) -> Double { Double(text.count) * fontSize * 0.6 + 2 }

    /// Whether a box is free and inside the frame (and, when `avoidingLines`, off the drawn tracks).
    func isFree(_ box: Box, avoidingLines: Bool = false) -> Bool {
        box.x >= frame.x && box.y >= frame.y && box.x + box.width <= frame.x + frame.width
            && box.y + box.height <= frame.y + frame.height && !taken.contains { $0.overlaps(box) }
            && !(avoidingLines && lineCellsCovered(box) > 0)
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

    /// Places a label beside a point symbol of radius `r`: right, left, above, below, then the four diagonals,
    /// near first and then a little farther out; first off the drawn tracks, then (unless `required` is false)
    /// anywhere free of other labels. Returns the text position and anchor (`start`, `end`, `middle`), or `nil`
    /// when every place is taken.
    func placeBeside(_ text: String, x: Double, y: Double, r: Double, fontSize: Double,
                     required: Bool = true) -> (x: Double, y: Double, anchor: String)? {
        let w = Self.textWidth(text, fontSize: fontSize), h = fontSize * 1.2
        var candidates: [(Box, Double, Double, String)] = []
        for gap in [r + 3, r + 3 + fontSize] {
            let d = gap * 0.75
            candidates += [
                (Box(x: x + gap, y: y - h / 2, width: w, height: h), x + gap, y + fontSize * 0.35, "start"),
                (Box(x: x - gap - w, y: y - h / 2, width: w, height: h), x - gap, y + fontSize * 0.35, "end"),
                (Box(x: x - w / 2, y: y - gap - h, width: w, height: h), x, y - gap - fontSize * 0.2, "middle"),
                (Box(x: x - w / 2, y: y + gap, width: w, height: h), x, y + gap + fontSize * 0.85, "middle"),
                (Box(x: x + d, y: y - d - h, width: w, height: h), x + d, y - d - fontSize * 0.2, "start"),
                (Box(x: x - d - w, y: y - d - h, width: w, height: h), x - d, y - d - fontSize * 0.2, "end"),
                (Box(x: x + d, y: y + d, width: w, height: h), x + d, y + d + fontSize * 0.85, "start"),
                (Box(x: x - d - w, y: y + d, width: w, height: h), x - d, y + d + fontSize * 0.85, "end"),
            ]
        }
        for (box, tx, ty, anchor) in candidates where isFree(box, avoidingLines: true) {
            taken.append(box)
            return (tx, ty, anchor)
        }
        guard required else { return nil }
        // No place off the tracks: the free place that hides the least of them.
        let free = candidates.filter { isFree($0.0) }
        guard let best = free.min(by: { lineCellsCovered($0.0) < lineCellsCovered($1.0) }) else { return nil }
        taken.append(best.0)
        return (best.1, best.2, best.3)
    }
}
