import Foundation
import GeometryCore
import Synchronization

/// Union of many polygons given as coordinate rings, computed on several threads.
///
/// The polygons are sorted west to east and cut into contiguous groups; each group is unioned
/// on its own thread with its own `GEOSContext` (GEOS contexts are never shared), the partial
/// unions travel back as WKB, and a last union in the caller's context joins them.
enum ParallelPolygonUnion {
    /// - Parameters:
    ///   - rings: one exterior ring per polygon (closed; any CRS, planar union).
    ///   - threads: worker count (≥ 1).
    ///   - context: where the result lives.
    static func union(
        rings: [[Coordinate]], threads: Int, context: GEOSContext, progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> Geometry {
        guard !rings.isEmpty else { return try Geometry.empty(.polygon, context: context) }
        let order = rings.indices.sorted { (rings[$0].first?.x ?? 0) < (rings[$1].first?.x ?? 0) }
        // More groups than threads keeps both cores busy when groups differ in cost.
        let groups = max(1, min(threads * 4, rings.count / 64))
        let chunk = (order.count + groups - 1) / groups
        let results = Mutex<[Int: Result<[UInt8], any Error>]>([:])
        let done = Atomic<Int>(0)
        let next = Atomic<Int>(0)
        let workers = min(threads, groups)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let ctx = GEOSContext()
            while true {
                let g = next.add(1, ordering: .relaxed).oldValue
                guard g < groups else { break }
                let slice = order[min(g * chunk, order.count)..<min((g + 1) * chunk, order.count)]
                let outcome = Result<[UInt8], any Error> {
                    let polys = try slice.map { try Geometry.polygon(shell: rings[$0], context: ctx) }
                    return try Geometry.unionAll(polys, context: ctx).wkb
                }
                results.withLock { $0[g] = outcome }
                let n = done.add(slice.count, ordering: .relaxed).newValue
                progress?(n)
            }
        }
        let partials = try results.withLock { r in
            try (0..<groups).compactMap { try r[$0]?.get() }
        }
        let geometries = try partials.map { try Geometry(wkb: $0, context: context) }
        return try geometries.count == 1 ? geometries[0] : Geometry.unionAll(geometries, context: context)
    }
}
