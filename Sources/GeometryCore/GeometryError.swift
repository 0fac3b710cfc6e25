/// Every failure of a geometry operation: GEOS's own exceptions (with GEOS's message text) and
/// the input checks Perimeter makes before calling GEOS.
public enum GeometryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// GEOS raised an exception; `message` is GEOS's own text (e.g. "ParseException: ...").
    case geos(operation: String, message: String)
    /// A coordinate was NaN or infinite. `index` is its position in the input list.
    case nonFiniteCoordinate(context: String, index: Int, x: Double, y: Double)
    /// A ring's first and last coordinates differ.
    case unclosedRing(context: String, first: Coordinate, last: Coordinate)
    /// Not enough coordinates for the requested geometry.
    case tooFewCoordinates(context: String, count: Int, minimum: Int)
    /// A geometry of the wrong type was passed or asked for an operation it does not support.
    case wrongGeometryType(operation: String, expected: String, actual: GeometryType)
    /// An index was out of range.
    case indexOutOfRange(operation: String, index: Int, count: Int)
    /// Any other invalid argument.
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .geos(operation, message):
            return "GEOS \(operation) failed: \(message)"
        case let .nonFiniteCoordinate(context, index, x, y):
            return "\(context): coordinate \(index) is not finite (x=\(x), y=\(y))"
        case let .unclosedRing(context, first, last):
            return "\(context): ring is not closed (first \(first), last \(last))"
        case let .tooFewCoordinates(context, count, minimum):
            return "\(context): \(count) coordinate(s), at least \(minimum) needed"
        case let .wrongGeometryType(operation, expected, actual):
            return "\(operation): expected \(expected), got \(actual)"
        case let .indexOutOfRange(operation, index, count):
            return "\(operation): index \(index) out of range 0..<\(count)"
        case let .invalidArgument(text):
            return text
        }
    }

    /// GEOS's message text for `.geos` errors, else the description.
    public var message: String {
        if case let .geos(_, message) = self { return message }
        return description
    }
}
