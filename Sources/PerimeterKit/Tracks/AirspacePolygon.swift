import GeometryCore

/// An area as plain rings: one or more parts (islands), each an outer ring with holes.
///
/// Coordinates are lon/lat degrees WGS84; edges are straight in lon/lat (RFC 7946 §3.1.1), so
/// this is the polygon a GeoJSON `Polygon`/`MultiPolygon` describes. Rings may be closed (last
/// point equal to the first) or not; orientation does not matter (inside is decided by the
/// even–odd rule over all rings). Across the antimeridian give it as RFC 7946 does (parts split
/// at ±180°, in any order) or with longitudes continued past ±180°: `IncursionFinder` analyses it
/// in its `LongitudeFrame`, where the parts join and the cut is no boundary.
public struct AirspacePolygon: Sendable, Hashable {
    /// One part: an outer ring and the holes cut out of it.
    public struct Part: Sendable, Hashable {
        public var outer: [Coordinate]
        public var holes: [[Coordinate]]

        public init(outer: [Coordinate], holes: [[Coordinate]] = []) {
            self.outer = outer
            self.holes = holes
        }
    }

    /// A name for reports ("Poland", "FIR EPWW").
    public var name: String
    public var parts: [Part]

    public init(name: String, parts: [Part]) {
        self.name = name
        self.parts = parts
    }

    /// Every ring (outer rings and holes) of every part.
    public var rings: [[Coordinate]] { parts.flatMap { [$0.outer] + $0.holes } }
}

/// Why an `AirspacePolygon` cannot be used.
public struct AirspacePolygonError: Error, Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var reason: String

    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }

    public var description: String { "airspace '\(name)': \(reason)" }
}
