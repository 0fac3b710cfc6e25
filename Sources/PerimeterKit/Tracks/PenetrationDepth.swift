import GeometryCore

/// Penetration depth of an incursion, measured when it closes.
extension IncursionFinder {
    /// Most boundary-distance evaluations spent on one incursion's depth (each a few µs): beyond,
    /// the deepest point found so far is kept (`depthSearchCapped` counts such incursions).
    static let maxDepthEvaluations = 50_000

    /// Closes the open incursion and measures its depth (see `deepestPoint`).
    func close(_ builder: inout IncursionBuilder, openAtEnd: Bool) {
        guard builder.isOpen else { return }
        if measuresPenetration {
            let deepest = deepestPoint(&builder.insidePieces, &builder.depthQueue)
            builder.current.maxPenetrationM = deepest.map { depth.distance($0.point) } ?? 0
            builder.current.maxDepthPoint = deepest.map { index.frame.normalized($0.point) }
            builder.current.maxDepthTime = deepest?.time
            builder.insidePieces.removeAll(keepingCapacity: true)
        }
        builder.close(openAtEnd: openAtEnd)
    }

    /// The point of the inside pieces farthest from the boundary, by best-first branch and bound in
    /// the plane metric of `BoundaryDistance.nearest`: pieces wait in a priority queue ordered by an
    /// upper bound of the distance along them (first cell-based, then from the nearest boundary
    /// points of their ends: d(x) ≤ |x − q| for any boundary point q); the top piece is split where
    /// its bound peaks, until no bound exceeds the best by more than `depthToleranceM` (plus the
    /// plane's 0.03 % error), or after `maxDepthEvaluations` evaluations. Work is bounded whatever
    /// the boundary's shape (a spiky star makes many pieces near-optimal, not an exponential tree).
    private func deepestPoint(_ pieces: inout [InsidePiece], _ queue: inout DepthQueue) -> (point: Coordinate, time: Double)? {
        guard !pieces.isEmpty else { return nil }
        queue.removeAll()
        // Consecutive pieces usually share an end: its nearest boundary point, measured on the first
        // visit of one piece, is reused on the other's (the same function of the same point).
        var endNearest = EndNearest(count: pieces.count)
        for (i, p) in pieces.enumerated() {
            // Ends on the boundary are at depth 0, with themselves as nearest boundary point.
            let na = p.aOnBoundary ? BoundaryDistance.Nearest(distance: 0, point: p.a) : nil
            let nb = p.bOnBoundary ? BoundaryDistance.Nearest(distance: 0, point: p.b) : nil
            let ua = na == nil ? depth.upperBound(p.a) : 0, ub = nb == nil ? depth.upperBound(p.b) : 0
            var candidate = DepthCandidate(a: p.a, b: p.b, ta: p.ta, tb: p.tb, na: na, nb: nb,
                                           bound: min(0.5 * (ua + ub + p.lengthM), min(ua, ub) + p.lengthM))
            candidate.piece = i
            queue.push(candidate)
        }
        var best = -1.0, point = pieces[0].a, time = pieces[0].ta
        var evaluations = 0
        func consider(_ q: Coordinate, _ t: Double, _ d: Double) { if d > best { best = d; point = q; time = t } }
        while let top = queue.pop() {
            if top.bound <= best + depthToleranceM + 3e-4 * best || evaluations >= Self.maxDepthEvaluations { break }
            guard let na = top.na, let nb = top.nb else {
                // First visit: the nearest boundary points of the ends give a tighter bound.
                let i = top.piece
                let na = top.na ?? endNearest.start(of: i, pieces) { depth.nearest(top.a) }
                let nb = top.nb ?? endNearest.end(of: i, pieces) { depth.nearest(top.b) }
                evaluations += 2
                consider(top.a, top.ta, na.distance)
                consider(top.b, top.tb, nb.distance)
                queue.push(refined(top.a, top.ta, na, top.b, top.tb, nb))
                continue
            }
            // Split where the bound peaks.
            var t = top.split
            if !(t > 0.05 && t < 0.95) { t = 0.5 }
            let m = Coordinate(lon: top.a.x + t * (top.b.x - top.a.x), lat: top.a.y + t * (top.b.y - top.a.y))
            if m == top.a || m == top.b { continue }  // no longer divisible
            let tm = top.ta + t * (top.tb - top.ta)
            let nm = depth.nearest(m)
            evaluations += 1
            consider(m, tm, nm.distance)
            queue.push(refined(top.a, top.ta, na, m, tm, nm))
            queue.push(refined(m, tm, nm, top.b, top.tb, nb))
        }
        return (point, time)
    }

    /// A piece a → b with the nearest boundary points of its ends, and its bound.
    private func refined(_ a: Coordinate, _ ta: Double, _ na: BoundaryDistance.Nearest,
                         _ b: Coordinate, _ tb: Double, _ nb: BoundaryDistance.Nearest) -> DepthCandidate {
        // d(x) ≤ min(|x − qa|, |x − qb|) for the nearest boundary points qa, qb of the ends; each is
        // convex along the piece, so below its chord: the bound peaks where the chords cross.
        let fa0 = na.distance, fb1 = nb.distance
        let fa1 = depth.planeDistance(b, na.point), fb0 = depth.planeDistance(a, nb.point)
        var bound = max(min(fa0, fb0), min(fa1, fb1))
        let slopeDifference = (fa1 - fa0) - (fb1 - fb0)
        let t = slopeDifference != 0 ? (fb0 - fa0) / slopeDifference : -1
        if t > 0 && t < 1 { bound = max(bound, fa0 + t * (fa1 - fa0) + 1) }
        var c = DepthCandidate(a: a, b: b, ta: ta, tb: tb, na: na, nb: nb, bound: bound)
        c.split = t
        return c
    }
}

/// A piece of an inside stretch waiting in the depth search.
struct DepthCandidate {
    var a: Coordinate, b: Coordinate
    /// Times at a and b, epoch seconds.
    var ta: Double, tb: Double
    var na: BoundaryDistance.Nearest?, nb: BoundaryDistance.Nearest?
    /// Upper bound (m) of the distance to the boundary along a → b.
    var bound: Double
    /// Where along a → b the bound peaks (0…1), if known.
    var split = -1.0
    /// The inside piece this candidate is (first visit), else -1.
    var piece = -1
}

/// The nearest boundary points measured at the ends of one incursion's inside pieces, so that an
/// end shared by two consecutive pieces is measured once.
struct EndNearest {
    private var starts: [BoundaryDistance.Nearest?]
    private var ends: [BoundaryDistance.Nearest?]

    init(count: Int) {
        starts = Array(repeating: nil, count: count)
        ends = Array(repeating: nil, count: count)
    }

    /// The nearest point of piece `i`'s start: the previous piece's end if that is the same point
    /// and already measured, else `measure()`.
    mutating func start(of i: Int, _ pieces: [InsidePiece], _ measure: () -> BoundaryDistance.Nearest) -> BoundaryDistance.Nearest {
        if let known = starts[i] { return known }
        let n = i > 0 && pieces[i - 1].b == pieces[i].a ? ends[i - 1] ?? measure() : measure()
        starts[i] = n
        if i > 0 && pieces[i - 1].b == pieces[i].a { ends[i - 1] = n }
        return n
    }

    /// The nearest point of piece `i`'s end (shared with the next piece's start likewise).
    mutating func end(of i: Int, _ pieces: [InsidePiece], _ measure: () -> BoundaryDistance.Nearest) -> BoundaryDistance.Nearest {
        if let known = ends[i] { return known }
        let shared = i + 1 < pieces.count && pieces[i + 1].a == pieces[i].b
        let n = shared ? starts[i + 1] ?? measure() : measure()
        ends[i] = n
        if shared { starts[i + 1] = n }
        return n
    }
}

/// A max-heap of depth candidates by bound (reused across incursions of one track). The heap
/// moves (bound, slot) pairs and the candidates stay where they were stored: the comparisons and
/// swaps are those of a heap of the candidates themselves, so they come out in the same order.
struct DepthQueue {
    private var items: [DepthCandidate] = []
    private var heap: [(bound: Double, slot: Int)] = []

    mutating func removeAll() {
        items.removeAll(keepingCapacity: true)
        heap.removeAll(keepingCapacity: true)
    }

    mutating func push(_ c: DepthCandidate) {
        items.append(c)
        heap.append((c.bound, items.count - 1))
        var k = heap.count - 1
        while k > 0 {
            let parent = (k - 1) / 2
            guard heap[parent].bound < heap[k].bound else { break }
            heap.swapAt(parent, k)
            k = parent
        }
    }

    mutating func pop() -> DepthCandidate? {
        guard !heap.isEmpty else { return nil }
        let top = items[heap[0].slot]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var k = 0
            while true {
                let l = 2 * k + 1, r = l + 1
                var m = k
                if l < heap.count && heap[l].bound > heap[m].bound { m = l }
                if r < heap.count && heap[r].bound > heap[m].bound { m = r }
                if m == k { break }
                heap.swapAt(k, m)
                k = m
            }
        }
        if heap.isEmpty { items.removeAll(keepingCapacity: true) }
        return top
    }
}
