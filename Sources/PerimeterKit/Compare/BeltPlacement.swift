import GeometryCore

/// The fewest sites, chosen among `FriendlyStations`, whose geodesic circles of radius r cover every
/// sample of a forward line (`LineSamples`): a continuous belt.
///
/// A sample counts as covered when its geodesic (WGS84) distance to a site is at most r − margin,
/// margin = half the sample spacing + the circles' chord tolerance, so the whole line, not only the
/// samples, lies inside the drawn circles. Distances are screened in the `LocalProjection` the
/// samples and stations carry (azimuthal equidistant: a planar distance is never shorter than the
/// geodesic one and at most (1 + e) times it, e the scale error at the farthest point): planar ≤ r'
/// is covered, planar > r'·(1 + e) is not, and anything between is decided by the exact geodesic.
///
/// Placement is greedy along the line: at the first uncovered sample, of all stations that reach it,
/// take the one whose circle (with the sites placed so far) covers the longest unbroken run of samples
/// ahead; repeat. Then tighten: drop every site whose samples are all covered by other sites. Finally
/// every sample's distance to its nearest site is measured geodesically (no screening) to verify.
/// A sample no station reaches is left uncovered and reported (`uncoverable`).
public struct BeltPlacement: Sendable {
    /// Indices of the chosen stations, in order along the site line.
    public var chosen: [Int]
    /// Sites chosen by the greedy pass, before tightening.
    public var greedyCount: Int
    /// Samples no friendly station reaches.
    public var uncoverable: [Int]
    /// Largest geodesic distance from a reachable sample to its nearest site, metres (verification).
    public var worstDistanceM: Double
    /// Samples the verification found farther than r − margin from every site (0 when placement is right).
    public var unverified: Int
    /// The covering distance used, r − margin, metres.
    public var reachM: Double

    public static func place(samples: LineSamples, stations: FriendlyStations, radiusM: Double, toleranceM: Double,
                             projection: LocalProjection) -> BeltPlacement {
        let s = samples.samples, st = stations.stations
        let reach = max(0, radiusM - samples.spacingM / 2 - toleranceM)
        var farthest = 0.0
        for p in s { farthest = max(farthest, (p.xy.x * p.xy.x + p.xy.y * p.xy.y).squareRoot()) }
        for p in st { farthest = max(farthest, (p.xy.x * p.xy.x + p.xy.y * p.xy.y).squareRoot()) }
        let test = ReachTest(reachM: reach, scaleError: 2 * LocalProjection.scaleError(atDistance: farthest) + 1e-6)

        var covered = [Bool](repeating: false, count: s.count)
        var unreachable = [Bool](repeating: false, count: s.count)
        var chosen: [Int] = []
        func mark(_ k: Int) { for j in s.indices where !covered[j] && test.covers(st[k], s[j]) { covered[j] = true } }
        var i = 0
        while i < s.count {
            if covered[i] || unreachable[i] { i += 1; continue }
            var best: (station: Int, run: Int)?
            for k in st.indices where test.covers(st[k], s[i]) {
                var j = i + 1
                while j < s.count, !unreachable[j], covered[j] || test.covers(st[k], s[j]) { j += 1 }
                if best == nil || j - i >= best!.run { best = (k, j - i) }
            }
            guard let best else { unreachable[i] = true; i += 1; continue }
            chosen.append(best.station)
            mark(best.station)
        }
        let greedy = chosen.count
        chosen = tightened(chosen, samples: s, stations: st, test: test)

        // Verification: exact geodesic distance from every reachable sample to its nearest site.
        var worst = 0.0, unverified = 0
        for (j, p) in s.enumerated() where !unreachable[j] {
            let d = chosen.map { Geodesic.wgs84.distance(st[$0].position, p.position) }.min() ?? .infinity
            worst = max(worst, d)
            if d > reach { unverified += 1 }
        }
        return BeltPlacement(chosen: chosen.sorted(), greedyCount: greedy,
                             uncoverable: s.indices.filter { unreachable[$0] }, worstDistanceM: worst,
                             unverified: unverified, reachM: reach)
    }

    /// Drops, one at a time, every site none of whose samples needs it (each stays covered by another).
    static func tightened(_ chosen: [Int], samples s: [LineSamples.Sample], stations st: [FriendlyStations.Station],
                          test: ReachTest) -> [Int] {
        var count = [Int](repeating: 0, count: s.count)
        var covers: [[Int]] = []
        for k in chosen {
            let c = s.indices.filter { test.covers(st[k], s[$0]) }
            for j in c { count[j] += 1 }
            covers.append(c)
        }
        var keep = [Bool](repeating: true, count: chosen.count)
        // Sites covering the fewest samples alone go first.
        let order = chosen.indices.sorted { covers[$0].count < covers[$1].count }
        for n in order where covers[n].allSatisfy({ count[$0] >= 2 }) {
            keep[n] = false
            for j in covers[n] { count[j] -= 1 }
        }
        return chosen.indices.filter { keep[$0] }.map { chosen[$0] }
    }

    /// Whether a station reaches a sample: planar screening, geodesic decision.
    struct ReachTest {
        var reachM: Double
        var scaleError: Double

        func covers(_ station: FriendlyStations.Station, _ sample: LineSamples.Sample) -> Bool {
            let dx = station.xy.x - sample.xy.x, dy = station.xy.y - sample.xy.y
            let d2 = dx * dx + dy * dy
            if d2 <= reachM * reachM { return true }
            let upper = reachM * (1 + scaleError)
            if d2 > upper * upper { return false }
            return Geodesic.wgs84.distance(station.position, sample.position) <= reachM
        }
    }
}
