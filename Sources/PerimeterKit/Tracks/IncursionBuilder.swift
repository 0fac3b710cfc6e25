import GeometryCore

/// Per-segment facts the incursion builder needs.
struct SegmentContext {
    var t0 = 0.0, dt = 0.0
    var gap = false
    var startsTrack = false
}

/// Reusable buffers for one `incursions(in:)` call.
struct SegmentScratch {
    var vertices: [Coordinate] = []
    var params: [Double] = []
    var onEdge: [(Double, Double)] = []
}

/// A straight stretch a → b (lon/lat in the airspace's frame) inside the airspace, `lengthM` metres.
/// An end on the boundary (a crossing found on an edge) is at depth 0 without any search.
struct InsidePiece {
    var a: Coordinate, b: Coordinate
    /// Times at a and b, epoch seconds.
    var ta: Double, tb: Double
    var lengthM: Double
    var aOnBoundary = false, bOnBoundary = false
}

/// Accumulates inside stretches into maximal incursions.
struct IncursionBuilder {
    var results: [Incursion] = []
    var insidePieces: [InsidePiece] = []
    var depthQueue = DepthQueue()
    var isOpen = false
    var segment = SegmentContext()
    var current = Incursion(entryTime: 0, exitTime: 0, entryPoint: Coordinate(x: 0, y: 0), exitPoint: Coordinate(x: 0, y: 0),
                            dwellS: 0, pathLengthM: 0, maxPenetrationM: 0,
                            openAtStart: false, openAtEnd: false, interpolatedGap: false)

    mutating func open(time: Double, point: Coordinate, atTrackStart: Bool) {
        isOpen = true
        current = Incursion(entryTime: time, exitTime: time, entryPoint: point, exitPoint: point,
                            dwellS: 0, pathLengthM: 0, maxPenetrationM: 0,
                            openAtStart: atTrackStart, openAtEnd: false, interpolatedGap: false)
    }


    mutating func close(openAtEnd: Bool) {
        guard isOpen else { return }
        isOpen = false
        current.dwellS = current.exitTime - current.entryTime
        current.openAtEnd = openAtEnd
        results.append(current)
    }
}
