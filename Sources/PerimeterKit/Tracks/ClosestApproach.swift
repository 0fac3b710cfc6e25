import GeometryCore

/// How near a track came to an airspace it never entered: the least geodesic distance from the
/// track (fixes and the geodesics between them) to the airspace's boundary.
public struct ClosestApproach: Sendable, Hashable {
    /// Least distance in metres (geodesic, WGS84).
    public var distanceM: Double
    /// When it was reached, epoch seconds UTC (time linear in distance between fixes).
    public var time: Double
    /// Where the track was then, lon/lat degrees.
    public var point: Coordinate
    /// The nearest point of the airspace's boundary, lon/lat degrees.
    public var boundaryPoint: Coordinate
}

extension IncursionFinder {
    /// Distance found to within this many metres plus `closestApproachRelativeTolerance` of it.
    static let closestApproachToleranceM = 1.0
    static let closestApproachRelativeTolerance = 1e-4
    /// Most distance evaluations spent on one track (a track running parallel to the border for
    /// hundreds of kilometres needs many); beyond, the nearest point found so far is kept.
    static let maxClosestApproachEvaluations = 20_000

    /// The closest approach of `track` to the boundary, by branch and bound along the track: the
    /// distance to the boundary is 1-Lipschitz in the position, so between two stations A and B
    /// (path length L apart) it is at least (d(A) + d(B) − L) / 2; stretches whose bound is below the
    /// best found so far are split (at the middle fix, then at the middle of a segment) until none
    /// could hold a point nearer by more than the tolerance.
    public func closestApproach(of track: Track) -> ClosestApproach? {
        let fixes = track.fixes
        guard !fixes.isEmpty else { return nil }
        // Path length (m) from the first fix to each fix.
        var cumulative = [0.0]
        cumulative.reserveCapacity(fixes.count)
        for s in 0..<(fixes.count - 1) {
            cumulative.append(cumulative[s] + segmentLength(fixes[s].position, fixes[s + 1].position))
        }
        struct Station { var segment: Int; var u: Double; var along: Double; var d: Double; var nearest: Coordinate; var position: Coordinate }
        var evaluations = 0
        func station(_ s: Int, _ u: Double) -> Station {
            let p = position(fixes, s, u)
            let n = depth.nearestAnywhere(index.frame.map(p))
            evaluations += 1
            let along = s + 1 < cumulative.count ? cumulative[s] + u * (cumulative[s + 1] - cumulative[s]) : cumulative[s]
            return Station(segment: s, u: u, along: along, d: n.distance, nearest: n.point, position: p)
        }
        let first = station(0, 0)
        var best = first
        var stack: [(Station, Station)] = []
        if fixes.count > 1 {
            let last = station(fixes.count - 1, 0)
            if last.d < best.d { best = last }
            stack.append((first, last))
        }
        while let (a, b) = stack.popLast() {
            let bound = 0.5 * (a.d + b.d - (b.along - a.along))
            let tolerance = Self.closestApproachToleranceM + Self.closestApproachRelativeTolerance * best.d
            if bound >= best.d - tolerance || evaluations >= Self.maxClosestApproachEvaluations { continue }
            let m: Station
            if b.segment - a.segment >= 2 || (b.segment - a.segment == 1 && b.u > 0) {
                let lo = a.segment + 1, hi = b.u > 0 ? b.segment : b.segment - 1  // the fixes strictly between
                m = station((lo + hi) / 2, 0)
            } else {
                let bu = b.segment == a.segment ? b.u : 1
                if bu - a.u < 1e-12 { continue }
                m = station(a.segment, 0.5 * (a.u + bu))
            }
            if m.d < best.d { best = m }
            stack.append((a, m))
            stack.append((m, b))
        }
        let t = best.segment + 1 < fixes.count
            ? fixes[best.segment].time + best.u * (fixes[best.segment + 1].time - fixes[best.segment].time)
            : fixes[best.segment].time
        return ClosestApproach(distanceM: best.d, time: t, point: best.position,
                               boundaryPoint: index.frame.normalized(best.nearest))
    }

    /// Geodesic length of a segment (the plane metric for short ones, as the incursion search does).
    private func segmentLength(_ p: Coordinate, _ q: Coordinate) -> Double {
        let dx = abs(index.frame.unwrap(q.x, near: p.x) - p.x), dy = abs(q.y - p.y)
        if dx <= 0.05 && dy <= 0.05 && abs(p.y) <= 75 {
            return metric.distance(p, Coordinate(lon: p.x + (index.frame.unwrap(q.x, near: p.x) - p.x), lat: q.y))
        }
        return geodesic.distance(p, q)
    }

    /// The position at fraction `u` of segment `s` (along the geodesic), lon/lat in [-180, 180].
    private func position(_ fixes: [Fix], _ s: Int, _ u: Double) -> Coordinate {
        let p = fixes[s].position
        guard u > 0, s + 1 < fixes.count else { return p }
        let q = fixes[s + 1].position
        let qx = index.frame.unwrap(q.x, near: p.x)
        if abs(qx - p.x) <= 0.05 && abs(q.y - p.y) <= 0.05 && abs(p.y) <= 75 {
            var x = p.x + u * (qx - p.x)
            if x > 180 { x -= 360 } else if x < -180 { x += 360 }
            return Coordinate(lon: x, lat: p.y + u * (q.y - p.y))
        }
        let inv = geodesic.inverse(p, q)
        return geodesic.direct(from: p, azimuth: inv.azimuth1, distance: u * inv.distance).coordinate
    }
}
