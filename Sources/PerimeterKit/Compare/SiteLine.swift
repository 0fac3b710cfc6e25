import GeometryCore

/// The line sites stand on: the forward line offset by the standoff towards the protected region,
/// one lon/lat polyline per part of the forward line.
///
/// The offset curve is computed in a `LocalProjection` (azimuthal equidistant centred on the
/// line; its scale error bounds the standoff's error, e.g. 0.12% of 20 km = 24 m at 550 km from
/// the centre) and taken back to lon/lat. Of the two sides, the one whose offset line has more of
/// its vertices inside the region is kept. The line may leave the region (at a tripoint, across a
/// narrow neck, or everywhere when the standoff is larger than the region): `FriendlyStations` keeps
/// only the stretches on friendly ground.
public struct SiteLine: Sendable {
    /// The offset lines, lon/lat, one per part of the forward line.
    public var parts: [[Coordinate]]
    /// Standoff behind the forward line, metres.
    public var standoffM: Double

    public static func offset(_ line: DefenseLine, standoffM: Double, towards region: PreparedGeometry,
                              projection: LocalProjection, context ctx: GEOSContext) throws -> SiteLine {
        guard standoffM.isFinite, standoffM >= 0 else {
            throw DomainError.invalidParameter("--standoff-km must be ≥ 0, got \(standoffM / 1000)")
        }
        var parts: [[Coordinate]] = []
        for coords in line.parts {
            guard standoffM > 0 else { parts.append(coords); continue }
            let projected = try Geometry.lineString(try projection.forward(coords), context: ctx)
            var best: (score: Double, line: [Coordinate])?
            for sign in [1.0, -1.0] {
                let off = try projected.offsetCurve(distance: sign * standoffM, quadrantSegments: 8, joinStyle: .round)
                    .lineMergeIfLinear()
                let longest = try (off.type == .lineString ? [off] : off.geometries).max { try $0.length < $1.length }
                guard let longest, try longest.numCoordinates > 1 else { continue }
                let ll = try projection.inverse(longest.coordinates)
                let score = Double(try region.contains(ll).filter { $0 }.count) / Double(ll.count)
                if best == nil || score > best!.score { best = (score, ll) }
            }
            guard let best else { throw DomainError.invalidParameter("no offset line at \(standoffM / 1000) km for \(line.name)") }
            parts.append(best.line)
        }
        return SiteLine(parts: parts, standoffM: standoffM)
    }

    /// Geodesic length of all parts, metres.
    public var lengthM: Double { parts.reduce(0) { $0 + Geodesic.wgs84.length(of: $1) } }
}
