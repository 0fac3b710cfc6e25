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
        self.init(covered: coverage.flatMap { $0.map { TimeSpan(start: $0.entryTime, end: $0.exitTime) } }, airspace: airspace)
    }

    /// From the covered time intervals (any order, overlaps counted once) and the airspace's incursions.
    public init(covered: [TimeSpan], airspace: [Incursion]) {
        let spans = TimeSpan.union(covered)
        firstInsideCoverageTime = spans.first?.start
        totalInsideCoverageS = spans.reduce(0) { $0 + $1.durationS }
        firstAirspaceEntryTime = airspace.first?.entryTime
        if let covered = firstInsideCoverageTime, let entry = firstAirspaceEntryTime {
            warningTimeS = entry - covered
        } else {
            warningTimeS = nil
        }
    }
}
