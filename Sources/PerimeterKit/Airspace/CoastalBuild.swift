import Foundation
import GeometryCore

/// One coastal state's airspace computation (see `AirspaceBuilder` for the method).
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
        let trace = ProcessInfo.processInfo.environment["PERIMETER_TRACE"] != nil
        var last = Date()
        var done = 0
        func step(_ what: String) {
            done += 1
            progress?(min(done, Self.steps), Self.steps, "steps")
            guard trace else { return }
            FileHandle.standardError.write(Data(String(format: "  %6.2f s  %@\n", Date().timeIntervalSince(last), what).utf8))
            last = Date()
        }
        let rules = builder.rules
        let T = rules.territorialSeaMetres
        let limits = rules.coverageLimits(for: key)
        let exceptions = applyExceptions ? rules.exceptions(for: key) : []
        let setback = exceptions.map(\.setbackMetres).max() ?? 0
        // Distance within which another state's coast can matter for X's zone or median lines.
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
        let windowXY = try projectedBounds(window, projection)
        let workXY = try projectedBounds(Self.expanded(work, metres: T + 1000), projection)

        // Land: X's parts in full (for the output), everyone's parts near X (for the sea).
        let xParts = try projectedParts(entry, projection, within: nil)
        var others: [(key: String, land: Geometry)] = []
        for other in builder.land.keys where other != key {
            guard let e = builder.land.entries[other], e.bounds.intersects(window) else { continue }
            let parts = try projectedParts(e, projection, within: window)
            guard !parts.isEmpty else { continue }
            let g = try Geometry.unionAll(parts, context: context).clip(to: windowXY).polygonalPart()
            if try !g.isEmpty { others.append((other, g)) }
        }
        step("others \(others.map(\.key))")
        // DCW polygons of neighbours overlap by a few km² along some land borders (PL/RU-KGD
        // 3.1 km²): such land goes to the state whose key sorts first, so airspaces never overlap.
        var xLand = try Geometry.unionAll(xParts, context: context)
        for o in others where o.key < key {
            guard let ob = try o.land.bounds, let xb = try xLand.bounds, ob.intersects(xb) else { continue }
            xLand = try xLand.robustDifference(o.land).polygonalPart()
        }
        xLand = try xLand.withoutSlivers(minArea: 1, minWidth: 0.01)
        step("x land projected+unioned (\(xParts.count) parts)")
        let xNear = try xLand.clip(to: windowXY).polygonalPart()
        let xWork = try limits.isEmpty ? xNear.polygons() : xNear.clip(to: workXY).polygonalPart().polygons()

        // 12 NM zone: sea within T of X's land, inside the coverage limits. Parts are buffered one
        // by one and then unioned (GEOS buffers a many-part multipolygon far more slowly).
        let buffers = try xWork.map { try $0.buffer(distance: T, quadrantSegments: AirspaceBuilder.quadrantSegments) }
        let reachZone = try Geometry.unionAll(buffers, context: context)
        step("buffer \(buffers.count) parts")
        var zone = reachZone
        guard let zoneBounds = try reachZone.bounds else { throw DomainError.invalidInput(source: key, message: "no land to build from") }
        for land in [xNear] + others.map(\.land) {
            guard let lb = try land.bounds, lb.intersects(zoneBounds) else { continue }
            zone = try zone.robustDifference(land.clip(to: zoneBounds))
        }
        for limit in limits {
            zone = try zone.intersection(projection.forward(Self.densifiedRing(limit.ring, context: context)))
        }
        zone = try zone.polygonalPart()
        step("zone")

        // Nearest-coast partition against neighbours within reach.
        var sea = zone
        var rulesApplied = limits.map(\.name)
        var medians: [String: Geometry] = [:]
        var siteCount = 0
        let near = Self.widened(zoneBounds, by: reach)
        let neighbours = try others.filter { try $0.land.bounds?.intersects(near) ?? false }
        if !neighbours.isEmpty {
            let neighbourLand = try Geometry.geometryCollection(neighbours.map(\.land), context: context)
            step("neighbours")
            let contested = try zone.intersection(neighbourLand.coarseBuffer(reach)).polygonalPart()
            if try !contested.isEmpty {
                step("contested")
                let region = try contested.coarseBuffer(reach)
                step("region")
                var coasts = [(key: key, lines: try xNear.boundary().intersection(region))]
                for n in neighbours { coasts.append((n.key, try n.land.boundary().intersection(region))) }
                step("coasts")
                let partition = try NearestCoastPartition(
                    coasts: coasts, envelope: region.envelope(),
                    spacing: AirspaceBuilder.siteSpacing)
                siteCount = partition.siteCount
                step("partition \(siteCount) sites")
                let claimed = try Geometry.unionAll(
                    neighbours.compactMap { partition.cells[$0.key] }, context: context).intersection(contested)
                sea = try sea.robustDifference(claimed)
                // Median lines are only right near the contested sea (sites are taken there only).
                let medianArea = try contested.coarseBuffer(setback + 1000)
                for n in neighbours {
                    if let m = try partition.medianLine(key, n.key) {
                        let near = try m.intersection(medianArea).linealPart()
                        if try !near.isEmpty { medians[n.key] = try near.lineMerge() }
                    }
                }
                for e in exceptions {
                    guard let other = e.states.first(where: { $0 != key }), let m = medians[other] else { continue }
                    let corridor = try m.buffer(distance: e.setbackMetres, quadrantSegments: AirspaceBuilder.quadrantSegments)
                    sea = try sea.robustDifference(corridor)
                    rulesApplied.append(e.name)
                }
                sea = try sea.polygonalPart()
            }
        }

        // Airspace already built for neighbours keeps the slivers where the median lines of the
        // two builds disagree (sea only: land is assigned by the land rule above).
        for other in excluded {
            let near = try other.clip(to: window)
            guard try !near.isEmpty else { continue }
            let xy = try Self.validPolygonal(projection.forward(near, context: context))
            guard let ob = try xy.bounds, let sb = try sea.bounds, ob.intersects(sb) else { continue }
            sea = try sea.robustDifference(xy).polygonalPart()
        }
        // A coverage limit narrows the work window, so DCW land overlaps with an earlier
        // neighbour outside it (RU's with EE round Lake Peipus) escape the land rule above: an
        // overlap of more than 0.01 km² with a neighbour built first goes to that neighbour.
        if !limits.isEmpty {
            for other in excluded {
                let xy = try Self.validPolygonal(projection.forward(other, context: context))
                guard let ob = try xy.bounds, let lb = try xLand.bounds, ob.intersects(lb) else { continue }
                if try xLand.intersection(xy).area > 10_000 { xLand = try xLand.robustDifference(xy).polygonalPart() }
            }
        }
        step("sea")
        // Airspace = land ∪ territorial sea, back to lon/lat.
        // Not simplified: two neighbours simplified independently would overlap along their
        // shared land borders and median lines.
        let air = try xLand.union(sea).withoutSlivers(minArea: 100)
        let airLL = try Self.onOutputGrid(projection.inverse(air))
        let landLL = try Self.validPolygonal(projection.inverse(xLand))
        let seaLL = try Self.validPolygonal(projection.inverse(sea))
        step("output")
        var mediansLL: [String: Geometry] = [:]
        for (k, m) in medians { mediansLL[k] = try projection.inverse(m) }

        let maxRho = try [Coordinate(x: workXY.minX, y: workXY.minY), Coordinate(x: workXY.maxX, y: workXY.maxY),
                          Coordinate(x: workXY.minX, y: workXY.maxY), Coordinate(x: workXY.maxX, y: workXY.minY)]
            .map { ($0.x * $0.x + $0.y * $0.y).squareRoot() }.max() ?? 0
        let scale = LocalProjection.scaleError(atDistance: maxRho) * 100
        let neighbourList = neighbours.map(\.key).sorted().joined(separator: ", ")
        let method = """
            land = DCW country ∪ GSHHG full-resolution land; territorial sea = sea within \(Int(T)) m of the land \
            (planar buffer, \(AirspaceBuilder.quadrantSegments) segments per quadrant, chord error ≤ 7 m) in \
            \(projection.definition) (scale error ≤ \(String(format: "%.3f", scale)) % in the work area), minus all land; \
            nearest-coast partition with \(neighbourList.isEmpty ? "no neighbour" : neighbourList) by GEOS Voronoi of \
            \(siteCount) coast points (every coast vertex, ≤ \(Int(AirspaceBuilder.siteSpacing)) m apart); outline not simplified
            """
        return try Airspace(iso2: key, name: entry.name, geometry: airLL, land: landLL, territorialSea: seaLL,
                            method: method, rulesApplied: rulesApplied, medianLines: mediansLL)
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
