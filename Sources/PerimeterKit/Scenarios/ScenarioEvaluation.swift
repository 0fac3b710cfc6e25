import GeometryCore

/// The outcome of one check on one track (or on all tracks): computed against reported.
public struct ScenarioOutcome: Sendable {
    /// The track, or `nil` for a check over all tracks.
    public var trackID: String?
    /// What was computed, in words and units (`dwell 718.4 s in EE`).
    public var computed: String
    /// What it is compared with (`720 ± 30 s (reported "approximately 12 minutes")`).
    public var expected: String
    public var passed: Bool
}

/// Runs a scenario's checks on the analysed tracks.
public enum ScenarioEvaluation {
    /// `finders` holds an `IncursionFinder` for every airspace the checks name (by ISO code);
    /// `reports` are the pipeline's reports for `tracks` (same order), with airspaces in
    /// `airspaceOrder`.
    public static func evaluate(_ scenario: Scenario, tracks: [Track], reports: [TrackReport],
                                airspaceOrder: [String], finders: [String: IncursionFinder]) -> [ScenarioOutcome] {
        var outcomes: [ScenarioOutcome] = []
        func summary(_ r: TrackReport, _ airspace: String) -> TrackIncursionSummary? {
            airspaceOrder.firstIndex(of: airspace).map { r.airspaces[$0] }
        }
        for check in scenario.checks {
            let note = check.reported.isEmpty ? "" : " (reported: \(check.reported))"
            switch check.kind {
            case .dwell(let airspace, let expected, let tolerance, let perTrack):
                let want = String(format: "%.0f ± %.0f s", expected, tolerance) + note
                let dwells = reports.map { summary($0, airspace)?.totalDwellS ?? 0 }
                if perTrack {
                    for (r, d) in zip(reports, dwells) {
                        outcomes.append(ScenarioOutcome(trackID: r.trackID, computed: String(format: "dwell %.1f s (%.2f min) in %@", d, d / 60, airspace),
                                                        expected: want, passed: abs(d - expected) <= tolerance))
                    }
                } else {
                    let d = dwells.reduce(0, +)
                    outcomes.append(ScenarioOutcome(trackID: nil, computed: String(format: "total dwell %.1f s (%.2f min) in %@", d, d / 60, airspace),
                                                    expected: want, passed: abs(d - expected) <= tolerance))
                }
            case .endDepth(let airspace, let expectedKm, let minKm, let maxKm):
                guard let finder = finders[airspace] else { continue }
                for t in tracks {
                    guard let last = t.fixes.last else { continue }
                    let inside = finder.locate(last.position) == .inside
                    let km = finder.distanceToBoundary(last.position) / 1000
                    outcomes.append(ScenarioOutcome(
                        trackID: t.id,
                        computed: String(format: "end point %@ %@, %.2f km from its border (geodesic)", inside ? "inside" : "NOT inside", airspace, km),
                        expected: String(format: "inside, %.1f km (%.1f–%.1f km)", expectedKm, minKm, maxKm) + note,
                        passed: inside && km >= minKm && km <= maxKm))
                }
            case .entersFrom(let airspace, let from, let start, let end):
                guard let origin = finders[from] else { continue }
                for (t, r) in zip(tracks, reports) {
                    guard let first = t.fixes.first else { continue }
                    let startsIn = origin.locate(first.position) == .inside
                    let entry = summary(r, airspace)?.incursions.first
                    let closed = entry.map { !$0.openAtStart } ?? false
                    let time = entry?.entryTime
                    let inWindow = time.map { $0 >= start && $0 <= end } ?? false
                    outcomes.append(ScenarioOutcome(
                        trackID: t.id,
                        computed: "starts \(startsIn ? "in" : "NOT in") \(from), enters \(airspace) at \(time.map(UTCTime.iso8601) ?? "never")",
                        expected: "starts in \(from), entry between \(UTCTime.iso8601(start)) and \(UTCTime.iso8601(end))" + note,
                        passed: startsIn && closed && inWindow))
                }
            case .endsAtSite(let airspace, let toleranceM):
                guard let finder = finders[airspace] else { continue }
                for t in tracks {
                    guard let last = t.fixes.last, let p = scenario.trackProperties[t.id],
                          let lon = p["site_lon"]?.doubleValue, let lat = p["site_lat"]?.doubleValue else { continue }
                    let site = p["site"]?.stringValue ?? "site"
                    let d = Geodesic.wgs84.distance(last.position, Coordinate(lon: lon, lat: lat))
                    let inside = finder.locate(last.position) == .inside
                    outcomes.append(ScenarioOutcome(
                        trackID: t.id,
                        computed: String(format: "ends %.0f m from %@, %@ %@", d, site, inside ? "inside" : "NOT inside", airspace),
                        expected: String(format: "≤ %.0f m from %@ (%.5f N %.5f E), inside %@", toleranceM, site, lat, lon, airspace) + note,
                        passed: inside && d <= toleranceM))
                }
            }
        }
        return outcomes
    }
}
