import Foundation
import GeometryCore

/// Where a point lies relative to a polygon.
public enum PointLocation: Sendable, Hashable {
    case outside, inside, boundary
}

/// The edges of an `AirspacePolygon` in a uniform lon/lat grid over its bounding box: each cell
/// lists the edges whose bounding box overlaps it, and knows whether its centre is inside.
///
/// Point-in-polygon is the crossing number of the short segment from the point to its cell's
/// centre against that cell's edges only (a full westward ray over all edges in degenerate cases),
/// so a test costs a handful of edge checks whatever the polygon's size. Cells without edges are
/// wholly inside or wholly outside, which lets a track segment lying in such cells be classified
/// without any edge test. Immutable and `Sendable`: share one index across threads.
public struct EdgeIndex: Sendable {
    /// A polygon edge from (ax, ay) to (bx, by), lon/lat degrees.
    struct Edge: Sendable {
        var ax: Double, ay: Double, bx: Double, by: Double
    }

    let edges: [Edge]
    let minX: Double, minY: Double, maxX: Double, maxY: Double
    let nx: Int, ny: Int
    let cellW: Double, cellH: Double
    let invW: Double, invH: Double
    /// `cellEdges[cellStart[c]..<cellStart[c+1]]` are the edges of cell `c = j * nx + i`.
    let cellStart: [Int32]
    let cellEdges: [Int32]
    /// Per cell: 0 centre outside, 1 centre inside, 2 centre on an edge (use the slow path).
    let centerState: [UInt8]

    /// Number of polygon edges.
    public var edgeCount: Int { edges.count }
    /// Grid size (columns, rows).
    public var gridSize: (columns: Int, rows: Int) { (nx, ny) }

    /// Builds the index; `cellsPerEdge` sets the grid density (cells ≈ cellsPerEdge × edges).
    public init(_ polygon: AirspacePolygon, cellsPerEdge: Double = 16) throws {
        var edges: [Edge] = []
        for (r, ring) in polygon.rings.enumerated() {
            var points: [Coordinate] = []
            for p in ring {
                guard p.isFinite, abs(p.lat) <= 90 else {
                    throw AirspacePolygonError(name: polygon.name, reason: "ring \(r) has an invalid coordinate \(p)")
                }
                if points.last != p { points.append(p) }
            }
            if points.count > 1, points.first == points.last { points.removeLast() }
            guard points.count >= 3 else {
                throw AirspacePolygonError(name: polygon.name, reason: "ring \(r) has fewer than 3 distinct points")
            }
            for k in points.indices {
                let a = points[k], b = points[(k + 1) % points.count]
                edges.append(Edge(ax: a.x, ay: a.y, bx: b.x, by: b.y))
            }
        }
        guard !edges.isEmpty else { throw AirspacePolygonError(name: polygon.name, reason: "no rings") }
        var x0 = Double.infinity, y0 = Double.infinity, x1 = -Double.infinity, y1 = -Double.infinity
        for e in edges {
            x0 = min(x0, e.ax); x1 = max(x1, e.ax); y0 = min(y0, e.ay); y1 = max(y1, e.ay)
        }
        minX = x0; minY = y0; maxX = x1; maxY = y1
        let w = max(x1 - x0, 1e-9), h = max(y1 - y0, 1e-9)
        let cells = max(16, cellsPerEdge * Double(edges.count))
        let aspect = w * max(0.05, cos(0.5 * (y0 + y1) * .pi / 180)) / h
        let nx = min(2048, max(2, Int((cells * aspect).squareRoot().rounded())))
        let ny = min(2048, max(2, Int((cells / Double(nx)).rounded())))
        let cellW = w / Double(nx), cellH = h / Double(ny)
        let invW = 1 / cellW, invH = 1 / cellH
        self.nx = nx; self.ny = ny; self.cellW = cellW; self.cellH = cellH; self.invW = invW; self.invH = invH
        self.edges = edges

        // Edges into cells (two passes: count, then fill).
        var start = [Int32](repeating: 0, count: nx * ny + 1)
        func range(_ e: Edge) -> (Int, Int, Int, Int) {
            let eps = 1e-9
            let i0 = max(0, Int(((min(e.ax, e.bx) - x0) * invW - eps).rounded(.down)))
            let i1 = min(nx - 1, Int(((max(e.ax, e.bx) - x0) * invW + eps).rounded(.down)))
            let j0 = max(0, Int(((min(e.ay, e.by) - y0) * invH - eps).rounded(.down)))
            let j1 = min(ny - 1, Int(((max(e.ay, e.by) - y0) * invH + eps).rounded(.down)))
            return (i0, i1, j0, j1)
        }
        for e in edges {
            let (i0, i1, j0, j1) = range(e)
            for j in j0...j1 { for i in i0...i1 { start[j * nx + i + 1] += 1 } }
        }
        for c in 0..<(nx * ny) { start[c + 1] += start[c] }
        var fill = Array(start[0..<(nx * ny)])
        var list = [Int32](repeating: 0, count: Int(start[nx * ny]))
        for (k, e) in edges.enumerated() {
            let (i0, i1, j0, j1) = range(e)
            for j in j0...j1 {
                for i in i0...i1 {
                    list[Int(fill[j * nx + i])] = Int32(k)
                    fill[j * nx + i] += 1
                }
            }
        }
        cellStart = start
        cellEdges = list

        // Centre of every cell: even–odd scanline along each row's centre line.
        var state = [UInt8](repeating: 0, count: nx * ny)
        var xs: [Double] = []
        for j in 0..<ny {
            let y = y0 + (Double(j) + 0.5) * cellH
            xs.removeAll(keepingCapacity: true)
            for e in edges where (e.ay > y) != (e.by > y) {
                xs.append(e.ax + (y - e.ay) * (e.bx - e.ax) / (e.by - e.ay))
            }
            xs.sort()
            var k = 0
            for i in 0..<nx {
                let x = x0 + (Double(i) + 0.5) * cellW
                while k < xs.count, xs[k] < x { k += 1 }
                let onEdge = k < xs.count && xs[k] == x
                state[j * nx + i] = onEdge ? 2 : UInt8(k & 1)
            }
        }
        centerState = state
    }

    // MARK: Cells

    /// Column of longitude `x`, clamped to the grid.
    @inline(__always) func column(_ x: Double) -> Int {
        let i = Int(((x - minX) * invW).rounded(.down))
        return i < 0 ? 0 : (i >= nx ? nx - 1 : i)
    }

    /// Row of latitude `y`, clamped to the grid.
    @inline(__always) func row(_ y: Double) -> Int {
        let j = Int(((y - minY) * invH).rounded(.down))
        return j < 0 ? 0 : (j >= ny ? ny - 1 : j)
    }

    /// The cells overlapping a lon/lat box, or `nil` when the box misses the polygon's bounding box.
    @inline(__always)
    func cells(minX bx0: Double, minY by0: Double, maxX bx1: Double, maxY by1: Double) -> (i0: Int, i1: Int, j0: Int, j1: Int)? {
        guard bx1 >= minX, bx0 <= maxX, by1 >= minY, by0 <= maxY else { return nil }
        return (column(bx0), column(bx1), row(by0), row(by1))
    }

    /// If no cell of the range holds an edge, whether that edge-free region is inside; else `nil`.
    @inline(__always)
    func uniformInside(_ r: (i0: Int, i1: Int, j0: Int, j1: Int)) -> Bool? {
        for j in r.j0...r.j1 {
            let base = j * nx
            for i in r.i0...r.i1 where cellStart[base + i + 1] != cellStart[base + i] { return nil }
        }
        return centerState[r.j0 * nx + r.i0] == 1
    }

    // MARK: Point in polygon

    @inline(__always)
    static func orient(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ px: Double, _ py: Double) -> Double {
        (bx - ax) * (py - ay) - (by - ay) * (px - ax)
    }

    /// Inside, outside or on the boundary (lon/lat degrees; even–odd rule over all rings).
    public func locate(_ p: Coordinate) -> PointLocation {
        let px = p.x, py = p.y
        if px < minX || px > maxX || py < minY || py > maxY { return .outside }
        let i = column(px), j = row(py)
        let c = j * nx + i
        let s = Int(cellStart[c]), e = Int(cellStart[c + 1])
        if s == e { return centerState[c] == 1 ? .inside : .outside }
        let cx = minX + (Double(i) + 0.5) * cellW, cy = minY + (Double(j) + 0.5) * cellH
        var crossings = 0
        var degenerate = centerState[c] == 2
        for k in s..<e {
            let edge = edges[Int(cellEdges[k])]
            let o1 = Self.orient(edge.ax, edge.ay, edge.bx, edge.by, px, py)
            if o1 == 0, px >= min(edge.ax, edge.bx), px <= max(edge.ax, edge.bx),
               py >= min(edge.ay, edge.by), py <= max(edge.ay, edge.by) {
                return .boundary
            }
            if degenerate || o1 == 0 { continue }
            let o2 = Self.orient(edge.ax, edge.ay, edge.bx, edge.by, cx, cy)
            if o2 == 0 { degenerate = true; continue }
            if (o1 > 0) == (o2 > 0) { continue }
            let o3 = Self.orient(px, py, cx, cy, edge.ax, edge.ay)
            let o4 = Self.orient(px, py, cx, cy, edge.bx, edge.by)
            if o3 == 0 || o4 == 0 { degenerate = true; continue }
            if (o3 > 0) != (o4 > 0) { crossings += 1 }
        }
        if degenerate { return locateByRay(px, py) }
        return (centerState[c] == 1) != (crossings & 1 == 1) ? .inside : .outside
    }

    /// Crossing number of the westward horizontal ray over all edges (half-open rule at vertices).
    func locateByRay(_ px: Double, _ py: Double) -> PointLocation {
        var inside = false
        for e in edges {
            if e.ay == py && e.by == py && px >= min(e.ax, e.bx) && px <= max(e.ax, e.bx) { return .boundary }
            if (e.ay > py) != (e.by > py) {
                let x = e.ax + (py - e.ay) * (e.bx - e.ax) / (e.by - e.ay)
                if x == px { return .boundary }
                if x < px { inside.toggle() }
            }
        }
        return inside ? .inside : .outside
    }
}
