import Foundation
import GeometryCore

/// The sea divided by nearest coast: the planar Voronoi diagram (GEOS) of coastline points of
/// several states, its cells unioned per state. The shared edge of two states' unions is their
/// equidistance (median) line. Coordinates are those of the projection the coasts are given in
/// (metres).
///
/// Sites are every vertex of the coast lines plus points added so that none is more than `spacing`
/// metres from the next (the same segment gives the same points in every build); a median line drawn from points `spacing`
/// apart at distance d from the coast is off by at most about spacing²/8d (≈ 6 m for 500 m
/// spacing at 5 km).
struct NearestCoastPartition {
    /// Per state key, the union of its cells (a polygon or multipolygon).
    let cells: [String: Geometry]
    /// Number of Voronoi sites used.
    let siteCount: Int

    /// - Parameters:
    ///   - coasts: per state key, line work of its coast (any lineal or areal geometry: its boundary is used).
    ///   - envelope: the area the diagram must cover.
    init(coasts: [(key: String, lines: Geometry)], envelope: Geometry,
         spacing: Double = 500) throws {
        let context = envelope.context
        let trace = ProcessInfo.processInfo.environment["PERIMETER_TRACE"] != nil
        var last = Date(), lastCPU = CoastalBuild.StepClock.cpuSeconds()
        func step(_ what: String) {
            guard trace else { return }
            let cpu = CoastalBuild.StepClock.cpuSeconds()
            FileHandle.standardError.write(Data(String(format: "    %6.2f s wall %6.2f s cpu  %@\n",
                                                       Date().timeIntervalSince(last), cpu - lastCPU, what).utf8))
            last = Date()
            lastCPU = cpu
        }
        var sites: [Coordinate] = []
        var owners: [Int] = []
        for (index, coast) in coasts.enumerated() {
            for line in try coast.lines.coordinateSequences where !line.isEmpty {
                let points = Self.densified(line, spacing: spacing)
                sites += points
                owners += Array(repeating: index, count: points.count)
            }
        }
        (sites, owners) = Self.distinct(sites, owners, grid: 0.001)
        siteCount = sites.count
        step("sites \(sites.count)")
        guard !sites.isEmpty else { cells = [:]; return }
        // GEOS 3.11's Voronoi builder fails ("Invalid number of points in LinearRing found 2") when
        // the circumcentres around a site coincide (cocircular sites: evenly densified parallel
        // straight edges): retry with a larger snapping tolerance (metres), then with every site
        // moved by a fixed pseudo-random offset of at most 1 mm, then 1 cm (deterministic).
        var diagram: Geometry?
        var failure: Error?
        let given = sites
        for (tolerance, clip, jitter) in [(0.01, true, 0.0), (0.5, true, 0), (0.01, false, 0), (2.0, false, 0),
                                          (0.0, true, 0.001), (0.0, true, 0.01)] {
            do {
                sites = jitter > 0 ? Self.jittered(given, by: jitter) : given
                diagram = try Geometry.voronoi(sites: sites, envelope: clip ? envelope : nil, tolerance: tolerance, context: context)
                break
            } catch { failure = error }
        }
        guard let diagram else { throw failure! }
        step("voronoi")
        // Match each site to the cell containing it: candidate cells from an R-tree of the cells'
        // bounds, then a point-in-convex-polygon test.
        let rings = try diagram.coordinateSequences.filter { $0.count >= 4 }
        let tree = try STRtree(context: context)
        for (i, ring) in rings.enumerated() {
            var b = Bounds(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
            for c in ring { b.minX = min(b.minX, c.x); b.maxX = max(b.maxX, c.x); b.minY = min(b.minY, c.y); b.maxY = max(b.maxY, c.y) }
            try tree.insert(b, payload: i)
        }
        var cellOwner = Array(repeating: -1, count: rings.count)
        for (s, site) in sites.enumerated() {
            for i in try tree.query(Bounds(minX: site.x, minY: site.y, maxX: site.x, maxY: site.y))
            where cellOwner[i] < 0 && Self.convexContains(rings[i], site) {
                cellOwner[i] = owners[s]
                break
            }
        }
        var byOwner: [[[Coordinate]]] = Array(repeating: [], count: coasts.count)
        for (i, ring) in rings.enumerated() where cellOwner[i] >= 0 { byOwner[cellOwner[i]].append(ring) }
        step("cells assigned \(byOwner.map { $0.count })")
        // Each state's cells unioned on its own thread. The cells of a Voronoi diagram form a coverage (they
        // meet only along shared edges with the same vertices), so the union only has to drop the shared edges
        // (`coverageUnion`, linear: 1.3 s instead of 5.4 s for UA's 15,249 cells) and gives the polygons the
        // cascaded union gives (equal once normalized, vertex for vertex, for UA and its 8 neighbours; every shipped airspace rebuilds byte for byte). Should GEOS refuse the
        // cells as a coverage, or return an invalid result, the cascaded union is used.
        let cellOwners = byOwner.indices.filter { !byOwner[$0].isEmpty }
        let unions = try GEOSJobs.map(cellOwners.map { byOwner[$0] }, cost: { $0.count }) { (cells: [[Coordinate]], ctx) in
            try Self.coverageUnion(try Geometry.geometryCollection(cells.map { try Geometry.polygon(shell: $0, context: ctx) }, context: ctx)).wkb
        }
        var result: [String: Geometry] = [:]
        for (owner, wkb) in zip(cellOwners, unions) { result[coasts[owner].key] = try Geometry(wkb: wkb, context: context) }
        cells = result
        step("cells unioned")
    }

    /// The union of polygons that form a coverage (cells of the partition, or unions of them): GEOS's coverage
    /// union, or the cascaded union should GEOS refuse them as a coverage or return an invalid result.
    static func coverageUnion(_ polygons: Geometry) throws -> Geometry {
        if let union = try? polygons.coverageUnion(), (try? union.isValid) == true { return union }
        return try polygons.unaryUnion()
    }

    /// The median line between states `a` and `b` (the shared edge of their cell unions), as a
    /// merged MultiLineString, or nil when their cells do not touch.
    func medianLine(_ a: String, _ b: String) throws -> Geometry? {
        guard let ca = cells[a], let cb = cells[b] else { return nil }
        return try Self.medianLine(ca, cb)
    }

    /// The shared edge of two cell unions as a merged MultiLineString, or nil when they do not touch.
    static func medianLine(_ ca: Geometry, _ cb: Geometry) throws -> Geometry? {
        let shared = try ca.boundary().intersection(cb.boundary()).linealPart()
        guard try !shared.isEmpty else { return nil }
        return try shared.lineMerge()
    }

    /// The sites rounded to a `grid` (metres) with repeats dropped, the first occurrence kept
    /// (with its owner): the same point on two coasts (a land border's end, the joint of two
    /// coast pieces) gives one site, not a degenerate pair.
    static func distinct(_ sites: [Coordinate], _ owners: [Int], grid: Double) -> ([Coordinate], [Int]) {
        struct Key: Hashable { let x: Int64, y: Int64 }
        var seen = Set<Key>()
        var outSites: [Coordinate] = [], outOwners: [Int] = []
        outSites.reserveCapacity(sites.count)
        for (s, o) in zip(sites, owners) {
            let c = Coordinate(x: (s.x / grid).rounded() * grid, y: (s.y / grid).rounded() * grid)
            guard seen.insert(Key(x: Int64((s.x / grid).rounded()), y: Int64((s.y / grid).rounded()))).inserted else { continue }
            outSites.append(c)
            outOwners.append(o)
        }
        return (outSites, outOwners)
    }

    /// Each site moved by a fixed pseudo-random offset (a hash of its index) of at most `amount`
    /// in x and in y: breaks cocircular site sets, deterministically.
    static func jittered(_ sites: [Coordinate], by amount: Double) -> [Coordinate] {
        sites.enumerated().map { i, c in
            var h = UInt64(i) &+ 0x9E37_79B9_7F4A_7C15
            h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
            h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 31
            let u = Double(h & 0xFFFF_FFFF) / Double(UInt32.max) - 0.5
            let v = Double(h >> 32) / Double(UInt32.max) - 0.5
            return Coordinate(x: c.x + 2 * amount * u, y: c.y + 2 * amount * v)
        }
    }

    /// Whether the convex ring (closed, either orientation) contains or touches `p`.
    static func convexContains(_ ring: [Coordinate], _ p: Coordinate) -> Bool {
        var sign = 0.0
        for k in 0..<(ring.count - 1) {
            let a = ring[k], b = ring[k + 1]
            let cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
            if cross == 0 { continue }
            if sign == 0 { sign = cross } else if (sign > 0) != (cross > 0) { return false }
        }
        return true
    }

    /// `line` with extra points so that no step exceeds `spacing` (planar).
    static func densified(_ line: [Coordinate], spacing: Double) -> [Coordinate] {
        guard var previous = line.first else { return [] }
        var out = [previous]
        for c in line.dropFirst() {
            let dx = c.x - previous.x, dy = c.y - previous.y
            let steps = Int((dx * dx + dy * dy).squareRoot() / spacing)
            if steps > 0 {
                for k in 1...steps {
                    let t = Double(k) / Double(steps + 1)
                    out.append(Coordinate(x: previous.x + t * dx, y: previous.y + t * dy))
                }
            }
            out.append(c)
            previous = c
        }
        return out
    }
}
