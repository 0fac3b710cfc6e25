import Foundation
import GeoJSON
import GeometryCore

/// Distances a scenario's figures need beyond the incursion engine: a track's closest approach to
/// a point, and a point's distance to GeoData borders. Both are geodesic (WGS84).
enum ScenarioMeasures {
    /// The smallest geodesic distance (metres) from `point` to the track, its time and where.
    /// Segments are straight in lon/lat (as the incursion engine reads them), sampled every
    /// ≤ 100 m, and the best sample refined by golden-section search on its two neighbouring pieces.
    static func closestApproach(_ track: Track, to point: Coordinate) -> (metres: Double, time: Double, at: Coordinate)? {
        guard let first = track.fixes.first else { return nil }
        let g = Geodesic.wgs84
        var best = (metres: g.distance(first.position, point), time: first.time, at: first.position)
        for (a, b) in zip(track.fixes, track.fixes.dropFirst()) {
            let length = g.distance(a.position, b.position)
            let n = max(1, Int((length / 100).rounded(.up)))
            func at(_ t: Double) -> Coordinate {
                Coordinate(lon: a.position.lon + t * (b.position.lon - a.position.lon), lat: a.position.lat + t * (b.position.lat - a.position.lat))
            }
            var bestK = 0, bestD = Double.infinity
            for k in 0...n {
                let d = g.distance(at(Double(k) / Double(n)), point)
                if d < bestD { bestD = d; bestK = k }
            }
            var lo = max(0, Double(bestK - 1) / Double(n)), hi = min(1, Double(bestK + 1) / Double(n))
            let phi = (5.0.squareRoot() - 1) / 2
            for _ in 0..<40 {
                let m1 = hi - phi * (hi - lo), m2 = lo + phi * (hi - lo)
                if g.distance(at(m1), point) < g.distance(at(m2), point) { hi = m2 } else { lo = m1 }
            }
            let t = (lo + hi) / 2
            let d = min(bestD, g.distance(at(t), point))
            if d < best.metres {
                let tt = d == bestD ? Double(bestK) / Double(n) : t
                best = (d, a.time + tt * (b.time - a.time), at(tt))
            }
        }
        return best
    }

    /// Lines of `borders.geojson` by pair (`PL-BY`; `BY-PL` finds it too).
    static func borderLines(geodata: String) throws -> [String: [[Coordinate]]] {
        let file = GeoDataLocator.file("borders.geojson", in: geodata)
        let fc = try GeoJSONReader.read(contentsOf: file)
        var out: [String: [[Coordinate]]] = [:]
        for f in fc.features {
            guard let pair = f.properties["pair"]?.stringValue else { continue }
            var lines: [[Coordinate]] = []
            switch f.geometry {
            case .lineString(let ps)?: lines = [ps.map(\.coordinate)]
            case .multiLineString(let ls)?: lines = ls.map { $0.map(\.coordinate) }
            default: continue
            }
            out[pair] = lines
            let parts = pair.split(separator: "-", maxSplits: 1).map(String.init)
            if parts.count == 2 { out["\(parts[1])-\(parts[0])"] = lines }
        }
        return out
    }

    /// Geodesic distance (metres) from `point` to the nearest of `lines`: measured in an azimuthal
    /// equidistant projection centred exactly on the point, where distances from the centre are
    /// geodesic distances (edges between the lines' vertices are straight there, which departs from
    /// the geodesic edge by metres for DCW's short edges).
    static func distance(from point: Coordinate, to lines: [[Coordinate]]) throws -> Double {
        let projection = try LocalProjection(covering: [point])
        let context = GEOSContext()
        let origin = try Geometry.point(Coordinate(x: 0, y: 0), context: context)
        var best = Double.infinity
        for line in lines where line.count >= 2 {
            let g = try Geometry.lineString(try projection.forward(line), context: context)
            best = min(best, try origin.distance(to: g))
        }
        return best
    }
}
