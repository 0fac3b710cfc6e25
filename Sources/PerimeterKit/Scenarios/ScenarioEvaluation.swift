import Foundation
import GeometryCore
import GeoJSON

/// The outcome of one figure on one track (or on all tracks): computed against reported.
public struct ScenarioOutcome: Sendable {
    /// How the outcome counts.
    public enum Role: Sendable, Equatable {
        /// A pass/fail check against a figure that did not shape the route.
        case check
        /// A figure that shaped the route: printed, never pass/fail (`shapedRoute` says how).
        case consistencyOnly(shapedRoute: String)
        /// A figure the sources disagree on: printed, never pass/fail.
        case contested(why: String)
        /// What a track did in a zone that is not sovereign airspace (an ADIZ entry is not a violation).
        case zone(ZoneKind)
    }

    /// The track, or `nil` for a figure over all tracks.
    public var trackID: String?
    /// What was computed, in words and units (`dwell 718.4 s in EE`).
    public var computed: String
    /// What it is compared with (`720 ± 30 s (reported "approximately 12 minutes")`).
    public var expected: String
    /// Within the stated range (for consistency-only figures: printed, never counted as a failure).
    public var passed: Bool
    public var role: Role = .check

    /// True when this outcome makes the scenario fail: a pass/fail check outside its range.
    public var fails: Bool { role == .check && !passed }

    /// One line for the summary: `[ok]`/`[FAIL]` for checks, `[consistency only: agrees|differs]`
    /// for figures that shaped the route, `[identification zone entry]`-style tags for zones.
    public var line: String {
        let who = trackID.map { "\($0): " } ?? ""
        switch role {
        case .check:
            return "[\(passed ? "ok" : "FAIL")] \(who)\(computed); expected \(expected)"
        case .consistencyOnly(let shaped):
            return "[consistency only: \(passed ? "agrees" : "differs")] \(who)\(computed); against \(expected); not a check — it shaped the route: \(shaped)"
        case .contested(let why):
            return "[contested: \(passed ? "agrees" : "differs")] \(who)\(computed); against \(expected); not a check — \(why)"
        case .zone(let kind):
            return "[\(kind.entryTerm)] \(who)\(computed)"
        }
    }
}

/// Runs a scenario's checks and consistency figures on the analysed tracks.
public enum ScenarioEvaluation {
    /// `finders` holds an `IncursionFinder` for every airspace the figures name (by ISO code);
    /// `reports` are the pipeline's reports for `tracks` (same order), with airspaces (and zones,
    /// by zone name) in `airspaceOrder`. `geodata` is needed for border distances.
    public static func evaluate(_ scenario: Scenario, tracks: [Track], reports: [TrackReport],
                                airspaceOrder: [String], finders: [String: IncursionFinder],
                                geodata: String? = nil) -> [ScenarioOutcome] {
        var outcomes: [ScenarioOutcome] = []
        for zone in scenario.zones {
            guard let k = airspaceOrder.firstIndex(of: zone.name) else { continue }
            for r in reports {
                let s = r.airspaces[k]
                let first = s.incursions.first
                let text = s.incursions.isEmpty
                    ? "no \(zone.kind.entryTerm) into \(zone.name)"
                    : String(format: "%d %@%@ into %@, %.0f s (%.1f min) inside, first at %@%@", s.incursions.count, zone.kind.entryTerm,
                             s.incursions.count == 1 ? "" : "s", zone.name, s.totalDwellS, s.totalDwellS / 60,
                             UTCTime.iso8601(first!.entryTime), first!.openAtStart ? " (track starts inside)" : "")
                outcomes.append(ScenarioOutcome(trackID: r.trackID, computed: text, expected: "", passed: true, role: .zone(zone.kind)))
            }
        }
        for check in scenario.checks + scenario.consistency + scenario.contested {
            let role: ScenarioOutcome.Role
            switch check.role {
            case .check: role = .check
            case .consistencyOnly(let shaped): role = .consistencyOnly(shapedRoute: shaped)
            case .contested(let why): role = .contested(why: why)
            }
            var selected = Array(zip(tracks, reports))
            if let ids = check.tracks { selected = selected.filter { ids.contains($0.0.id) } }
            for var o in Self.figureOutcomes(of: check, selected, airspaceOrder: airspaceOrder, finders: finders,
                                  properties: scenario.trackProperties, geodata: geodata) {
                o.role = role
                outcomes.append(o)
            }
        }
        return outcomes
    }

    private static func figureOutcomes(of check: ScenarioCheck, _ selected: [(Track, TrackReport)], airspaceOrder: [String],
                                 finders: [String: IncursionFinder], properties: [String: JSONObject],
                                 geodata: String?) -> [ScenarioOutcome] {
        var out: [ScenarioOutcome] = []
        // From the pipeline's reports, or (an airspace loaded for the figures only) from its finder.
        let tracksByID = Dictionary(selected.map { ($0.0.id, $0.0) }, uniquingKeysWith: { a, _ in a })
        func summary(_ r: TrackReport, _ airspace: String) -> TrackIncursionSummary? {
            if let k = airspaceOrder.firstIndex(of: airspace) { return r.airspaces[k] }
            guard let finder = finders[airspace], let t = tracksByID[r.trackID] else { return nil }
            return finder.summary(of: t)
        }
        let note = check.reported.isEmpty ? "" : " (reported: \(check.reported))"
        func range(_ e: Double, _ lo: Double, _ hi: Double, _ unit: String) -> String {
            String(format: "%.1f %@ (%.1f–%.1f %@)", e, unit, lo, hi, unit) + note
        }
        switch check.kind {
        case .dwell(let airspace, let expected, let tolerance, let perTrack):
            let want = String(format: "%.0f ± %.0f s", expected, tolerance) + note
            let dwells = selected.map { summary($0.1, airspace)?.totalDwellS ?? 0 }
            if perTrack {
                for ((_, r), d) in zip(selected, dwells) {
                    out.append(ScenarioOutcome(trackID: r.trackID, computed: String(format: "dwell %.1f s (%.2f min) in %@", d, d / 60, airspace),
                                               expected: want, passed: abs(d - expected) <= tolerance))
                }
            } else {
                let d = dwells.reduce(0, +)
                out.append(ScenarioOutcome(trackID: nil, computed: String(format: "total dwell %.1f s (%.2f min) in %@", d, d / 60, airspace),
                                           expected: want, passed: abs(d - expected) <= tolerance))
            }
        case .endDepth(let airspace, let expectedKm, let minKm, let maxKm):
            guard let finder = finders[airspace] else { break }
            for (t, _) in selected {
                guard let last = t.fixes.last else { continue }
                let inside = finder.locate(last.position) == .inside
                let km = finder.distanceToBoundary(last.position) / 1000
                out.append(ScenarioOutcome(
                    trackID: t.id,
                    computed: String(format: "end point %@ %@, %.2f km from its border (geodesic)", inside ? "inside" : "NOT inside", airspace, km),
                    expected: String(format: "inside, %.1f km (%.1f–%.1f km)", expectedKm, minKm, maxKm) + note,
                    passed: inside && km >= minKm && km <= maxKm))
            }
        case .entersFrom(let airspace, let from, let start, let end):
            guard let origin = finders[from] else { break }
            for (t, r) in selected {
                guard let first = t.fixes.first else { continue }
                let startsIn = origin.locate(first.position) == .inside
                let entry = summary(r, airspace)?.incursions.first
                let closed = entry.map { !$0.openAtStart } ?? false
                let time = entry?.entryTime
                let inWindow = time.map { $0 >= start && $0 <= end } ?? false
                out.append(ScenarioOutcome(
                    trackID: t.id,
                    computed: "starts \(startsIn ? "in" : "NOT in") \(from), enters \(airspace) at \(time.map(UTCTime.iso8601) ?? "never")",
                    expected: "starts in \(from), entry between \(UTCTime.iso8601(start)) and \(UTCTime.iso8601(end))" + note,
                    passed: startsIn && closed && inWindow))
            }
        case .endsAtSite(let airspace, let toleranceM):
            guard let finder = finders[airspace] else { break }
            for (t, _) in selected {
                guard let last = t.fixes.last, let p = properties[t.id],
                      let lon = p["site_lon"]?.doubleValue, let lat = p["site_lat"]?.doubleValue else { continue }
                let site = p["site"]?.stringValue ?? "site"
                let d = Geodesic.wgs84.distance(last.position, Coordinate(lon: lon, lat: lat))
                let inside = finder.locate(last.position) == .inside
                out.append(ScenarioOutcome(
                    trackID: t.id,
                    computed: String(format: "ends %.0f m from %@, %@ %@", d, site, inside ? "inside" : "NOT inside", airspace),
                    expected: String(format: "≤ %.0f m from %@ (%.5f N %.5f E), inside %@", toleranceM, site, lat, lon, airspace) + note,
                    passed: inside && d <= toleranceM))
            }
        case .noIncursion(let airspace):
            for (t, r) in selected {
                let s = summary(r, airspace)
                let n = s?.incursions.count ?? 0
                out.append(ScenarioOutcome(
                    trackID: t.id,
                    computed: n == 0 ? "never inside \(airspace)"
                        : String(format: "%d incursion%@ into %@, %.1f s, %.2f km deep", n, n == 1 ? "" : "s", airspace, s!.totalDwellS, s!.maxPenetrationM / 1000),
                    expected: "never inside \(airspace)" + note, passed: n == 0 && s != nil))
            }
        case .endsOutside(let airspace):
            guard let finder = finders[airspace] else { break }
            for (t, _) in selected {
                guard let last = t.fixes.last else { continue }
                let inside = finder.locate(last.position) != .outside
                out.append(ScenarioOutcome(
                    trackID: t.id,
                    computed: String(format: "last fix %.4f E %.4f N %@ %@", last.position.lon, last.position.lat, inside ? "inside" : "outside", airspace),
                    expected: "outside \(airspace)" + note, passed: !inside))
            }
        case .maxDepth(let airspace, let e, let lo, let hi):
            for (t, r) in selected {
                let km = (summary(r, airspace)?.maxPenetrationM ?? 0) / 1000
                out.append(ScenarioOutcome(trackID: t.id, computed: String(format: "deepest %.2f km inside %@ (geodesic, from its border)", km, airspace),
                                           expected: range(e, lo, hi, "km"), passed: km >= lo && km <= hi))
            }
        case .pathInside(let airspace, let e, let lo, let hi):
            for (t, r) in selected {
                let km = (summary(r, airspace)?.totalPathLengthM ?? 0) / 1000
                out.append(ScenarioOutcome(trackID: t.id, computed: String(format: "path inside %@ %.1f km (geodesic)", airspace, km),
                                           expected: range(e, lo, hi, "km"), passed: km >= lo && km <= hi))
            }
        case .closestApproach(let name, let lon, let lat, let e, let lo, let hi):
            for (t, _) in selected {
                guard let c = ScenarioMeasures.closestApproach(t, to: Coordinate(lon: lon, lat: lat)) else { continue }
                let km = c.metres / 1000
                out.append(ScenarioOutcome(
                    trackID: t.id,
                    computed: String(format: "closest approach to %@ %.1f km at %@ (%.4f E %.4f N)", name, km, UTCTime.iso8601(c.time), c.at.lon, c.at.lat),
                    expected: range(e, lo, hi, "km"), passed: km >= lo && km <= hi))
            }
        case .endBorderDistance(let pairs, let e, let lo, let hi):
            guard let geodata, let lines = try? ScenarioMeasures.borderLines(geodata: geodata) else {
                out.append(ScenarioOutcome(trackID: nil, computed: "borders.geojson not readable", expected: range(e, lo, hi, "km"), passed: false))
                break
            }
            let wanted = pairs.flatMap { lines[$0] ?? [] }
            for (t, _) in selected {
                guard let last = t.fixes.last, !wanted.isEmpty, let d = try? ScenarioMeasures.distance(from: last.position, to: wanted) else {
                    out.append(ScenarioOutcome(trackID: t.id, computed: "no border \(pairs.joined(separator: ", ")) in borders.geojson",
                                               expected: range(e, lo, hi, "km"), passed: false))
                    continue
                }
                let km = d / 1000
                out.append(ScenarioOutcome(
                    trackID: t.id,
                    computed: String(format: "end point %.1f km from the %@ border (geodesic, DCW line)", km, pairs.joined(separator: " / ")),
                    expected: range(e, lo, hi, "km"), passed: km >= lo && km <= hi))
            }
        case .trackCount(let property, let value, let reported, let lo, let hi):
            let n = selected.filter { t, _ in
                guard let property else { return true }
                return properties[t.id]?[property]?.stringValue == value
            }.count
            let which = property.map { "tracks with \($0) = \(value ?? "")" } ?? "tracks"
            out.append(ScenarioOutcome(trackID: nil, computed: "\(n) \(which) modelled",
                                       expected: String(format: "%.0f (%.0f–%.0f)", reported, lo, hi) + note,
                                       passed: Double(n) >= lo && Double(n) <= hi))
        }
        return out
    }
}
