/// Early-warning timing of one track: when sensor coverage first saw it, how long it was covered,
/// and how much warning that gave before it entered the protected airspace.
///
/// Coverage is the union of the coverage polygons (inside any one counts). Times are epoch seconds
/// UTC, durations seconds.
public struct CoverageTiming: Sendable, Hashable {
    /// First time the track was inside coverage, if ever.
    public var firstInsideCoverageTime: Double?
    /// Seconds inside coverage (overlapping coverage polygons counted once).
    public var totalInsideCoverageS: Double
    /// First entry into the protected airspace, if any.
    public var firstAirspaceEntryTime: Double?
    /// `firstAirspaceEntryTime − firstInsideCoverageTime` when both exist (negative: entered
    /// the airspace before being covered).
    public var warningTimeS: Double?

    public init(coverage: [[Incursion]], airspace: [Incursion]) {
        var intervals = coverage.flatMap { $0.map { ($0.entryTime, $0.exitTime) } }
        intervals.sort { $0.0 < $1.0 }
        var total = 0.0
        var current: (Double, Double)? = nil
        for (a, b) in intervals {
            if let (ca, cb) = current, a <= cb {
                current = (ca, max(cb, b))
            } else {
                if let (ca, cb) = current { total += cb - ca }
                current = (a, b)
            }
        }
        if let (ca, cb) = current { total += cb - ca }
        firstInsideCoverageTime = intervals.first?.0
        totalInsideCoverageS = total
        firstAirspaceEntryTime = airspace.first?.entryTime
        if let covered = firstInsideCoverageTime, let entry = firstAirspaceEntryTime {
            warningTimeS = entry - covered
        } else {
            warningTimeS = nil
        }
    }
}
