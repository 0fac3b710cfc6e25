import Foundation

/// A Markdown summary of an incursion run: totals per airspace, the incursions (longest first,
/// at most `maxRows`), and warning times when coverage was given. Times ISO 8601 UTC.
public enum IncursionMarkdown {
    public static func summary(source: String, result: TrackPipeline.Result, groups: [IncursionGroup] = [],
                               notes: [String] = [], maxRows: Int = 200) -> String {
        let s = result.statistics
        var out = "# Incursions: \(source)\n\n"
        for n in notes { out += "- \(n)\n" }
        if !notes.isEmpty { out += "\n" }
        out += "\(Plural.counted(s.tracks, "track")), \(Plural.counted(s.fixes, "fix", "fixes")); "
        out += "\(Plural.counted(s.duplicateTimesDropped, "duplicate time")) dropped, "
        out += "\(Plural.counted(s.invalidSkipped, "invalid row")) skipped, \(Plural.counted(s.emptyTracksSkipped, "empty track")) skipped.\n\n"
        out += "## Totals per airspace\n\n| airspace | tracks | tracks inside | incursions | dwell (s) | path inside (km) | max depth (km) |\n"
        out += "|---|---:|---:|---:|---:|---:|---:|\n"
        for t in result.totals {
            out += "| \(t.airspace) | \(t.tracks) | \(t.tracksWithIncursions) | \(t.incursions) | \(f(t.totalDwellS, 1)) | \(f(t.totalPathLengthM / 1000, 1)) | \(f(t.maxPenetrationM / 1000, 2)) |\n"
        }
        var rows: [(String, String, Int, Incursion)] = []
        for r in result.reports {
            for a in r.airspaces { for (n, i) in a.incursions.enumerated() { rows.append((r.trackID, a.airspace, n + 1, i)) } }
        }
        rows.sort { $0.3.dwellS > $1.3.dwellS }
        out += "\n## Incursions (\(rows.count), longest first)\n\n"
        out += "| track | airspace | # | entry (UTC) | exit (UTC) | dwell (s) | path (km) | max depth (km) | deepest at (UTC) | over land (s) | territorial sea (s) | flags |\n"
        out += "|---|---|---:|---|---|---:|---:|---:|---|---:|---:|---|\n"
        for (track, airspace, n, i) in rows.prefix(maxRows) {
            var flags: [String] = []
            if i.openAtStart { flags.append("open at start") }
            if i.openAtEnd { flags.append("open at end") }
            if i.interpolatedGap { flags.append("interpolated gap") }
            if i.mergedExits > 0 { flags.append("\(Plural.counted(i.mergedExits, "short exit")) merged") }
            let entry = i.openAtStart ? "— (track starts inside)" : UTCTime.iso8601(i.entryTime)
            let exit = i.openAtEnd ? "— (track ends inside)" : UTCTime.iso8601(i.exitTime)
            out += "| \(cell(track)) | \(airspace) | \(n) | \(entry) | \(exit) | \(f(i.dwellS, 1)) | \(f(i.pathLengthM / 1000, 2)) | \(f(i.maxPenetrationM / 1000, 2)) | "
            out += "\(i.maxDepthTime.map(UTCTime.iso8601) ?? "—") | \(i.overLandS.map { f($0, 1) } ?? "—") | \(i.inTerritorialSeaS.map { f($0, 1) } ?? "—") | \(flags.joined(separator: ", ")) |\n"
        }
        if rows.count > maxRows { out += "\n… \(rows.count - maxRows) more (see the CSV or GeoJSON output).\n" }
        var approaches: [(String, String, ClosestApproach)] = []
        for r in result.reports { for a in r.airspaces { if let c = a.closestApproach { approaches.append((r.trackID, a.airspace, c)) } } }
        if !approaches.isEmpty {
            approaches.sort { $0.2.distanceM < $1.2.distanceM }
            out += "\n## Closest approach of tracks that never entered (\(approaches.count), nearest first)\n\n"
            out += "| track | airspace | closest (km) | at (UTC) | lon | lat |\n|---|---|---:|---|---:|---:|\n"
            for (track, airspace, c) in approaches.prefix(maxRows) {
                out += "| \(cell(track)) | \(airspace) | \(f(c.distanceM / 1000, 3)) | \(UTCTime.iso8601(c.time)) | \(f(c.point.lon, 5)) | \(f(c.point.lat, 5)) |\n"
            }
        }
        if !groups.isEmpty {
            out += "\n## Groups (dwell = union of the members' time inside)\n\n"
            out += "| group | airspace | members | inside | dwell (s) | members' sum (s) | first entry (UTC) | last exit (UTC) |\n"
            out += "|---|---|---:|---:|---:|---:|---|---|\n"
            for g in groups {
                out += "| \(cell(g.group)) | \(g.airspace) | \(g.members.count) | \(g.membersInside.count) | \(f(g.dwellS, 1)) | \(f(g.memberDwellS, 1)) | "
                out += "\(g.firstEntryTime.map(UTCTime.iso8601) ?? "—") | \(g.lastExitTime.map(UTCTime.iso8601) ?? (g.openAtEnd ? "— (ends inside)" : "—")) |\n"
            }
        }
        if result.reports.contains(where: { !$0.coverage.isEmpty }) {
            out += "\n## Coverage and warning time\n\n| track | airspace | first in coverage (UTC) | in coverage (s) | first entry (UTC) | warning (s) |\n"
            out += "|---|---|---|---:|---|---:|\n"
            var shown = 0
            for r in result.reports {
                for (k, c) in r.coverage.enumerated() where c.firstInsideCoverageTime != nil || c.firstAirspaceEntryTime != nil {
                    guard shown < maxRows else { break }
                    shown += 1
                    out += "| \(cell(r.trackID)) | \(r.airspaces[k].airspace) | \(c.firstInsideCoverageTime.map(UTCTime.iso8601) ?? "—") | \(f(c.totalInsideCoverageS, 1)) | \(c.firstAirspaceEntryTime.map(UTCTime.iso8601) ?? "—") | \(c.warningTimeS.map { f($0, 1) } ?? "—") |\n"
                }
            }
        }
        return out
    }

    static func f(_ v: Double, _ d: Int) -> String { String(format: "%.\(d)f", v) }
    static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
}
