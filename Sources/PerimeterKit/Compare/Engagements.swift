import GeometryCore

/// Which tracks each perimeter's coverage reaches before they reach NATO airspace:
/// for every perimeter of a comparison and every target altitude, one `TrackEngagement` per track.
public struct Engagements: Sendable {
    /// One perimeter's coverage at one target altitude against every track.
    public struct Run: Sendable {
        public var perimeter: String
        /// Target altitude above ground, metres.
        public var targetAltitudeM: Double
        /// One entry per track, in file order.
        public var tracks: [TrackEngagement]

        /// Tracks that enter NATO airspace.
        public var reachingNATO: Int { tracks.filter(\.reachesNATO).count }
        /// Tracks inside coverage at some time before their first NATO entry.
        public var engagedBeforeEntry: Int { tracks.filter(\.engagedBeforeEntry).count }
        /// Tracks with fixes without altitude, flown at `targetAltitudeM` (altitude-aware coverage only).
        public var tracksAtDefaultAltitude: Int { tracks.filter(\.usedDefaultAltitude).count }
        /// Tracks that never enter NATO airspace but pass through coverage.
        public var coveredNotReaching: Int { tracks.filter { !$0.reachesNATO && !$0.windows.isEmpty }.count }
        /// Median, over the tracks engaged before entry, of the time inside coverage before entry, seconds.
        public var medianTimeBeforeEntryS: Double? {
            let v = tracks.filter(\.engagedBeforeEntry).map(\.timeInCoverageBeforeEntryS).sorted()
            guard !v.isEmpty else { return nil }
            return v.count % 2 == 1 ? v[v.count / 2] : (v[v.count / 2 - 1] + v[v.count / 2]) / 2
        }
    }

    /// The definition used, for the help text and comparison.json.
    public static let definition = """
        NATO airspace = the union of the allied countries' national airspace (GeoData/airspace/<ISO>.geojson, land + \
        territorial sea, where present; else the country's land polygon), the allied set of the comparison (--allied); \
        Ukraine west of the Dnipro is not part of it for any perimeter. Coverage = the perimeter's continuous belt of the \
        primary system, following each fix's altitude: a fix is covered when its geodesic (WGS84) distance to a belt site is \
        below min(R, √(2kRe·H) + √(2kRe·h)), R the system's range, H its radar height, h the fix's altitude, k = 4/3 \
        (as `incursions --sites`); fixes without altitude fly at the run's target altitude (--target-alt-m); between fixes \
        the track follows the geodesic, its altitude linear in time. A track is engaged before entry when it is strictly inside coverage at some time before its \
        first entry into NATO airspace (entering coverage more than 1 ms before it); its engagement windows are its intervals inside coverage before that entry \
        (a window still open at the entry ends there). Warning time = first NATO entry − first time inside coverage \
        (negative: covered only after entering). A track that starts inside NATO airspace has no time before entry. \
        A track that never enters NATO airspace has reaches_nato false; its windows are all its time inside coverage.
        """

    public var tracks: EngagementTracks
    /// What the reader read, dropped and skipped.
    public var statistics: TrackReadStatistics
    /// Members of the NATO airspace (ISO codes) and the file of each (same order).
    public var airspaceMembers: [String]
    public var airspaceSources: [String]
    /// One run per perimeter and target altitude, perimeters in comparison order.
    public var runs: [Run]
    /// Caveats (members without an airspace file, codes left out).
    public var notes: [String]

    /// Checks every perimeter × altitude coverage of the nominal layouts of `perimeters` against the tracks.
    public static func compute(perimeters: [PerimeterResult], tracks: EngagementTracks, airspace: EngagementAirspace,
                               notes: [String] = []) throws -> Engagements {
        try compute(coverages: perimeters.flatMap { r in r.coverages.map { (r.line.name, $0.targetAltitudeM, $0.coverage) } },
                    tracks: tracks, airspace: airspace, notes: notes)
    }

    /// Checks each (perimeter, target altitude, coverage polygons) against the tracks: inside the union at
    /// every altitude. An empty coverage (a belt with no site) engages nothing.
    public static func compute(coverages: [(perimeter: String, targetAltitudeM: Double, coverage: Coverage)], tracks: EngagementTracks,
                               airspace: EngagementAirspace, notes: [String] = []) throws -> Engagements {
        let ctx = GEOSContext()
        var finders: [(String, Double, EngagementFinder?)] = []
        for (perimeter, alt, coverage) in coverages {
            guard !coverage.circles.isEmpty else { finders.append((perimeter, alt, nil)); continue }
            let name = "\(perimeter) coverage @ \(Comparison.fmt(alt)) m"
            let polygon = try AirspacePolygon(try coverage.union(context: ctx), name: name, source: name)
            finders.append((perimeter, alt, try EngagementFinder(coverage: polygon, airspace: airspace)))
        }
        return try compute(finders: finders, tracks: tracks, airspace: airspace, notes: notes)
    }

    /// Checks each (perimeter, target altitude, sites) against the tracks with altitude-aware coverage
    /// (`SiteCoverage`: its default target altitude flies the fixes without altitude). No site engages nothing.
    public static func compute(sites: [(perimeter: String, targetAltitudeM: Double, sites: SiteCoverage)], tracks: EngagementTracks,
                               airspace: EngagementAirspace, notes: [String] = []) throws -> Engagements {
        let finders = sites.map { p, alt, model in
            (p, alt, model.sites.isEmpty ? nil : EngagementFinder(sites: model, airspace: airspace))
        }
        return try compute(finders: finders, tracks: tracks, airspace: airspace, notes: notes)
    }

    /// Streams the tracks once against every finder (only the per-track results and window paths are kept).
    static func compute(finders: [(String, Double, EngagementFinder?)], tracks: EngagementTracks,
                        airspace: EngagementAirspace, notes: [String]) throws -> Engagements {
        var results = Array(repeating: [TrackEngagement](), count: finders.count)
        var source = try tracks.open()
        while let track = try source.nextTrack() {
            let entry = airspace.firstEntry(of: track)
            for (k, f) in finders.enumerated() {
                results[k].append(f.2?.engagement(of: track, entry: entry)
                    ?? TrackEngagement(trackID: track.id, fixCount: track.fixes.count, natoEntry: entry, firstCoverageTime: nil,
                                       coverageTotalS: 0, windows: []))
            }
        }
        let runs = finders.enumerated().map { k, f in Run(perimeter: f.0, targetAltitudeM: f.1, tracks: results[k]) }
        return Engagements(tracks: tracks, statistics: source.statistics, airspaceMembers: airspace.members,
                           airspaceSources: airspace.sources, runs: runs, notes: notes)
    }
}
