/// A geodesic computation that cannot be done as asked, with a one-line description.
public enum GeodesicError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A parameter is out of range (non-finite coordinate, non-positive radius/spacing …).
    case invalidParameter(String)
    /// The circle reaches over a pole: its boundary is not a simple ring in lon/lat.
    case circleContainsPole(center: Coordinate, radius: Double, pole: String, poleDistance: Double)
    /// The requested tolerance needs more vertices than `GeodesicCircle.maximumVertexCount`.
    case tooManyVertices(needed: Int, maximum: Int)

    public var description: String {
        switch self {
        case .invalidParameter(let text):
            return text
        case let .circleContainsPole(center, radius, pole, poleDistance):
            return "circle of radius \(radius) m around \(center) contains the \(pole) pole "
                + "(\(poleDistance) m from the centre): its boundary is not a simple lon/lat ring"
        case let .tooManyVertices(needed, maximum):
            return "circle tolerance needs \(needed) vertices, more than the maximum \(maximum): use a larger tolerance"
        }
    }
}
