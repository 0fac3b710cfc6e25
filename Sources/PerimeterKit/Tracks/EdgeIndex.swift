import Foundation
import GeometryCore

/// Where a point lies relative to a polygon.
public enum PointLocation: Sendable, Hashable {
    case outside, inside, boundary
}

/// The edges of an `AirspacePolygon` in a uniform lon/lat grid over its bounding box: each cell
/// lists the edges that pass through it (row by row, the exact stretch of the edge within the
/// row, so a long edge is listed only in the cells it crosses), and knows whether its centre is inside.
///
/// Point-in-polygon is the crossing number of the short segment from the point to its cell's
/// centre against that cell's edges only (a full westward ray over all edges in degenerate cases),
/// so a test costs a handful of edge checks whatever the polygon's size. Cells without edges are
/// wholly inside or wholly outside, which lets a track segment lying in such cells be classified
/// without any edge test. Memory is linear in the number of edges: the grid is made coarser when
/// the edges' total length in cells would exceed `maxEntriesPerEdge` entries per edge (long spiky
/// edges), and counts are `Int`. Coordinates live in the polygon's `LongitudeFrame` (the plain
/// `[-180, 180]` unless the polygon reaches ±180°); the public queries take any longitude.
/// Immutable and `Sendable`: share one index across threads.
public struct EdgeIndex: Sendable {
    /// A polygon edge from (ax, ay) to (bx, by), lon/lat degrees in the frame.
    struct Edge: Sendable {
        var ax: Double, ay: Double, bx: Double, by: Double
    }

    /// The longitude window the edges live in.
    public let frame: LongitudeFrame
    let edges: [Edge]
    let minX: Double, minY: Double, maxX: Double, maxY: Double
    let nx: Int, ny: Int
    let cellW: Double, cellH: Double
    let invW: Double, invH: Double
    /// `cellEdges[cellStart[c]..<cellStart[c+1]]` are the edges of cell `c = j * nx + i`.
    let cellStart: [Int]
    let cellEdges: [UInt32]
    /// Per cell: 0 centre outside, 1 centre inside, 2 centre on an edge (use the slow path).
    let centerState: [UInt8]

    /// Number of polygon edges.
    public var edgeCount: Int { edges.count }
    /// Grid size (columns, rows).
    public var gridSize: (columns: Int, rows: Int) { (nx, ny) }
    /// Number of (cell, edge) entries: the index's memory is about 4 bytes each, plus 9 per cell.
    public var entryCount: Int { cellEdges.count }

    /// Builds the index; `cellsPerEdge` sets the grid density (cells ≈ cellsPerEdge × edges, at
    /// most 2048 × 2048), `maxEntriesPerEdge` caps the (cell, edge) entries at that many per edge.
    public init(_ polygon: AirspacePolygon, cellsPerEdge: Double = 16, maxEntriesPerEdge: Double = 32) throws {
        let (frame, edges) = try LongitudeFrame.edges(of: polygon)
        guard edges.count < Int(UInt32.max) else {
            throw AirspacePolygonError(name: polygon.name, reason: "\(edges.count) edges: more than the index holds")
        }
        self.frame = frame
        self.edges = edges
        var x0 = Double.infinity, y0 = Double.infinity, x1 = -Double.infinity, y1 = -Double.infinity
        var sumDX = 0.0, sumDY = 0.0
        for e in edges {
            x0 = min(x0, e.ax); x1 = max(x1, e.ax); y0 = min(y0, e.ay); y1 = max(y1, e.ay)
            sumDX += abs(e.bx - e.ax); sumDY += abs(e.by - e.ay)
        }
        minX = x0; minY = y0; maxX = x1; maxY = y1
        let w = max(x1 - x0, 1e-9), h = max(y1 - y0, 1e-9)
        let n = Double(edges.count)
        let cells = max(16, cellsPerEdge * n)
        let aspect = w * max(0.05, cos(0.5 * (y0 + y1) * .pi / 180)) / h
        var fx = min(2048, max(2, (cells * aspect).squareRoot().rounded()))
        var fy = min(2048, max(2, (cells / fx).rounded()))
        // Entries of an edge ≈ 1 + its extent in columns + in rows: keep the total linear in the edges.
        let budget = maxEntriesPerEdge * n
        let estimate = n + 2 * (sumDX * fx / w + sumDY * fy / h)
        if estimate > budget {
            let f = max(0.0, (budget - n) / (estimate - n))
            fx = max(2, (fx * f).rounded(.down)); fy = max(2, (fy * f).rounded(.down))
        }
        let nx = Int(fx), ny = Int(fy)
        let cellW = w / Double(nx), cellH = h / Double(ny)
        let invW = 1 / cellW, invH = 1 / cellH
        self.nx = nx; self.ny = ny; self.cellW = cellW; self.cellH = cellH; self.invW = invW; self.invH = invH

        // Edges into cells (two passes over the same traversal: count, then fill).
        var start = [Int](repeating: 0, count: nx * ny + 1)
        for e in edges {
            Self.forEachCell(of: e, x0: x0, y0: y0, invW: invW, invH: invH, cellH: cellH, nx: nx, ny: ny) { start[$0 + 1] += 1 }
        }
        for c in 0..<(nx * ny) { start[c + 1] += start[c] }
        var fill = Array(start[0..<(nx * ny)])
        var list = [UInt32](repeating: 0, count: start[nx * ny])
        for (k, e) in edges.enumerated() {
            Self.forEachCell(of: e, x0: x0, y0: y0, invW: invW, invH: invH, cellH: cellH, nx: nx, ny: ny) { c in
                list[fill[c]] = UInt32(k)
                fill[c] += 1
            }
        }
        cellStart = start
        cellEdges = list

        // Centre of every cell: even–odd scanline along each row's centre line, over the row's edges.
        var state = [UInt8](repeating: 0, count: nx * ny)
        var xs: [Double] = []
        var lastRow = [Int32](repeating: -1, count: edges.count)  // an edge listed in several cells of a row counts once
        for j in 0..<ny {
            let y = y0 + (Double(j) + 0.5) * cellH
            xs.removeAll(keepingCapacity: true)
            for c in (j * nx)..<(j * nx + nx) {
                for m in start[c]..<start[c + 1] {
                    let k = Int(list[m])
                    guard lastRow[k] != Int32(j) else { continue }
                    lastRow[k] = Int32(j)
                    let e = edges[k]
                    guard (e.ay > y) != (e.by > y) else { continue }
                    xs.append(e.ax + (y - e.ay) * (e.bx - e.ax) / (e.by - e.ay))
                }
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

    /// Calls `body` with every cell the edge passes through (closed cells, with a 1e-9 cell margin):
    /// per row of its latitude range, the columns of the edge's stretch within that row.
    @inline(__always)
    private static func forEachCell(of e: Edge, x0: Double, y0: Double, invW: Double, invH: Double, cellH: Double,
                                    nx: Int, ny: Int, _ body: (Int) -> Void) {
        // Margins: 1e-9 of a cell, and at least 1e-12 degrees (coordinate rounding near ±180).
        let epsX = 1e-9 + 1e-12 * invW, eps = 1e-9 + 1e-12 * invH
        func column(_ x: Double, _ bias: Double) -> Int {
            min(nx - 1, max(0, Int(((x - x0) * invW + bias).rounded(.down))))
        }
        let ylo = min(e.ay, e.by), yhi = max(e.ay, e.by)
        let j0 = min(ny - 1, max(0, Int(((ylo - y0) * invH - eps).rounded(.down))))
        let j1 = min(ny - 1, max(0, Int(((yhi - y0) * invH + eps).rounded(.down))))
        let dy = e.by - e.ay
        for j in j0...j1 {
            var xa: Double, xb: Double
            if j0 == j1 || dy == 0 {
                xa = min(e.ax, e.bx); xb = max(e.ax, e.bx)
            } else {
                // The edge's x at the row's bottom and top (clamped to the edge), widened by the margin.
                let ya = max(ylo, y0 + (Double(j) - eps) * cellH), yb = min(yhi, y0 + (Double(j + 1) + eps) * cellH)
                let ta = (ya - e.ay) / dy, tb = (yb - e.ay) / dy
                let xta = e.ax + min(1, max(0, ta)) * (e.bx - e.ax), xtb = e.ax + min(1, max(0, tb)) * (e.bx - e.ax)
                xa = min(xta, xtb); xb = max(xta, xtb)
            }
            let i0 = column(xa, -epsX), i1 = column(xb, epsX)
            let base = j * nx
            for i in i0...i1 { body(base + i) }
        }
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

    /// Inside, outside or on the boundary (lon/lat degrees, any longitude; even–odd rule over all rings).
    public func locate(_ p: Coordinate) -> PointLocation { locateInFrame(frame.map(p)) }

    /// `locate` for a point already in the index's frame.
    func locateInFrame(_ p: Coordinate) -> PointLocation {
        let px = p.x, py = p.y
        if px < minX || px > maxX || py < minY || py > maxY { return .outside }
        let i = column(px), j = row(py)
        let c = j * nx + i
        let s = cellStart[c], e = cellStart[c + 1]
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
