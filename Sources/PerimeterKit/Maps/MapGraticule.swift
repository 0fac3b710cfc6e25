import GeoJSON
import GeometryCore

/// Meridians and parallels over the view, every 1°, 2°, 5° or 10° depending on the span of the view
/// (≤ 6°, ≤ 24°, ≤ 60°, more)
/// (lon/lat degrees, found by inverting the frame's outline). Lines are densified (1/10 of the step)
/// before projection so that they curve as the projection does.
enum MapGraticule {
    static func step(forSpan span: Double) -> Double {
        span <= 6 ? 1 : span <= 24 ? 2 : span <= 60 ? 5 : 10
    }

    static func svg(view: MapView) throws(MapError) -> String {
        var lons: [Double] = [], lats: [Double] = []
        let n = 40
        for i in 0...n {
            let t = Double(i) / Double(n)
            for (x, y) in [(view.left + view.width * t, view.top), (view.left + view.width * t, view.top + view.height),
                           (view.left, view.top + view.height * t), (view.left + view.width, view.top + view.height * t)] {
                if let c = view.lonLat(x: x, y: y) { lons.append(c.lon); lats.append(c.lat) }
            }
        }
        guard let lon0 = lons.min(), let lon1 = lons.max(), let lat0 = lats.min(), let lat1 = lats.max() else { return "" }
        let step = Self.step(forSpan: max(lon1 - lon0, lat1 - lat0))
        let south = max(-89.5, lat0 - step), north = min(89.5, lat1 + step)
        var path = SVGPath()
        var lon = (lon0 / step).rounded(.down) * step
        while lon <= lon1 + step {
            let points = stride(from: south, through: north, by: step / 10).map { Position(lon: lon, lat: $0) }
            try path.add(points, closed: false, view: view)
            lon += step
        }
        var lat = max(-80, (south / step).rounded(.down) * step)
        while lat <= north {
            let points = stride(from: lon0 - step, through: lon1 + step, by: step / 10).map { Position(lon: $0, lat: lat) }
            try path.add(points, closed: false, view: view)
            lat += step
        }
        return "<g id=\"graticule\" data-step-degrees=\"\(Int(step))\" fill=\"none\" stroke=\"#6f8fa8\" stroke-width=\"0.6\" stroke-opacity=\"0.7\">"
            + "<path d=\"\(path.d)\"/></g>\n"
    }
}
