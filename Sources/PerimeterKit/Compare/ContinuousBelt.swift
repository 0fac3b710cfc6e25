import GeometryCore

/// A continuous belt of one system against targets at one altitude: the fewest sites on friendly
/// ground at the standoff whose circles of effective radius r = min(R, radar horizon) cover the whole
/// forward line (`BeltPlacement`), with their coverage and cost.
public struct ContinuousBelt: Sendable {
    /// One belt site.
    public struct Site: Sendable {
        public var position: Coordinate
        /// Site-line part and geodesic distance along it, metres.
        public var part: Int
        public var distanceAlongM: Double
    }

    /// The system (layer) this belt is made of.
    public var profile: SystemProfile
    /// Index of the layer among `ComparisonInputs.profiles` (0 = the primary system).
    public var layer: Int
    /// Target altitude above ground, metres.
    public var targetAltitudeM: Double
    /// Effective radius r = min(R, horizon), metres.
    public var radiusM: Double
    public var horizonM: Double
    public var sites: [Site]
    /// Sites the greedy pass placed before tightening.
    public var greedyCount: Int
    /// Geodesic distance between consecutive sites on the same site-line part, metres.
    public var spacingsM: [Double]
    /// Length of forward line no friendly station at the standoff can reach (sum of the samples' shares), metres.
    public var unreachableM: Double
    /// Largest geodesic distance from a reachable line sample to its nearest site (verification), metres.
    public var worstSampleDistanceM: Double
    /// The covering distance r − margin the placement used, metres.
    public var reachM: Double
    /// The sampling of the forward line the placement and its verification used, metres.
    public var sampleSpacingM: Double
    /// Coverage of the belt's circles, of the line and of the region.
    public var coverage: PerimeterResult.AltitudeCoverage

    public var meanSpacingM: Double { spacingsM.isEmpty ? 0 : spacingsM.reduce(0, +) / Double(spacingsM.count) }
    public var maxSpacingM: Double { spacingsM.max() ?? 0 }
    /// Notional cost: sites × cost per fire unit, USD million (nil when the profile has no cost).
    public var costUSDMillion: Double? { profile.cost.map { Double(sites.count) * $0.usdMillion } }
    /// The belt covers the whole line (nothing unreachable).
    public var isContinuous: Bool { unreachableM == 0 }

    /// Places the belt and measures its coverage.
    static func build(profile: SystemProfile, layer: Int, targetAltitudeM: Double, samples: LineSamples, friendly: FriendlyStations,
                      projection: LocalProjection, measurer: LayoutCoverage) throws -> ContinuousBelt {
        let horizon = RadarHorizon.distanceM(radarHeightM: profile.radarHeightM, targetAltitudeM: targetAltitudeM)
        let radius = min(profile.rangeKm * 1000, horizon)
        let placed = BeltPlacement.place(samples: samples, stations: friendly, radiusM: radius,
                                         toleranceM: measurer.toleranceM, projection: projection)
        let st = friendly.stations
        let sites = placed.chosen.map { Site(position: st[$0].position, part: st[$0].part, distanceAlongM: st[$0].distanceM) }
        var spacings: [Double] = []
        for (a, b) in zip(sites, sites.dropFirst()) where a.part == b.part {
            spacings.append(Geodesic.wgs84.distance(a.position, b.position))
        }
        let unreachable = placed.uncoverable.reduce(0) { $0 + samples.samples[$1].weightM }
        let coverage = try measurer.measure(sites: sites.map(\.position), radiusM: radius, horizonM: horizon,
                                                   targetAltitudeM: targetAltitudeM, idPrefix: "belt")
        return ContinuousBelt(profile: profile, layer: layer, targetAltitudeM: targetAltitudeM, radiusM: radius, horizonM: horizon,
                              sites: sites, greedyCount: placed.greedyCount, spacingsM: spacings, unreachableM: unreachable,
                              worstSampleDistanceM: placed.worstDistanceM, reachM: placed.reachM,
                              sampleSpacingM: samples.spacingM, coverage: coverage)
    }
}
