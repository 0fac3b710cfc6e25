import GeometryCore

/// Candidate site positions: points every `spacingM` (geodesic) along a `SiteLine`, kept only
/// where they stand inside the protected region (friendly ground), each with its position in a
/// `LocalProjection` for quick distance screening.
public struct FriendlyStations: Sendable {
    /// One candidate position.
    public struct Station: Sendable {
        /// Index of the site-line part it lies on.
        public var part: Int
        /// Geodesic distance along that part, metres.
        public var distanceM: Double
        public var position: Coordinate
        /// Projected position, metres.
        public var xy: Coordinate
    }

    /// The stations inside the region, in order along the site line.
    public var stations: [Station]
    /// Stations examined (inside or not).
    public var examined: Int
    /// Spacing between stations, metres.
    public var spacingM: Double

    /// Share of the site line on friendly ground, percent.
    public var insideSharePct: Double { examined > 0 ? 100 * Double(stations.count) / Double(examined) : 0 }

    public static func along(_ line: SiteLine, inside region: PreparedGeometry, projection: LocalProjection,
                             spacingM: Double = 1000) throws -> FriendlyStations {
        var out: [Station] = []
        var examined = 0
        for (k, part) in line.parts.enumerated() {
            let stations = PolylineStations(part).stations(every: spacingM)
            examined += stations.count
            let inside = try region.contains(stations.map(\.coordinate))
            let kept = zip(stations, inside).filter { $0.1 }.map(\.0)
            let xy = try projection.forward(kept.map(\.coordinate))
            for (s, p) in zip(kept, xy) { out.append(Station(part: k, distanceM: s.distanceM, position: s.coordinate, xy: p)) }
        }
        return FriendlyStations(stations: out, examined: examined, spacingM: spacingM)
    }
}
