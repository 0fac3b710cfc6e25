import Foundation
import GeometryCore
import Synchronization

/// Exact union of many geodesic circle polygons (coverage), computed tile by tile in the lon/lat
/// plane [-180, 180] × [-90, 90] (see `LonLatPlane`: circles crossing ±180 come as two pieces, circles
/// round a pole as a cap closed along ±90).
///
/// Dense coverage wastes most of a plain cascaded union on edges that end up inside the
/// result, and most of the geodesic work on circles that never reach the union's boundary. Here
/// the plane is cut into tiles about half a circle across:
/// - a tile whose four corners lie within R − tolerance − 1 km − bow of some site (geodesic distance)
///   is inside that circle's polygon — the polygon contains the disk of radius R − tolerance, the
///   disk is convex (R ≤ 10 000 km), a tile's meridian edges are geodesics and its parallel edges bow
///   away from the geodesic between their corners by at most `bow` (computed, large near the poles),
///   the 1 km margin covering the rest — so the union there is the whole tile, and no ring is built;
/// - any other tile is the union of the circle pieces clipped to it; only these pieces are built
///   (once per thread that needs them).
/// Tiles run on several threads, each with its own `GEOSContext` (a context is never shared), and
/// come back as WKB; a final union joins them. Clipping only adds vertices on existing edges, so
/// the result is the same point set as the union of all circle pieces.
enum TiledCircleUnion {
    /// Margin (m) below R − tolerance for the whole-tile test.
    static let insideMarginM = 1_000.0

    /// One polygon to union: a circle, or one piece of a circle cut at ±180, with a box holding it.
    struct Item: Sendable {
        var circle: Int
        var box: Bounds
    }

    /// - Parameters:
    ///   - circles: the circles (centres with longitudes in [-180, 180]).
    ///   - items: the polygons, each a circle or a piece of one, within [-180, 180].
    ///   - shell: builds item `i`'s closed shell (lon/lat); called from worker threads.
    ///   - toleranceM: the rings' chord-to-arc tolerance, metres.
    ///   - threads: worker threads (≥ 1).
    ///   - context: where the result lives.
    ///   - progress: called with the number of tiles done and the tile count.
    static func union(
        circles: [(center: Coordinate, radiusM: Double)], items: [Item], shell: @Sendable (Int) throws -> [Coordinate],
        toleranceM: Double, threads: Int, context: GEOSContext,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> Geometry {
        guard !items.isEmpty else { return try Geometry.empty(.polygon, context: context) }
        let geod = Geodesic.wgs84
        let boxes = items.map(\.box)
        let owners = items.map(\.circle)
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
                let p = try Geometry.polygon(shell: shell(i), context: ctx)
                polygons[i] = p
                return p
            }
            while true {
                let t = next.add(1, ordering: .relaxed).oldValue
                guard t < tiles.count else { break }
                let outcome = Result<[UInt8], any Error> {
                    try tileUnion(tiles[t], circles: circles, owners: owners, boxes: boxes, toleranceM: toleranceM, geod: geod,
                                  polygon: polygon, context: ctx)
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

    /// How many times a partly covered tile is split into quarters before the overlay runs.
    static let maximumSplits = 3

    /// The union of the circles over one tile, as WKB (empty when nothing covers it).
    ///
    /// A partly covered tile is split into quarters (down to `maximumSplits` levels), each
    /// keeping only the circles whose box meets it: inside the coverage whole quarters are
    /// found covered by one circle, and the overlay runs only on the small quarters the union's
    /// boundary crosses, with few circles each.
    private static func tileUnion(
        _ tile: TileGrid.Tile, circles: [(center: Coordinate, radiusM: Double)], owners: [Int], boxes: [Bounds], toleranceM: Double,
        geod: Geodesic, polygon: (Int) throws -> Geometry, context: GEOSContext
    ) throws -> [UInt8] {
        var pieces: [Geometry] = []
        func cover(_ b: Bounds, _ candidates: [Int], depth: Int) throws {
            let members = candidates.filter { boxes[$0].intersects(b) }
            guard !members.isEmpty else { return }
            if try isInsideOneCircle(b, members: members, circles: circles, owners: owners, boxes: boxes, toleranceM: toleranceM, geod: geod) {
                pieces.append(try Geometry.box(b, context: context))
                return
            }
            if depth < maximumSplits && members.count > 8 {
                let mx = (b.minX + b.maxX) / 2, my = (b.minY + b.maxY) / 2
                for q in [Bounds(minX: b.minX, minY: b.minY, maxX: mx, maxY: my), Bounds(minX: mx, minY: b.minY, maxX: b.maxX, maxY: my),
                          Bounds(minX: b.minX, minY: my, maxX: mx, maxY: b.maxY), Bounds(minX: mx, minY: my, maxX: b.maxX, maxY: b.maxY)] {
                    try cover(q, members, depth: depth + 1)
                }
                return
            }
            var clipped: [Geometry] = []
            for i in members {
                let piece = try polygon(i).clip(to: b)
                if try !piece.isEmpty { clipped.append(piece) }
            }
            guard !clipped.isEmpty else { return }
            // Clipping can leave slivers of lower dimension (a polygon touching the tile edge).
            let union = try Geometry.unionAll(clipped, context: context)
            if try !union.polygonRings.isEmpty { pieces.append(union) }
        }
        try cover(tile.bounds, tile.members, depth: 0)
        guard !pieces.isEmpty else { return [] }
        return try (pieces.count == 1 ? pieces[0] : Geometry.unionAll(pieces, context: context)).wkb
    }

    /// Whether box `b` lies inside one circle's polygon: its four corners within
    /// R − tolerance − `insideMarginM` − bow of the centre, tried for the circles nearest to it.
    private static func isInsideOneCircle(
        _ b: Bounds, members: [Int], circles: [(center: Coordinate, radiusM: Double)], owners: [Int], boxes: [Bounds],
        toleranceM: Double, geod: Geodesic
    ) throws -> Bool {
        let bow = max(parallelBow(lat: b.minY, width: b.width, geod: geod), parallelBow(lat: b.maxY, width: b.width, geod: geod))
        guard bow.isFinite else { return false }
        let corners = [Coordinate(x: b.minX, y: b.minY), Coordinate(x: b.maxX, y: b.minY),
                       Coordinate(x: b.maxX, y: b.maxY), Coordinate(x: b.minX, y: b.maxY)]
        let middle = Coordinate(x: (b.minX + b.maxX) / 2, y: (b.minY + b.maxY) / 2)
        let nearest = members
            .filter { let o = boxes[$0]; return o.minX <= b.minX && o.maxX >= b.maxX && o.minY <= b.minY && o.maxY >= b.maxY }
            .map { (index: owners[$0], d: pow(circles[owners[$0]].center.x - middle.x, 2) + pow(circles[owners[$0]].center.y - middle.y, 2)) }
            .sorted { $0.d < $1.d }
        for candidate in nearest.prefix(6) {
            let c = circles[candidate.index]
            let limit = c.radiusM - toleranceM - insideMarginM - bow
            if limit > 0, corners.allSatisfy({ geod.distance(c.center, $0) <= limit }) { return true }
        }
        return false
    }

    /// How far a parallel of latitude `lat` spanning `width` degrees of longitude strays from the geodesic
    /// between its ends (metres): on a sphere the geodesic's highest latitude is atan(tan φ / cos(Δλ/2)); 1%
    /// added for the ellipsoid. Infinite when the geodesic would run over the pole (Δλ ≥ 180°).
    static func parallelBow(lat: Double, width: Double, geod: Geodesic) -> Double {
        guard width < 179 else { return .infinity }
        let phi = abs(lat) * .pi / 180
        guard phi < .pi / 2 else { return 0 }
        let top = atan(tan(phi) / cos(width * .pi / 360))
        return 1.01 * geod.equatorialRadius * (top - phi)
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
