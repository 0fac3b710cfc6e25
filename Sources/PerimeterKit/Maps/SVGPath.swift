import GeoJSON

/// Builds SVG path data (`d`) from lon/lat geometry through a ``MapView``. Positions PROJ cannot project are
/// skipped; consecutive positions landing on the same 0.1 px are merged; rings keep ≥ 3 distinct points and
/// lines ≥ 2, or are dropped.
struct SVGPath {
    private(set) var d = ""
    /// Pixel bounds of everything added.
    private(set) var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity

    var isEmpty: Bool { d.isEmpty }

    mutating func add(_ positions: [Position], closed: Bool, view: MapView) throws(MapError) {
        var points: [(Double, Double)] = []
        var last: (Double, Double)?
        for p in positions {
            guard let px = view.pixel(p.coordinate) else { continue }
            let r = ((px.x * 10).rounded() / 10, (px.y * 10).rounded() / 10)
            if let l = last, l == r { continue }
            points.append(r)
            last = r
        }
        if closed, points.count > 1, points.first! == points.last! { points.removeLast() }
        guard points.count >= (closed ? 3 : 2) else { return }
        var s = ""
        for (i, p) in points.enumerated() {
            s += (i == 0 ? "M" : "L") + (try SVGText.number(p.0)) + " " + (try SVGText.number(p.1))
            minX = min(minX, p.0); maxX = max(maxX, p.0)
            minY = min(minY, p.1); maxY = max(maxY, p.1)
        }
        if closed { s += "Z" }
        d += s
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
