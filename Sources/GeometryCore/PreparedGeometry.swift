import CGEOS

/// A geometry prepared for many predicate tests against it (indexes its edges once).
///
/// Owns one native `GEOSPreparedGeometry`, freed in `deinit`; keeps the base `Geometry` (and so
/// its context) alive, as GEOS requires. Not `Sendable`: GEOS prepared geometries build
/// internal indexes lazily and are not safe to share between threads (libgeos #825); prepare
/// one per task.
public final class PreparedGeometry {
    /// The geometry that was prepared.
    public let geometry: Geometry
    @usableFromInline let handle: OpaquePointer

    /// Prepares `geometry` (see `Geometry.prepared()`).
    public init(_ geometry: Geometry) throws {
        self.geometry = geometry
        let ctx = geometry.context
        handle = try ctx.check(GEOSPrepare_r(ctx.handle, geometry.handle), "prepare")
    }

    deinit {
        GEOSPreparedGeom_destroy_r(geometry.context.handle, handle)
    }

    @usableFromInline var context: GEOSContext { geometry.context }

    @usableFromInline func test(
        _ operation: String, _ other: Geometry,
        _ body: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar
    ) throws -> Bool {
        let r = withExtendedLifetime(other) { body(context.handle, handle, other.handle) }
        return try context.checkBool(r, operation)
    }

    /// `other` lies in the prepared geometry and their interiors meet.
    public func contains(_ other: Geometry) throws -> Bool { try test("prepared contains", other, GEOSPreparedContains_r) }
    /// `other` lies in the prepared geometry's interior (touches no boundary).
    public func containsProperly(_ other: Geometry) throws -> Bool { try test("prepared containsProperly", other, GEOSPreparedContainsProperly_r) }
    /// No point of `other` lies outside the prepared geometry.
    public func covers(_ other: Geometry) throws -> Bool { try test("prepared covers", other, GEOSPreparedCovers_r) }
    /// No point of the prepared geometry lies outside `other`.
    public func coveredBy(_ other: Geometry) throws -> Bool { try test("prepared coveredBy", other, GEOSPreparedCoveredBy_r) }
    /// The geometries share at least one point.
    public func intersects(_ other: Geometry) throws -> Bool { try test("prepared intersects", other, GEOSPreparedIntersects_r) }
    /// The geometries share no point.
    public func disjoint(_ other: Geometry) throws -> Bool { try test("prepared disjoint", other, GEOSPreparedDisjoint_r) }
    /// The geometries meet only on their boundaries.
    public func touches(_ other: Geometry) throws -> Bool { try test("prepared touches", other, GEOSPreparedTouches_r) }
    /// The geometries cross.
    public func crosses(_ other: Geometry) throws -> Bool { try test("prepared crosses", other, GEOSPreparedCrosses_r) }
    /// The prepared geometry lies within `other`.
    public func within(_ other: Geometry) throws -> Bool { try test("prepared within", other, GEOSPreparedWithin_r) }
    /// The geometries overlap.
    public func overlaps(_ other: Geometry) throws -> Bool { try test("prepared overlaps", other, GEOSPreparedOverlaps_r) }

    /// Whether the prepared geometry contains the point `c` (x/y = lon/lat). Creates and frees
    /// one native point per call, with no Swift object.
    public func contains(_ c: Coordinate) throws -> Bool {
        try testPoint(c, "prepared contains point", GEOSPreparedContains_r)
    }

    /// Whether the prepared geometry intersects (contains or touches) the point `c`.
    public func intersects(_ c: Coordinate) throws -> Bool {
        try testPoint(c, "prepared intersects point", GEOSPreparedIntersects_r)
    }

    /// `contains(_:)` for many points at once.
    public func contains(_ coords: [Coordinate]) throws -> [Bool] {
        try coords.map { try testPoint($0, "prepared contains point", GEOSPreparedContains_r) }
    }

    func testPoint(
        _ c: Coordinate, _ operation: String,
        _ body: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar
    ) throws -> Bool {
        guard c.isFinite else { throw GeometryError.nonFiniteCoordinate(context: operation, index: 0, x: c.x, y: c.y) }
        let h = context.handle
        guard let p = GEOSGeom_createPointFromXY_r(h, c.x, c.y) else { throw context.failure(operation) }
        defer { GEOSGeom_destroy_r(h, p) }
        return try context.checkBool(body(h, handle, p), operation)
    }
}

@available(*, unavailable, message: "GEOS prepared geometries are not thread-safe; prepare one per task")
extension PreparedGeometry: Sendable {}

extension Geometry {
    /// This geometry prepared for repeated predicates (see `PreparedGeometry`).
    public func prepared() throws -> PreparedGeometry { try PreparedGeometry(self) }
}
