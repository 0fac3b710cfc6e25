import Foundation
import GeoJSON
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
        layers.append(PageLayer(name: "inside", legend: "Inside airspace (exact)", role: .inside, features: inside))
        layers.append(PageLayer(name: "entry_exit", legend: "Entry (green) / exit (purple)", role: .marks, features: marks))
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
