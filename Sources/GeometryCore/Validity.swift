import CGEOS

/// OGC validity: the reason a geometry is invalid, and repair.
extension Geometry {
    /// True when the geometry is valid in the OGC sense (no self-intersections, closed rings,
    /// holes inside shells, ...).
    public var isValid: Bool {
        get throws { try context.checkBool(GEOSisValid_r(context.handle, handle), "isValid") }
    }

    /// GEOS's reason text: "Valid Geometry", or e.g. "Self-intersection[0.5 0.5]".
    public var validityReason: String {
        get throws {
            guard let text = GEOSisValidReason_r(context.handle, handle) else {
                throw context.failure("validity reason")
            }
            defer { GEOSFree_r(context.handle, text) }
            return String(cString: text)
        }
    }

    /// Why the geometry is invalid and where (nil when it is valid).
    public struct ValidityProblem: Sendable, Hashable {
        /// GEOS's reason, e.g. "Self-intersection".
        public var reason: String
        /// The location of the problem (CRS units), when GEOS gives one.
        public var location: Coordinate?
    }

    /// The validity problem with its location, or nil for a valid geometry.
    public var validityProblem: ValidityProblem? {
        get throws {
            var reason: UnsafeMutablePointer<CChar>?
            var location: OpaquePointer?
            let r = GEOSisValidDetail_r(context.handle, handle, 0, &reason, &location)
            defer {
                if let reason { GEOSFree_r(context.handle, reason) }
                if let location { GEOSGeom_destroy_r(context.handle, location) }
            }
            if try context.checkBool(r, "validity detail") { return nil }
            var at: Coordinate?
            if let location, GEOSisEmpty_r(context.handle, location) == 0 {
                var x = 0.0, y = 0.0
                if GEOSGeomGetX_r(context.handle, location, &x) == 1, GEOSGeomGetY_r(context.handle, location, &y) == 1 {
                    at = Coordinate(x: x, y: y)
                }
            }
            return ValidityProblem(reason: reason.map { String(cString: $0) } ?? "Invalid geometry", location: at)
        }
    }

    /// How `makeValid` repairs a geometry (GEOS 3.10+ `GEOSMakeValidWithParams`).
    public enum MakeValidMethod: Sendable {
        /// Keep every edge (GEOS's original "linework" algorithm); collapsed parts may become lines.
        case linework
        /// Rebuild areas from the rings (faster, areal only); `keepCollapsed` keeps collapsed parts.
        case structure(keepCollapsed: Bool)
    }

    /// A valid geometry covering the same points (bowtie → two triangles, etc.).
    public func makeValid(method: MakeValidMethod = .linework) throws -> Geometry {
        let h = context.handle
        guard let params = GEOSMakeValidParams_create_r(h) else { throw context.failure("makeValid parameters") }
        defer { GEOSMakeValidParams_destroy_r(h, params) }
        switch method {
        case .linework:
            _ = GEOSMakeValidParams_setMethod_r(h, params, GEOS_MAKE_VALID_LINEWORK)
        case .structure(let keep):
            _ = GEOSMakeValidParams_setMethod_r(h, params, GEOS_MAKE_VALID_STRUCTURE)
            _ = GEOSMakeValidParams_setKeepCollapsed_r(h, params, keep ? 1 : 0)
        }
        return try derived("makeValid") { GEOSMakeValidWithParams_r($0, $1, params) }
    }
}
