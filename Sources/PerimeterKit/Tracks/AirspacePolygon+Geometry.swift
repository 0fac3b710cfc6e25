import GeometryCore

extension AirspacePolygon {
    /// The rings of a GEOS (multi)polygon in lon/lat degrees: the one place an `AirspacePolygon` is made
    /// from geometry. A Polygon gives one part, a MultiPolygon one part per non-empty polygon, a
    /// GeometryCollection the parts of its members. Anything else (or an empty Polygon) is an
    /// `invalidInput` error naming `source`.
    public init(_ geometry: Geometry, name: String, source: String) throws {
        self.init(name: name, parts: try Self.parts(of: geometry, source: source))
    }

    private static func parts(of geometry: Geometry, source: String) throws -> [Part] {
        func part(_ rings: [[Coordinate]]) -> Part { Part(outer: rings[0], holes: Array(rings.dropFirst())) }
        let type = try geometry.type
        switch type {
        case .polygon:
            let rings = try geometry.rings
            guard !rings.isEmpty else { break }
            return [part(rings)]
        case .multiPolygon:
            return try geometry.geometries.map { try $0.rings }.filter { !$0.isEmpty }.map(part)
        case .geometryCollection:
            return try geometry.geometries.flatMap { try parts(of: $0, source: source) }
        default:
            break
        }
        let typeName = type == .linearRing ? "LineString" : type.description
        throw DomainError.invalidInput(source: source, message: "the merged airspace is a \(typeName), not an area")
    }
}
