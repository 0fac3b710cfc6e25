import GeometryCore

/// One visit of a track inside an airspace: a maximal time interval strictly inside the polygon.
///
/// Touching the boundary is not entering: a track that only grazes the border has no incursion,
/// and time spent exactly on the border (flying along an edge) is not inside. Re-entries are
/// separate incursions. Times are epoch seconds UTC; points lon/lat degrees WGS84; lengths and
/// depths geodesic metres on WGS84.
public struct Incursion: Sendable, Hashable {
    /// When the track crossed into the airspace (the first fix time if it started inside).
    public var entryTime: Double
    /// When the track left the airspace (the last fix time if it ended inside).
    public var exitTime: Double
    /// Where the track crossed the boundary inwards (the first fix if it started inside).
    public var entryPoint: Coordinate
    /// Where the track crossed the boundary outwards (the last fix if it ended inside).
    public var exitPoint: Coordinate
    /// Seconds inside: `exitTime - entryTime`.
    public var dwellS: Double
    /// Geodesic length in metres of the path inside.
    public var pathLengthM: Double
    /// Largest geodesic distance in metres from the boundary reached while inside, between fixes
    /// included (accuracy: see `IncursionFinder.depthToleranceM`).
    public var maxPenetrationM: Double
    /// The track's first fix is already inside: the true entry is unknown.
    public var openAtStart: Bool
    /// The track's last fix is still inside: the true exit is unknown.
    public var openAtEnd: Bool
    /// Some of the time inside is interpolated over a gap between fixes longer than `maxGapS`.
    public var interpolatedGap: Bool
    /// Where the deepest penetration was reached (nil when depth is not measured).
    public var maxDepthPoint: Coordinate? = nil
    /// When the deepest penetration was reached, epoch seconds (nil when depth is not measured).
    public var maxDepthTime: Double? = nil
    /// Seconds of the incursion over the country's land (nil when the airspace has no land polygon).
    public var overLandS: Double? = nil
    /// Exits shorter than `--min-exit-s` merged into this incursion (0: none).
    public var mergedExits: Int = 0

    /// Seconds in the territorial sea: dwell minus time over land (nil without a land polygon).
    public var inTerritorialSeaS: Double? { overLandS.map { max(0, dwellS - $0) } }

    public init(entryTime: Double, exitTime: Double, entryPoint: Coordinate, exitPoint: Coordinate,
                dwellS: Double, pathLengthM: Double, maxPenetrationM: Double,
                openAtStart: Bool, openAtEnd: Bool, interpolatedGap: Bool,
                maxDepthPoint: Coordinate? = nil, maxDepthTime: Double? = nil) {
        self.entryTime = entryTime
        self.exitTime = exitTime
        self.entryPoint = entryPoint
        self.exitPoint = exitPoint
        self.dwellS = dwellS
        self.pathLengthM = pathLengthM
        self.maxPenetrationM = maxPenetrationM
        self.openAtStart = openAtStart
        self.openAtEnd = openAtEnd
        self.interpolatedGap = interpolatedGap
        self.maxDepthPoint = maxDepthPoint
        self.maxDepthTime = maxDepthTime
    }
}
