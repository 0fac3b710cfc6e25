import CPROJ

/// A coordinate transformation between two CRSs, pyproj-style:
/// `try Transformer(from: "EPSG:4326", to: "EPSG:3035")`.
///
/// Built with `proj_create_crs_to_crs` + `proj_normalize_for_visualization`, so a geographic CRS
/// always takes and returns **lon/lat in degrees** (x = longitude, y = latitude), whatever axis order
/// its definition declares (pyproj's `always_xy=True`). Projected coordinates are in the CRS's unit
/// (metres for the EPSG CRSs Perimeter uses).
///
/// A point PROJ cannot transform (outside the operation's domain, non-finite result) throws a
/// `ProjError` with PROJ's message and the point's index: no `inf` is ever returned.
///
/// Building a transformer costs ≈ 20 ms; reuse one, or use `ProjContext.transformer(from:to:)`,
/// which caches them. **Thread rule**: not `Sendable`; a transformer belongs to the owner of its
/// `ProjContext` (one thread/task at a time). Make one context per task for parallel work.
public final class Transformer {
    /// The direction of a transformation.
    public enum Direction: Sendable {
        /// source → target
        case forward
        /// target → source
        case inverse

        var pj: PJ_DIRECTION { self == .forward ? PJ_FWD : PJ_INV }
    }

    /// The source CRS (input of `.forward`).
    public let source: CRS
    /// The target CRS (output of `.forward`).
    public let target: CRS
    let handle: ProjContextHandle
    let pj: OpaquePointer
    private var sourceToGeographic: Transformer?

    /// A transformer from `source` to `target`, made in `source`'s context (make both CRSs in the same
    /// context, or at least use them from the same thread).
    /// - Throws: `ProjError` (`.noTransformation`, or `.cannotFindDatabase`).
    public init(from source: CRS, to target: CRS) throws {
        let handle = source.handle
        let operation = "cannot build a transformation from \"\(source.definition.oneLine)\" to \"\(target.definition.oneLine)\""
        handle.log.clear()
        guard let raw = proj_create_crs_to_crs_from_pj(handle.ctx, source.pj, target.pj, nil, nil) else {
            throw handle.creationError(operation: operation, kind: .noTransformation)
        }
        defer { proj_destroy(raw) }
        guard let normalized = proj_normalize_for_visualization(handle.ctx, raw) else {
            throw handle.creationError(operation: operation, kind: .noTransformation)
        }
        self.source = source
        self.target = target
        self.handle = handle
        self.pj = normalized
    }

    /// A transformer between two CRS definitions (EPSG code, PROJ string or WKT).
    ///
    /// - Parameter context: the context to work in; `nil` makes a fresh one. For repeated use prefer
    ///   `ProjContext.transformer(from:to:)`, which caches.
    public convenience init(from source: String, to target: String, context: ProjContext? = nil) throws {
        let context = context ?? ProjContext()
        try self.init(from: CRS(source, context: context), to: CRS(target, context: context))
    }

    deinit { proj_destroy(pj) }

    /// PROJ's description of the operation chosen (for a multi-candidate operation, a summary).
    public var operationDescription: String {
        proj_pj_info(pj).description.map { String(cString: $0) } ?? ""
    }

    /// Transforms one coordinate.
    /// - Throws: `ProjError.Kind.pointFailed` with PROJ's message if the result is not finite.
    public func transform(_ c: Coordinate, direction: Direction = .forward) throws -> Coordinate {
        try transform(c, direction: direction, index: 0)
    }

    /// Transforms one coordinate; a failure names it as point `index` (of a geometry being transformed).
    func transform(_ c: Coordinate, direction: Direction, index: Int) throws -> Coordinate {
        handle.log.clear()
        proj_errno_reset(pj)
        let out = proj_trans(pj, direction.pj, proj_coord(c.x, c.y, 0, 0))
        let result = Coordinate(x: out.xy.x, y: out.xy.y)
        guard result.isFinite else { throw pointError(c, index: index, direction: direction) }
        return result
    }

    /// Transforms one coordinate from target to source.
    public func inverse(_ c: Coordinate) throws -> Coordinate {
        try transform(c, direction: .inverse)
    }

    /// Transforms `coordinates` in place (one `proj_trans_generic` call over the array's storage).
    ///
    /// On failure the array is left unchanged and the error names the first failing point's index.
    public func transform(_ coordinates: inout [Coordinate], direction: Direction = .forward) throws {
        guard !coordinates.isEmpty else { return }
        var work = coordinates
        handle.log.clear()
        proj_errno_reset(pj)
        let stride = MemoryLayout<Coordinate>.stride
        let yOffset = MemoryLayout<Coordinate>.offset(of: \Coordinate.y)!
        let count = work.count
        work.withUnsafeMutableBytes { raw in
            let base = raw.baseAddress!
            let xs = base.assumingMemoryBound(to: Double.self)
            let ys = (base + yOffset).assumingMemoryBound(to: Double.self)
            _ = proj_trans_generic(pj, direction.pj, xs, stride, count, ys, stride, count,
                                   nil, 0, 0, nil, 0, 0)
        }
        if let bad = work.firstIndex(where: { !$0.isFinite }) {
            throw pointError(coordinates[bad], index: bad, direction: direction)
        }
        coordinates = work
    }

    /// The transformed copy of `coordinates`; see `transform(_:direction:)` (in place).
    public func transformed(_ coordinates: [Coordinate], direction: Direction = .forward) throws -> [Coordinate] {
        var copy = coordinates
        try transform(&copy, direction: direction)
        return copy
    }

    private func pointError(_ c: Coordinate, index: Int, direction: Direction) -> ProjError {
        let err = proj_errno(pj)
        var message = handle.log.joined ?? ""
        if message.isEmpty, err != 0, let s = proj_context_errno_string(handle.ctx, err) {
            message = String(cString: s)
        }
        if message.isEmpty { message = "non-finite result" }
        let (from, to) = direction == .forward ? (source, target) : (target, source)
        return ProjError(
            kind: .pointFailed,
            operation: "cannot transform point \(index) \(c) from \"\(from.definition.oneLine)\" to \"\(to.definition.oneLine)\"",
            message: message, pointIndex: index)
    }
}

extension Transformer {
    /// The area where both the source and the target CRS are valid (lon/lat degrees), or `nil`
    /// if PROJ knows neither area. If only one is known, that one.
    public var areaOfUse: AreaOfUse? {
        switch (source.areaOfUse, target.areaOfUse) {
        case (nil, nil): return nil
        case let (a?, nil), let (nil, a?): return a
        case let (a?, b?):
            // Intersect latitudes; for longitudes keep the narrower box when either crosses ±180.
            let south = max(a.south, b.south), north = min(a.north, b.north)
            if a.west <= a.east && b.west <= b.east {
                return AreaOfUse(west: max(a.west, b.west), south: south,
                                 east: min(a.east, b.east), north: north, name: b.name)
            }
            let widthA = a.west <= a.east ? a.east - a.west : a.east - a.west + 360
            let widthB = b.west <= b.east ? b.east - b.west : b.east - b.west + 360
            let narrow = widthA <= widthB ? a : b
            return AreaOfUse(west: narrow.west, south: south, east: narrow.east, north: north, name: b.name)
        }
    }

    /// Throws unless the source coordinate `c` (in the source CRS; lon/lat degrees if geographic,
    /// otherwise converted to the source's geographic CRS first) lies inside `areaOfUse`.
    /// Does nothing if PROJ knows no area of use.
    public func checkAreaOfUse(_ c: Coordinate) throws {
        guard let area = areaOfUse else { return }
        var lonLat = c
        if !source.isGeographic {
            if sourceToGeographic == nil {
                sourceToGeographic = try Transformer(from: source, to: source.geodeticCRS())
            }
            lonLat = try sourceToGeographic!.transform(c)
        }
        guard area.contains(lonLat) else {
            throw ProjError(
                kind: .pointFailed,
                operation: "point \(c) is outside the area of use of \"\(source.definition.oneLine)\" → \"\(target.definition.oneLine)\"",
                message: "area of use is lon \(area.west)…\(area.east)°, lat \(area.south)…\(area.north)° (\(area.name.oneLine))")
        }
    }
}
