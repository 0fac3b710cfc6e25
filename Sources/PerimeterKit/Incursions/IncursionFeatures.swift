import GeoJSON
import GeometryCore

/// GeoJSON features for incursions: the inside part of a track as a LineString (layer
/// `incursions`, `role` = `incursion`) and its entry and exit Points (layer and `role` `entry_exit`). Times are ISO 8601 UTC,
/// lengths and depths km (geodesic, WGS84), positions lon/lat degrees.
public enum IncursionFeatures {
    /// Properties shared by an incursion's features.
    static func properties(_ i: Incursion, track: String, airspace: String, number: Int) -> JSONObject {
        [
            "track_id": .string(track), "airspace": .string(airspace), "n": .integer(number),
            "entry_time": i.openAtStart ? .null : .string(UTCTime.iso8601(i.entryTime)),
            "exit_time": i.openAtEnd ? .null : .string(UTCTime.iso8601(i.exitTime)),
            "inside_from_time": .string(UTCTime.iso8601(i.entryTime)), "inside_to_time": .string(UTCTime.iso8601(i.exitTime)),
            "dwell_s": .number(rounded(i.dwellS, 3)), "path_km": .number(rounded(i.pathLengthM / 1000, 3)),
            "max_depth_km": .number(rounded(i.maxPenetrationM / 1000, 3)),
            "open_at_start": .bool(i.openAtStart), "open_at_end": .bool(i.openAtEnd),
            "interpolated_gap": .bool(i.interpolatedGap),
            "max_depth_time": i.maxDepthTime.map { .string(UTCTime.iso8601($0)) } ?? .null,
            "max_depth_lon": i.maxDepthPoint.map { .number(rounded($0.lon, 6)) } ?? .null,
            "max_depth_lat": i.maxDepthPoint.map { .number(rounded($0.lat, 6)) } ?? .null,
            "over_land_s": i.overLandS.map { .number(rounded($0, 3)) } ?? .null,
            "territorial_sea_s": i.inTerritorialSeaS.map { .number(rounded($0, 3)) } ?? .null,
            "merged_exits": .integer(i.mergedExits),
        ]
    }

    /// The features of one track against one airspace: for each incursion, a LineString from the
    /// entry point through the fixes inside to the exit point (omitted when entry and exit coincide),
    /// then the entry and exit Points. `coverage` adds the track's warning-time properties.
    public static func features(track: Track, summary: TrackIncursionSummary, coverage: CoverageTiming? = nil) -> (lines: [Feature], points: [Feature]) {
        var lines: [Feature] = [], points: [Feature] = []
        var fixIndex = 0
        for (k, i) in summary.incursions.enumerated() {
            var props = properties(i, track: track.id, airspace: summary.airspace, number: k + 1)
            props["role"] = "incursion"
            if let coverage { add(coverage, to: &props) }
            var positions = [Position(i.entryPoint)]
            while fixIndex < track.fixes.count, track.fixes[fixIndex].time <= i.entryTime { fixIndex += 1 }
            while fixIndex < track.fixes.count, track.fixes[fixIndex].time < i.exitTime {
                let f = track.fixes[fixIndex]
                positions.append(Position(f.position, altitude: nil))
                fixIndex += 1
            }
            positions.append(Position(i.exitPoint))
            if positions.count > 2 || i.entryPoint != i.exitPoint {
                lines.append(Feature(geometry: .lineString(positions), properties: props))
            }
            for (kind, time, point) in [("entry", i.entryTime, i.entryPoint), ("exit", i.exitTime, i.exitPoint)] {
                let p: JSONObject = [
                    "role": "entry_exit", "track_id": .string(track.id), "airspace": .string(summary.airspace), "n": .integer(k + 1),
                    // A track that starts (ends) inside has no entry (exit): its first (last) fix is marked as such.
                    "kind": .string(kind == "entry" ? (i.openAtStart ? "track_start" : "entry") : (i.openAtEnd ? "track_end" : "exit")),
                    "time": .string(UTCTime.iso8601(time)),
                    "open": .bool(kind == "entry" ? i.openAtStart : i.openAtEnd),
                ]
                points.append(Feature(geometry: .point(Position(point)), properties: p))
            }
        }
        return (lines, points)
    }

    /// A track's closest approach to an airspace it never entered: a Point (role `marks`, kind
    /// `closest_approach`) with `closest_approach_km`, its time and the nearest boundary point.
    public static func closestApproach(_ c: ClosestApproach, track: String, airspace: String) -> Feature {
        Feature(geometry: .point(Position(c.point)), properties: [
            "role": "entry_exit", "kind": "closest_approach", "track_id": .string(track), "airspace": .string(airspace),
            "closest_approach_km": .number(rounded(c.distanceM / 1000, 3)), "time": .string(UTCTime.iso8601(c.time)),
            "boundary_lon": .number(rounded(c.boundaryPoint.lon, 6)), "boundary_lat": .number(rounded(c.boundaryPoint.lat, 6)),
        ])
    }

    /// Adds `first_covered_time`, `covered_s` and `warning_s` (null when unknown).
    static func add(_ c: CoverageTiming, to props: inout JSONObject) {
        props["first_covered_time"] = c.firstInsideCoverageTime.map { .string(UTCTime.iso8601($0)) } ?? .null
        props["covered_s"] = .number(rounded(c.totalInsideCoverageS, 3))
        props["warning_s"] = c.warningTimeS.map { .number(rounded($0, 3)) } ?? .null
    }

    static func rounded(_ v: Double, _ digits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (v * scale).rounded() / scale
    }
}
