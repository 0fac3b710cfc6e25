import GeometryCore

/// Which stretches of projected lines run within a distance of a shoreline: vertex by vertex against the
/// shoreline's segments, found through a uniform grid (plain Swift over contiguous arrays; buffering a
/// full-resolution shoreline with GEOS cost seconds and a gigabyte).
struct CoastProximity {
    let distanceM: Double
    let cell: Double
    /// Projected shoreline segments (x0, y0, x1, y1).
    var segments: [(Double, Double, Double, Double)] = []
    var grid: [Int64: [Int32]] = [:]

    /// `coast`: lon/lat lines; only segments with an end inside `window` (lon/lat) are kept.
    init(coast: [[Coordinate]], window: Bounds, projection: LocalProjection, distanceM: Double) throws {
        self.distanceM = distanceM
        cell = max(distanceM, 1000)
        for line in coast where line.count > 1 {
            var keep: [Coordinate] = []
            func flush() throws {
                if keep.count > 1 {
                    let xy = try projection.forward(keep)
                    for i in 0..<(xy.count - 1) { add(xy[i], xy[i + 1]) }
                }
                keep.removeAll(keepingCapacity: true)
            }
            for (i, c) in line.enumerated() {
                let inside = c.x >= window.minX && c.x <= window.maxX && c.y >= window.minY && c.y <= window.maxY
                let nextInside = i + 1 < line.count && { let n = line[i + 1]; return n.x >= window.minX && n.x <= window.maxX && n.y >= window.minY && n.y <= window.maxY }()
                if inside || nextInside || (!keep.isEmpty) { keep.append(c) }
                if !inside && !nextInside { try flush() }
            }
            try flush()
        }
    }

    private func key(_ i: Int, _ j: Int) -> Int64 { Int64(i) << 32 | Int64(UInt32(bitPattern: Int32(j))) }

    private mutating func add(_ a: Coordinate, _ b: Coordinate) {
        let index = Int32(segments.count)
        segments.append((a.x, a.y, b.x, b.y))
        let i0 = Int((min(a.x, b.x) / cell).rounded(.down)), i1 = Int((max(a.x, b.x) / cell).rounded(.down))
        let j0 = Int((min(a.y, b.y) / cell).rounded(.down)), j1 = Int((max(a.y, b.y) / cell).rounded(.down))
        for i in i0...i1 { for j in j0...j1 { grid[key(i, j), default: []].append(index) } }
    }

    /// Whether projected point `p` lies within `distanceM` of the shoreline.
    func isNear(_ p: Coordinate) -> Bool {
        let ci = Int((p.x / cell).rounded(.down)), cj = Int((p.y / cell).rounded(.down))
        for i in (ci - 1)...(ci + 1) {
            for j in (cj - 1)...(cj + 1) {
                for s in grid[key(i, j)] ?? [] {
                    let (x0, y0, x1, y1) = segments[Int(s)]
                    if GeodesicPolylineDistance.pointSegment(p, Coordinate(x: x0, y: y0), Coordinate(x: x1, y: y1)) <= distanceM { return true }
                }
            }
        }
        return false
    }

    /// Splits projected `line` into runs along the coast (every vertex near) and the rest; an edge from a near
    /// vertex to a far one belongs to the rest, so every vertex of a coast run is within `distanceM`.
    func split(_ line: [Coordinate]) -> (coast: [[Coordinate]], rest: [[Coordinate]]) {
        guard line.count > 1 else { return ([], []) }
        let near = line.map(isNear)
        var coast: [[Coordinate]] = [], rest: [[Coordinate]] = []
        var i = 0
        while i < line.count - 1 {
            // Edge i→i+1 is coast when both ends are near.
            let isCoast = near[i] && near[i + 1]
            var j = i + 1
            while j < line.count - 1 && (near[j] && near[j + 1]) == isCoast { j += 1 }
            let run = Array(line[i...j])
            if isCoast { coast.append(run) } else { rest.append(run) }
            i = j
        }
        return (coast, rest)
    }
}
