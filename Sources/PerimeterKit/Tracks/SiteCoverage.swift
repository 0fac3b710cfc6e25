import GeometryCore

/// Altitude-aware sensor coverage of tracks: a fix is covered when it lies within
/// min(R, horizon(H, h)) of some site, R the site's range, H the radar antenna height and h the
/// fix's altitude (`RadarHorizon`: √(2kRe·H) + √(2kRe·h), k = 4/3), geodesic distance on WGS84.
///
/// Between fixes a track moves along the geodesic with time linear in distance, its altitude linear
/// in time; a fix without altitude flies at `defaultTargetAltitudeM`. Each segment is sampled every
/// `sampleStepM` (at most) for every site that can reach it, and the times where the covered state
/// changes are found by bisection to `timeToleranceS`. A crossing that enters and leaves coverage
/// between two samples (a chord grazing a circle by less than step²/8R, a few metres) is missed.
///
/// Immutable and `Sendable`: one model serves every worker thread.
public struct SiteCoverage: Sendable {
    public let sites: [Site]
    /// Radar antenna height above the ground, metres.
    public let radarHeightM: Double
    /// Altitude of fixes that have none, metres.
    public let defaultTargetAltitudeM: Double
    public let sampleStepM: Double
    public let timeToleranceS: Double
    let geodesic: Geodesic

    public init(sites: [Site], radarHeightM: Double, defaultTargetAltitudeM: Double,
                sampleStepM: Double = 500, timeToleranceS: Double = 1e-3, geodesic: Geodesic = .wgs84) {
        self.sites = sites
        self.radarHeightM = radarHeightM
        self.defaultTargetAltitudeM = defaultTargetAltitudeM
        self.sampleStepM = sampleStepM
        self.timeToleranceS = timeToleranceS
        self.geodesic = geodesic
    }

    /// Coverage radius in metres of `site` against a target at `altitudeM`.
    public func radiusM(of site: Site, altitudeM: Double) -> Double {
        min(site.rangeM, RadarHorizon.distanceM(radarHeightM: radarHeightM, targetAltitudeM: altitudeM))
    }

    /// Whether the track has fixes without altitude (then `defaultTargetAltitudeM` was used).
    public func usesDefaultAltitude(_ track: Track) -> Bool { track.fixes.contains { $0.altitudeM == nil } }

    /// The time intervals (epoch seconds, sorted, disjoint) during which `track` is covered.
    public func coveredIntervals(_ track: Track) -> [TimeSpan] {
        let fixes = track.fixes
        guard let first = fixes.first else { return [] }
        var spans: [TimeSpan] = []
        if fixes.count == 1 {
            let h = first.altitudeM ?? defaultTargetAltitudeM
            if sites.contains(where: { geodesic.distance($0.position, first.position) < radiusM(of: $0, altitudeM: h) }) {
                spans.append(TimeSpan(start: first.time, end: first.time))
            }
            return spans
        }
        for s in 0..<(fixes.count - 1) { segment(fixes[s], fixes[s + 1], into: &spans) }
        return TimeSpan.union(spans)
    }

    /// The covered stretches of one segment f0 → f1, site by site.
    private func segment(_ f0: Fix, _ f1: Fix, into spans: inout [TimeSpan]) {
        let h0 = f0.altitudeM ?? defaultTargetAltitudeM, h1 = f1.altitudeM ?? defaultTargetAltitudeM
        let inv = geodesic.inverse(f0.position, f1.position)
        let length = inv.distance
        let n = max(1, Int((length / sampleStepM).rounded(.up)))
        func position(_ u: Double) -> Coordinate {
            u == 0 ? f0.position : (u == 1 ? f1.position
                : geodesic.direct(from: f0.position, azimuth: inv.azimuth1, distance: u * length).coordinate)
        }
        let dt = f1.time - f0.time
        let duTolerance = dt > 0 ? timeToleranceS / dt : 1
        for site in sites {
            // Out of reach: nowhere on the segment within the site's range.
            let d0 = geodesic.distance(site.position, f0.position)
            if d0 - length > site.rangeM { continue }
            func margin(_ u: Double) -> Double {
                geodesic.distance(site.position, position(u)) - radiusM(of: site, altitudeM: h0 + u * (h1 - h0))
            }
            var u0 = 0.0, g0 = d0 - radiusM(of: site, altitudeM: h0)
            var start: Double? = g0 < 0 ? 0 : nil
            for k in 1...n {
                let u1 = Double(k) / Double(n)
                let g1 = margin(u1)
                if (g0 < 0) != (g1 < 0) {
                    var lo = u0, hi = u1
                    while hi - lo > duTolerance {
                        let mid = 0.5 * (lo + hi)
                        if (margin(mid) < 0) == (g0 < 0) { lo = mid } else { hi = mid }
                    }
                    let u = 0.5 * (lo + hi)
                    if g0 < 0 {
                        spans.append(TimeSpan(start: f0.time + start! * dt, end: f0.time + u * dt))
                        start = nil
                    } else {
                        start = u
                    }
                }
                u0 = u1; g0 = g1
            }
            if let start { spans.append(TimeSpan(start: f0.time + start * dt, end: f1.time)) }
        }
    }
}

/// A closed time interval, epoch seconds.
public struct TimeSpan: Sendable, Hashable {
    public var start: Double
    public var end: Double

    public init(start: Double, end: Double) {
        self.start = start
        self.end = end
    }

    public var durationS: Double { end - start }

    /// The union of `spans`: sorted, disjoint, touching spans joined.
    public static func union(_ spans: [TimeSpan]) -> [TimeSpan] {
        let sorted = spans.sorted { $0.start < $1.start }
        var out: [TimeSpan] = []
        for s in sorted {
            if let last = out.last, s.start <= last.end {
                out[out.count - 1].end = max(last.end, s.end)
            } else {
                out.append(s)
            }
        }
        return out
    }

    /// Total seconds of the union of `spans`.
    public static func totalS(_ spans: [TimeSpan]) -> Double { union(spans).reduce(0) { $0 + $1.durationS } }

    /// Seconds of `spans` (disjoint) falling inside `window`.
    public static func overlapS(_ spans: [TimeSpan], _ window: TimeSpan) -> Double {
        spans.reduce(0) { $0 + max(0, min($1.end, window.end) - max($1.start, window.start)) }
    }
}
