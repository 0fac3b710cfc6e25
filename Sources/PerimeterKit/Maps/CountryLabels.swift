import GeoJSON
import GeometryCore

/// Labels for the main countries of a basemap: a feature with a `name` (or `NAME`, `name_en`, `iso2`) property
/// is labelled when its largest visible part covers at least `minShare` of the view; one label per
/// name (an exclave shipped as a feature of its own, like `RU-KGD`, is not labelled twice).
enum CountryLabels {
    static func name(_ p: JSONObject) -> String? {
        for key in ["name", "NAME", "name_en", "iso2", "ISO2"] {
            if let s = p[key]?.stringValue, !s.isEmpty { return s }
        }
        return nil
    }

    /// The label point (pixels) and the share of the view the country's visible part covers, or
    /// `nil` when nothing of it is visible. The country is projected to pixels, clipped to the
    /// view, and labelled at the centre of the largest circle inside its largest visible part
    /// (GEOS maximum inscribed circle), so the label sits well inside the country even when
    /// only a corner of it is on the map.
    /// `avoid` (the legend's box) is taken out of the part before the circle is sought.
    static func anchor(_ g: GeoJSONGeometry, view: MapView, avoid: [MapLabelPlacer.Box] = []) -> (x: Double, y: Double, share: Double, radius: Double)? {
        let polygons: [[[Position]]]
        switch g {
        case .polygon(let r): polygons = [r]
        case .multiPolygon(let p): polygons = p
        default: return nil
        }
        let context = GEOSContext()
        let viewBounds = Bounds(minX: view.left, minY: view.top, maxX: view.left + view.width, maxY: view.top + view.height)
        var best: (area: Double, part: Geometry)?
        for rings in polygons {
            let pixelRings = rings.map { ring in ring.compactMap { view.pixel($0.coordinate) }.map { Coordinate(x: $0.x, y: $0.y) } }
            guard let shell = pixelRings.first, shell.count >= 4, shell.first == shell.last,
                  let polygon = try? Geometry.polygon(
                    shell: shell, holes: pixelRings.dropFirst().filter { $0.count >= 4 && $0.first == $0.last },
                    context: context),
                  let visible = try? polygon.makeValid().clip(to: viewBounds),
                  let parts = try? visible.polygonRings.isEmpty ? [] : visible.geometries
            else { continue }
            for part in (parts.isEmpty ? [visible] : parts) {
                guard let area = try? part.area, area > (best?.area ?? 0) else { continue }
                best = (area, part)
            }
        }
        guard let best else { return nil }
        var free = best.part
        for b in avoid {
            let corners = [Coordinate(x: b.x, y: b.y), Coordinate(x: b.x + b.width, y: b.y), Coordinate(x: b.x + b.width, y: b.y + b.height),
                           Coordinate(x: b.x, y: b.y + b.height), Coordinate(x: b.x, y: b.y)]
            if let box = try? Geometry.polygon(shell: corners, context: context), let rest = try? free.difference(box),
               let area = try? rest.area, area > 0 {
                free = rest
            }
        }
        guard let circle = try? free.maximumInscribedCircle(tolerance: 1) else { return nil }
        return (circle.center.x, circle.center.y, best.area / (view.width * view.height), circle.radius)
    }

    /// The labels, largest visible country first; each is placed through `placer` at its anchor or nudged up
    /// to 32 px up or down, and left out when it would still overlap another label, the legend or the scale bar.
    /// Features whose `layer` is `land`, `lake` or `river` are never labelled.
    static func svg(_ basemaps: [MapLayer], view: MapView, placer: MapLabelPlacer, avoid: [MapLabelPlacer.Box] = [],
                    minShare: Double = 0.004) throws(MapError) -> String {
        let fontSize = 13.0
        var s = "<g id=\"labels\" font-size=\"\(Int(fontSize))\" fill=\"#5a5a5a\" text-anchor=\"middle\" font-style=\"italic\">"
        var candidates: [(key: String, name: String, x: Double, y: Double, share: Double, radius: Double)] = []
        for layer in basemaps {
            for f in layer.collection.features {
                if let tag = f.properties["layer"]?.stringValue, ["land", "lake", "river"].contains(tag) { continue }
                let key = f.properties["iso2"]?.stringValue ?? name(f.properties) ?? ""
                guard let name = name(f.properties), let g = f.geometry, let a = anchor(g, view: view, avoid: avoid), a.share >= minShare else { continue }
                candidates.append((key, name, a.x, a.y, a.share, a.radius))
            }
        }
        var labelled: Set<String> = []
        for c in candidates.enumerated().sorted(by: { $0.element.share != $1.element.share ? $0.element.share > $1.element.share : $0.offset < $1.offset }).map(\.element) {
            // One try per country: its largest visible feature (an exclave never stands in for it).
            guard labelled.insert(c.key).inserted else { continue }
            // At the anchor, nudged up or down, else (a country whose centre the legend covers) elsewhere in its
            // inscribed circle.
            var offsets: [(Double, Double)] = [(0, 0), (0, -16), (0, 16), (0, -32), (0, 32)]
            for k in [0.45, 0.75] {
                let d = k * c.radius, e = d * 0.7071
                offsets += [(-d, 0), (d, 0), (0, d), (0, -d), (-e, e), (e, e), (-e, -e), (e, -e)]
            }
            guard let (dx, dy) = offsets.first(where: { placer.placeCentred(c.name, x: c.x + $0.0, y: c.y + $0.1 + fontSize / 2, fontSize: fontSize) })
            else { continue }
            s += "<text x=\"\(try SVGText.number(c.x + dx))\" y=\"\(try SVGText.number(c.y + dy + fontSize / 2))\" data-name=\"\(SVGText.escaped(c.name))\">\(SVGText.escaped(c.name))</text>"
        }
        return s + "</g>\n"
    }
}
