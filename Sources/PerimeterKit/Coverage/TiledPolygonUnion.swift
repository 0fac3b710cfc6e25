import Foundation
import GeometryCore
import Synchronization

/// Exact union of many overlapping polygons (coverage circles), computed tile by tile.
///
/// Dense coverage wastes most of a plain cascaded union on edges that end up inside the
/// result. Here the plane (CRS units, lon/lat for coverage) is cut into tiles about half a
/// polygon across. A tile that lies inside one polygon is simply the tile; any other tile is
/// the union of the polygons clipped to it. Tiles are independent: they run on several threads,
/// each with its own `GEOSContext` (a context is never shared), and come back as WKB. A final
/// union joins the tiles; clipping adds vertices only on existing edges, so the result is the
/// same point set as the union of the input polygons.
enum TiledPolygonUnion {
    /// - Parameters:
    ///   - rings: exterior rings of the polygons (closed).
    ///   - threads: worker threads (≥ 1).
    ///   - context: where the result lives.
    ///   - progress: called with the number of tiles done and the tile count.
    static func union(
        rings: [[Coordinate]], threads: Int, context: GEOSContext,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> Geometry {
        guard !rings.isEmpty else { return try Geometry.empty(.polygon, context: context) }
        let boxes = rings.map(Self.bounds)
        let grid = TileGrid(boxes: boxes)
        let tiles = grid.candidates(boxes: boxes)
        let results = Mutex<[Int: Result<[UInt8], any Error>]>([:])
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let workers = max(1, min(threads, tiles.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let ctx = GEOSContext()
            var polygons: [Int: Geometry] = [:]
            func polygon(_ i: Int) throws -> Geometry {
                if let p = polygons[i] { return p }
                let p = try Geometry.polygon(shell: rings[i], context: ctx)
                polygons[i] = p
                return p
            }
            while true {
                let t = next.add(1, ordering: .relaxed).oldValue
                guard t < tiles.count else { break }
                let tile = tiles[t]
                let outcome = Result<[UInt8], any Error> {
                    try tileUnion(tile, boxes: boxes, polygon: polygon, context: ctx)
                }
                results.withLock { $0[t] = outcome }
                progress?(done.add(1, ordering: .relaxed).newValue, tiles.count)
            }
        }
        let pieces = try results.withLock { r in
            try (0..<tiles.count).compactMap { try r[$0]?.get() }.filter { !$0.isEmpty }
        }
        let geometries = try pieces.map { try Geometry(wkb: $0, context: context) }
        return try Geometry.unionAll(geometries, context: context)
    }

    /// The union of the polygons over one tile, as WKB (empty when nothing covers it).
    private static func tileUnion(
        _ tile: TileGrid.Tile, boxes: [Bounds], polygon: (Int) throws -> Geometry, context: GEOSContext
    ) throws -> [UInt8] {
        let b = tile.bounds
        let box = try Geometry.box(b, context: context)
        // A tile inside one polygon is the whole tile: try the polygons whose centre is nearest.
        let cx = (b.minX + b.maxX) / 2, cy = (b.minY + b.maxY) / 2
        let nearest = tile.members
            .filter { let o = boxes[$0]; return o.minX <= b.minX && o.maxX >= b.maxX && o.minY <= b.minY && o.maxY >= b.maxY }
            .sorted {
                let p = boxes[$0], q = boxes[$1]
                let dp = pow((p.minX + p.maxX) / 2 - cx, 2) + pow((p.minY + p.maxY) / 2 - cy, 2)
                let dq = pow((q.minX + q.maxX) / 2 - cx, 2) + pow((q.minY + q.maxY) / 2 - cy, 2)
                return dp < dq
            }
        for i in nearest.prefix(6) where try polygon(i).contains(box) {
            return try box.wkb
        }
        var clipped: [Geometry] = []
        for i in tile.members {
            let piece = try polygon(i).clip(to: b)
            if try !piece.isEmpty { clipped.append(piece) }
        }
        guard !clipped.isEmpty else { return [] }
        // Clipping can leave slivers of lower dimension (a polygon touching the tile edge).
        let union = try Geometry.unionAll(clipped, context: context)
        return try union.polygonRings.isEmpty ? [] : union.wkb
    }

    private static func bounds(_ ring: [Coordinate]) -> Bounds {
        var b = Bounds(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        for c in ring {
            b.minX = min(b.minX, c.x); b.maxX = max(b.maxX, c.x)
            b.minY = min(b.minY, c.y); b.maxY = max(b.maxY, c.y)
        }
        return b
    }
}

/// A regular grid over the polygons' extent, cells about half a (median) polygon across.
struct TileGrid {
    struct Tile {
        var bounds: Bounds
        /// Indices of the polygons whose bounding box overlaps the tile.
        var members: [Int]
    }

    let origin: Coordinate
    let cellWidth: Double
    let cellHeight: Double
    let columns: Int
    let rows: Int

    /// At most this many cells (the cells grow when the extent is large for the polygon size).
    static let maximumCells = 20_000

    init(boxes: [Bounds]) {
        let minX = boxes.map(\.minX).min()!, maxX = boxes.map(\.maxX).max()!
        let minY = boxes.map(\.minY).min()!, maxY = boxes.map(\.maxY).max()!
        let widths = boxes.map(\.width).sorted(), heights = boxes.map(\.height).sorted()
        var w = max(widths[widths.count / 2] / 2, 1e-9), h = max(heights[heights.count / 2] / 2, 1e-9)
        let extentW = max(maxX - minX, w), extentH = max(maxY - minY, h)
        while (extentW / w).rounded(.up) * (extentH / h).rounded(.up) > Double(Self.maximumCells) {
            w *= 1.5
            h *= 1.5
        }
        origin = Coordinate(x: minX, y: minY)
        cellWidth = w
        cellHeight = h
        columns = max(1, Int((extentW / w).rounded(.up)))
        rows = max(1, Int((extentH / h).rounded(.up)))
    }

    /// The non-empty tiles with the polygons that may touch each.
    func candidates(boxes: [Bounds]) -> [Tile] {
        var members = [[Int]](repeating: [], count: columns * rows)
        func column(_ x: Double) -> Int { min(columns - 1, max(0, Int(((x - origin.x) / cellWidth).rounded(.down)))) }
        func row(_ y: Double) -> Int { min(rows - 1, max(0, Int(((y - origin.y) / cellHeight).rounded(.down)))) }
        for (i, b) in boxes.enumerated() {
            for r in row(b.minY)...row(b.maxY) {
                for c in column(b.minX)...column(b.maxX) { members[r * columns + c].append(i) }
            }
        }
        // Edges computed once, so neighbouring tiles share exactly the same coordinates; the last
        // edge reaches the extent's end whatever the rounding.
        let maxX = boxes.map(\.maxX).max()!, maxY = boxes.map(\.maxY).max()!
        var xs = (0...columns).map { origin.x + Double($0) * cellWidth }
        var ys = (0...rows).map { origin.y + Double($0) * cellHeight }
        xs[columns] = max(xs[columns], maxX)
        ys[rows] = max(ys[rows], maxY)
        var tiles: [Tile] = []
        for r in 0..<rows {
            for c in 0..<columns where !members[r * columns + c].isEmpty {
                tiles.append(Tile(
                    bounds: Bounds(minX: xs[c], minY: ys[r], maxX: xs[c + 1], maxY: ys[r + 1]),
                    members: members[r * columns + c]))
            }
        }
        return tiles
    }
}
