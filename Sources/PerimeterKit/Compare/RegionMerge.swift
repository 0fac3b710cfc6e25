import GeometryCore

/// What merging neighbouring country polygons into one protected region left along their shared borders.
///
/// DCW-GMT (1:1M) digitises each country on its own: neighbours share no vertices, and along a shared
/// border their outlines cross every few kilometres, so the plain union of Poland and western Ukraine
/// keeps dozens of sliver holes between the two outlines (81 holes, 686.8 km of hole boundary along the
/// Poland–Ukraine border). A hole of the union is a merge artefact when its ring runs along the outlines
/// of two or more members (within `seamToleranceDeg`); those holes are filled. A hole touching a single
/// member (an enclave, a lake the member excludes) is kept, and so is every hole of a single-member region.
public struct RegionMerge: Sendable {
    /// Holes of the plain union filled because they lay between two members' outlines.
    public var holesFilled: Int
    /// Geodesic length of the filled holes' rings, metres (boundary the plain union would have counted).
    public var filledBoundaryM: Double
    /// Geodesic area of the filled holes, m².
    public var filledAreaM2: Double
    /// Holes kept (touching only one member).
    public var holesKept: Int

    /// How close (degrees, ≈ 1 cm) a hole's ring must come to a member's outline to count as running along it:
    /// the union's vertices lie on the members' outlines up to floating-point noding error.
    public static let seamToleranceDeg = 1e-7

    public static let none = RegionMerge(holesFilled: 0, filledBoundaryM: 0, filledAreaM2: 0, holesKept: 0)

    /// The union of `members` (lon/lat polygons) with its merge holes filled.
    public static func union(_ members: [Geometry], context: GEOSContext) throws -> (geometry: Geometry, merge: RegionMerge) {
        guard members.count > 1 else { return (members[0], .none) }
        let union = try Geometry.unionAll(members, context: context)
        let outlines = try members.map { try $0.boundary() }
        var filled = 0, kept = 0, boundaryM = 0.0, areaM2 = 0.0
        var polygons: [Geometry] = []
        let parts = try union.type == .polygon ? [union] : union.geometries
        for polygon in parts {
            guard try polygon.type == .polygon else { continue }
            var holes: [[Coordinate]] = []
            for i in 0..<(try polygon.numInteriorRings) {
                let ring = try polygon.interiorRing(at: i)
                let touching = try outlines.filter { try ring.isWithinDistance($0, distance: seamToleranceDeg) }.count
                let coords = try ring.coordinates
                if touching >= 2 {
                    filled += 1
                    boundaryM += Geodesic.wgs84.length(of: coords)
                    areaM2 += try Geometry.polygon(shell: coords, context: context).geodesicAreaPerimeter().area
                } else {
                    kept += 1
                    holes.append(coords)
                }
            }
            polygons.append(try Geometry.polygon(shell: polygon.exteriorRing.coordinates, holes: holes, context: context))
        }
        let merged = polygons.count == 1 ? polygons[0] : try Geometry.multiPolygon(polygons, context: context)
        return (merged, RegionMerge(holesFilled: filled, filledBoundaryM: boundaryM, filledAreaM2: areaM2, holesKept: kept))
    }
}
