import CGEOS

extension Geometry {
    /// The same geometry with every coordinate's x and y passed through `transform` (z, if any, kept), owned
    /// by `context` (the receiver's by default): GEOS `GEOSGeom_transformXY_r` on a copy, so the structure
    /// (parts, rings, empty members, collections) is exactly the input's. The first error `transform`
    /// throws is rethrown and nothing is returned.
    public func transformedXY(in context: GEOSContext? = nil,
                              _ transform: (inout Double, inout Double) throws -> Void) throws -> Geometry {
        try withoutActuallyEscaping(transform) { transform in
            let state = XYTransformState(transform)
            let userData = Unmanaged.passUnretained(state).toOpaque()
            let result = withExtendedLifetime(state) {
                derivedOrNil(in: context ?? self.context) { ctx, g in
                    GEOSGeom_transformXY_r(ctx, g, XYTransformState.callback, userData)
                }
            }
            if let error = state.error { throw error }
            return try result.get()
        }
    }

    /// The geometry with every coordinate transformed by `transformer` (``Transformer/Direction/forward``:
    /// from its source CRS to its target CRS), owned by `context` (the receiver's by default), one
    /// `proj_trans` per coordinate as
    /// ``Transformer/transform(_:direction:)`` does. A coordinate PROJ cannot transform throws the same
    /// `ProjError` (with the coordinate's index in visiting order).
    public func transformed(by transformer: Transformer, direction: Transformer.Direction = .forward,
                            in context: GEOSContext? = nil) throws -> Geometry {
        var index = 0
        return try transformedXY(in: context) { x, y in
            let c = try transformer.transform(Coordinate(x: x, y: y), direction: direction, index: index)
            index += 1
            x = c.x
            y = c.y
        }
    }

    /// `derived(_:_:)` with the failure kept as a value, so a caller can prefer its own error.
    private func derivedOrNil(in context: GEOSContext,
                              _ body: (GEOSContextHandle_t, OpaquePointer) -> OpaquePointer?) -> Result<Geometry, GeometryError> {
        context.clearError()
        guard let r = body(context.handle, handle) else { return .failure(context.failure("transformXY")) }
        return .success(Geometry(taking: r, context: context))
    }
}

/// The Swift closure behind one `GEOSGeom_transformXY_r` call and the first error it threw. The C
/// callback is a static member (nonisolated code), never a closure literal written in an isolated context.
private final class XYTransformState {
    let transform: (inout Double, inout Double) throws -> Void
    var error: (any Error)?

    init(_ transform: @escaping (inout Double, inout Double) throws -> Void) { self.transform = transform }

    static let callback: GEOSTransformXYCallback = { x, y, userData in
        guard let x, let y, let userData else { return 0 }
        let state = Unmanaged<XYTransformState>.fromOpaque(userData).takeUnretainedValue()
        guard state.error == nil else { return 0 }
        do {
            try state.transform(&x.pointee, &y.pointee)
            return 1
        } catch {
            state.error = error
            return 0
        }
    }
}
