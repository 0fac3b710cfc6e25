import CGEOS

/// An immutable GEOS geometry (point, line string, linear ring, polygon with holes, the multi
/// types, or a collection) in whatever CRS its coordinates are in; Perimeter keeps x/y =
/// lon/lat order for geographic data. Every operation is planar: lengths, areas and distances
/// are in CRS units (degrees for lon/lat — project first, or use `Geodesic`, for metres).
///
/// Ownership: a `Geometry` owns exactly one native `GEOSGeometry` and frees it exactly once in
/// `deinit`. It holds a strong reference to its `GEOSContext`, which outlives it; operations
/// return new geometries in the receiver's context.
///
/// Threads: `Geometry` is **not `Sendable`** (neither is its context); Swift 6 refuses to send
/// one to another task or actor. To hand geometry to another task send its `wkb` bytes and
/// rebuild it there with that task's own `GEOSContext`.
public final class Geometry {
    /// The context every operation on this geometry runs in.
    public let context: GEOSContext
    /// The owned native geometry.
    @usableFromInline let handle: OpaquePointer

    /// Takes ownership of `handle`, which must have been created by GEOS and not be owned by
    /// anything else.
    @usableFromInline init(taking handle: OpaquePointer, context: GEOSContext) {
        self.handle = handle
        self.context = context
    }

    deinit {
        GEOSGeom_destroy_r(context.handle, handle)
    }

    /// A deep copy owned by `context` (the receiver's context by default).
    public func copy(to context: GEOSContext? = nil) throws -> Geometry {
        let ctx = context ?? self.context
        let h = try ctx.check(GEOSGeom_clone_r(ctx.handle, handle), "clone")
        return Geometry(taking: h, context: ctx)
    }

    // MARK: - Internal helpers

    /// Runs a GEOS call that returns a new geometry owned by the caller.
    @usableFromInline func derived(
        _ operation: String, _ body: (GEOSContextHandle_t, OpaquePointer) -> OpaquePointer?
    ) throws -> Geometry {
        context.clearError()
        guard let r = body(context.handle, handle) else { throw context.failure(operation) }
        return Geometry(taking: r, context: context)
    }

    /// Runs a GEOS call on two geometries that returns a new geometry owned by the caller.
    @usableFromInline func derived(
        _ operation: String, with other: Geometry,
        _ body: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> OpaquePointer?
    ) throws -> Geometry {
        context.clearError()
        let r = withExtendedLifetime(other) { body(context.handle, handle, other.handle) }
        guard let r else { throw context.failure(operation) }
        return Geometry(taking: r, context: context)
    }

    /// Runs a GEOS binary predicate (1 true, 0 false, 2 exception).
    @usableFromInline func predicate(
        _ operation: String, _ other: Geometry,
        _ body: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar
    ) throws -> Bool {
        context.clearError()
        let r = withExtendedLifetime(other) { body(context.handle, handle, other.handle) }
        return try context.checkBool(r, operation)
    }

    /// Requires one of the given types.
    func require(_ types: Set<GeometryType>, _ operation: String, expected: String) throws {
        let t = try type
        guard types.contains(t) else {
            throw GeometryError.wrongGeometryType(operation: operation, expected: expected, actual: t)
        }
    }
}

@available(*, unavailable, message: "Geometry is bound to a GEOS context; send WKB to another task instead")
extension Geometry: Sendable {}

extension Geometry: CustomStringConvertible {
    /// The geometry's WKT.
    public var description: String { wkt }
}
