import GeoJSON

/// Builds SVG path data (`d`) from lon/lat geometry through a ``MapView``. Positions PROJ cannot project are
/// skipped; consecutive positions landing on the same 0.1 px are merged; rings keep ≥ 3 distinct points and
/// lines ≥ 2, or are dropped.
struct SVGPath {
    private(set) var d = ""
    /// Pixel bounds of everything added.
    private(set) var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity

    /// The outline to stroke when a ring has edges along the antimeridian (``hasCutEdges``): every ring and line
    /// as in ``d``, but a ring with such edges as open runs without them. Empty while there are none.
    private(set) var strokeD = ""
    /// Whether a ring has an edge meeting the frame whose both ends lie on the antimeridian (|lon| = 180°, same
    /// sign): the cut of a polygon split at ±180° (RFC 7946), which is no border and must not be stroked.
    private(set) var hasCutEdges = false
    /// ``d`` so far without cut edges, kept so ``strokeD`` can start from it once a cut appears.
    private var plainD = ""

    var isEmpty: Bool { d.isEmpty }

    mutating func add(_ positions: [Position], closed: Bool, view: MapView) throws(MapError) {
        var points: [(Double, Double)] = []
        // The antimeridian side of each point (+1 at 180°, −1 at −180°, 0 elsewhere).
        var sides: [Int] = []
        var last: (Double, Double)?
        for p in positions {
            guard let px = view.pixel(p.coordinate) else { continue }
            let r = ((px.x * 10).rounded() / 10, (px.y * 10).rounded() / 10)
            if let l = last, l == r { continue }
            points.append(r)
            sides.append(abs(p.coordinate.lon) == 180 ? (p.coordinate.lon > 0 ? 1 : -1) : 0)
            last = r
        }
        if closed, points.count > 1, points.first! == points.last! { points.removeLast(); sides.removeLast() }
        guard points.count >= (closed ? 3 : 2) else { return }
        var s = ""
        for (i, p) in points.enumerated() {
            s += (i == 0 ? "M" : "L") + (try SVGText.number(p.0)) + " " + (try SVGText.number(p.1))
            minX = min(minX, p.0); maxX = max(maxX, p.0)
            minY = min(minY, p.1); maxY = max(maxY, p.1)
        }
        if closed { s += "Z" }
        d += s
        // Edge i runs from point i to point i + 1 (the last edge closes the ring).
        let n = points.count
        // Only cut edges that meet the frame count: one far outside (Chukotka on a map of Europe) is clipped
        // anyway, and the path stays as it was.
        let cut: [Bool] = closed ? (0..<n).map { i -> Bool in
            let a = points[i], b = points[(i + 1) % n]
            return sides[i] != 0 && sides[i] == sides[(i + 1) % n]
                && view.meets(minX: min(a.0, b.0), minY: min(a.1, b.1), maxX: max(a.0, b.0), maxY: max(a.1, b.1), margin: 10)
        } : []
        guard cut.contains(true) else {
            if hasCutEdges { strokeD += s } else { plainD += s }
            return
        }
        if !hasCutEdges { hasCutEdges = true; strokeD = plainD; plainD = "" }
        // Runs of uncut edges, starting after a cut edge so no run wraps around the ring's start.
        let start = (cut.lastIndex(of: true)! + 1) % n
        var run: [(Double, Double)] = [points[start]]
        func flush() throws(MapError) {
            if run.count >= 2 {
                for (i, p) in run.enumerated() {
                    strokeD += (i == 0 ? "M" : "L") + (try SVGText.number(p.0)) + " " + (try SVGText.number(p.1))
                }
            }
        }
        for k in 0..<n {
            let i = (start + k) % n
            if cut[i] {
                try flush()
                run = [points[(i + 1) % n]]
            } else {
                run.append(points[(i + 1) % n])
            }
        }
        try flush()
    }

    /// The rings/lines of a geometry (points are not paths; see ``MapRenderer``).
    mutating func add(_ g: GeoJSONGeometry, view: MapView) throws(MapError) {
        switch g {
        case .point, .multiPoint: break
        case .lineString(let ps): try add(ps, closed: false, view: view)
        case .multiLineString(let lines): for l in lines { try add(l, closed: false, view: view) }
        case .polygon(let rings): for r in rings { try add(r, closed: true, view: view) }
        case .multiPolygon(let polys): for rings in polys { for r in rings { try add(r, closed: true, view: view) } }
        case .geometryCollection(let members): for m in members { try add(m, view: view) }
        }
    }
}
