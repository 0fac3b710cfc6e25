/// A packed bounding-box hierarchy over a polygon's edges (lon/lat degrees in the polygon's frame),
/// for nearest-edge and within-distance queries in metres.
///
/// Leaves are runs of 16 consecutive edges (ring order keeps them close together); each level
/// above groups 16 consecutive nodes. A node's box, with the smallest metres-per-degree of
/// longitude over its latitudes and the meridional scale at the equator, gives a lower bound of
/// the plane distance (the metric of `BoundaryDistance`) from a point to anything inside it, so
/// queries visit O(log n) nodes on ordinary boundaries. Each node also keeps an oriented box (along
/// the line from its first vertex to its farthest one): long slanted edges (thin spikes) have large,
/// overlapping axis-aligned boxes but thin oriented ones, so the bound stays tight on spiky shapes.
/// Memory: about 1/16 of a node per edge.
struct EdgeTree: Sendable {
    struct Node: Sendable {
        var x0: Double, y0: Double, x1: Double, y1: Double
        /// Metres per degree of longitude at the node's highest |latitude|.
        var kx: Double
        /// Children: nodes `first..<end` of the level below, or edges for a leaf.
        var first: Int, end: Int
        /// Oriented box: origin, unit axis u (degrees), extents along u and along its normal.
        var ox = 0.0, oy = 0.0, ux = 1.0, uy = 0.0, t0 = 0.0, t1 = 0.0, s0 = 0.0, s1 = 0.0
    }

    static let fanout = 16
    /// `levels[0]` are the leaves; the last level holds the root(s).
    let levels: [[Node]]
    /// Metres per degree of latitude at the equator (the smallest).
    let kyMin: Double

    init(_ edges: [EdgeIndex.Edge], metric: LocalMetric) {
        kyMin = metric.scales(atLatitude: 0).1
        func scale(_ y0: Double, _ y1: Double) -> Double {
            metric.scales(atLatitude: min(89.9, max(abs(y0), abs(y1)))).0
        }
        var leaves: [Node] = []
        leaves.reserveCapacity(edges.count / Self.fanout + 1)
        var first = 0
        while first < edges.count {
            let end = min(edges.count, first + Self.fanout)
            var x0 = Double.infinity, y0 = Double.infinity, x1 = -Double.infinity, y1 = -Double.infinity
            for e in edges[first..<end] {
                x0 = min(x0, e.ax, e.bx); x1 = max(x1, e.ax, e.bx); y0 = min(y0, e.ay, e.by); y1 = max(y1, e.ay, e.by)
            }
            var leaf = Node(x0: x0, y0: y0, x1: x1, y1: y1, kx: scale(y0, y1), first: first, end: end)
            Self.orient(&leaf, edges[first..<end])
            leaves.append(leaf)
            first = end
        }
        var levels = [leaves]
        var span = Self.fanout  // edges per node of the level being built
        while levels[levels.count - 1].count > Self.fanout {
            let below = levels[levels.count - 1]
            var up: [Node] = []
            up.reserveCapacity(below.count / Self.fanout + 1)
            var f = 0
            while f < below.count {
                let end = min(below.count, f + Self.fanout)
                var n = below[f]
                for m in below[(f + 1)..<end] {
                    n.x0 = min(n.x0, m.x0); n.y0 = min(n.y0, m.y0); n.x1 = max(n.x1, m.x1); n.y1 = max(n.y1, m.y1)
                    n.kx = min(n.kx, m.kx)
                }
                n.first = f; n.end = end
                // Nodes cover consecutive edges: this one covers edges f·span… of the leaves' order.
                let e0 = f * span, e1 = min(edges.count, end * span)
                Self.orient(&n, edges[e0..<e1])
                up.append(n)
                f = end
            }
            levels.append(up)
            span *= Self.fanout
        }
        self.levels = levels
    }

    /// The oriented box of `edges`: axis from the first vertex to the farthest vertex.
    private static func orient(_ n: inout Node, _ edges: ArraySlice<EdgeIndex.Edge>) {
        guard let e0 = edges.first else { return }
        let ox = e0.ax, oy = e0.ay
        var far = 0.0, fx = 1.0, fy = 0.0
        for e in edges {
            let d = (e.bx - ox) * (e.bx - ox) + (e.by - oy) * (e.by - oy)
            if d > far { far = d; fx = e.bx - ox; fy = e.by - oy }
        }
        let len = far.squareRoot()
        let ux = len > 0 ? fx / len : 1, uy = len > 0 ? fy / len : 0
        var t0 = 0.0, t1 = 0.0, s0 = 0.0, s1 = 0.0
        for e in edges {
            for (x, y) in [(e.ax, e.ay), (e.bx, e.by)] {
                let t = (x - ox) * ux + (y - oy) * uy, s = (y - oy) * ux - (x - ox) * uy
                t0 = min(t0, t); t1 = max(t1, t); s0 = min(s0, s); s1 = max(s1, s)
            }
        }
        // A hair wider than the vertices, for rounding.
        let pad = 1e-12 * (1 + abs(ox) + abs(oy))
        n.ox = ox; n.oy = oy; n.ux = ux; n.uy = uy
        n.t0 = t0 - pad; n.t1 = t1 + pad; n.s0 = s0 - pad; n.s1 = s1 + pad
    }

    /// A lower bound (m) of the plane distance from (px, py), where a degree of longitude is `kpx`
    /// metres, to anything in `node`.
    @inline(__always) func lowerBound(_ node: Node, _ px: Double, _ py: Double, _ kpx: Double) -> Double {
        let dx = max(0, node.x0 - px, px - node.x1), dy = max(0, node.y0 - py, py - node.y1)
        let kx = min(kpx, node.kx)
        let axis = 0.99 * ((dx * kx) * (dx * kx) + (dy * kyMin) * (dy * kyMin)).squareRoot()
        // Oriented box, in degrees, times the smaller scale (a lower bound in any direction).
        let t = (px - node.ox) * node.ux + (py - node.oy) * node.uy, s = (py - node.oy) * node.ux - (px - node.ox) * node.uy
        let dt = max(0, node.t0 - t, t - node.t1), ds = max(0, node.s0 - s, s - node.s1)
        let oriented = 0.99 * min(kx, kyMin) * (dt * dt + ds * ds).squareRoot()
        return max(axis, oriented)
    }

    /// Visits every edge range of leaves whose lower bound is below `limit()` (re-read after each
    /// visit, so a shrinking limit prunes), nearest-looking child first at each node.
    /// `visit` gets the leaf's edge range and returns false to stop the whole walk.
    func walk(_ px: Double, _ py: Double, _ kpx: Double, limit: () -> Double, _ visit: (Range<Int>) -> Bool) {
        let top = levels.count - 1
        var stop = false
        func descend(_ level: Int, _ range: Range<Int>) {
            let nodes = levels[level]
            // The nearest-looking node first, then the rest in order. A range holds at most
            // `fanout` nodes; their bounds are computed once and kept for the second pass.
            withUnsafeTemporaryAllocation(of: Double.self, capacity: Self.fanout) { bounds in
                var bestN = -1, bestB = Double.infinity
                for n in range {
                    let b = lowerBound(nodes[n], px, py, kpx)
                    bounds[n - range.lowerBound] = b
                    if b < bestB { bestB = b; bestN = n }
                }
                guard bestN >= 0 else { return }
                func enter(_ n: Int) {
                    let node = nodes[n]
                    if level == 0 {
                        if !visit(node.first..<node.end) { stop = true }
                    } else {
                        descend(level - 1, node.first..<node.end)
                    }
                }
                if bestB < limit() { enter(bestN) } else { return }
                for n in range where n != bestN {
                    if stop { return }
                    if bounds[n - range.lowerBound] < limit() { enter(n) }
                }
            }
        }
        descend(top, 0..<levels[top].count)
    }
}
