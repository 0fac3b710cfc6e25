import GeoJSON
import GeometryCore

/// The nominal layout: sites along the `SiteLine` spaced for the nominal range R and belt
/// half-width w (`BeltLayout`), on friendly ground.
///
/// Sites sit at exact geodesic distances k·s along each part of the site line (k = 0, 1, … while
/// k·s < L) plus one at its end: ⌈L/s⌉ + 1 per part, where L is the part's geodesic length (sum of
/// geodesic edges between its vertices). A site that would stand outside the protected region (at a
/// tripoint, in a neighbour, at sea) moves along the site line to the nearest friendly station
/// (`FriendlyStations`, 1 km apart) and records how far it moved; with no friendly station at all it
/// is dropped (and counted).
public struct SiteLayout: Sendable {
    /// One laid-out part: the offset line and its sites.
    public struct Part: Sendable {
        /// The offset line, lon/lat.
        public var line: [Coordinate]
        /// Its geodesic length, metres.
        public var lengthM: Double
        /// Site positions, lon/lat, with their geodesic distance along `line` (metres) and how far
        /// they were moved along it onto friendly ground (0 when not moved).
        public var sites: [(distanceM: Double, position: Coordinate, movedM: Double)]
    }

    public var belt: BeltLayout
    /// Standoff behind the forward line, metres.
    public var standoffM: Double
    public var parts: [Part]
    /// The projection the offset was computed in and its largest scale error, percent.
    public var projectionDefinition: String
    public var projectionMaxScaleErrorPct: Double
    /// Sites dropped because no point of the site line lies on friendly ground (or merged with a
    /// neighbour moved onto the same station).
    public var droppedSites: Int

    /// All sites in order.
    public var allSites: [Coordinate] { parts.flatMap { $0.sites.map(\.position) } }
    /// Total geodesic length of the offset lines, metres.
    public var lineLengthM: Double { parts.reduce(0) { $0 + $1.lengthM } }
    /// Sites moved onto friendly ground.
    public var movedSites: Int { parts.reduce(0) { $0 + $1.sites.filter { $0.movedM > 0 }.count } }

    /// Lays out nominal sites on `siteLine`, moving any outside the region onto `friendly` stations.
    public static func place(on siteLine: SiteLine, friendly: FriendlyStations, inside region: PreparedGeometry, belt: BeltLayout,
                             projection: LocalProjection) throws -> SiteLayout {
        var parts: [Part] = []
        var dropped = 0
        for (k, coords) in siteLine.parts.enumerated() {
            let stations = PolylineStations(coords)
            let candidates = friendly.stations.filter { $0.part == k }
            var sites: [(distanceM: Double, position: Coordinate, movedM: Double)] = []
            for s in stations.stations(every: belt.spacingM) {
                if try region.contains(s.coordinate) { sites.append((s.distanceM, s.coordinate, 0)); continue }
                guard let near = candidates.min(by: { abs($0.distanceM - s.distanceM) < abs($1.distanceM - s.distanceM) }) else {
                    dropped += 1; continue
                }
                // Two sites moved onto the same station are one site.
                if sites.last?.position == near.position { dropped += 1; continue }
                sites.append((near.distanceM, near.position, abs(near.distanceM - s.distanceM)))
            }
            parts.append(Part(line: coords, lengthM: stations.lengthM, sites: sites))
        }
        return SiteLayout(belt: belt, standoffM: siteLine.standoffM, parts: parts, projectionDefinition: projection.definition,
                          projectionMaxScaleErrorPct: projection.maxScaleErrorPct, droppedSites: dropped)
    }
}
