import Foundation
import GeoJSON

/// One check of a scenario: a computed figure compared with a reported one within a tolerance.
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
    }

    public var kind: Kind
    /// What the reported figure is and where it comes from (one line).
    public var reported: String

    /// Every airspace (ISO code) the check needs.
    public var airspaces: [String] {
        switch kind {
        case .dwell(let a, _, _, _), .endDepth(let a, _, _, _), .endsAtSite(let a, _): [a]
        case .entersFrom(let a, let from, _, _): [a, from]
        }
    }

    /// Reads a check object from a scenario's `checks` array; `path` names it in errors.
    static func parse(_ o: JSONObject, source: String, path: String) throws -> ScenarioCheck {
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
        let reported = o["reported"]?.stringValue ?? ""
        switch try string("kind") {
        case "dwell":
            return ScenarioCheck(kind: .dwell(airspace: try string("airspace"), expectedS: try number("expected_dwell_s"),
                                              toleranceS: try number("tolerance_s"), perTrack: o["per_track"]?.boolValue ?? true), reported: reported)
        case "end_depth":
            return ScenarioCheck(kind: .endDepth(airspace: try string("airspace"), expectedKm: try number("expected_depth_km"),
                                                 minKm: try number("min_depth_km"), maxKm: try number("max_depth_km")), reported: reported)
        case "enters_from":
            return ScenarioCheck(kind: .entersFrom(airspace: try string("airspace"), from: try string("from"),
                                                   windowStart: try time("window_start"), windowEnd: try time("window_end")), reported: reported)
        case "ends_at_site":
            return ScenarioCheck(kind: .endsAtSite(airspace: try string("airspace"), toleranceM: try number("tolerance_m")), reported: reported)
        case let other:
            throw DomainError.invalidInput(source: source, message: "\(path).kind: unknown check '\(other)'")
        }
    }
}
