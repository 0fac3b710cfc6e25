import GeoJSON

/// Labels for the main countries of a basemap: a feature with a `name` (or `NAME`, `name_en`, `iso2`) property
/// is labelled when its largest polygon covers at least `minShare` of the view. The label sits at the
/// area-weighted centroid of that polygon's exterior ring (in pixels); when that falls outside the view,
/// at the centre of the polygon's pixel box clipped to the view.
enum CountryLabels {
    static func name(_ p: JSONObject) -> String? {
        for key in ["name", "NAME", "name_en", "iso2", "ISO2"] {
            if let s = p[key]?.stringValue, !s.isEmpty { return s }
        }
        return nil
    }

    /// The label point (pixels) and the polygon's share of the view, or `nil`.
    static func anchor(_ g: GeoJSONGeometry, view: MapView) -> (x: Double, y: Double, share: Double)? {
        let polygons: [[[Position]]]
        switch g {
        case .polygon(let r): polygons = [r]
        case .multiPolygon(let p): polygons = p
        default: return nil
        }
        var best: (area: Double, cx: Double, cy: Double, box: (Double, Double, Double, Double))?
        for rings in polygons {
            guard let exterior = rings.first else { continue }
            let pts = exterior.compactMap { view.pixel($0.coordinate) }
            guard pts.count >= 3 else { continue }
            var a2 = 0.0, cx = 0.0, cy = 0.0
            for i in 0..<pts.count {
                let p = pts[i], q = pts[(i + 1) % pts.count]
                let cross = p.x * q.y - q.x * p.y
                a2 += cross
                cx += (p.x + q.x) * cross
                cy += (p.y + q.y) * cross
            }
            let area = abs(a2) / 2
            guard area > 0, a2 != 0 else { continue }
            let box = (pts.map(\.x).min()!, pts.map(\.y).min()!, pts.map(\.x).max()!, pts.map(\.y).max()!)
            if area > (best?.area ?? 0) { best = (area, cx / (3 * a2), cy / (3 * a2), box) }
        }
        guard let best else { return nil }
        let share = best.area / (view.width * view.height)
        if view.contains(x: best.cx, y: best.cy) { return (best.cx, best.cy, share) }
        let x0 = max(best.box.0, view.left), y0 = max(best.box.1, view.top)
        let x1 = min(best.box.2, view.left + view.width), y1 = min(best.box.3, view.top + view.height)
        guard x0 < x1, y0 < y1 else { return nil }
        return ((x0 + x1) / 2, (y0 + y1) / 2, share)
    }

    static func svg(_ basemaps: [MapLayer], view: MapView, minShare: Double = 0.004) throws(MapError) -> String {
        var s = "<g id=\"labels\" font-size=\"13\" fill=\"#5a5a5a\" text-anchor=\"middle\" font-style=\"italic\">"
        for layer in basemaps {
            for f in layer.collection.features {
                guard let name = name(f.properties), let g = f.geometry, let a = anchor(g, view: view), a.share >= minShare else { continue }
                s += "<text x=\"\(try SVGText.number(a.x))\" y=\"\(try SVGText.number(a.y))\" data-name=\"\(SVGText.escaped(name))\">\(SVGText.escaped(name))</text>"
            }
        }
        return s + "</g>\n"
    }
}
