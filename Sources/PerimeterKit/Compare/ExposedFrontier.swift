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
        /// No GeoData country within the adjacency distance, within 2 km of the GSHHG shoreline: the coast.
        case sea
        /// Neither a neighbour nor the coast: the shore of an inland water body the region's polygon leaves out.
        case inland
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
    /// How close (metres) to the GSHHG shoreline (`coast.geojson`) a stretch must run to face the sea: 2 km, less
    /// 50 m for the shoreline's 20 m simplification and the projection's scale error, so every "sea" vertex lies
    /// within 2 km of the full-resolution shoreline.
    public static let coastM = 1950.0
    /// A stretch no neighbour claims within `adjacencyM` and off the coast goes to the nearest neighbour within this
    /// distance (metres): where DCW's outlines of two neighbours part by more than 500 m (river meanders of the
    /// Neisse, mountain tripoints). Farther stretches (shores of inland waters DCW leaves out) face `inland`.
    public static let nearestNeighbourM = 10_000.0

    /// Boundary length no neighbour claimed within `adjacencyM`, handed to its nearest neighbour, metres.
    public var reassignedM: Double = 0
    /// Farthest distance of such a stretch from the neighbour it was handed to, metres.
    public var reassignedMaxDistanceM: Double = 0

    /// Classifies the boundary of `region` (lon/lat). `neighbours` are tried in order; a stretch claimed
    /// by one (within `adjacencyM`) is not offered to the next. Of what no neighbour claims, stretches within
    /// `coastM` of `coast` (GSHHG shoreline lines, lon/lat; vertex by vertex, ``CoastProximity``) face the sea; the rest go to the nearest neighbour
    /// within `nearestNeighbourM`, or face inland water. Without `coast` every unclaimed stretch faces the sea.
    /// Buffers and differences run in `projection`; lengths are geodesic on the lon/lat result.
    public static func classify(
        region: Geometry, neighbours: [(code: String, name: String, facing: Facing, geometry: Geometry)],
        allied: Set<String>, projection: LocalProjection, coast: [[Coordinate]]? = nil
    ) throws -> ExposedFrontier {
        let ctx = region.context
        let boundaryLL = try region.boundary()
        var remaining = try projection.forward(boundaryLL, context: ctx)
        guard let b = try boundaryLL.bounds else { return ExposedFrontier(segments: [], boundaryLengthM: 0) }
        let window = Bounds(minX: b.minX - 0.5, minY: b.minY - 0.5, maxX: b.maxX + 0.5, maxY: b.maxY + 0.5)
        var claims: [(code: String, name: String, facing: Facing, parts: [Geometry], projected: Geometry)] = []
        for n in neighbours {
            let clipped = try n.geometry.clip(to: window)
            if try clipped.isEmpty { continue }
            let projected = try projection.forward(clipped, context: ctx)
            let zone = try projected.buffer(distance: adjacencyM, quadrantSegments: 4)
            let part = try remaining.intersection(zone)
            claims.append((n.code, n.name, n.facing, [], projected))
            if try part.isEmpty || part.length < 1 { continue }
            remaining = try remaining.difference(zone)
            claims[claims.count - 1].parts.append(part)
        }
        var sea: [Geometry] = [], inland: [Geometry] = []
        var reassigned = 0.0, reassignedMax = 0.0
        if let coast, try !remaining.isEmpty && remaining.length >= 1 {
            let near = try CoastProximity(coast: coast, window: window, projection: projection, distanceM: coastM)
            var rest: [Geometry] = []
            for piece in try remaining.lineMergeIfLinear().pieces {
                let (c, r) = near.split(try piece.coordinates)
                sea += try c.map { try Geometry.lineString($0, context: ctx) }
                rest += try r.map { try Geometry.lineString($0, context: ctx) }
            }
            remaining = rest.isEmpty ? try Geometry.empty(.multiLineString, context: ctx) : try Geometry.multiLineString(rest, context: ctx)
            for piece in try remaining.lineMergeIfLinear().pieces where try piece.length >= 1 {
                var best: (index: Int, distance: Double)?
                for (k, c) in claims.enumerated() {
                    let d = try piece.distance(to: c.projected)
                    if d <= nearestNeighbourM, best == nil || d < best!.distance { best = (k, d) }
                }
                if let best {
                    claims[best.index].parts.append(piece)
                    let target = claims[best.index].projected
                    for c in try piece.coordinates {
                        reassignedMax = max(reassignedMax, try Geometry.point(c, context: ctx).distance(to: target))
                    }
                    reassigned += try piece.length
                } else {
                    inland.append(piece)
                }
            }
        } else if try !remaining.isEmpty && remaining.length >= 1 {
            sea.append(remaining)
        }
        func segment(_ code: String, _ name: String, _ facing: Facing, _ parts: [Geometry], allied isAllied: Bool) throws -> Segment? {
            guard !parts.isEmpty else { return nil }
            let merged = parts.count == 1 ? parts[0] : try Geometry.multiLineString(parts.flatMap { try $0.lineMergeIfLinear().pieces }, context: ctx)
            let ll = try projection.inverse(merged.lineMergeIfLinear(), context: ctx)
            let length = try ll.geodesicLength()
            guard length >= 1 else { return nil }
            return Segment(neighbour: code, name: name, facing: facing, allied: isAllied, lengthM: length, wkb: try ll.wkb)
        }
        var segments: [Segment] = []
        for c in claims {
            if let s = try segment(c.code, c.name, c.facing, c.parts, allied: allied.contains(c.code)) { segments.append(s) }
        }
        if let s = try segment("sea", "sea (coast)", .sea, sea, allied: allied.contains("sea")) { segments.append(s) }
        if let s = try segment("inland", "inland water (no neighbour, off the coast)", .inland, inland, allied: true) { segments.append(s) }
        var out = ExposedFrontier(segments: segments, boundaryLengthM: try boundaryLL.geodesicLength())
        out.reassignedM = reassigned
        out.reassignedMaxDistanceM = reassignedMax
        return out
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

    /// The lines of a (multi)line geometry, one per part.
    var pieces: [Geometry] {
        get throws {
            switch try type {
            case .lineString, .linearRing: return [self]
            case .multiLineString, .geometryCollection: return try geometries.flatMap { try $0.pieces }
            default: return []
            }
        }
    }
}
