import GeometryCore

/// How far beyond the forward line a coverage sees: at stations every `spacingM` along the line, the
/// geodesic distance from the line, outwards (away from the protected region), over which the coverage is
/// continuous. A station the coverage misses sees 0 beyond the line there.
///
/// The outward direction is the geodesic normal to the line at the station (its direction taken over ±`tangentM`
/// along the line, so sub-km wiggles of a 1:1M border do not turn the ray along the line), on the side where a probe 1 km
/// away lies outside the region. Along it, points every `stepM` (WGS84 `geod_direct`; an uncovered notch narrower
/// than the step between two covered points is not seen) are tested against the
/// coverage and against the region (prepared point-in-polygon); the first one not covered, or back inside the
/// region where the line bends, is refined by bisection to 10 m. The depth is the
/// exact geodesic distance from the last covered point to the forward line (a ray leaving a bend obliquely is not
/// counted at its length).
public struct DetectionDepth: Sendable {
    /// Depth per station, metres, in line order (stations whose side could not be told are left out).
    public var depthsM: [Double]
    public var spacingM: Double

    public var minM: Double { depthsM.min() ?? 0 }
    public var maxM: Double { depthsM.max() ?? 0 }
    public var medianM: Double {
        let s = depthsM.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    /// Share of stations that see beyond the line at all, percent.
    public var seeingSharePct: Double { depthsM.isEmpty ? 0 : 100 * Double(depthsM.filter { $0 > 0 }.count) / Double(depthsM.count) }

    /// Measures `coverage` (lon/lat polygons) beyond `line`, outwards from `region`; rays end at `maxM`.
    public static func measure(line: DefenseLine, region: PreparedGeometry, coverage: Geometry, maxM: Double, projection: LocalProjection,
                               spacingM: Double = 2000, stepM: Double = 2000, tangentM: Double = 10_000) throws -> DetectionDepth {
        let g = Geodesic.wgs84
        let covered = try coverage.prepared()
        let toLine = try GeodesicPolylineDistance(lines: line.parts, projection: projection)
        var depths: [Double] = []
        for part in line.parts where part.count > 1 {
            let stations = PolylineStations(part)
            for s in stations.stations(every: spacingM) {
                let ahead = stations.position(at: min(stations.lengthM, s.distanceM + tangentM))
                let behind = stations.position(at: max(0, s.distanceM - tangentM))
                let azimuth = g.inverse(behind, ahead).azimuth1
                let left = g.direct(from: s.coordinate, azimuth: azimuth - 90, distance: 1000).coordinate
                let right = g.direct(from: s.coordinate, azimuth: azimuth + 90, distance: 1000).coordinate
                let (inLeft, inRight) = (try region.contains(left), try region.contains(right))
                guard inLeft != inRight else { continue }
                let outward = inLeft ? azimuth + 90 : azimuth - 90
                guard try covered.contains(s.coordinate) else { depths.append(0); continue }
                // Seen beyond the line: covered and outside the region (a ray re-entering the region at a bend stops).
                func sees(_ d: Double) throws -> Bool {
                    let c = g.direct(from: s.coordinate, azimuth: outward, distance: d).coordinate
                    return try covered.contains(c) && !region.contains(c)
                }
                var inside = 0.0, outside = maxM
                var d = stepM
                while d <= maxM {
                    if try !sees(d) { outside = d; break }
                    inside = d
                    d += stepM
                }
                if outside < maxM || inside < maxM {
                    while outside - inside > 10 {
                        let mid = (inside + outside) / 2
                        if try sees(mid) { inside = mid } else { outside = mid }
                    }
                }
                // How far beyond the line, not along the ray: the last covered point's distance to the line.
                let last = g.direct(from: s.coordinate, azimuth: outward, distance: inside).coordinate
                depths.append(inside > 0 ? (try toLine.nearest(to: last)?.distanceM ?? inside) : 0)
            }
        }
        return DetectionDepth(depthsM: depths, spacingM: spacingM)
    }
}
