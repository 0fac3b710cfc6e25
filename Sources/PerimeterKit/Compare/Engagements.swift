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
        Ukraine west of the Dnipro is not part of it for any perimeter. Coverage = the perimeter's coverage union at the \
        target altitude. A track is engaged before entry when it is strictly inside coverage at some time before its \
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

    /// Checks every perimeter × altitude coverage of `perimeters` against the tracks, streamed once
    /// (only the per-track results and window paths are kept).
    public static func compute(perimeters: [PerimeterResult], tracks: EngagementTracks, airspace: EngagementAirspace,
                               notes: [String] = []) throws -> Engagements {
        let ctx = GEOSContext()
        var finders: [(String, Double, EngagementFinder)] = []
        for r in perimeters {
            for c in r.coverages {
                let name = "\(r.line.name) coverage @ \(Comparison.fmt(c.targetAltitudeM)) m"
                let polygon = try AirspacePolygon(try c.coverage.union(context: ctx), name: name, source: name)
                finders.append((r.line.name, c.targetAltitudeM, try EngagementFinder(coverage: polygon, airspace: airspace)))
            }
        }
        var results = Array(repeating: [TrackEngagement](), count: finders.count)
        var source = try tracks.open()
        while let track = try source.nextTrack() {
            let entry = airspace.firstEntry(of: track)
            for (k, f) in finders.enumerated() { results[k].append(f.2.engagement(of: track, entry: entry)) }
        }
        let runs = finders.enumerated().map { k, f in Run(perimeter: f.0, targetAltitudeM: f.1, tracks: results[k]) }
        return Engagements(tracks: tracks, statistics: source.statistics, airspaceMembers: airspace.members,
                           airspaceSources: airspace.sources, runs: runs, notes: notes)
    }
}
