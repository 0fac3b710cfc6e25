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

/// A point of a track in the closest-approach search: segment and fraction, path length from the first
/// fix (m), distance to the boundary (m), the boundary point and the position.
struct ClosestApproachStation {
    var segment: Int, u: Double, along: Double, d: Double, nearest: Coordinate, position: Coordinate
}

extension IncursionFinder {
    /// Distance found to within this many metres plus `closestApproachRelativeTolerance` of it.
    static let closestApproachToleranceM = 1.0
    static let closestApproachRelativeTolerance = 2e-3
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
        typealias Station = ClosestApproachStation
        var evaluations = 0
        // The search runs in the point-centred plane metric (no geodesic calls); the best station is then
        // measured and refined geodesically.
        func station(_ s: Int, _ u: Double) -> Station {
            let p = position(fixes, s, u)
            let n = depth.planeNearestAnywhere(index.frame.map(p))
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
        best = refined(best, fixes, cumulative)
        let t = best.segment + 1 < fixes.count
            ? fixes[best.segment].time + best.u * (fixes[best.segment + 1].time - fixes[best.segment].time)
            : fixes[best.segment].time
        return ClosestApproach(distanceM: best.d, time: t, point: best.position,
                               boundaryPoint: index.frame.normalized(best.nearest))
    }

    /// The best station of the plane search, measured geodesically and moved by golden section (exact
    /// distances) within a stretch of the plane metric's error on either side, on its segment and the previous one.
    private func refined(_ best: ClosestApproachStation, _ fixes: [Fix], _ cumulative: [Double]) -> ClosestApproachStation {
        func exact(_ s: Int, _ u: Double) -> ClosestApproachStation {
            let p = position(fixes, s, u)
            let n = depth.nearestAnywhere(index.frame.map(p))
            let along = s + 1 < cumulative.count ? cumulative[s] + u * (cumulative[s + 1] - cumulative[s]) : cumulative[s]
            return ClosestApproachStation(segment: s, u: u, along: along, d: n.distance, nearest: n.point, position: p)
        }
        var result = exact(best.segment, best.u)
        // The plane metric is off by ≈ (d/R)² relative: the true minimum lies within a few times that of `best`.
        let e = best.d / 6.4e6
        let reach = max(50, 4 * Self.closestApproachRelativeTolerance * best.d + 4 * best.d * e * e)
        for (s, u0, u1) in stretches(around: best, reach: reach, cumulative) {
            var lo = u0, hi = u1
            let g = 0.5 * (5.0.squareRoot() - 1)
            var x1 = hi - g * (hi - lo), x2 = lo + g * (hi - lo)
            var f1 = exact(s, x1), f2 = exact(s, x2)
            let length = cumulative[s + 1] - cumulative[s]
            for _ in 0..<40 where (hi - lo) * length > 0.5 {
                if f1.d < f2.d { hi = x2; x2 = x1; f2 = f1; x1 = hi - g * (hi - lo); f1 = exact(s, x1) }
                else { lo = x1; x1 = x2; f1 = f2; x2 = lo + g * (hi - lo); f2 = exact(s, x2) }
            }
            for c in [f1, f2] where c.d < result.d { result = c }
        }
        return result
    }

    /// Parameter ranges (segment, u0, u1) within `reach` metres of the station along the track.
    private func stretches(around best: ClosestApproachStation, reach: Double, _ cumulative: [Double]) -> [(Int, Double, Double)] {
        var out: [(Int, Double, Double)] = []
        let lo = best.along - reach, hi = best.along + reach
        // A station inside a segment refines on it; one at a fix on the segments before and after.
        let first = best.u > 0 ? best.segment : best.segment - 1
        let lower = max(0, first), upper = min(cumulative.count - 2, best.segment)
        guard lower <= upper else { return [] }
        for s in lower...upper {
            let a = cumulative[s], b = cumulative[s + 1]
            guard b > a, hi > a, lo < b else { continue }
            out.append((s, max(0, (lo - a) / (b - a)), min(1, (hi - a) / (b - a))))
        }
        return out
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
