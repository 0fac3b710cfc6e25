import Foundation
import GeoJSON

/// Renders `Engagements`: the `engagements` section of comparison.json, the `engagements.geojson`
/// layer, `engagements.csv` and a line for the terminal. Times ISO 8601 UTC, durations seconds.
public enum EngagementReport {
    public static let layerFileName = "engagements.geojson"
    public static let csvFileName = "engagements.csv"

    // MARK: - JSON

    /// `{definition, tracks, nato_airspace, units, perimeters: [{perimeter, target_alt_m, figures…, rows}]}`.
    public static func json(_ e: Engagements) -> JSONValue {
        func q(_ v: Double, _ unit: String) -> JSONValue { .object(["value": .number(v), "unit": .string(unit)]) }
        func count(_ n: Int) -> JSONValue { .object(["value": .integer(n), "unit": "count"]) }
        func time(_ t: Double?) -> JSONValue { t.map { .string(UTCTime.iso8601($0)) } ?? .null }
        let s = e.statistics
        var o = JSONObject()
        o["definition"] = .string(Engagements.definition)
        o["tracks"] = .object([
            "file": .string(e.tracks.file), "format": .string(e.tracks.format.rawValue),
            "scenario": e.tracks.scenario.map { .string($0) } ?? .null,
            "tracks": count(s.tracks), "fixes": count(s.fixes), "duplicate_times_dropped": count(s.duplicateTimesDropped),
            "invalid_skipped": count(s.invalidSkipped), "empty_tracks_skipped": count(s.emptyTracksSkipped)])
        o["nato_airspace"] = .object(["members": .array(e.airspaceMembers.map { .string($0) }),
                                      "sources": .array(e.airspaceSources.map { .string($0) })])
        o["units"] = .object(["times": "ISO 8601 UTC", "*_s": "s", "lon/lat": "degrees WGS84"])
        o["perimeters"] = .array(e.runs.map { r in
            var p = JSONObject()
            p["perimeter"] = .string(r.perimeter)
            p["target_alt_m"] = q(r.targetAltitudeM, "m")
            p["tracks"] = count(r.tracks.count)
            p["reaching_nato"] = count(r.reachingNATO)
            p["engaged_before_entry"] = count(r.engagedBeforeEntry)
            p["covered_not_reaching_nato"] = count(r.coveredNotReaching)
            p["tracks_at_default_altitude"] = count(r.tracksAtDefaultAltitude)
            p["median_time_in_coverage_before_entry"] = r.medianTimeBeforeEntryS.map { q($0, "s") } ?? .null
            p["rows"] = .array(r.tracks.map { t in
                var row = JSONObject()
                row["track_id"] = .string(t.trackID)
                row["fixes"] = .integer(t.fixCount)
                row["reaches_nato"] = .bool(t.reachesNATO)
                row["starts_in_nato"] = .bool(t.natoEntry?.startsInside ?? false)
                row["first_nato_entry_time"] = time(t.natoEntry?.time)
                row["first_nato_entry_country"] = t.natoEntry.map { .string($0.country) } ?? .null
                row["first_nato_entry_point"] = t.natoEntry.map { .array([.number($0.point.lon), .number($0.point.lat)]) } ?? .null
                row["first_coverage_time"] = time(t.firstCoverageTime)
                row["engaged_before_entry"] = .bool(t.engagedBeforeEntry)
                row["windows"] = .array(t.windows.map { w in
                    .object(["start": .string(UTCTime.iso8601(w.start)), "end": .string(UTCTime.iso8601(w.end)),
                             "duration_s": .number(rounded(w.durationS)),
                             "starts_at_track_start": .bool(w.startsAtTrackStart), "ends_at_entry": .bool(w.endsAtEntry)])
                })
                row["time_in_coverage_before_entry_s"] = .number(rounded(t.timeInCoverageBeforeEntryS))
                row["coverage_total_s"] = .number(rounded(t.coverageTotalS))
                row["warning_time_s"] = t.warningTimeS.map { .number(rounded($0)) } ?? .null
                return .object(row)
            })
            return .object(p)
        })
        o["notes"] = .array(e.notes.map { .string($0) })
        return .object(o)
    }

    // MARK: - Layer

    /// Every window with a path as a LineString: track_id, perimeter, target_alt_m, window number,
    /// start/end (ISO 8601 UTC), duration_s, ends_at_entry, reaches_nato.
    public static func layer(_ e: Engagements) -> FeatureCollection {
        var features: [Feature] = []
        for r in e.runs {
            for t in r.tracks {
                for (k, w) in t.windows.enumerated() {
                    var positions = w.path.map { Position($0) }
                    if positions.count == 2, positions[0] == positions[1] { positions.removeLast() }
                    guard positions.count >= 2 else { continue }
                    features.append(Feature(geometry: .lineString(positions), properties: [
                        "role": "engagement", "track_id": .string(t.trackID), "perimeter": .string(r.perimeter), "target_alt_m": .number(r.targetAltitudeM),
                        "window": .integer(k + 1), "start": .string(UTCTime.iso8601(w.start)), "end": .string(UTCTime.iso8601(w.end)),
                        "duration_s": .number(rounded(w.durationS)), "starts_at_track_start": .bool(w.startsAtTrackStart),
                        "ends_at_entry": .bool(w.endsAtEntry),
                        "reaches_nato": .bool(t.reachesNATO),
                        "first_nato_entry_time": t.natoEntry.map { .string(UTCTime.iso8601($0.time)) } ?? .null]))
                }
            }
        }
        return FeatureCollection(features: features)
    }

    // MARK: - CSV

    /// One row per perimeter, target altitude and track.
    public static func csv(_ e: Engagements) -> String {
        var out = "perimeter,target_alt_m,track_id,reaches_nato,starts_in_nato,first_nato_entry_time,first_nato_entry_country,"
            + "first_coverage_time,engaged_before_entry,windows,first_window_start,last_window_end,"
            + "time_in_coverage_before_entry_s,coverage_total_s,warning_time_s\n"
        func t(_ v: Double?) -> String { v.map(UTCTime.iso8601) ?? "" }
        func n(_ v: Double?) -> String { v.map { String(rounded($0)) } ?? "" }
        for r in e.runs {
            for x in r.tracks {
                let fields = [
                    field(r.perimeter), Comparison.fmt(r.targetAltitudeM), field(x.trackID), String(x.reachesNATO),
                    String(x.natoEntry?.startsInside ?? false), t(x.natoEntry?.time), x.natoEntry?.country ?? "",
                    t(x.firstCoverageTime), String(x.engagedBeforeEntry), String(x.windows.count),
                    t(x.windows.first?.start), t(x.windows.last?.end), n(x.timeInCoverageBeforeEntryS),
                    n(x.coverageTotalS), n(x.warningTimeS),
                ]
                out += fields.joined(separator: ",") + "\n"
            }
        }
        return out
    }

    // MARK: - Terminal

    /// One line: tracks read and the files the engagements were written to.
    public static func summaryLine(_ e: Engagements) -> String {
        let what = e.tracks.scenario.map { "scenario \($0)" } ?? e.tracks.file
        return "engagements: \(Plural.counted(e.statistics.tracks, "track")) (\(Plural.counted(e.statistics.fixes, "fix", "fixes"))) from \(what) against NATO airspace "
            + "(\(e.airspaceMembers.joined(separator: ","))): \(layerFileName), \(csvFileName), comparison.json"
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func rounded(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }
}
