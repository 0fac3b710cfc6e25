import CGEOS

/// The GEOS geometry types, with GEOS's type ids as raw values.
public enum GeometryType: Int32, Sendable, CaseIterable, CustomStringConvertible {
    case point = 0
    case lineString = 1
    case linearRing = 2
    case polygon = 3
    case multiPoint = 4
    case multiLineString = 5
    case multiPolygon = 6
    case geometryCollection = 7

    /// The WKT keyword, e.g. "MultiPolygon".
    public var description: String {
        switch self {
        case .point: "Point"
        case .lineString: "LineString"
        case .linearRing: "LinearRing"
        case .polygon: "Polygon"
        case .multiPoint: "MultiPoint"
        case .multiLineString: "MultiLineString"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }

    /// True for the multi types and GeometryCollection.
    public var isCollection: Bool { rawValue >= 4 }
}
