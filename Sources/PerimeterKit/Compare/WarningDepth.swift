import GeometryCore

/// Geodesic distance from a forward line back to the Polish border, sampled along the border,
/// and the warning time it buys at threat speeds.
///
/// The Poland–Ukraine border is sampled every `sampleSpacingM` (geodesic). For each sample the
/// nearest point of the forward line is found in a `LocalProjection`, then refined along the line
/// by a ternary search on the true geodesic distance (WGS84 `inverse`) within ±5 km of it.
public struct WarningDepth: Sendable {
    /// Distances in metres, per sample, in border order.
    public var distancesM: [Double]
    public var sampleSpacingM: Double

    public var minM: Double { distancesM.min() ?? 0 }
    public var maxM: Double { distancesM.max() ?? 0 }
    /// Median (mean of the two middle values for an even count).
    public var medianM: Double {
        let s = distancesM.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    public static func measure(
        border: [[Coordinate]], line: DefenseLine, projection: LocalProjection, sampleSpacingM: Double = 1000,
        context: GEOSContext
    ) throws -> WarningDepth {
        let geod = Geodesic.wgs84
        let projectedCoordinates = try line.parts.map { try projection.forward($0) }
        let projectedParts = try projectedCoordinates.map { try Geometry.lineString($0, context: context) }
        let along = projectedCoordinates.map(LineInterpolation.init)
        var out: [Double] = []
        for part in border {
            let samples = PolylineStations(part).stations(every: sampleSpacingM).map(\.coordinate)
            let projected = try projection.forward(samples)
            for (ll, xy) in zip(samples, projected) {
                // Nearest part in the projection, then a geodesic refinement along it.
                let pt = try Geometry.point(xy, context: context)
                var best = 0, bestD = Double.infinity
                for (k, p) in projectedParts.enumerated() { let d = try p.distance(to: pt); if d < bestD { bestD = d; best = k } }
                let bestPart = projectedParts[best]
                let total = try bestPart.length
                let t0 = try bestPart.project(pt)
                func geodesicAt(_ t: Double) throws -> Double {
                    let q = along[best].point(at: min(max(t, 0), total))
                    return geod.distance(ll, try projection.inverse([q])[0])
                }
                var lo = max(0, t0 - 5000), hi = min(total, t0 + 5000)
                for _ in 0..<40 where hi - lo > 0.5 {
                    let m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3
                    if try geodesicAt(m1) <= geodesicAt(m2) { hi = m2 } else { lo = m1 }
                }
                out.append(min(try geodesicAt((lo + hi) / 2), try geodesicAt(t0)))
            }
        }
        return WarningDepth(distancesM: out, sampleSpacingM: sampleSpacingM)
    }
}

/// A threat speed with a label and the source (or "assumption") of the figure.
public struct ThreatSpeed: Sendable, Hashable {
    public var label: String
    /// Speed, km/h.
    public var kmh: Double
    public var source: String

    public init(label: String, kmh: Double, source: String) {
        self.label = label
        self.kmh = kmh
        self.source = source
    }

    /// Defaults: a slow drone, a cruise missile, a fast jet.
    public static let defaults: [ThreatSpeed] = [
        ThreatSpeed(label: "slow drone (Shahed-136/Geran-2)", kmh: 185,
                    source: "up to 185 km/h (euronews.ro)"),
        ThreatSpeed(label: "cruise missile", kmh: 800, source: "assumption: typical subsonic cruise-missile speed"),
        ThreatSpeed(label: "fast jet (MiG-31 subsonic cruise)", kmh: 950,
                    source: "subsonic cruise 950 km/h (gagadget.com/en/weapons/239257)"),
    ]

    /// Minutes to cover `distanceM` metres at this speed.
    public func minutes(forM distanceM: Double) -> Double { distanceM / 1000 / kmh * 60 }
}

/// The point at a distance along a line string, as GEOS's `GEOSInterpolate` (JTS/GEOS
/// `LengthIndexedLine.extractPoint`) computes it — the same segment, fraction and arithmetic, so
/// the same bits — found by binary search over the running lengths instead of a walk from the
/// start on every call.
struct LineInterpolation {
    let points: [Coordinate]
    /// Segment lengths, and the running sums GEOS forms segment by segment (`ends[i]` = length up
    /// to the end of segment i).
    let lengths: [Double]
    let ends: [Double]

    init(_ points: [Coordinate]) {
        self.points = points
        var lengths: [Double] = [], ends: [Double] = []
        lengths.reserveCapacity(max(0, points.count - 1))
        ends.reserveCapacity(max(0, points.count - 1))
        var total = 0.0
        for (p0, p1) in zip(points, points.dropFirst()) {
            let dx = p1.x - p0.x, dy = p1.y - p0.y
            let segment = (dx * dx + dy * dy).squareRoot()
            lengths.append(segment)
            total += segment
            ends.append(total)
        }
        self.lengths = lengths
        self.ends = ends
    }

    /// The point at `length` (0 ≤ length; past the end: the last vertex).
    func point(at length: Double) -> Coordinate {
        guard let first = points.first else { return Coordinate(x: .nan, y: .nan) }
        guard length > 0 else { return first }
        // The first segment whose end lies beyond `length` (`ends` never decreases).
        var lo = 0, hi = ends.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ends[mid] > length { hi = mid } else { lo = mid + 1 }
        }
        guard lo < ends.count else { return points[points.count - 1] }
        let start = lo == 0 ? 0 : ends[lo - 1]
        let frac = (length - start) / lengths[lo]
        let p0 = points[lo], p1 = points[lo + 1]
        if frac <= 0 { return p0 }
        if frac >= 1 { return p1 }
        return Coordinate(x: (p1.x - p0.x) * frac + p0.x, y: (p1.y - p0.y) * frac + p0.y)
    }
}
