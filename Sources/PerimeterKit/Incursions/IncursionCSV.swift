import Foundation

/// CSV tables of an incursion run (RFC 4180, comma-separated, header row, `\n` line ends).
///
/// - `perTrack`: one row per track and airspace, **every** track (also those never inside):
///   `track_id,airspace,dwell_s,incursions,path_km,max_depth_km,first_entry_time,last_exit_time,fixes`,
///   with coverage `first_covered_time,covered_s,warning_s`, then
///   `open_at_start,open_at_end,max_depth_time,max_depth_lon,max_depth_lat,over_land_s,territorial_sea_s,`
///   `closest_approach_km,closest_approach_time,closest_approach_lon,closest_approach_lat,merged_exits`
///   and, with groups, `group`. `last_exit_time` is empty when the track ends inside (`open_at_end`):
///   a track's last fix is never called an exit. The closest-approach columns are filled for tracks
///   that never entered. The first three columns are what `reference_dwell.py` prints
///   (`track_id,dwell_s`) with the airspace added.
/// - `perIncursion`: one row per incursion:
///   `track_id,airspace,n,entry_time,exit_time,entry_lon,entry_lat,exit_lon,exit_lat,dwell_s,path_km,max_depth_km,open_at_start,open_at_end,interpolated_gap`
///   then `max_depth_time,max_depth_lon,max_depth_lat,over_land_s,territorial_sea_s,merged_exits,inside_from_time,inside_to_time`
///   (and `group`). The entry (exit) fields of an incursion open at the start (end) are empty: the track's
///   first (last) fix is no entry (exit); `inside_from_time`/`inside_to_time` always give the interval inside.
/// - `perGroup`: one row per group and airspace (`IncursionGroup`).
///
/// Times ISO 8601 UTC (empty when none), seconds to 1 ms, km to 1 m, lon/lat to 1e-6°.
public enum IncursionCSV {
    public static func perTrack(_ reports: [TrackReport], groups: Bool = false) -> String {
        let coverage = reports.contains { !$0.coverage.isEmpty }
        var out = perTrackHeader(coverage: coverage, groups: groups)
        for r in reports { out += perTrackRows(r, coverage: coverage, groups: groups) }
        return out
    }

    /// The header line of the per-track table (with the coverage columns when `coverage`).
    public static func perTrackHeader(coverage: Bool, groups: Bool = false) -> String {
        "track_id,airspace,dwell_s,incursions,path_km,max_depth_km,first_entry_time,last_exit_time,fixes"
            + (coverage ? ",first_covered_time,covered_s,warning_s" : "")
            + ",open_at_start,open_at_end,max_depth_time,max_depth_lon,max_depth_lat,over_land_s,territorial_sea_s"
            + ",closest_approach_km,closest_approach_time,closest_approach_lon,closest_approach_lat,merged_exits"
            + (groups ? ",group\n" : "\n")
    }

    /// One track's rows of the per-track table, one per airspace: a stream writes these as each
    /// track is done, and the result is the same bytes as `perTrack` of all reports.
    public static func perTrackRows(_ r: TrackReport, coverage: Bool, groups: Bool = false) -> String {
        var out = ""
        for (k, s) in r.airspaces.enumerated() {
            out += "\(field(r.trackID)),\(field(s.airspace)),\(fmt(s.totalDwellS, 3)),\(s.incursions.count),"
            out += "\(fmt(s.totalPathLengthM / 1000, 3)),\(fmt(s.maxPenetrationM / 1000, 3)),"
            out += "\(s.incursions.first.map { UTCTime.iso8601($0.entryTime) } ?? ""),"
            out += "\(s.lastExitTime.map(UTCTime.iso8601) ?? ""),\(r.fixCount)"
            if coverage {
                let c = k < r.coverage.count ? r.coverage[k] : nil
                out += ",\(c?.firstInsideCoverageTime.map(UTCTime.iso8601) ?? "")"
                out += ",\(c.map { fmt($0.totalInsideCoverageS, 3) } ?? "")"
                out += ",\(c?.warningTimeS.map { fmt($0, 3) } ?? "")"
            }
            let inside = !s.incursions.isEmpty
            out += ",\(inside ? String(s.incursions[0].openAtStart) : ""),\(inside ? String(s.incursions[s.incursions.count - 1].openAtEnd) : "")"
            out += "," + depthFields(s.deepestIncursion)
            out += ",\(opt(s.totalOverLandS, 3)),\(opt(s.totalInTerritorialSeaS, 3))"
            let a = s.closestApproach
            out += ",\(opt(a.map { $0.distanceM / 1000 }, 3)),\(a.map { UTCTime.iso8601($0.time) } ?? "")"
            out += ",\(opt(a?.point.lon, 6)),\(opt(a?.point.lat, 6))"
            out += ",\(s.incursions.reduce(0) { $0 + $1.mergedExits })"
            if groups { out += ",\(field(r.group ?? ""))" }
            out += "\n"
        }
        return out
    }

    /// `max_depth_time,max_depth_lon,max_depth_lat` of an incursion (empty when unknown).
    static func depthFields(_ i: Incursion?) -> String {
        "\(i?.maxDepthTime.map(UTCTime.iso8601) ?? ""),\(opt(i?.maxDepthPoint?.lon, 6)),\(opt(i?.maxDepthPoint?.lat, 6))"
    }

    public static func perIncursion(_ reports: [TrackReport], groups: Bool = false) -> String {
        var out = "track_id,airspace,n,entry_time,exit_time,entry_lon,entry_lat,exit_lon,exit_lat,dwell_s,path_km,max_depth_km,open_at_start,open_at_end,interpolated_gap"
            + ",max_depth_time,max_depth_lon,max_depth_lat,over_land_s,territorial_sea_s,merged_exits,inside_from_time,inside_to_time" + (groups ? ",group\n" : "\n")
        for r in reports {
            for s in r.airspaces {
                for (n, i) in s.incursions.enumerated() {
                    // A track's first or last fix is no entry or exit: those fields stay empty.
                    let entry = i.openAtStart ? ",," : "\(fmt(i.entryPoint.lon, 6)),\(fmt(i.entryPoint.lat, 6)),"
                    let exit = i.openAtEnd ? ",," : "\(fmt(i.exitPoint.lon, 6)),\(fmt(i.exitPoint.lat, 6)),"
                    out += "\(field(r.trackID)),\(field(s.airspace)),\(n + 1),\(i.openAtStart ? "" : UTCTime.iso8601(i.entryTime)),"
                    out += "\(i.openAtEnd ? "" : UTCTime.iso8601(i.exitTime)),"
                    out += entry + exit
                    out += "\(fmt(i.dwellS, 3)),\(fmt(i.pathLengthM / 1000, 3)),\(fmt(i.maxPenetrationM / 1000, 3)),"
                    out += "\(i.openAtStart),\(i.openAtEnd),\(i.interpolatedGap),"
                    out += depthFields(i) + ",\(opt(i.overLandS, 3)),\(opt(i.inTerritorialSeaS, 3)),\(i.mergedExits),"
                    out += "\(UTCTime.iso8601(i.entryTime)),\(UTCTime.iso8601(i.exitTime))"
                    if groups { out += ",\(field(r.group ?? ""))" }
                    out += "\n"
                }
            }
        }
        return out
    }

    /// One row per group and airspace: `dwell_s` is the union of the members' time inside,
    /// `member_dwell_s` its sum over members.
    public static func perGroup(_ groups: [IncursionGroup]) -> String {
        var out = "group,airspace,members,members_inside,dwell_s,member_dwell_s,first_entry_time,last_exit_time,max_depth_km,open_at_start,open_at_end,track_ids\n"
        for g in groups {
            out += "\(field(g.group)),\(field(g.airspace)),\(g.members.count),\(g.membersInside.count),"
            out += "\(fmt(g.dwellS, 3)),\(fmt(g.memberDwellS, 3)),\(g.firstEntryTime.map(UTCTime.iso8601) ?? ""),"
            out += "\(g.lastExitTime.map(UTCTime.iso8601) ?? ""),\(fmt(g.maxPenetrationM / 1000, 3)),"
            out += "\(g.membersInside.isEmpty ? "" : String(g.openAtStart)),\(g.membersInside.isEmpty ? "" : String(g.openAtEnd)),"
            out += "\(field(g.members.joined(separator: " ")))\n"
        }
        return out
    }

    static func opt(_ v: Double?, _ digits: Int) -> String { v.map { fmt($0, digits) } ?? "" }

    /// A field, quoted when it holds a comma, quote or line break.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `v` with `digits` decimals, as C's `printf("%.*f")` writes it (exact binary value, rounded half to even).
    static func fmt(_ v: Double, _ digits: Int) -> String {
        if let text = exactFixed(v, digits) { return text }
        return printfFixed(v, digits)
    }

    private static let powersOfTen: [UInt64] = (0...9).map { k in (0..<k).reduce(1) { r, _ in r * 10 } }

    /// `fmt` in integer arithmetic for |v| < 1e15 and at most 9 decimals: v = m·2^e exactly, so
    /// v·10^digits = m·10^digits·2^e, shifted right with round half to even on the bits shifted out
    /// is the rounded value printf prints (same sign, including "-0.000" for negative values that
    /// round to zero). `nil` outside that range.
    static func exactFixed(_ v: Double, _ digits: Int) -> String? {
        guard v.isFinite, (0...9).contains(digits), abs(v) < 1e15 else { return nil }
        let magnitude = abs(v)
        let significand = UInt128(magnitude.significandBitPattern | (magnitude.isNormal ? 1 << 52 : 0))
        let exponent = magnitude.isNormal ? Int(magnitude.exponentBitPattern) - 1075 : -1074
        let scaled = significand * UInt128(powersOfTen[digits])
        var units: UInt128
        if exponent >= 0 {
            units = scaled << exponent
        } else if -exponent >= 100 {
            units = 0  // scaled < 2^84 ≤ half of 2^-exponent: rounds down
        } else {
            let shift = -exponent
            units = scaled >> shift
            let rest = scaled & ((UInt128(1) << shift) - 1), half = UInt128(1) << (shift - 1)
            if rest > half || (rest == half && units & 1 == 1) { units += 1 }
        }
        let whole = UInt64(units / UInt128(powersOfTen[digits])), fraction = UInt64(units % UInt128(powersOfTen[digits]))
        var text = v.sign == .minus ? "-" : ""
        text += String(whole)
        if digits > 0 {
            let f = String(fraction)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return text
    }

    /// `fmt` through C's `vsnprintf`.
    static func printfFixed(_ v: Double, _ digits: Int) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 352) { text in
            let n = withVaList([Int32(digits), v]) { vsnprintf(text.baseAddress!, 352, "%.*f", $0) }
            return String(decoding: UnsafeRawBufferPointer(start: text.baseAddress!, count: Int(min(max(n, 0), 351))), as: UTF8.self)
        }
    }
}
