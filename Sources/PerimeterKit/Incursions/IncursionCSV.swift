import Foundation

/// CSV tables of an incursion run (RFC 4180, comma-separated, header row, `\n` line ends).
///
/// - `perTrack`: one row per track and airspace, **every** track (also those never inside):
///   `track_id,airspace,dwell_s,incursions,path_km,max_depth_km,first_entry_time,last_exit_time,fixes`
///   and, with coverage, `first_covered_time,covered_s,warning_s`. The first three columns are
///   what `reference_dwell.py` prints (`track_id,dwell_s`) with the airspace added.
/// - `perIncursion`: one row per incursion:
///   `track_id,airspace,n,entry_time,exit_time,entry_lon,entry_lat,exit_lon,exit_lat,dwell_s,path_km,max_depth_km,open_at_start,open_at_end,interpolated_gap`.
///
/// Times ISO 8601 UTC (empty when none), seconds to 1 ms, km to 1 m, lon/lat to 1e-6°.
public enum IncursionCSV {
    public static func perTrack(_ reports: [TrackReport]) -> String {
        let coverage = reports.contains { !$0.coverage.isEmpty }
        var out = perTrackHeader(coverage: coverage)
        for r in reports { out += perTrackRows(r, coverage: coverage) }
        return out
    }

    /// The header line of the per-track table (with the coverage columns when `coverage`).
    public static func perTrackHeader(coverage: Bool) -> String {
        "track_id,airspace,dwell_s,incursions,path_km,max_depth_km,first_entry_time,last_exit_time,fixes"
            + (coverage ? ",first_covered_time,covered_s,warning_s\n" : "\n")
    }

    /// One track's rows of the per-track table, one per airspace: a stream writes these as each
    /// track is done, and the result is the same bytes as `perTrack` of all reports.
    public static func perTrackRows(_ r: TrackReport, coverage: Bool) -> String {
        var out = ""
        for (k, s) in r.airspaces.enumerated() {
            out += "\(field(r.trackID)),\(field(s.airspace)),\(fmt(s.totalDwellS, 3)),\(s.incursions.count),"
            out += "\(fmt(s.totalPathLengthM / 1000, 3)),\(fmt(s.maxPenetrationM / 1000, 3)),"
            out += "\(s.incursions.first.map { UTCTime.iso8601($0.entryTime) } ?? ""),"
            out += "\(s.incursions.last.map { UTCTime.iso8601($0.exitTime) } ?? ""),\(r.fixCount)"
            if coverage {
                let c = k < r.coverage.count ? r.coverage[k] : nil
                out += ",\(c?.firstInsideCoverageTime.map(UTCTime.iso8601) ?? "")"
                out += ",\(c.map { fmt($0.totalInsideCoverageS, 3) } ?? "")"
                out += ",\(c?.warningTimeS.map { fmt($0, 3) } ?? "")"
            }
            out += "\n"
        }
        return out
    }

    public static func perIncursion(_ reports: [TrackReport]) -> String {
        var out = "track_id,airspace,n,entry_time,exit_time,entry_lon,entry_lat,exit_lon,exit_lat,dwell_s,path_km,max_depth_km,open_at_start,open_at_end,interpolated_gap\n"
        for r in reports {
            for s in r.airspaces {
                for (n, i) in s.incursions.enumerated() {
                    out += "\(field(r.trackID)),\(field(s.airspace)),\(n + 1),\(UTCTime.iso8601(i.entryTime)),\(UTCTime.iso8601(i.exitTime)),"
                    out += "\(fmt(i.entryPoint.lon, 6)),\(fmt(i.entryPoint.lat, 6)),\(fmt(i.exitPoint.lon, 6)),\(fmt(i.exitPoint.lat, 6)),"
                    out += "\(fmt(i.dwellS, 3)),\(fmt(i.pathLengthM / 1000, 3)),\(fmt(i.maxPenetrationM / 1000, 3)),"
                    out += "\(i.openAtStart),\(i.openAtEnd),\(i.interpolatedGap)\n"
                }
            }
        }
        return out
    }

    /// A field, quoted when it holds a comma, quote or line break.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `v` with `digits` decimals, as C's `printf("%.*f")` writes it (exact binary value, rounded half to even).
    static func fmt(_ v: Double, _ digits: Int) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 352) { text in
            let n = withVaList([Int32(digits), v]) { vsnprintf(text.baseAddress!, 352, "%.*f", $0) }
            return String(decoding: UnsafeRawBufferPointer(start: text.baseAddress!, count: Int(min(max(n, 0), 351))), as: UTF8.self)
        }
    }
}
