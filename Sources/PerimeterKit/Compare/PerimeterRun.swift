import GeoJSON
import GeometryCore

/// One perimeter of a comparison, computed as named steps: protected region and frontier, friendly
/// ground at the standoff, the nominal layout and its coverage per altitude, the continuous belts per
/// system and altitude, the warning depth, then figures, warnings and notes.
/// Not `Sendable` (uses the setup's GEOS and PROJ contexts).
struct PerimeterRun {
    var line: DefenseLine
    var setup: ComparisonSetup

    var inputs: ComparisonInputs { setup.inputs }
    var ctx: GEOSContext { setup.context }
    var isDnipro: Bool { Self.isDnipro(line) }
    static func isDnipro(_ line: DefenseLine) -> Bool { line.name == "dnipro" && line.source.hasPrefix(CompareGeoData.dniproFile) }

    /// Every step but the warning depth (``warningDepth()``, independent of them: run beside them) and the
    /// figures (``PerimeterResult/withDepth(_:inputs:isDnipro:)``, once the depth is known).
    func run(steps: SharedStepCounter) throws -> PerimeterResult {
        let (region, frontier) = try protectedRegionAndFrontier()
        steps.advance()
        let regionGeom = try region.geometry(context: ctx)
        let projection = try lineProjection()
        let ground = try FriendlyGround.at(standoffM: inputs.standoffKm * 1000, behind: line, region: regionGeom, projection: projection)
        let layout = try nominalLayout(on: ground, projection: projection)
        steps.advance()
        let measurer = LayoutCoverage(line: try line.geometry(context: ctx), region: regionGeom, lineName: line.name,
                                      toleranceM: inputs.toleranceM)
        let coverages = try nominalCoverages(of: layout, measurer: measurer, steps: steps)
        let belts = try continuousBelts(on: ground, projection: projection, measurer: measurer, steps: steps)
        var r = PerimeterResult(line: line, region: region, frontier: frontier, layout: layout, coverages: coverages,
                                depth: WarningDepth(distancesM: [], sampleSpacingM: 0), figures: [], belts: belts,
                                friendlySharePct: ground.stations.insideSharePct)
        r.layeredRegionCoveredM2 = try layeredRegionCoverage(belts, region: regionGeom)
        r.warnings = ComparisonWarning.warnings(for: r, ground: ground, inputs: inputs)
        r.notes = ComparisonWarning.notes(for: r)
        steps.advance()
        return r
    }

    /// The projection the line's steps work in: centred on the line and the Poland–Ukraine border.
    func lineProjection() throws -> LocalProjection {
        try LocalProjection(covering: line.parts.flatMap { $0 } + setup.polandUkraineBorder.flatMap { $0 }, context: setup.projContext)
    }

    /// The warning depth back to the Poland–Ukraine border.
    func warningDepth(steps: SharedStepCounter) throws -> WarningDepth {
        let depth = try WarningDepth.measure(border: setup.polandUkraineBorder, line: line, projection: try lineProjection(), context: ctx)
        steps.advance()
        return depth
    }

    /// The protected region (Poland; for the Dnipro, Poland plus Ukraine west of the river) and what its boundary faces.
    func protectedRegionAndFrontier() throws -> (ProtectedRegion, ExposedFrontier) {
        var neighbours: [(code: String, name: String, facing: ExposedFrontier.Facing, geometry: Geometry)] = []
        let region: ProtectedRegion
        var allied = Set(inputs.allied)
        if isDnipro, let split = setup.split {
            region = try ProtectedRegion.union(name: "PL+UA-west", members: ["PL", "UA-west"],
                                               parts: [setup.poland, try split.west(context: ctx)], context: ctx)
            allied.insert("UA-west")
            neighbours.append(("UA-east", "Ukraine east of the Dnipro (the river line)", .riverLine, try split.east(context: ctx)))
        } else {
            region = try ProtectedRegion.union(name: "PL", members: ["PL"], parts: [setup.poland], context: ctx)
        }
        let skip: Set<String> = isDnipro ? ["PL", "UA", "RU-KGD"] : ["PL", "RU-KGD"]
        for c in setup.geo.countries where !skip.contains(c.code) {
            neighbours.append((c.code, c.name, .country, try c.geometry.geosGeometry(context: ctx)))
        }
        let regionGeom = try region.geometry(context: ctx)
        let regionProjection = try LocalProjection(covering: try regionGeom.envelope().coordinates, context: setup.projContext)
        let frontier = try ExposedFrontier.classify(region: regionGeom, neighbours: neighbours, allied: allied, projection: regionProjection,
                                                    coast: setup.coast)
        return (region, frontier)
    }

    /// The nominal-range layout (spacing 2√(R² − w²)) of the primary system, on friendly ground.
    func nominalLayout(on ground: FriendlyGround, projection: LocalProjection) throws -> SiteLayout {
        let belt = try BeltLayout(rangeM: inputs.profile.rangeKm * 1000, halfWidthM: inputs.halfWidthKm * 1000)
        return try SiteLayout.place(on: ground.siteLine, friendly: ground.stations, inside: ground.region, belt: belt,
                                    projection: projection)
    }

    /// The nominal layout's coverage at each target altitude (radius min(R, horizon)).
    func nominalCoverages(of layout: SiteLayout, measurer: LayoutCoverage, steps: SharedStepCounter) throws -> [PerimeterResult.AltitudeCoverage] {
        var out: [PerimeterResult.AltitudeCoverage] = []
        for alt in inputs.targetAltitudesM {
            let horizon = RadarHorizon.distanceM(radarHeightM: inputs.profile.radarHeightM, targetAltitudeM: alt)
            out.append(try measurer.measure(sites: layout.allSites, radiusM: min(layout.belt.rangeM, horizon), horizonM: horizon,
                                            targetAltitudeM: alt, idPrefix: "nominal"))
            steps.advance()
        }
        return out
    }

    /// With several layers: per altitude, the geodesic area of region ∩ the union of every layer's belt.
    func layeredRegionCoverage(_ belts: [ContinuousBelt], region: Geometry) throws -> [Double] {
        guard inputs.layers.count > 1 else { return [] }
        return try inputs.targetAltitudesM.map { alt in
            let unions = try belts.filter { $0.targetAltitudeM == alt && !$0.sites.isEmpty }.map { try $0.coverage.coverage.union(context: ctx) }
            guard !unions.isEmpty else { return 0 }
            return try region.intersection(try Geometry.unionAll(unions, context: ctx)).geodesicAreaPerimeter().area
        }
    }

    /// One continuous belt per system (layer) and target altitude.
    func continuousBelts(on ground: FriendlyGround, projection: LocalProjection, measurer: LayoutCoverage,
                         steps: SharedStepCounter) throws -> [ContinuousBelt] {
        let samples = try LineSamples.along(line, projection: projection)
        var out: [ContinuousBelt] = []
        for (layer, profile) in inputs.layers.enumerated() {
            for alt in inputs.targetAltitudesM {
                out.append(try ContinuousBelt.build(profile: profile, layer: layer, targetAltitudeM: alt, samples: samples,
                                                    friendly: ground.stations, projection: projection, measurer: measurer))
                steps.advance()
            }
        }
        return out
    }
}

/// The ground sites may stand on: the site line at the standoff and its stations inside the region.
/// Not `Sendable` (holds a prepared GEOS geometry).
struct FriendlyGround {
    var siteLine: SiteLine
    var stations: FriendlyStations
    var region: PreparedGeometry

    static func at(standoffM: Double, behind line: DefenseLine, region: Geometry, projection: LocalProjection) throws -> FriendlyGround {
        let prepared = try region.prepared()
        let siteLine = try SiteLine.offset(line, standoffM: standoffM, towards: prepared, projection: projection, context: region.context)
        let stations = try FriendlyStations.along(siteLine, inside: prepared, projection: projection)
        return FriendlyGround(siteLine: siteLine, stations: stations, region: prepared)
    }
}
