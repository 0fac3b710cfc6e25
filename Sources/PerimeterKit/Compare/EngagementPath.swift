import GeometryCore

/// Positions along a track between its fixes, with the model `IncursionFinder` uses: the track
/// moves along the WGS84 geodesic between consecutive fixes, time linear in distance.
extension Track {
    /// The position at `time` (epoch seconds UTC), lon/lat degrees WGS84; clamped to the first
    /// and last fix outside the track's time span. `nil` for a track without fixes.
    public func position(at time: Double, geodesic: Geodesic = .wgs84) -> Coordinate? {
        guard let first = fixes.first, let last = fixes.last else { return nil }
        if time <= first.time { return first.position }
        if time >= last.time { return last.position }
        // The last fix at or before `time`.
        var lo = 0, hi = fixes.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if fixes[mid].time <= time { lo = mid } else { hi = mid }
        }
        let a = fixes[lo], b = fixes[hi]
        if time == a.time { return a.position }
        let inv = geodesic.inverse(a.position, b.position)
        let fraction = (time - a.time) / (b.time - a.time)
        return geodesic.direct(from: a.position, azimuth: inv.azimuth1, distance: inv.distance * fraction).coordinate
    }

    /// The path flown from `start` to `end` (epoch seconds UTC, `start ≤ end`): the position at
    /// `start`, every fix strictly between, and the position at `end`; lon/lat degrees WGS84.
    /// Vertices are joined by straight lon/lat edges in GeoJSON, as in the `incursions` layer.
    public func path(from start: Double, to end: Double, geodesic: Geodesic = .wgs84) -> [Coordinate] {
        guard let p0 = position(at: start, geodesic: geodesic), let p1 = position(at: end, geodesic: geodesic) else { return [] }
        var out = [p0]
        for f in fixes where f.time > start && f.time < end { out.append(f.position) }
        out.append(p1)
        return out
    }
}
