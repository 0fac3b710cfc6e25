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
        let projectedParts = try line.parts.map { try Geometry.lineString(projection.forward($0), context: context) }
        var out: [Double] = []
        for part in border {
            let samples = PolylineStations(part).stations(every: sampleSpacingM).map(\.coordinate)
            let projected = try projection.forward(samples)
            for (ll, xy) in zip(samples, projected) {
                // Nearest part in the projection, then a geodesic refinement along it.
                let pt = try Geometry.point(xy, context: context)
                var bestPart = projectedParts[0], bestD = Double.infinity
                for p in projectedParts { let d = try p.distance(to: pt); if d < bestD { bestD = d; bestPart = p } }
                let total = try bestPart.length
                let t0 = try bestPart.project(pt)
                func geodesicAt(_ t: Double) throws -> Double {
                    let q = try bestPart.interpolate(distance: min(max(t, 0), total)).pointCoordinate
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
