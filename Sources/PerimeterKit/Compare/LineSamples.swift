import GeometryCore

/// A forward line sampled every `spacingM` (geodesic) along each part, ends included, with each
/// sample's position in a `LocalProjection` and the stretch of line it stands for.
///
/// Every point of the line lies within `spacingM / 2` along the line (hence geodesically) of a
/// sample, so circles reaching every sample with a margin of `spacingM / 2` cover the whole line.
public struct LineSamples: Sendable {
    public struct Sample: Sendable {
        public var part: Int
        /// Geodesic distance along the part, metres.
        public var distanceM: Double
        public var position: Coordinate
        public var xy: Coordinate
        /// Length of line this sample stands for (half the distance to each neighbour), metres.
        public var weightM: Double
    }

    public var samples: [Sample]
    public var spacingM: Double

    public static func along(_ line: DefenseLine, projection: LocalProjection, spacingM: Double = 500) throws -> LineSamples {
        var out: [Sample] = []
        for (k, part) in line.parts.enumerated() {
            let stations = PolylineStations(part).stations(every: spacingM)
            let xy = try projection.forward(stations.map(\.coordinate))
            for (i, s) in stations.enumerated() {
                let before = i > 0 ? s.distanceM - stations[i - 1].distanceM : 0
                let after = i + 1 < stations.count ? stations[i + 1].distanceM - s.distanceM : 0
                out.append(Sample(part: k, distanceM: s.distanceM, position: s.coordinate, xy: xy[i], weightM: (before + after) / 2))
            }
        }
        return LineSamples(samples: out, spacingM: spacingM)
    }
}
