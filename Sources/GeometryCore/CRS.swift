import CPROJ

/// A coordinate reference system (a PROJ `PJ*` of a CRS type), made from an EPSG code
/// (`"EPSG:3035"`), a PROJ string (`"+proj=laea +lat_0=52 +lon_0=10 +ellps=GRS80"`) or WKT.
///
/// Not `Sendable`: a `CRS` belongs to the `ProjContext` it was made in (see that type's thread rule),
/// and keeps that context alive.
public final class CRS {
    /// The definition the CRS was made from, as given.
    public let definition: String
    let handle: ProjContextHandle
    let pj: OpaquePointer

    /// Parses `definition` (EPSG code such as `"EPSG:4326"`, PROJ string, WKT, or any other form
    /// `proj_create` accepts). A PROJ string without `+type=crs` gets it appended.
    ///
    /// - Parameter context: the context to create the CRS in; `nil` makes a fresh one.
    /// - Throws: `ProjError` (`.invalidDefinition` with PROJ's message and the definition, or
    ///   `.cannotFindDatabase` saying "cannot find proj.db").
    public init(_ definition: String, context: ProjContext? = nil) throws {
        let handle = (context ?? ProjContext()).handle
        let trimmed = definition.trimmingWhitespace
        var text = trimmed
        if text.hasPrefix("+") && !text.contains("+type=crs") { text += " +type=crs" }
        let operation = "cannot create CRS from \"\(definition.oneLine)\""
        handle.log.clear()
        guard !trimmed.isEmpty else {
            throw ProjError(kind: .invalidDefinition, operation: operation, message: "empty definition")
        }
        guard let pj = proj_create(handle.ctx, text) else {
            throw handle.creationError(operation: operation, kind: .invalidDefinition)
        }
        guard proj_is_crs(pj) != 0 else {
            proj_destroy(pj)
            throw ProjError(kind: .invalidDefinition, operation: operation,
                            message: "the definition is not a coordinate reference system")
        }
        self.definition = definition
        self.handle = handle
        self.pj = pj
    }

    /// Wraps a `PJ*` CRS this object will own.
    init(owning pj: OpaquePointer, definition: String, handle: ProjContextHandle) {
        self.pj = pj
        self.definition = definition
        self.handle = handle
    }

    deinit { proj_destroy(pj) }

    /// The CRS `EPSG:code`, e.g. `CRS.epsg(3035)` (ETRS89-extended / LAEA Europe).
    public static func epsg(_ code: Int, context: ProjContext? = nil) throws -> CRS {
        try CRS("EPSG:\(code)", context: context)
    }

    /// PROJ's name for the CRS, e.g. "WGS 84" or "ETRS89-extended / LAEA Europe".
    public var name: String {
        proj_get_name(pj).map { String(cString: $0) } ?? ""
    }

    /// Whether this is a geographic CRS (lon/lat in degrees), 2-D or 3-D.
    public var isGeographic: Bool {
        let type = proj_get_type(pj)
        return type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS
            || type == PJ_TYPE_GEOGRAPHIC_CRS
    }

    /// The CRS's area of use (lon/lat degrees), or `nil` if PROJ knows none (e.g. a PROJ string).
    public var areaOfUse: AreaOfUse? {
        var w = 0.0, s = 0.0, e = 0.0, n = 0.0
        var areaName: UnsafePointer<CChar>? = nil
        guard proj_get_area_of_use(handle.ctx, pj, &w, &s, &e, &n, &areaName) != 0,
              w > -1000, s > -1000, e > -1000, n > -1000 else { return nil }
        return AreaOfUse(west: w, south: s, east: e, north: n,
                         name: areaName.map { String(cString: $0) } ?? "")
    }

    /// The CRS as WKT2:2019 (multi-line), or `nil` if PROJ cannot export it.
    public var wkt: String? {
        handle.log.clear()
        return proj_as_wkt(handle.ctx, pj, PJ_WKT2_2019, nil).map { String(cString: $0) }
    }

    /// The CRS as a PROJ string, or `nil` if it has no PROJ-string equivalent.
    public var projString: String? {
        handle.log.clear()
        return proj_as_proj_string(handle.ctx, pj, PJ_PROJ_5, nil).map { String(cString: $0) }
    }

    /// The geodetic (geographic) CRS this CRS is based on, e.g. ETRS89 for EPSG:3035.
    public func geodeticCRS() throws -> CRS {
        handle.log.clear()
        guard let g = proj_crs_get_geodetic_crs(handle.ctx, pj) else {
            throw handle.creationError(operation: "no geodetic CRS for \"\(definition.oneLine)\"",
                                       kind: .invalidDefinition)
        }
        let name = proj_get_name(g).map { String(cString: $0) } ?? "geodetic CRS of \(definition)"
        return CRS(owning: g, definition: name, handle: handle)
    }
}

extension CRS: CustomStringConvertible {
    public var description: String { "\(name) (\(definition.oneLine))" }
}
