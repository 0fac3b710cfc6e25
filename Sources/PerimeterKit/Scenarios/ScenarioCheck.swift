import Foundation
import GeoJSON

/// One figure of a scenario: a computed value compared with a reported one within a tolerance.
///
/// A scenario file lists such figures in two arrays of its `scenario` member:
/// - `checks`: reported figures that did **not** shape the reconstructed route — pass/fail;
/// - `consistency`: reported figures that **had to** shape the route (so agreement is built in) —
///   computed and printed beside the reported value, never pass/fail. Each says what it shaped
///   (`shaped_route`).
/// - `contested` (objects there; strings are plain notes): figures the sources disagree on —
///   computed and printed, never pass/fail (`why`).
/// Every kind may carry `tracks` (track ids): the figure is then computed for those tracks only.
public struct ScenarioCheck: Sendable {
    public enum Kind: Sendable {
        /// Seconds inside `airspace`: each track's total (`perTrack`) or the sum over all tracks,
        /// within `expectedS ± toleranceS`.
        case dwell(airspace: String, expectedS: Double, toleranceS: Double, perTrack: Bool)
        /// Each track's last fix is inside `airspace` at a geodesic distance from its border of
        /// `minKm…maxKm` (reported `expectedKm`).
        case endDepth(airspace: String, expectedKm: Double, minKm: Double, maxKm: Double)
        /// Each track starts inside `from`, enters `airspace` (not open at start) and first enters
        /// between `windowStart` and `windowEnd` (epoch seconds).
        case entersFrom(airspace: String, from: String, windowStart: Double, windowEnd: Double)
        /// Each track's last fix lies inside `airspace` within `toleranceM` of its feature's
        /// `site_lon`/`site_lat` properties.
        case endsAtSite(airspace: String, toleranceM: Double)
        /// Each track never enters `airspace` (e.g. no violation of it was reported).
        case noIncursion(airspace: String)
        /// Each track's last fix lies outside `airspace`.
        case endsOutside(airspace: String)
        /// Each track's deepest penetration into `airspace` (geodesic distance from its border), km.
        case maxDepth(airspace: String, expectedKm: Double, minKm: Double, maxKm: Double)
        /// Each track's path flown inside `airspace` (geodesic), km.
        case pathInside(airspace: String, expectedKm: Double, minKm: Double, maxKm: Double)
        /// Each track's closest approach (geodesic) to a named point, km.
        case closestApproach(name: String, lon: Double, lat: Double, expectedKm: Double, minKm: Double, maxKm: Double)
        /// Geodesic distance from each track's last fix to the nearest of the GeoData borders
        /// `pairs` (`borders.geojson`, e.g. `PL-BY`), km.
        case endBorderDistance(pairs: [String], expectedKm: Double, minKm: Double, maxKm: Double)
        /// The number of tracks (those whose `property` equals `value` when given) against a
        /// reported count: `minCount…maxCount`.
        case trackCount(property: String?, value: String?, reported: Double, minCount: Double, maxCount: Double)
    }

    /// Pass/fail check, or a figure printed for consistency only.
    public enum Role: Sendable, Equatable {
        case check
        /// The reported figure shaped the route; `shapedRoute` says how.
        case consistencyOnly(shapedRoute: String)
        /// Sources disagree on the figure (`why`): computed and printed, never pass/fail.
        case contested(why: String)
    }

    public var kind: Kind
    /// What the reported figure is and where it comes from (one line).
    public var reported: String
    public var role: Role = .check
    /// Track ids the figure is computed for (`nil`: every track).
    public var tracks: [String]? = nil

    /// Every airspace (ISO code) the check needs.
    public var airspaces: [String] {
        switch kind {
        case .dwell(let a, _, _, _), .endDepth(let a, _, _, _), .endsAtSite(let a, _), .noIncursion(let a),
             .endsOutside(let a), .maxDepth(let a, _, _, _), .pathInside(let a, _, _, _): [a]
        case .entersFrom(let a, let from, _, _): [a, from]
        case .closestApproach, .endBorderDistance, .trackCount: []
        }
    }

    /// Reads a check object from a scenario's `checks` or `consistency` array; `path` names it in errors.
    static func parse(_ o: JSONObject, source: String, path: String, consistency: Bool = false, contested: Bool = false) throws -> ScenarioCheck {
        func string(_ k: String) throws -> String {
            guard let s = o[k]?.stringValue else { throw DomainError.invalidInput(source: source, message: "\(path).\(k): missing or not a string") }
            return s
        }
        func number(_ k: String) throws -> Double {
            guard let d = o[k]?.doubleValue, d.isFinite else { throw DomainError.invalidInput(source: source, message: "\(path).\(k): missing or not a number") }
            return d
        }
        func time(_ k: String) throws -> Double {
            guard let t = TrackTimeParser.epochSeconds(try string(k)) else { throw DomainError.invalidInput(source: source, message: "\(path).\(k): not an ISO 8601 time") }
            return t
        }
        func range(_ prefix: String) throws -> (Double, Double, Double) {
            let e = try number("expected_\(prefix)"), lo = try number("min_\(prefix)"), hi = try number("max_\(prefix)")
            guard lo <= e, e <= hi else {
                throw DomainError.invalidInput(source: source, message: "\(path): min_\(prefix) ≤ expected_\(prefix) ≤ max_\(prefix) does not hold")
            }
            return (e, lo, hi)
        }
        let reported = o["reported"]?.stringValue ?? ""
        var role = ScenarioCheck.Role.check
        if contested {
            guard let why = o["why"]?.stringValue, !why.isEmpty else {
                throw DomainError.invalidInput(source: source, message: "\(path).why: a contested figure must say which sources disagree")
            }
            role = .contested(why: why)
        } else if consistency {
            guard let shaped = o["shaped_route"]?.stringValue, !shaped.isEmpty else {
                throw DomainError.invalidInput(source: source, message: "\(path).shaped_route: a consistency-only figure must say how it shaped the route")
            }
            role = .consistencyOnly(shapedRoute: shaped)
        } else if o["shaped_route"] != nil {
            throw DomainError.invalidInput(source: source, message: "\(path).shaped_route: a figure that shaped the route belongs in 'consistency', not in 'checks'")
        }
        var tracks: [String]? = nil
        if let list = o["tracks"] {
            guard let ids = list.arrayValue?.compactMap(\.stringValue), ids.count == list.arrayValue?.count, !ids.isEmpty else {
                throw DomainError.invalidInput(source: source, message: "\(path).tracks: not a non-empty array of track ids")
            }
            tracks = ids
        }
        let kind: Kind
        switch try string("kind") {
        case "dwell":
            kind = .dwell(airspace: try string("airspace"), expectedS: try number("expected_dwell_s"),
                          toleranceS: try number("tolerance_s"), perTrack: o["per_track"]?.boolValue ?? true)
        case "end_depth":
            kind = .endDepth(airspace: try string("airspace"), expectedKm: try number("expected_depth_km"),
                             minKm: try number("min_depth_km"), maxKm: try number("max_depth_km"))
        case "enters_from":
            kind = .entersFrom(airspace: try string("airspace"), from: try string("from"),
                               windowStart: try time("window_start"), windowEnd: try time("window_end"))
        case "ends_at_site":
            kind = .endsAtSite(airspace: try string("airspace"), toleranceM: try number("tolerance_m"))
        case "no_incursion":
            kind = .noIncursion(airspace: try string("airspace"))
        case "ends_outside":
            kind = .endsOutside(airspace: try string("airspace"))
        case "max_depth":
            let (e, lo, hi) = try range("depth_km")
            kind = .maxDepth(airspace: try string("airspace"), expectedKm: e, minKm: lo, maxKm: hi)
        case "path_inside":
            let (e, lo, hi) = try range("path_km")
            kind = .pathInside(airspace: try string("airspace"), expectedKm: e, minKm: lo, maxKm: hi)
        case "closest_approach":
            let (e, lo, hi) = try range("distance_km")
            let lon = try number("lon"), lat = try number("lat")
            guard abs(lat) <= 90, abs(lon) <= 180 else { throw DomainError.invalidInput(source: source, message: "\(path): lon/lat out of range") }
            kind = .closestApproach(name: try string("point"), lon: lon, lat: lat, expectedKm: e, minKm: lo, maxKm: hi)
        case "end_border_distance":
            guard let pairs = o["borders"]?.arrayValue?.compactMap(\.stringValue), !pairs.isEmpty else {
                throw DomainError.invalidInput(source: source, message: "\(path).borders: missing or not an array of border pairs (e.g. \"PL-BY\")")
            }
            let (e, lo, hi) = try range("distance_km")
            kind = .endBorderDistance(pairs: pairs, expectedKm: e, minKm: lo, maxKm: hi)
        case "track_count":
            let (e, lo, hi) = try range("count")
            kind = .trackCount(property: o["property"]?.stringValue, value: o["value"]?.stringValue, reported: e, minCount: lo, maxCount: hi)
        case let other:
            throw DomainError.invalidInput(source: source, message: "\(path).kind: unknown check '\(other)'")
        }
        return ScenarioCheck(kind: kind, reported: reported, role: role, tracks: tracks)
    }
}
