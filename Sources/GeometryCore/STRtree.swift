import CGEOS

/// A GEOS STR-packed R-tree over geometries' bounding boxes, returning *your* payload integers
/// (e.g. indices into your own array of airspaces or sites).
///
/// Insert everything first, then query: GEOS builds the tree on the first query and it cannot
/// take more items afterwards (inserting then throws). Owns one native `GEOSSTRtree`, freed in
/// `deinit`; keeps every inserted `Geometry` alive (used by `nearest`). Not `Sendable`: build
/// one per task.
public final class STRtree {
    /// The context queries run in.
    public let context: GEOSContext
    private let handle: OpaquePointer
    /// Inserted geometries, by slot (item pointer = slot + 1, so never NULL).
    private var geometries: [Geometry] = []
    private var payloads: [Int] = []
    private var isBuilt = false

    /// An empty tree; `nodeCapacity` is the branching factor (GEOS's default is 10).
    public init(nodeCapacity: Int = 10, context: GEOSContext = GEOSContext()) throws {
        guard nodeCapacity >= 2 else {
            throw GeometryError.invalidArgument("STRtree: nodeCapacity must be at least 2, got \(nodeCapacity)")
        }
        self.context = context
        handle = try context.check(GEOSSTRtree_create_r(context.handle, nodeCapacity), "STRtree create")
    }

    deinit {
        GEOSSTRtree_destroy_r(context.handle, handle)
    }

    /// Number of inserted items (empty geometries included; they are never returned).
    public var count: Int { payloads.count }

    /// Inserts `geometry`'s bounding box with `payload`. Empty geometries are accepted and
    /// never found.
    public func insert(_ geometry: Geometry, payload: Int) throws {
        guard !isBuilt else {
            throw GeometryError.invalidArgument("STRtree: cannot insert after the tree has been queried")
        }
        let slot = geometries.count
        geometries.append(geometry)
        payloads.append(payload)
        context.clearError()
        withExtendedLifetime(geometry) {
            GEOSSTRtree_insert_r(context.handle, handle, geometry.handle, UnsafeMutableRawPointer(bitPattern: slot + 1))
        }
        if let message = context.takeError() {
            geometries.removeLast()
            payloads.removeLast()
            throw GeometryError.geos(operation: "STRtree insert", message: message)
        }
    }

    /// Inserts a rectangle with `payload`.
    public func insert(_ bounds: Bounds, payload: Int) throws {
        try insert(Geometry.box(bounds, context: context), payload: payload)
    }

    /// Payloads of the items whose bounding box intersects `bounds` (in no particular order).
    public func query(_ bounds: Bounds) throws -> [Int] {
        try query(Geometry.box(bounds, context: context))
    }

    /// Payloads of the items whose bounding box intersects `geometry`'s bounding box — the
    /// candidates; test them exactly with a predicate (ideally prepared) afterwards.
    public func query(_ geometry: Geometry) throws -> [Int] {
        isBuilt = true
        var slots: [Int] = []
        let callback: GEOSQueryCallback = { item, userData in
            guard let userData else { return }
            userData.assumingMemoryBound(to: [Int].self).pointee.append(Int(bitPattern: item) - 1)
        }
        context.clearError()
        withExtendedLifetime(geometry) {
            withUnsafeMutablePointer(to: &slots) { p in
                GEOSSTRtree_query_r(context.handle, handle, geometry.handle, callback, p)
            }
        }
        if let message = context.takeError() { throw GeometryError.geos(operation: "STRtree query", message: message) }
        return slots.map { payloads[$0] }
    }

    /// The payload of the inserted geometry nearest to `geometry` (exact planar distance
    /// between the geometries, CRS units), or nil when the tree holds no non-empty geometry.
    public func nearest(to geometry: Geometry) throws -> Int? {
        isBuilt = true
        if try geometries.isEmpty || geometry.isEmpty { return nil }
        final class Search {
            let context: GEOSContextHandle_t
            let query: OpaquePointer
            let items: [OpaquePointer]
            var failed = false
            init(context: GEOSContextHandle_t, query: OpaquePointer, items: [OpaquePointer]) {
                self.context = context
                self.query = query
                self.items = items
            }
        }
        let search = Search(context: context.handle, query: geometry.handle, items: geometries.map(\.handle))
        let queryItem = UnsafeRawPointer(bitPattern: Int.max)
        // GEOS 3.11's C API treats a *non-zero* return as success (it throws "Failed to compute
        // distance." on 0), despite the header comment saying the opposite.
        let distance: GEOSDistanceCallback = { a, b, result, userData in
            guard let userData, let result else { return 0 }
            let s = Unmanaged<Search>.fromOpaque(userData).takeUnretainedValue()
            func geom(_ item: UnsafeRawPointer?) -> OpaquePointer? {
                let v = Int(bitPattern: item)
                if v == Int.max { return s.query }
                let slot = v - 1
                return slot >= 0 && slot < s.items.count ? s.items[slot] : nil
            }
            guard let ga = geom(a), let gb = geom(b) else { s.failed = true; return 0 }
            return GEOSDistance_r(s.context, ga, gb, result) == 1 ? 1 : 0
        }
        context.clearError()
        let found = withExtendedLifetime((geometry, geometries, search)) {
            GEOSSTRtree_nearest_generic_r(
                context.handle, handle, queryItem, geometry.handle, distance,
                Unmanaged.passUnretained(search).toOpaque())
        }
        guard let found else {
            if let message = context.takeError() { throw GeometryError.geos(operation: "STRtree nearest", message: message) }
            return nil
        }
        let slot = Int(bitPattern: found) - 1
        guard slot >= 0, slot < payloads.count else {
            throw GeometryError.geos(operation: "STRtree nearest", message: "unexpected item \(slot)")
        }
        return payloads[slot]
    }
}

@available(*, unavailable, message: "STRtree is bound to a GEOS context; build one per task")
extension STRtree: Sendable {}
