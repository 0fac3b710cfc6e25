import Foundation
import GeoJSON
import GeometryCore

/// The map CRS chosen for the data when the user names none: EPSG:3035 (LAEA Europe) when the data lie within
/// its area of use, else a Lambert azimuthal equal-area projection centred on the data, so a map of Alaska or
/// anywhere else is drawn north up and true to area rather than upside down at the edge of LAEA Europe.
public enum MapCRSChoice {
    /// LAEA Europe, the CRS of every map whose data lie in Europe.
    public static let europe = "EPSG:3035"

    /// EPSG:3035's published area of use (EPSG dataset: BBOX[24.6, -35.58, 84.73, 44.83]).
    static let europeWest = -35.58, europeSouth = 24.6, europeEast = 44.83, europeNorth = 84.73

    /// The centre's rounding step, degrees (so a CRS string stays short and stable).
    static let centreStep = 0.5

    /// The CRS for a map of `layers`: the positions ``MapExtent`` would fit (the non-basemap layers that fit the
    /// extent, else every layer), or the outline of `bbox` when given.
    public static func crs(for layers: [MapLayer], bbox: BoundingBox? = nil) -> String {
        crs(forPositions: positions(layers, bbox: bbox))
    }

    /// ``europe`` when every position lies within its area of use (or there is none), else
    /// `+proj=laea +lat_0=… +lon_0=… +datum=WGS84` centred on the normalised mean of the positions' 3-D unit
    /// vectors (correct across ±180° and near the poles), rounded to 0.5°.
    public static func crs(forPositions positions: [Coordinate]) -> String {
        let finite = positions.filter { $0.isFinite && abs($0.lat) <= 90 }
        guard !finite.isEmpty else { return europe }
        if finite.allSatisfy({ $0.lon >= europeWest && $0.lon <= europeEast && $0.lat >= europeSouth && $0.lat <= europeNorth }) {
            return europe
        }
        var x = 0.0, y = 0.0, z = 0.0
        for c in finite {
            let lat = c.lat * .pi / 180, lon = c.lon * .pi / 180
            x += cos(lat) * cos(lon); y += cos(lat) * sin(lon); z += sin(lat)
        }
        let horizontal = (x * x + y * y).squareRoot()
        var lat0 = atan2(z, horizontal) * 180 / .pi
        // Positions spread evenly around a pole (or the globe) have no meaningful mean longitude.
        var lon0 = horizontal < 1e-9 * Double(finite.count) ? 0 : atan2(y, x) * 180 / .pi
        if x * x + y * y + z * z < 1e-18 { lat0 = 0; lon0 = 0 }
        func rounded(_ v: Double) -> Double { (v / centreStep).rounded() * centreStep }
        lat0 = min(90, max(-90, rounded(lat0)))
        lon0 = rounded(lon0)
        if lon0 <= -180 { lon0 += 360 }
        if lon0 > 180 { lon0 -= 360 }
        return "+proj=laea +lat_0=\(text(lat0)) +lon_0=\(text(lon0)) +datum=WGS84 +units=m +no_defs"
    }

    private static func text(_ v: Double) -> String {
        let v = v == 0 ? 0 : v  // no "-0"
        return v == v.rounded() ? String(Int(v)) : String(v)
    }

    private static func positions(_ layers: [MapLayer], bbox: BoundingBox?) -> [Coordinate] {
        if let bbox {
            var out: [Coordinate] = []
            let n = 8
            for i in 0...n {
                let t = Double(i) / Double(n)
                let lon = bbox.west + (bbox.east - bbox.west) * t, lat = bbox.south + (bbox.north - bbox.south) * t
                out += [Coordinate(lon: lon, lat: bbox.south), Coordinate(lon: lon, lat: bbox.north),
                        Coordinate(lon: bbox.west, lat: lat), Coordinate(lon: bbox.east, lat: lat)]
            }
            return out
        }
        return MapExtent.dataLayers(layers).flatMap { layer in
            layer.collection.features.flatMap { ($0.geometry?.allPositions ?? []).map(\.coordinate) }
        }
    }
}
