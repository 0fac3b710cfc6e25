import GeoJSON
import GeometryCore

/// The map of an incursions run: the tracks (as lines), the parts inside each airspace, the entry and exit
/// points and the airspace polygons, all lon/lat degrees (WGS84).
///
/// Huge inputs are decimated so the map stays readable and small: at most ``maxTracks`` tracks are drawn
/// (every track with an incursion first, in input order, then others evenly spread over the input), and each
/// drawn track keeps at most ``maxVerticesPerTrack`` of its fixes (evenly spaced, first and last kept). Inside
/// parts and marks come from the full fixes of the drawn tracks. Feed tracks in input order with
/// ``add(_:at:)`` for the indices ``wants(trackAt:)`` accepts, then take ``layers()``.
public struct IncursionMap: Sendable {
    /// The most tracks drawn.
    public let maxTracks: Int
    /// The most vertices of one drawn track line.
    public let maxVerticesPerTrack: Int
    public let reports: [TrackReport]
    public let airspaces: [AirspacePolygon]
    /// Indices (input order) of the tracks to draw.
    public let selected: Set<Int>
    private var tracks: [Feature] = [], inside: [(label: String, features: [Feature])] = [], marks: [Feature] = []
    /// The drawn tracks themselves, kept for the annotations when few (at most ``maxAnnotatedTracks``).
    private var annotated: [Track] = []
    /// Tracks drawn with time ticks, direction arrows and labelled entries/exits: at most this many
    /// (beyond, the map would be a blur of labels).
    public static let maxAnnotatedTracks = 12

    /// - Parameters:
    ///   - reports: the run's reports, one per track in input order.
    ///   - airspaces: the airspaces the tracks were run against (drawn as dashed outlines).
    /// Coverage polygons drawn under the tracks, with their legend label.
    public let coverage: (features: [Feature], label: String)?

    public init(reports: [TrackReport], airspaces: [AirspacePolygon], coverage: (features: [Feature], label: String)? = nil,
                maxTracks: Int = 2000, maxVerticesPerTrack: Int = 1000) {
        self.reports = reports
        self.airspaces = airspaces
        self.coverage = coverage
        self.maxTracks = max(1, maxTracks)
        self.maxVerticesPerTrack = max(2, maxVerticesPerTrack)
        selected = Self.select(reports: reports, maxTracks: self.maxTracks)
    }

    /// Tracks with incursions first, then others evenly spread, `maxTracks` in all.
    static func select(reports: [TrackReport], maxTracks: Int) -> Set<Int> {
        guard reports.count > maxTracks else { return Set(reports.indices) }
        var chosen: [Int] = []
        var others: [Int] = []
        for (i, r) in reports.enumerated() {
            if r.airspaces.contains(where: { !$0.incursions.isEmpty }) { chosen.append(i) } else { others.append(i) }
        }
        chosen = Array(chosen.prefix(maxTracks))
        let room = maxTracks - chosen.count
        if room > 0, !others.isEmpty {
            let step = Double(others.count) / Double(room)
            for k in 0..<min(room, others.count) { chosen.append(others[Int(Double(k) * step)]) }
        }
        return Set(chosen)
    }

    /// Whether the track at input index `index` is drawn.
    public func wants(trackAt index: Int) -> Bool { selected.contains(index) }

    /// Adds the track at input index `index` (ignored unless ``wants(trackAt:)``).
    public mutating func add(_ track: Track, at index: Int) {
        guard selected.contains(index), index < reports.count, !track.fixes.isEmpty else { return }
        let fixes = track.fixes
        var positions: [Position] = []
        if fixes.count <= maxVerticesPerTrack {
            positions = fixes.map { Position($0.position) }
        } else {
            let step = Double(fixes.count - 1) / Double(maxVerticesPerTrack - 1)
            positions = (0..<maxVerticesPerTrack).map { Position(fixes[Int((Double($0) * step).rounded())].position) }
        }
        if positions.count == 1 { positions.append(positions[0]) }
        tracks.append(Feature(geometry: .lineString(positions), properties: ["track_id": .string(track.id), "fixes": .integer(fixes.count)]))
        for summary in reports[index].airspaces where !summary.incursions.isEmpty {
            let f = IncursionFeatures.features(track: track, summary: summary)
            let dwell = TrackAnnotations.duration(summary.totalDwellS)
            let open = summary.incursions.last?.openAtEnd == true ? ", track ends inside" : ""
            inside.append(("\(track.id) in \(summary.airspace): \(dwell)\(open)", f.lines))
            marks += f.points
        }
        if annotated.count <= Self.maxAnnotatedTracks { annotated.append(track) }
    }

    /// The layers: airspaces (outline, not setting the extent), tracks, inside parts, entry/exit marks.
    /// The tracks legend says how many tracks of how many are drawn when decimated.
    public func layers() -> [MapLayer] {
        var out: [MapLayer] = []
        if !airspaces.isEmpty {
            let features = airspaces.map { a in
                Feature(geometry: .multiPolygon(a.parts.map { p in ([p.outer] + p.holes).map { $0.map { Position($0) } } }),
                        properties: ["name": .string(a.name)])
            }
            out.append(MapLayer(name: "airspace", role: .airspace, collection: FeatureCollection(features: features),
                                legendLabel: "Airspace: \(airspaces.map(\.name).joined(separator: ", "))", fitsExtent: false))
        }
        if let coverage {
            out.append(MapLayer(name: "coverage", role: .coverage, collection: FeatureCollection(features: coverage.features),
                                legendLabel: coverage.label, fitsExtent: false))
        }
        let total = reports.count
        let label = tracks.count < total ? "Tracks (\(tracks.count) of \(total) drawn)" : "Tracks (\(total))"
        out.append(MapLayer(name: "tracks", role: .tracks, collection: FeatureCollection(features: tracks), legendLabel: label))
        let annotate = annotated.count <= Self.maxAnnotatedTracks
        // Entry/exit marks come before the time ticks, so their labels are placed first. A formation's
        // marks (same kind, within a minute and a few arrow lengths) share one label.
        let shownMarks = annotate ? TrackAnnotations.mergedLabels(TrackAnnotations.labelled(marks), withinM: 4 * arrowSizeM, withinS: 60)
            : marks
        let entryExit = MapLayer(name: "entry_exit", role: .marks, collection: FeatureCollection(features: shownMarks),
                                 legendLabel: annotate ? "Entry / exit (UTC); open circle: track starts/ends inside" : "Entry / exit")
        if annotate && inside.count <= Self.maxAnnotatedTracks {
            // One legend row per track and airspace with its dwell.
            for (k, part) in inside.enumerated() {
                out.append(MapLayer(name: k == 0 ? "inside" : "inside_\(k + 1)", role: .inside,
                                    collection: FeatureCollection(features: part.features), legendLabel: "Inside: " + part.label))
            }
        } else {
            let dwell = reports.reduce(0.0) { $0 + $1.airspaces.reduce(0) { $0 + $1.totalDwellS } }
            out.append(MapLayer(name: "inside", role: .inside, collection: FeatureCollection(features: inside.flatMap(\.features)),
                                legendLabel: "Inside airspace (total dwell \(TrackAnnotations.duration(dwell)))"))
        }
        if annotate, let interval = tickInterval {
            let ticks = TrackAnnotations.deduplicatedLabels(annotated.flatMap { TrackAnnotations.ticks($0, interval: interval) },
                                                            withinM: 4 * arrowSizeM)
            let arrows = annotated.flatMap { TrackAnnotations.arrows($0, interval: interval, sizeM: arrowSize(for: $0)) }
            var arrowStyle = MapStyle.default(for: .tracks)
            arrowStyle.fill = arrowStyle.stroke
            arrowStyle.fillOpacity = 1
            arrowStyle.strokeWidth = 0.5
            // Drawn with the marks, above the parts inside, so the arrows show there too.
            out.append(MapLayer(name: "direction", role: .marks, collection: FeatureCollection(features: arrows), style: arrowStyle,
                                legendLabel: "Direction of flight", fitsExtent: false))
            out.append(entryExit)
            var tickStyle = MapStyle.default(for: .marks)
            tickStyle.pointRadius = 2.2
            tickStyle.pointFill = "#222222"
            out.append(MapLayer(name: "time_ticks", role: .marks, collection: FeatureCollection(features: ticks), style: tickStyle,
                                legendLabel: "Time ticks every \(TrackAnnotations.duration(interval)) (UTC)", fitsExtent: false))
        }
        if !(annotate && tickInterval != nil) { out.append(entryExit) }
        return out
    }

    /// The tick interval for the annotated tracks (at most ten ticks over the longest), nil without time.
    var tickInterval: Double? {
        let longest = annotated.map { ($0.fixes.last?.time ?? 0) - ($0.fixes.first?.time ?? 0) }.max() ?? 0
        return longest > 0 ? TrackAnnotations.tickInterval(durationS: longest) : nil
    }

    /// Arrow size: 2.5 % of the annotated tracks' extent, and at least 1.2 % of the map's (the extent plus the
    /// renderer's 20 km margins) so arrows stay visible on a short track.
    var arrowSizeM: Double {
        let diagonal = Self.diagonalM(annotated.flatMap { $0.fixes.map(\.position) })
        return max(300, 0.025 * diagonal, 0.012 * (diagonal + 40_000))
    }

    /// A track's arrows: the common size, but at most 8 % of the track's own extent (a short track among long
    /// ones is not buried under arrows), and never below the visible minimum.
    func arrowSize(for track: Track) -> Double {
        let all = Self.diagonalM(annotated.flatMap { $0.fixes.map(\.position) })
        let minimum = max(300, 0.006 * (all + 40_000))
        return max(minimum, min(arrowSizeM, 0.08 * Self.diagonalM(track.fixes.map(\.position))))
    }

    /// Geodesic diagonal of the lon/lat box of `points`, metres (0 without points).
    static func diagonalM(_ points: [Coordinate]) -> Double {
        guard let lon0 = points.map(\.lon).min(), let lon1 = points.map(\.lon).max(),
              let lat0 = points.map(\.lat).min(), let lat1 = points.map(\.lat).max() else { return 0 }
        return Geodesic.wgs84.distance(Coordinate(lon: lon0, lat: lat0), Coordinate(lon: lon1, lat: lat1))
    }
}
