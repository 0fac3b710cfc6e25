import GeoJSON
import GeometryCore

/// Something a planner must not miss because the geometry makes what was asked impossible: a belt
/// that cannot be continuous from friendly ground at the standoff, a nominal layout whose belt stops
/// short of the forward line, sites that found no friendly ground. Each carries a figure.
public struct ComparisonWarning: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// No point of the site line at the standoff is inside the region: the standoff is larger than the region is deep.
        case standoffExceedsRegion = "standoff_exceeds_region"
        /// The effective radius is smaller than the standoff: no circle reaches the forward line.
        case radiusBelowStandoff = "radius_below_standoff"
        /// The site line leaves the region where the region is too narrow: part of the line is out of reach.
        case regionTooNarrow = "region_too_narrow"
        /// The nominal layout's half-width w is smaller than the standoff: its continuous belt misses the forward line.
        case halfWidthBelowStandoff = "half_width_below_standoff"
        /// Nominal sites with no friendly ground to stand on were dropped.
        case sitesDropped = "sites_dropped"
    }

    public var perimeter: String
    public var kind: Kind
    /// `belt` or `nominal`.
    public var layout: String
    /// The system (profile name).
    public var profile: String
    /// Target altitude of the belt, metres (nil for the nominal layout).
    public var targetAltitudeM: Double?
    public var message: String
    /// The figure that measures it (uncovered km, sites dropped …).
    public var figure: Figure

    /// `{perimeter, kind, layout, profile, target_alt_m, message, figure}`.
    public var json: JSONValue {
        .object(["perimeter": .string(perimeter), "kind": .string(kind.rawValue), "layout": .string(layout),
                 "profile": .string(profile), "target_alt_m": targetAltitudeM.map { .number($0) } ?? .null,
                 "message": .string(message), "figure": figure.json])
    }

    static func km(_ m: Double) -> String { String(format: "%.1f km", m / 1000) }

    /// The warnings of one perimeter's result.
    static func warnings(for r: PerimeterResult, ground: FriendlyGround, inputs: ComparisonInputs) -> [ComparisonWarning] {
        let name = r.line.name
        var out: [ComparisonWarning] = []
        let standoff = inputs.standoffKm * 1000
        for b in r.belts where b.unreachableM > 0 {
            let at = "\(name) belt (\(b.profile.name)) @ \(Comparison.fmt(b.targetAltitudeM)) m"
            let kind: Kind, why: String
            if ground.stations.stations.isEmpty {
                kind = .standoffExceedsRegion
                why = "no point of the site line \(km(standoff)) behind the forward line is inside \(r.region.name): the standoff is larger than the region is deep"
            } else if b.radiusM <= standoff {
                kind = .radiusBelowStandoff
                why = "the effective radius r = \(km(b.radiusM)) is smaller than the standoff \(km(standoff))"
            } else {
                kind = .regionTooNarrow
                why = String(format: "only %.1f%% of the site line at the standoff is inside %@, and no friendly site within r = %@ reaches the rest of the line",
                             ground.stations.insideSharePct, r.region.name, km(b.radiusM))
            }
            out.append(ComparisonWarning(
                perimeter: name, kind: kind, layout: "belt", profile: b.profile.name, targetAltitudeM: b.targetAltitudeM,
                message: "\(at): no continuous belt: \(km(b.unreachableM)) of the \(km(r.line.lengthM)) forward line stays uncovered; \(why)",
                figure: Figure("forward line out of reach", b.unreachableM / 1000, "km", inputs: ["standoff_km", "target_alt_m"])))
        }
        if r.layout.belt.halfWidthM < standoff {
            let uncovered = NominalReach.uncoveredM(line: r.line, sites: r.layout.allSites, radiusM: r.layout.belt.rangeM)
            out.append(ComparisonWarning(
                perimeter: name, kind: .halfWidthBelowStandoff, layout: "nominal", profile: inputs.profile.name, targetAltitudeM: nil,
                message: "\(name) nominal layout: the belt half-width w = \(km(r.layout.belt.halfWidthM)) is smaller than the standoff \(km(standoff)), "
                    + "so its continuous belt stops short of the forward line: even at full range R = \(km(r.layout.belt.rangeM)) the nominal sites leave \(km(uncovered)) of it uncovered",
                figure: Figure("forward line uncovered at full range", uncovered / 1000, "km", inputs: ["half_width_km", "standoff_km", "range_km"])))
        }
        if r.layout.droppedSites > 0 && r.layout.allSites.isEmpty {
            out.append(ComparisonWarning(
                perimeter: name, kind: .sitesDropped, layout: "nominal", profile: inputs.profile.name, targetAltitudeM: nil,
                message: "\(name) nominal layout: no friendly ground at the standoff \(km(standoff)): all \(r.layout.droppedSites) sites dropped",
                figure: Figure("nominal sites dropped", Double(r.layout.droppedSites), "count", inputs: ["standoff_km"])))
        }
        return out
    }

    /// Notes of one perimeter's result: nominal sites moved onto (or merged on) friendly ground.
    static func notes(for r: PerimeterResult) -> [String] {
        var out: [String] = []
        let moved = r.layout.parts.flatMap(\.sites).filter { $0.movedM > 0 }
        if !moved.isEmpty {
            let most = moved.map(\.movedM).max() ?? 0
            out.append("\(r.line.name) nominal layout: \(Plural.counted(moved.count, "site")) stood outside \(r.region.name) and moved along the site line onto friendly ground (up to \(km(most)))")
        }
        if r.layout.droppedSites > 0 && !r.layout.allSites.isEmpty {
            out.append("\(r.line.name) nominal layout: \(Plural.counted(r.layout.droppedSites, "site")) merged or dropped for want of friendly ground")
        }
        return out
    }
}

/// How much of a forward line a set of sites leaves beyond `radiusM`: the line sampled every 500 m,
/// each sample's exact geodesic distance to its nearest site; the shares of the samples out of reach.
enum NominalReach {
    static func uncoveredM(line: DefenseLine, sites: [Coordinate], radiusM: Double, spacingM: Double = 500) -> Double {
        var out = 0.0
        for part in line.parts {
            let stations = PolylineStations(part).stations(every: spacingM)
            for (i, s) in stations.enumerated() {
                let d = sites.map { Geodesic.wgs84.distance($0, s.coordinate) }.min() ?? .infinity
                guard d > radiusM else { continue }
                let before = i > 0 ? s.distanceM - stations[i - 1].distanceM : 0
                let after = i + 1 < stations.count ? stations[i + 1].distanceM - s.distanceM : 0
                out += (before + after) / 2
            }
        }
        return out
    }
}
