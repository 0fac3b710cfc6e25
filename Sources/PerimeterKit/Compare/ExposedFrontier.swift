import GeoJSON
import GeometryCore

/// The boundary of a protected region split by what lies beyond it: each neighbour country,
/// the river line facing the rest of Ukraine (Dnipro perimeter), or the sea; and whether that
/// stretch is exposed (faces non-allied territory or the sea).
public struct ExposedFrontier: Sendable {
    /// What a stretch of boundary faces.
    public enum Facing: String, Sendable {
        /// A neighbouring country's polygon.
        case country
        /// The Dnipro line itself, facing eastern Ukraine.
        case riverLine = "river_line"
        /// No GeoData country within the adjacency distance: the coast.
        case sea
    }

    /// One neighbour's stretch of the boundary.
    public struct Segment: Sendable {
        /// Neighbour code (`BY`, `RU`, `UA-east`, `sea`).
        public var neighbour: String
        public var name: String
        public var facing: Facing
        public var allied: Bool
        /// True when it faces a non-allied country or the sea.
        public var exposed: Bool { !allied }
        /// Geodesic length, metres (WGS84).
        public var lengthM: Double
        /// The stretch as WKB (lon/lat lines).
        public var wkb: [UInt8]
    }

    public var segments: [Segment]
    /// Geodesic length of the whole boundary, metres.
    public var boundaryLengthM: Double
    /// Sum of the exposed segments, metres.
    public var exposedLengthM: Double { segments.filter(\.exposed).reduce(0) { $0 + $1.lengthM } }

    /// How close (metres) a neighbour's polygon must come to count as sharing the boundary:
    /// DCW (1:1M) neighbours do not share vertices exactly (borders.geojson used 0.003° ≈ 300 m).
    public static let adjacencyM = 500.0

    /// Classifies the boundary of `region` (lon/lat). `neighbours` are tried in order; a
    /// stretch claimed by one is not offered to the next; what no neighbour claims faces the sea.
    /// Buffers and differences run in `projection`; lengths are geodesic on the lon/lat result.
    public static func classify(
        region: Geometry, neighbours: [(code: String, name: String, facing: Facing, geometry: Geometry)],
        allied: Set<String>, projection: LocalProjection
    ) throws -> ExposedFrontier {
        let ctx = region.context
        let boundaryLL = try region.boundary()
        var remaining = try projection.forward(boundaryLL, context: ctx)
        guard let b = try boundaryLL.bounds else { return ExposedFrontier(segments: [], boundaryLengthM: 0) }
        let window = Bounds(minX: b.minX - 0.5, minY: b.minY - 0.5, maxX: b.maxX + 0.5, maxY: b.maxY + 0.5)
        var segments: [Segment] = []
        for n in neighbours {
            let clipped = try n.geometry.clip(to: window)
            if try clipped.isEmpty { continue }
            let zone = try projection.forward(clipped, context: ctx).buffer(distance: adjacencyM, quadrantSegments: 4)
            let part = try remaining.intersection(zone)
            if try part.isEmpty || part.length < 1 { continue }
            remaining = try remaining.difference(zone)
            let ll = try projection.inverse(part.lineMergeIfLinear(), context: ctx)
            segments.append(Segment(neighbour: n.code, name: n.name, facing: n.facing,
                                    allied: allied.contains(n.code), lengthM: try ll.geodesicLength(), wkb: try ll.wkb))
        }
        if try !remaining.isEmpty && remaining.length >= 1 {
            let ll = try projection.inverse(remaining.lineMergeIfLinear(), context: ctx)
            segments.append(Segment(neighbour: "sea", name: "sea (coast)", facing: .sea, allied: allied.contains("sea"),
                                    lengthM: try ll.geodesicLength(), wkb: try ll.wkb))
        }
        return ExposedFrontier(segments: segments, boundaryLengthM: try boundaryLL.geodesicLength())
    }
}

extension Geometry {
    /// Only the line work of this geometry (points dropped), merged into the longest lines.
    func lineMergeIfLinear() throws -> Geometry {
        switch try type {
        case .lineString, .linearRing: return self
        case .multiLineString: return try lineMerge()
        case .geometryCollection:
            let lines = try geometries.filter { [.lineString, .linearRing, .multiLineString].contains(try $0.type) }
                .flatMap { try $0.type == .multiLineString ? $0.geometries : [$0] }
            return try Geometry.multiLineString(lines, context: context).lineMerge()
        default: return try Geometry.empty(.multiLineString, context: context)
        }
    }
}
