import Foundation

/// A Markdown summary of an incursion run: totals per airspace, the incursions (longest first,
/// at most `maxRows`), and warning times when coverage was given. Times ISO 8601 UTC.
public enum IncursionMarkdown {
    public static func summary(source: String, result: TrackPipeline.Result, maxRows: Int = 200) -> String {
        let s = result.statistics
        var out = "# Incursions: \(source)\n\n"
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
        out += "| track | airspace | # | entry (UTC) | exit (UTC) | dwell (s) | path (km) | max depth (km) | flags |\n"
        out += "|---|---|---:|---|---|---:|---:|---:|---|\n"
        for (track, airspace, n, i) in rows.prefix(maxRows) {
            var flags: [String] = []
            if i.openAtStart { flags.append("open at start") }
            if i.openAtEnd { flags.append("open at end") }
            if i.interpolatedGap { flags.append("interpolated gap") }
            out += "| \(cell(track)) | \(airspace) | \(n) | \(UTCTime.iso8601(i.entryTime)) | \(UTCTime.iso8601(i.exitTime)) | \(f(i.dwellS, 1)) | \(f(i.pathLengthM / 1000, 2)) | \(f(i.maxPenetrationM / 1000, 2)) | \(flags.joined(separator: ", ")) |\n"
        }
        if rows.count > maxRows { out += "\n… \(rows.count - maxRows) more (see the CSV or GeoJSON output).\n" }
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
