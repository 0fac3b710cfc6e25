import GeoJSON
import GeometryCore

/// Sites laid along a line offset from the forward line by a standoff, on the protected side.
///
/// The offset curve is computed in a `LocalProjection` (azimuthal equidistant centred on the
/// line; its scale error bounds the standoff's error, e.g. 0.12% of 20 km = 24 m at 550 km from
/// the centre) and taken back to lon/lat. Sites sit at exact geodesic distances k·s along the
/// offset line (k = 0, 1, … while k·s < L) plus one at its end: ⌈L/s⌉ + 1 per part, where L is
/// the part's geodesic length (sum of geodesic edges between its vertices).
public struct SiteLayout: Sendable {
    /// One laid-out part: the offset line and its sites.
    public struct Part: Sendable {
        /// The offset line, lon/lat.
        public var line: [Coordinate]
        /// Its geodesic length, metres.
        public var lengthM: Double
        /// Site positions, lon/lat, with their geodesic distance along `line` (metres).
        public var sites: [(distanceM: Double, position: Coordinate)]
    }

    public var belt: BeltLayout
    /// Standoff behind the forward line, metres.
    public var standoffM: Double
    public var parts: [Part]
    /// The projection the offset was computed in and its largest scale error, percent.
    public var projectionDefinition: String
    public var projectionMaxScaleErrorPct: Double

    /// All sites in order.
    public var allSites: [Coordinate] { parts.flatMap { $0.sites.map(\.position) } }
    /// Total geodesic length of the offset lines, metres.
    public var lineLengthM: Double { parts.reduce(0) { $0 + $1.lengthM } }

    /// Lays out sites for `line`, offsetting each part by `standoffM` towards `protected`
    /// (the side whose offset line has more of its vertices inside the region).
    public static func place(
        along line: DefenseLine, protected region: Geometry, belt: BeltLayout, standoffM: Double, projection: LocalProjection
    ) throws -> SiteLayout {
        guard standoffM.isFinite, standoffM >= 0 else {
            throw DomainError.invalidParameter("--standoff-km must be ≥ 0, got \(standoffM / 1000)")
        }
        let ctx = region.context
        let inside = try region.prepared()
        var parts: [Part] = []
        for coords in line.parts {
            var offsetLL = coords
            if standoffM > 0 {
                let projected = try Geometry.lineString(try projection.forward(coords), context: ctx)
                var best: (score: Double, line: [Coordinate])?
                for sign in [1.0, -1.0] {
                    let off = try projected.offsetCurve(distance: sign * standoffM, quadrantSegments: 8, joinStyle: .round)
                        .lineMergeIfLinear()
                    let longest = try (off.type == .lineString ? [off] : off.geometries).max { try $0.length < $1.length }
                    guard let longest, try longest.numCoordinates > 1 else { continue }
                    let ll = try projection.inverse(longest.coordinates)
                    let score = Double(try ll.filter { try inside.contains($0) }.count) / Double(ll.count)
                    if best == nil || score > best!.score { best = (score, ll) }
                }
                guard let best else { throw DomainError.invalidParameter("no offset line at \(standoffM / 1000) km for \(line.name)") }
                offsetLL = best.line
            }
            let stations = PolylineStations(offsetLL)
            let sites = stations.stations(every: belt.spacingM).map { (distanceM: $0.distanceM, position: $0.coordinate) }
            parts.append(Part(line: offsetLL, lengthM: stations.lengthM, sites: sites))
        }
        return SiteLayout(belt: belt, standoffM: standoffM, parts: parts, projectionDefinition: projection.definition,
                          projectionMaxScaleErrorPct: projection.maxScaleErrorPct)
    }
}
