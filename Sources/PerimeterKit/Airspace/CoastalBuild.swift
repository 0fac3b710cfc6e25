import Foundation
import GeometryCore

/// One coastal state's airspace computation (see `AirspaceBuilder` for the method), in named steps:
///
///     frame → land → zone → partition (when a neighbour's coast is near) → sea → airspace
///
/// `frame` fixes the projection and the windows; `land` projects and unions X's land and that of every
/// state near it; `zone` is the 12 NM zone (buffer minus all land, cut to coverage limits); `partition`
/// gives the parts nearer a neighbour's coast to it and draws the median lines and setbacks; `sea`
/// takes out airspace already built for neighbours; `airspace` joins land and sea back in lon/lat.
struct CoastalBuild {
    let builder: AirspaceBuilder
    let key: String
    let entry: StateLand.Entry
    let applyExceptions: Bool
    /// Neighbours' airspace already built (lon/lat), taken out of the territorial sea.
    var excluded: [Geometry] = []
    let context: GEOSContext
    /// Told after each of the ``steps`` steps.
    var progress: ProgressSink? = nil

    /// The number of steps `run()` reports through `progress` (some are skipped for a state without neighbours).
    static let steps = 11

    func run() throws -> Airspace {
        let clock = StepClock(total: Self.steps, progress: progress)
        let frame = try workFrame()
        let land = try projectedLand(frame, clock)
        let zone = try territorialZone(land, frame, clock)
        var sea = zone.area
        var partition: Partition?
        if let p = try nearestCoastPartition(zone, land, frame, clock) {
            sea = p.sea
            partition = p
        }
        sea = try withoutBuiltNeighbours(sea, frame)
        let finalLand = try landWithoutBuiltNeighbours(land, frame)
        clock.step("sea")
        return try airspace(land: finalLand, sea: sea, partition: partition, frame: frame, clock: clock)
    }

    // MARK: - Steps

    /// Where the build works: the projection (azimuthal equidistant on X's coast), the lon/lat window
    /// within which other states' land can matter, and its projected bounds.
    struct Frame {
        let projection: LocalProjection
        /// Territorial sea breadth, metres.
        let T: Double
        /// Distance within which another state's coast can matter for X's zone or median lines, metres.
        let reach: Double
        let limits: [AirspaceRules.CoverageLimit]
        let exceptions: [AirspaceRules.MedianSetback]
        /// Widest median-line setback of the exceptions, metres.
        let setback: Double
        /// lon/lat window of everything that can matter, and its projected bounds.
        let window: Bounds
        let windowXY: Bounds
        /// Projected bounds of where X's territorial sea may lie.
        let workXY: Bounds
    }

    func workFrame() throws -> Frame {
        let rules = builder.rules
        let T = rules.territorialSeaMetres
        let limits = rules.coverageLimits(for: key)
        let exceptions = applyExceptions ? rules.exceptions(for: key) : []
        let setback = exceptions.map(\.setbackMetres).max() ?? 0
        let reach = T + 2 * setback + 1000
        // Work area (lon/lat): where X's territorial sea may lie.
        var work = entry.bounds
        for limit in limits {
            guard let lb = StateLand.bounds([[limit.ring]]) else { continue }
            work = Bounds(minX: max(work.minX, lb.minX), minY: max(work.minY, lb.minY),
                          maxX: min(work.maxX, lb.maxX), maxY: min(work.maxY, lb.maxY))
        }
        var centreBox = entry.coastalBounds ?? entry.bounds
        if !limits.isEmpty { centreBox = work }
        let projection = try LocalProjection(roundedCenter: Coordinate(
            lon: (centreBox.minX + centreBox.maxX) / 2, lat: (centreBox.minY + centreBox.maxY) / 2))
        let window = Self.expanded(work, metres: T + reach + 5000)
        return Frame(projection: projection, T: T, reach: reach, limits: limits, exceptions: exceptions, setback: setback,
                     window: window, windowXY: try projectedBounds(window, projection),
                     workXY: try projectedBounds(Self.expanded(work, metres: T + 1000), projection))
    }

    /// X's land in full (for the output) and everyone's land near X (for the sea), projected.
    struct Land {
        /// X's land: its parts unioned, minus land of states sorting before it, without slivers.
        let x: Geometry
        /// X's land within the window.
        let xNear: Geometry
        /// Every other state's land within the window, by key (key order).
        let others: [(key: String, land: Geometry)]
    }

    func projectedLand(_ frame: Frame, _ clock: StepClock) throws -> Land {
        let xParts = try projectedParts(entry, frame.projection, within: nil)
        var others: [(key: String, land: Geometry)] = []
        for other in builder.land.keys where other != key {
            guard let e = builder.land.entries[other], e.bounds.intersects(frame.window) else { continue }
            let parts = try projectedParts(e, frame.projection, within: frame.window)
            guard !parts.isEmpty else { continue }
            let g = try Geometry.unionAll(parts, context: context).clip(to: frame.windowXY).polygonalPart()
            if try !g.isEmpty { others.append((other, g)) }
        }
        clock.step("others \(others.map(\.key))")
        // DCW polygons of neighbours overlap by a few km² along some land borders (PL/RU-KGD
        // 3.1 km²): such land goes to the state whose key sorts first, so airspaces never overlap.
        var xLand = try Geometry.unionAll(xParts, context: context)
        for o in others where o.key < key {
            guard let ob = try o.land.bounds, let xb = try xLand.bounds, ob.intersects(xb) else { continue }
            xLand = try xLand.robustDifference(o.land).polygonalPart()
        }
        xLand = try xLand.withoutSlivers(minArea: 1, minWidth: 0.01)
        clock.step("x land projected+unioned (\(xParts.count) parts)")
        return Land(x: xLand, xNear: try xLand.clip(to: frame.windowXY).polygonalPart(), others: others)
    }

    /// The 12 NM zone: sea within T of X's land, minus all land, inside the coverage limits.
    struct Zone {
        let area: Geometry
        /// Bounds of X's land buffered by T.
        let bounds: Bounds
    }

    func territorialZone(_ land: Land, _ frame: Frame, _ clock: StepClock) throws -> Zone {
        let xWork = try frame.limits.isEmpty ? land.xNear.polygons()
            : land.xNear.clip(to: frame.workXY).polygonalPart().polygons()
        // Parts are buffered one by one, on all threads, and then unioned (GEOS buffers a many-part
        // multipolygon far more slowly).
        let T = frame.T
        let buffers: [Geometry]
        if Self.needsTiles(frame) {
            buffers = try tiledBuffers(xWork, frame)
        } else {
            buffers = try GEOSJobs.map(try xWork.map { try $0.wkb }, cost: { $0.count }) { (part: [UInt8], ctx) in
                try Geometry(wkb: part, context: ctx).buffer(distance: T, quadrantSegments: AirspaceBuilder.quadrantSegments).wkb
            }.map { try Geometry(wkb: $0, context: context) }
        }
        clock.lap("buffer \(buffers.count) parts")
        let reachZone = try Geometry.unionAll(buffers, context: context)
        clock.step("buffers unioned")
        guard let zoneBounds = try reachZone.bounds else { throw DomainError.invalidInput(source: key, message: "no land to build from") }
        var zone = reachZone
        for other in [land.xNear] + land.others.map(\.land) {
            guard let lb = try other.bounds, lb.intersects(zoneBounds) else { continue }
            zone = try zone.robustDifference(other.clip(to: zoneBounds))
        }
        for limit in frame.limits {
            zone = try zone.intersection(frame.projection.forward(Self.densifiedRing(limit.ring, context: context)))
        }
        zone = try zone.polygonalPart()
        clock.step("zone")
        return Zone(area: zone, bounds: zoneBounds)
    }

    /// Largest scale error (k − 1) of the frame's projection over its work area, from its corners' distances.
    static func workScaleError(_ frame: Frame) -> Double {
        let w = frame.workXY
        let rho = [w.minX, w.maxX].flatMap { x in [w.minY, w.maxY].map { y in (x * x + y * y).squareRoot() } }.max() ?? 0
        return LocalProjection.scaleError(atDistance: rho)
    }

    /// Scale error above which the 12 NM buffer is not drawn in the frame's one projection (1 %, 220 m on
    /// 22 km): Alaska's work area spans 58° of longitude (≈ 2.5 % at the Aleutians' far end). The states
    /// built before it stay below (NO 0.56 %, UA 0.48 %, RU 0.36 %, SE 0.35 % at the far corners of their
    /// work areas), so their files are unchanged; tiles would take them to ≤ 0.013 % too.
    static let tileScaleLimit = 0.01

    static func needsTiles(_ frame: Frame) -> Bool { workScaleError(frame) > tileScaleLimit }

    /// Side of a buffer tile, degrees of latitude (longitude: this over cos(latitude)): ≈ 220 km, so every
    /// point of a tile's land and of its 12 NM buffer lies within ≈ 180 km of the tile's centre, where the
    /// tile's own azimuthal equidistant projection has a scale error ≤ 0.013 % (≈ 3 m on 22 km).
    static let tileDegrees = 2.0

    /// The 12 NM buffer of a wide state's land, exact to the buffer's own chord error: the land (back in
    /// lon/lat, in the state's continuous longitude frame) is cut into tiles; each tile's land is buffered
    /// in an azimuthal equidistant projection centred on the tile and taken back to the frame's projection.
    /// The union of the tiles' buffers is the buffer of the land (a point within T of the land is within T
    /// of some tile's land), so tile edges leave no trace.
    func tiledBuffers(_ parts: [Geometry], _ frame: Frame) throws -> [Geometry] {
        let land = try lonLat(Geometry.unionAll(parts, context: context), frame)
        guard let b = try land.bounds else { return [] }
        var tiles: [(wkb: [UInt8], centre: Coordinate)] = []
        var lat = (b.minY / Self.tileDegrees).rounded(.down) * Self.tileDegrees
        while lat < b.maxY {
            let dLon = Self.tileDegrees / cos((lat + Self.tileDegrees / 2) * .pi / 180)
            var lon = (b.minX / dLon).rounded(.down) * dLon
            while lon < b.maxX {
                let cell = Bounds(minX: lon, minY: lat, maxX: lon + dLon, maxY: lat + Self.tileDegrees)
                let piece = try land.clip(to: cell).polygonalPart()
                if try !piece.isEmpty {
                    tiles.append((try piece.wkb, Coordinate(lon: lon + dLon / 2, lat: lat + Self.tileDegrees / 2)))
                }
                lon += dLon
            }
            lat += Self.tileDegrees
        }
        let T = frame.T, centre = frame.projection.center
        let buffered = try GEOSJobs.map(tiles, cost: { $0.wkb.count }) { tile, ctx in
            let local = try LocalProjection(roundedCenter: tile.centre)
            let global = try LocalProjection(roundedCenter: centre)
            let xy = try local.forward(Geometry(wkb: tile.wkb, context: ctx), context: ctx)
            let ring = try xy.buffer(distance: T, quadrantSegments: AirspaceBuilder.quadrantSegments)
            // Back to lon/lat round the tile's centre (continuous across ±180), then into the frame.
            let c = local.center.lon
            let ll = try local.inverse(ring, context: ctx).transformedXY { x, _ in
                if x > c + 180 { x -= 360 } else if x < c - 180 { x += 360 }
            }
            return try global.forward(ll, context: ctx).wkb
        }
        return try buffered.map { try Geometry(wkb: $0, context: context).makeValid().polygonalPart() }
    }

    /// The sea after the nearest-coast rule and the setbacks, with the median lines drawn.
    struct Partition {
        let sea: Geometry
        /// Neighbours whose land is within reach of the zone (key order).
        let neighbours: [String]
        /// Median lines near the contested sea (projected), by neighbour key.
        let medians: [String: Geometry]
        let siteCount: Int
        /// Names of the exceptions applied.
        let exceptionsApplied: [String]
    }

    /// Nil when no neighbour's land is within reach of the zone. With neighbours but no contested
    /// sea, the zone unchanged and no median lines.
    func nearestCoastPartition(_ zone: Zone, _ land: Land, _ frame: Frame, _ clock: StepClock) throws -> Partition? {
        let near = Self.widened(zone.bounds, by: frame.reach)
        let neighbours = try land.others.filter { try $0.land.bounds?.intersects(near) ?? false }
        guard !neighbours.isEmpty else { return nil }
        let neighbourLand = try Geometry.geometryCollection(neighbours.map(\.land), context: context)
        clock.step("neighbours")
        let contested = try zone.area.intersection(neighbourLand.coarseBuffer(frame.reach)).polygonalPart()
        guard try !contested.isEmpty else {
            return Partition(sea: zone.area, neighbours: neighbours.map(\.key), medians: [:], siteCount: 0, exceptionsApplied: [])
        }
        clock.step("contested")
        let region = try contested.coarseBuffer(frame.reach)
        clock.step("region")
        var coasts = [(key: key, lines: try land.xNear.boundary().intersection(region))]
        for n in neighbours { coasts.append((n.key, try n.land.boundary().intersection(region))) }
        clock.step("coasts")
        let partition = try NearestCoastPartition(coasts: coasts, envelope: region.envelope(), spacing: AirspaceBuilder.siteSpacing)
        clock.step("partition \(partition.siteCount) sites")
        let (seaLeft, medians) = try claimedSeaAndMedianLines(zone: zone.area, contested: contested, partition: partition,
                                                              neighbours: neighbours.map(\.key), frame: frame)
        var sea = seaLeft
        clock.lap("median lines")
        var applied: [String] = []
        for e in frame.exceptions {
            guard let other = e.states.first(where: { $0 != key }), let m = medians[other] else { continue }
            let corridor = try m.buffer(distance: e.setbackMetres, quadrantSegments: AirspaceBuilder.quadrantSegments)
            sea = try sea.robustDifference(corridor)
            applied.append(e.name)
        }
        return Partition(sea: try sea.polygonalPart(), neighbours: neighbours.map(\.key), medians: medians,
                         siteCount: partition.siteCount, exceptionsApplied: applied)
    }

    /// The zone minus the sea nearer a neighbour's coast, and the median line with each neighbour
    /// near the contested sea (projected, by key): independent overlays, run side by side.
    func claimedSeaAndMedianLines(zone: Geometry, contested: Geometry, partition: NearestCoastPartition,
                                  neighbours: [String], frame: Frame) throws -> (sea: Geometry, medians: [String: Geometry]) {
        // Median lines are only right near the contested sea (sites are taken there only).
        let medianArea = try contested.coarseBuffer(frame.setback + 1000)
        let cells = try partition.cells.mapValues { try $0.wkb }
        let zoneWKB = try zone.wkb, contestedWKB = try contested.wkb, areaWKB = try medianArea.wkb
        let key = self.key
        // Job 0: the sea; job k: the median line with neighbours[k - 1].
        let results = try GEOSJobs.map(Array(0...neighbours.count), cost: { $0 == 0 ? 2 : 1 }) { job, ctx in
            if job == 0 {
                // Only the polygons of the claimed sea: an intersection of polygons may also hold lines
                // and points where cells touch `contested`, and such a mixed collection sends GEOS's
                // overlay down its slow snapping fallback (O(n·m), tens of seconds for UA), whose
                // result kept hundreds of sliver polygons.
                // The neighbours' cell unions tile the sea they claim without overlapping (cells of one partition):
                // a coverage, unioned by dropping shared edges (`NearestCoastPartition.coverageUnion`).
                let claimed = try NearestCoastPartition.coverageUnion(
                    try Geometry.geometryCollection(neighbours.compactMap { cells[$0] }.map { try Geometry(wkb: $0, context: ctx) }, context: ctx))
                    .intersection(Geometry(wkb: contestedWKB, context: ctx)).polygonalPart()
                return try Geometry(wkb: zoneWKB, context: ctx).robustDifference(claimed).wkb
            }
            guard let a = cells[key], let b = cells[neighbours[job - 1]],
                  let m = try NearestCoastPartition.medianLine(Geometry(wkb: a, context: ctx), Geometry(wkb: b, context: ctx))
            else { return [] }
            let near = try m.intersection(Geometry(wkb: areaWKB, context: ctx)).linealPart()
            return try near.isEmpty ? [] : near.lineMerge().wkb
        }
        var medians: [String: Geometry] = [:]
        for (n, wkb) in zip(neighbours, results.dropFirst()) where !wkb.isEmpty {
            medians[n] = try Geometry(wkb: wkb, context: context)
        }
        return (try Geometry(wkb: results[0], context: context), medians)
    }

    /// Airspace already built for neighbours keeps the slivers where the median lines of the two
    /// builds disagree (sea only: land is assigned by the land rule).
    func withoutBuiltNeighbours(_ sea: Geometry, _ frame: Frame) throws -> Geometry {
        var sea = sea
        for other in excluded {
            let near = try other.clip(to: frame.window)
            guard try !near.isEmpty else { continue }
            let xy = try Self.validPolygonal(frame.projection.forward(near, context: context))
            guard let ob = try xy.bounds, let sb = try sea.bounds, ob.intersects(sb) else { continue }
            sea = try sea.robustDifference(xy).polygonalPart()
        }
        return sea
    }

    /// A coverage limit narrows the work window, so DCW land overlaps with an earlier-built neighbour
    /// outside it (RU's with EE round Lake Peipus) escape the land rule of `projectedLand`: an overlap of
    /// more than 0.01 km² with a neighbour built first goes to that neighbour.
    func landWithoutBuiltNeighbours(_ land: Land, _ frame: Frame) throws -> Land {
        guard !frame.limits.isEmpty else { return land }
        var xLand = land.x
        for other in excluded {
            let xy = try Self.validPolygonal(frame.projection.forward(other, context: context))
            guard let ob = try xy.bounds, let lb = try xLand.bounds, ob.intersects(lb) else { continue }
            if try xLand.intersection(xy).area > 10_000 { xLand = try xLand.robustDifference(xy).polygonalPart() }
        }
        return Land(x: xLand, xNear: land.xNear, others: land.others)
    }

    /// Airspace = land ∪ territorial sea, back to lon/lat. Not simplified: two neighbours simplified
    /// independently would overlap along their shared land borders and median lines.
    func airspace(land: Land, sea: Geometry, partition: Partition?, frame: Frame, clock: StepClock) throws -> Airspace {
        let air = try land.x.union(sea).withoutSlivers(minArea: 100)
        clock.lap("land ∪ sea")
        let airLL = try Self.onOutputGrid(lonLat(air, frame))
        clock.lap("airspace on the output grid")
        let landLL = try Self.validPolygonal(lonLat(land.x, frame))
        let seaLL = try Self.validPolygonal(lonLat(sea, frame))
        clock.step("output")
        var mediansLL: [String: Geometry] = [:]
        for (k, m) in partition?.medians ?? [:] { mediansLL[k] = try lonLat(m, frame) }
        return try Airspace(iso2: key, name: entry.name, geometry: airLL, land: landLL, territorialSea: seaLL,
                            method: method(frame, partition), rulesApplied: frame.limits.map(\.name) + (partition?.exceptionsApplied ?? []),
                            medianLines: mediansLL)
    }

    /// A projected geometry back to lon/lat, in the state's continuous longitude frame: PROJ answers longitudes
    /// within ±180°, so a state across the antimeridian (its window beyond ±180) has every longitude taken to
    /// within 180° of the projection centre (Alaska: −188…−130), where its polygons stay whole and valid. The
    /// GeoJSON writer cuts them at ±180° (RFC 7946 §3.1.9).
    func lonLat(_ g: Geometry, _ frame: Frame) throws -> Geometry {
        let ll = try frame.projection.inverse(g)
        guard frame.window.minX < -180 || frame.window.maxX > 180 else { return ll }
        let c = frame.projection.center.lon
        return try ll.transformedXY { x, _ in
            if x > c + 180 { x -= 360 } else if x < c - 180 { x += 360 }
        }
    }

    /// The method statement of the output: projection and its scale error, buffer, partition.
    func method(_ frame: Frame, _ partition: Partition?) -> String {
        let w = frame.workXY
        let maxRho = [Coordinate(x: w.minX, y: w.minY), Coordinate(x: w.maxX, y: w.maxY),
                      Coordinate(x: w.minX, y: w.maxY), Coordinate(x: w.maxX, y: w.minY)]
            .map { ($0.x * $0.x + $0.y * $0.y).squareRoot() }.max() ?? 0
        let scale = LocalProjection.scaleError(atDistance: maxRho) * 100
        let neighbourList = (partition?.neighbours ?? []).sorted().joined(separator: ", ")
        return """
            land = DCW country ∪ GSHHG full-resolution land; territorial sea = sea within \(Int(frame.T)) m of the land \
            (planar buffer, \(AirspaceBuilder.quadrantSegments) segments per quadrant, chord error ≤ 7 m\(Self.needsTiles(frame) ? String(format: "; drawn per %.0f° tile in an azimuthal equidistant projection centred on the tile, scale error ≤ 0.013 %%", Self.tileDegrees) : "")) in \
            \(frame.projection.definition) (scale error ≤ \(String(format: "%.3f", scale)) % in the work area), minus all land; \
            nearest-coast partition with \(neighbourList.isEmpty ? "no neighbour" : neighbourList) by GEOS Voronoi of \
            \(partition?.siteCount ?? 0) coast points (every coast vertex, ≤ \(Int(AirspaceBuilder.siteSpacing)) m apart); outline not simplified
            """
    }

    // MARK: - Helpers

    /// Counts the steps for `progress`; with `PERIMETER_TRACE` set, also prints each step's wall and
    /// CPU time (all threads; on a loaded machine the CPU time is the steadier figure) on stderr.
    final class StepClock {
        let total: Int
        let progress: ProgressSink?
        private var done = 0
        private var last = Date()
        private var lastCPU = StepClock.cpuSeconds()
        private let trace = ProcessInfo.processInfo.environment["PERIMETER_TRACE"] != nil

        init(total: Int, progress: ProgressSink?) {
            self.total = total
            self.progress = progress
        }

        func step(_ what: String) {
            done += 1
            progress?(min(done, total), total, "steps")
            lap(what)
        }

        /// Traces the time since the last step or lap without counting a step.
        func lap(_ what: String) {
            guard trace else { return }
            let cpu = Self.cpuSeconds()
            FileHandle.standardError.write(Data(String(format: "  %6.2f s wall %6.2f s cpu  %@\n",
                                                       Date().timeIntervalSince(last), cpu - lastCPU, what).utf8))
            last = Date()
            lastCPU = cpu
        }

        /// User + system CPU time of the process so far, seconds.
        static func cpuSeconds() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        }
    }

    /// Planar bounds widened by `d` on every side.
    static func widened(_ b: Bounds, by d: Double) -> Bounds {
        Bounds(minX: b.minX - d, minY: b.minY - d, maxX: b.maxX + d, maxY: b.maxY + d)
    }

    /// The polygons of a state projected (vertex by vertex, which keeps them valid for the
    /// small scale changes involved), keeping only parts whose lon/lat bounds meet `window`.
    func projectedParts(_ e: StateLand.Entry, _ projection: LocalProjection, within window: Bounds?) throws -> [Geometry] {
        var out: [Geometry] = []
        for rings in e.parts {
            if let window, let b = StateLand.bounds([rings]), !b.intersects(window) { continue }
            let xy = try rings.map { try projection.forward($0) }
            out.append(try Geometry.polygon(shell: xy[0], holes: Array(xy.dropFirst()), context: context))
        }
        return out
    }

    /// `b` widened by `metres` on every side (lon/lat degrees, using the widest longitude degree).
    static func expanded(_ b: Bounds, metres: Double) -> Bounds {
        let dLat = metres / 110_574
        let lat = min(89, max(abs(b.minY), abs(b.maxY)) + dLat)
        let dLon = metres / (111_320 * cos(lat * .pi / 180))
        return Bounds(minX: b.minX - dLon, minY: b.minY - dLat, maxX: b.maxX + dLon, maxY: b.maxY + dLat)
    }

    /// Projected bounds of a lon/lat box (its edges sampled, so curved images are covered).
    func projectedBounds(_ b: Bounds, _ projection: LocalProjection) throws -> Bounds {
        var pts: [Coordinate] = []
        for i in 0...20 {
            let t = Double(i) / 20
            let x = b.minX + t * b.width, y = b.minY + t * b.height
            pts += [Coordinate(x: x, y: b.minY), Coordinate(x: x, y: b.maxY), Coordinate(x: b.minX, y: y), Coordinate(x: b.maxX, y: y)]
        }
        let xy = try projection.forward(pts)
        return Bounds(minX: xy.map(\.x).min()!, minY: xy.map(\.y).min()!, maxX: xy.map(\.x).max()!, maxY: xy.map(\.y).max()!)
    }

    /// A lon/lat ring with a vertex every 0.05° along each edge, as a polygon.
    static func densifiedRing(_ ring: [Coordinate], context: GEOSContext) throws -> Geometry {
        var out: [Coordinate] = []
        for (a, b) in zip(ring, ring.dropFirst()) {
            let n = max(1, Int((max(abs(b.lon - a.lon), abs(b.lat - a.lat)) / 0.05).rounded(.up)))
            for k in 0..<n {
                let t = Double(k) / Double(n)
                out.append(Coordinate(lon: a.lon + t * (b.lon - a.lon), lat: a.lat + t * (b.lat - a.lat)))
            }
        }
        out.append(ring[0])
        return try Geometry.polygon(shell: out, context: context)
    }

    /// `g` (lon/lat) snapped to the 1e-6° grid GeoJSON is written at (GEOS set-precision, which
    /// nodes and repairs at that precision: edges that would cross or collapse after rounding are
    /// merged), as a valid MultiPolygon — so writing it at 6 decimals and reading it back gives
    /// the same valid geometry.
    static func onOutputGrid(_ g: Geometry) throws -> Geometry {
        let out = try validPolygonal(g).withPrecision(gridSize: 1e-6).polygonalPart()
        guard try out.isValid else {
            throw DomainError.invalidInput(source: "airspace output", message: "invalid after snapping to 1e-6°: \(try out.validityReason)")
        }
        return out
    }

    /// A valid MultiPolygon of `g`'s polygons.
    static func validPolygonal(_ g: Geometry) throws -> Geometry {
        let p = try g.polygonalPart()
        return try p.isValid ? p : try p.makeValid().polygonalPart()
    }
}
