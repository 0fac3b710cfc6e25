import GeoJSON
import GeometryCore

/// The territory a perimeter protects: a union of country polygons (and, for the Dnipro
/// perimeter, the part of Ukraine west of the river), lon/lat WGS84, with its geodesic area.
public struct ProtectedRegion: Sendable {
    /// Region name, e.g. "PL" or "PL+UA-west".
    public var name: String
    /// Member codes: ISO 3166 alpha-2 codes and `UA-west`.
    public var members: [String]
    /// The region polygon(s) as WKB (lon/lat).
    public var wkb: [UInt8]
    /// Geodesic area, m² (WGS84).
    public var areaM2: Double
    /// The sliver holes the merge of the members filled (none for a single member).
    public var merge: RegionMerge = .none

    /// The region as a GEOS geometry in `context`.
    public func geometry(context: GEOSContext) throws -> Geometry { try Geometry(wkb: wkb, context: context) }

    /// The union of `parts` (lon/lat) without the sliver holes left between neighbouring parts
    /// (``RegionMerge``), measured geodesically.
    public static func union(name: String, members: [String], parts: [Geometry], context: GEOSContext) throws -> ProtectedRegion {
        let (g, merge) = try RegionMerge.union(parts, context: context)
        return ProtectedRegion(name: name, members: members, wkb: try g.wkb, areaM2: try g.geodesicAreaPerimeter().area, merge: merge)
    }
}

/// Ukraine split by the Dnipro into a western and an eastern part (lon/lat, WGS84).
///
/// The polygon is cut with `Geometry.split(by:)`. The piece holding `westReference` (Lviv) is the
/// western part's core and the piece holding `eastReference` (Kharkiv) the eastern one's; every
/// other piece (slivers where the river leaves and re-enters Ukraine along the Belarus border,
/// delta islands, sea islands) joins a side: a piece touching the river by the bank it lies on
/// (sign of the cross product with the river's local direction, calibrated on the western core),
/// any other piece the core it is nearest to (planar lon/lat distance, used only to compare).
public struct UkraineSplit: Sendable {
    public var westWKB: [UInt8]
    public var eastWKB: [UInt8]
    /// Geodesic areas, m².
    public var westAreaM2: Double
    public var eastAreaM2: Double
    public var ukraineAreaM2: Double
    /// Number of pieces the split produced.
    public var pieceCount: Int

    public func west(context: GEOSContext) throws -> Geometry { try Geometry(wkb: westWKB, context: context) }
    public func east(context: GEOSContext) throws -> Geometry { try Geometry(wkb: eastWKB, context: context) }

    public static func split(ukraine: Geometry, river: Geometry, westReference: Coordinate, eastReference: Coordinate) throws -> UkraineSplit {
        let ctx = ukraine.context
        let pieces = try ukraine.split(by: river)
        let prepared = try pieces.map { try $0.prepared() }
        guard let wi = try prepared.firstIndex(where: { try $0.contains(westReference) }) else {
            throw DomainError.invalidParameter("no piece of Ukraine split by the Dnipro contains the west reference \(westReference)")
        }
        guard let ei = try prepared.firstIndex(where: { try $0.contains(eastReference) }), ei != wi else {
            throw DomainError.invalidParameter("the Dnipro does not separate \(westReference) from \(eastReference): the split failed")
        }
        // Which sign of the side test is the west bank: probe both sides of the river's midpoint.
        let riverLength = try river.length
        let mid = try river.interpolate(distance: riverLength / 2).pointCoordinate
        let dir = try Self.direction(river, at: riverLength / 2)
        let probe = 1e-3
        let left = Coordinate(x: mid.x - dir.y * probe, y: mid.y + dir.x * probe)
        let westIsLeft = try prepared[wi].contains(left)
        let riverPrepared = try river.prepared()

        var west = [pieces[wi]], east = [pieces[ei]]
        for (i, piece) in pieces.enumerated() where i != wi && i != ei {
            let goesWest: Bool
            if try riverPrepared.intersects(piece) && (try piece.intersection(river).length) > 0 {
                let p = try piece.pointOnSurface()
                let along = try river.project(p)
                let q = try river.interpolate(distance: along).pointCoordinate
                let d = try Self.direction(river, at: along)
                let pc = try p.pointCoordinate
                let cross = d.x * (pc.y - q.y) - d.y * (pc.x - q.x)
                goesWest = (cross > 0) == westIsLeft
            } else {
                goesWest = try piece.distance(to: pieces[wi]) <= piece.distance(to: pieces[ei])
            }
            if goesWest { west.append(piece) } else { east.append(piece) }
        }
        let w = try Geometry.unionAll(west, context: ctx), e = try Geometry.unionAll(east, context: ctx)
        return UkraineSplit(
            westWKB: try w.wkb, eastWKB: try e.wkb, westAreaM2: try w.geodesicAreaPerimeter().area,
            eastAreaM2: try e.geodesicAreaPerimeter().area, ukraineAreaM2: try ukraine.geodesicAreaPerimeter().area,
            pieceCount: pieces.count)
    }

    /// Unit direction of `line` (planar, lon/lat) around `along` (degrees along it).
    static func direction(_ line: Geometry, at along: Double) throws -> Coordinate {
        let total = try line.length
        let eps = min(1e-3, total / 4)
        let a = try line.interpolate(distance: max(0, along - eps)).pointCoordinate
        let b = try line.interpolate(distance: min(total, along + eps)).pointCoordinate
        let n = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
        return Coordinate(x: (b.x - a.x) / max(n, 1e-15), y: (b.y - a.y) / max(n, 1e-15))
    }
}
