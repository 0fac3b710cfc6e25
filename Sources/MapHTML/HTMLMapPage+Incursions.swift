import Foundation
import GeoJSON
import GeometryCore
import PerimeterKit

extension HTMLMapPage {
    /// The incursions page: the airspaces (and coverage), the tracks with the time slider, the exact parts
    /// inside each airspace and the entry and exit points, each with its figures in a popup.
    ///
    /// - Parameters:
    ///   - result: the run (one report per track, input order).
    ///   - tracks: the tracks to draw, with their input index (see ``selection(_:)``).
    ///   - coverage: the coverage polygons (drawn) and their finders (the slider's in-coverage state).
    public static func incursions(_ result: TrackPipeline.Result, tracks: [(index: Int, track: Track)], airspaces: [AirspacePolygon],
                                  coverage: (features: [Feature], finders: [IncursionFinder])?, title: String,
                                  basemap: PageBasemap?) -> HTMLMapPage {
        var layers: [PageLayer] = []
        for a in airspaces {
            var style = MapStyle.default(for: .airspace)
            style.fill = "#7b3294"
            style.fillOpacity = 0.04
            let geometry = GeoJSONGeometry.multiPolygon(a.parts.map { p in ([p.outer] + p.holes).map { $0.map { Position($0) } } })
            layers.append(PageLayer(name: "airspace_\(a.name)", legend: "Airspace: \(a.name)", role: .airspace, style: style,
                                    features: [Feature(geometry: geometry, properties: ["name": .string(a.name)])], fitsExtent: false))
        }
        if let coverage, !coverage.features.isEmpty {
            layers.append(PageLayer(name: "coverage", legend: "Coverage", role: .coverage, features: coverage.features, fitsExtent: false))
        }
        var inside: [Feature] = [], marks: [Feature] = []
        var drawn: [(Track, TrackReport)] = []
        for (index, track) in tracks where index < result.reports.count {
            let report = result.reports[index]
            drawn.append((track, report))
            for (k, summary) in report.airspaces.enumerated() where !summary.incursions.isEmpty {
                let f = IncursionFeatures.features(track: track, summary: summary, coverage: k < report.coverage.count ? report.coverage[k] : nil)
                inside += f.lines
                marks += f.points
            }
        }
        // Few tracks: dwell per track in the legend, time ticks, direction arrows, entries and exits labelled.
        let annotate = drawn.count <= IncursionMap.maxAnnotatedTracks
        var dwell: [String] = []
        for (track, report) in drawn {
            for s in report.airspaces where !s.incursions.isEmpty {
                dwell.append("\(track.id) in \(s.airspace) \(TrackAnnotations.duration(s.totalDwellS))"
                             + (s.incursions.last?.openAtEnd == true ? " (ends inside)" : ""))
            }
        }
        let insideLegend = annotate && !dwell.isEmpty && dwell.count <= 8 ? "Inside airspace: " + dwell.joined(separator: "; ") : "Inside airspace (exact)"
        layers.append(PageLayer(name: "inside", legend: insideLegend, role: .inside, features: inside))
        let annotatedTracks = drawn.map(\.0)
        let longest = annotatedTracks.map { ($0.fixes.last?.time ?? 0) - ($0.fixes.first?.time ?? 0) }.max() ?? 0
        if annotate && longest > 0 {
            let interval = TrackAnnotations.tickInterval(durationS: longest)
            let points = annotatedTracks.flatMap { $0.fixes.map(\.position) }
            let diagonal = Geodesic.wgs84.distance(Coordinate(lon: points.map(\.lon).min()!, lat: points.map(\.lat).min()!),
                                                   Coordinate(lon: points.map(\.lon).max()!, lat: points.map(\.lat).max()!))
            let size = max(300, 0.025 * diagonal)
            var arrowStyle = MapStyle.default(for: .tracks)
            arrowStyle.fill = arrowStyle.stroke
            arrowStyle.fillOpacity = 1
            arrowStyle.strokeWidth = 0.5
            var arrows = PageLayer(name: "direction", legend: "Direction of flight", role: .tracks, style: arrowStyle,
                                   features: annotatedTracks.flatMap { TrackAnnotations.arrows($0, interval: interval, sizeM: size) },
                                   fitsExtent: false)
            arrows.interactive = false
            layers.append(arrows)
            var tickStyle = MapStyle.default(for: .marks)
            tickStyle.pointRadius = 2.5
            tickStyle.pointFill = "#222222"
            var ticks = PageLayer(name: "time_ticks", legend: "Time ticks every \(TrackAnnotations.duration(interval)) (UTC)", role: .marks,
                                  style: tickStyle, features: TrackAnnotations.deduplicatedLabels(
                                      annotatedTracks.flatMap { TrackAnnotations.ticks($0, interval: interval) }, withinM: 4 * size),
                                  fitsExtent: false)
            ticks.interactive = false
            layers.append(ticks)
        }
        layers.append(PageLayer(name: "entry_exit", legend: "Entry (green) / exit (purple); white: track starts/ends inside", role: .marks,
                                features: annotate ? TrackAnnotations.labelled(marks) : marks))
        let timeline = PageTimeline(tracks: drawn, coverage: coverage?.finders ?? [], totalTracks: result.reports.count)
        let s = result.statistics
        var notes = ["\(s.tracks) tracks, \(s.fixes) fixes."]
        for t in result.totals {
            notes.append(String(format: "%@: %d of %d tracks inside, %d incursion(s), total dwell %.1f s, path inside %.1f km, deepest %.2f km.",
                                t.airspace, t.tracksWithIncursions, t.tracks, t.incursions, t.totalDwellS,
                                t.totalPathLengthM / 1000, t.maxPenetrationM / 1000))
        }
        return HTMLMapPage(title: title, notes: notes, layers: layers, basemap: basemap, timeline: timeline)
    }

    /// The input indices of the tracks a page draws: every track up to `maxTracks`, else those with incursions
    /// first, then others evenly spread (as the SVG map chooses).
    public static func selection(_ reports: [TrackReport], airspaces: [AirspacePolygon], maxTracks: Int = 2000) -> Set<Int> {
        IncursionMap(reports: reports, airspaces: airspaces, maxTracks: maxTracks).selected
    }
}
