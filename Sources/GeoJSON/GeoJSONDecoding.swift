/// Turns parsed JSON into GeoJSON values, checking RFC 7946 rules and naming the JSON path of every
/// problem (`features[3].geometry.coordinates[0][2]`). Used by ``GeoJSONReader`` and the `Decodable`
/// conformances.
enum GeoJSONDecoding {

    // MARK: - Top level

    /// A FeatureCollection, a Feature (wrapped in a collection) or a bare geometry (wrapped in a feature
    /// without properties, in a collection).
    static func document(_ json: JSONValue) throws(GeoJSONError) -> FeatureCollection {
        guard case .object(let object) = json else {
            throw GeoJSONError(message: "expected a GeoJSON object at the top level, found \(json.kindDescription)")
        }
        if object.isEmpty { throw GeoJSONError(message: "the top-level object is empty") }
        let type = try typeName(object, path: "")
        switch type {
        case "FeatureCollection": return try featureCollection(object, path: "")
        case "Feature": return FeatureCollection(features: [try feature(object, path: "")])
        default:
            return FeatureCollection(features: [Feature(geometry: try geometry(object, type: type, path: ""))])
        }
    }

    static func featureCollection(_ object: JSONObject, path: String) throws(GeoJSONError) -> FeatureCollection {
        guard let featuresValue = object["features"] else {
            throw GeoJSONError(path: path, message: "FeatureCollection has no \"features\" member")
        }
        let featuresPath = join(path, "features")
        guard case .array(let elements) = featuresValue else {
            throw GeoJSONError(path: featuresPath, message: "expected an array of features, found \(featuresValue.kindDescription)")
        }
        var features: [Feature] = []
        features.reserveCapacity(elements.count)
        for (i, element) in elements.enumerated() {
            let elementPath = "\(featuresPath)[\(i)]"
            guard case .object(let featureObject) = element else {
                throw GeoJSONError(path: elementPath, message: "expected a Feature object, found \(element.kindDescription)")
            }
            let type = try typeName(featureObject, path: elementPath)
            guard type == "Feature" else {
                throw GeoJSONError(path: join(elementPath, "type"), message: "expected \"Feature\", found \"\(type)\"")
            }
            features.append(try feature(featureObject, path: elementPath))
        }
        return FeatureCollection(features: features, bbox: try bbox(object, path: path))
    }

    static func feature(_ object: JSONObject, path: String) throws(GeoJSONError) -> Feature {
        var id: FeatureID?
        switch object["id"] {
        case nil: break
        case .string(let s)?: id = .string(s)
        case .integer(let i)?: id = .integer(i)
        case .number(let d)?: id = .number(d)
        case let other?:
            throw GeoJSONError(path: join(path, "id"), message: "expected a string or a number, found \(other.kindDescription)")
        }
        var geom: GeoJSONGeometry?
        let geometryPath = join(path, "geometry")
        switch object["geometry"] {
        case nil:
            throw GeoJSONError(path: path, message: "Feature has no \"geometry\" member (use null for a feature without a location)")
        case .null?: geom = nil
        case .object(let g)?: geom = try geometry(g, type: try typeName(g, path: geometryPath), path: geometryPath)
        case let other?:
            throw GeoJSONError(path: geometryPath, message: "expected a geometry object or null, found \(other.kindDescription)")
        }
        var properties = JSONObject()
        switch object["properties"] {
        case nil, .null?: break
        case .object(let p)?: properties = p
        case let other?:
            throw GeoJSONError(path: join(path, "properties"), message: "expected an object or null, found \(other.kindDescription)")
        }
        return Feature(id: id, geometry: geom, properties: properties)
    }

    static func typeName(_ object: JSONObject, path: String) throws(GeoJSONError) -> String {
        switch object["type"] {
        case .string(let s)?: return s
        case nil: throw GeoJSONError(path: path, message: "missing member \"type\"")
        case let other?: throw GeoJSONError(path: join(path, "type"), message: "expected a string, found \(other.kindDescription)")
        }
    }

    static func bbox(_ object: JSONObject, path: String) throws(GeoJSONError) -> BoundingBox? {
        guard let value = object["bbox"] else { return nil }
        let p = join(path, "bbox")
        guard case .array(let a) = value, a.count == 4 || a.count == 6 else {
            throw GeoJSONError(path: p, message: "expected [west, south, east, north] (4 or 6 numbers)")
        }
        var numbers: [Double] = []
        for (i, v) in a.enumerated() {
            guard let d = v.doubleValue, d.isFinite else {
                throw GeoJSONError(path: "\(p)[\(i)]", message: "expected a finite number, found \(v.kindDescription)")
            }
            numbers.append(d)
        }
        // 6 numbers: [west, south, minAlt, east, north, maxAlt]; altitudes are not kept.
        return a.count == 4
            ? BoundingBox(west: numbers[0], south: numbers[1], east: numbers[2], north: numbers[3])
            : BoundingBox(west: numbers[0], south: numbers[1], east: numbers[3], north: numbers[4])
    }

    // MARK: - Geometry

    static let geometryTypes = ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"]

    static func geometry(_ object: JSONObject, type: String, path: String) throws(GeoJSONError) -> GeoJSONGeometry {
        if type == "GeometryCollection" {
            guard let membersValue = object["geometries"] else {
                throw GeoJSONError(path: path, message: "missing member \"geometries\"")
            }
            let membersPath = join(path, "geometries")
            guard case .array(let members) = membersValue else {
                throw GeoJSONError(path: membersPath, message: "expected an array of geometries, found \(membersValue.kindDescription)")
            }
            var result: [GeoJSONGeometry] = []
            for (i, member) in members.enumerated() {
                let memberPath = "\(membersPath)[\(i)]"
                guard case .object(let m) = member else {
                    throw GeoJSONError(path: memberPath, message: "expected a geometry object, found \(member.kindDescription)")
                }
                result.append(try geometry(m, type: try typeName(m, path: memberPath), path: memberPath))
            }
            return .geometryCollection(result)
        }
        guard geometryTypes.contains(type) else {
            let known = ["FeatureCollection", "Feature"].contains(type)
            throw GeoJSONError(path: join(path, "type"), message: known
                ? "expected a geometry type, found \"\(type)\""
                : "unknown GeoJSON type \"\(type)\" (expected one of \(geometryTypes.joined(separator: ", ")))")
        }
        guard let coordinates = object["coordinates"] else {
            throw GeoJSONError(path: path, message: "\(type) has no \"coordinates\" member")
        }
        var reader = CoordinateReader(base: join(path, "coordinates"))
        switch type {
        case "Point": return .point(try reader.position(coordinates))
        case "MultiPoint": return .multiPoint(try reader.positions(coordinates))
        case "LineString": return .lineString(try reader.line(coordinates))
        case "MultiLineString": return .multiLineString(try reader.list(coordinates, what: "an array of lines") { (r, v) throws(GeoJSONError) in try r.line(v) })
        case "Polygon": return .polygon(try reader.polygon(coordinates))
        default: return .multiPolygon(try reader.list(coordinates, what: "an array of polygons") { (r, v) throws(GeoJSONError) in try r.polygon(v) })
        }
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}

/// Reads nested coordinate arrays, keeping the index path without allocating a string per position.
struct CoordinateReader {
    let base: String
    var indices: [Int] = []

    init(base: String) { self.base = base }

    var path: String { base + indices.map { "[\($0)]" }.joined() }

    func fail(_ message: String) -> GeoJSONError { GeoJSONError(path: path, message: message) }

    mutating func list<T>(_ value: JSONValue, what: String, _ element: (inout CoordinateReader, JSONValue) throws(GeoJSONError) -> T) throws(GeoJSONError) -> [T] {
        guard case .array(let a) = value else { throw fail("expected \(what), found \(value.kindDescription)") }
        var result: [T] = []
        result.reserveCapacity(a.count)
        indices.append(0)
        for (i, v) in a.enumerated() {
            indices[indices.count - 1] = i
            result.append(try element(&self, v))
        }
        indices.removeLast()
        return result
    }

    mutating func positions(_ value: JSONValue) throws(GeoJSONError) -> [Position] {
        try list(value, what: "an array of positions") { (r, v) throws(GeoJSONError) in try r.position(v) }
    }

    mutating func line(_ value: JSONValue) throws(GeoJSONError) -> [Position] {
        let line = try positions(value)
        if line.count == 1 { throw fail("a line needs at least 2 positions, found 1") }
        return line
    }

    mutating func polygon(_ value: JSONValue) throws(GeoJSONError) -> [[Position]] {
        try list(value, what: "an array of linear rings") { (r, v) throws(GeoJSONError) in try r.ring(v) }
    }

    mutating func ring(_ value: JSONValue) throws(GeoJSONError) -> [Position] {
        let ring = try positions(value)
        if ring.count < 4 {
            throw fail("a polygon ring needs at least 4 positions (closed), found \(ring.count)")
        }
        if ring.first!.coordinate != ring.last!.coordinate {
            throw fail("polygon ring is not closed: first position \(ring.first!) differs from last \(ring.last!)")
        }
        return ring
    }

    /// `[lon, lat]` or `[lon, lat, altitude]`; further values are ignored. Longitudes outside [-180, 180]
    /// are brought into range by adding a multiple of 360; latitudes outside [-90, 90] are an error.
    mutating func position(_ value: JSONValue) throws(GeoJSONError) -> Position {
        guard case .array(let a) = value else {
            throw fail("expected [lon, lat], found \(value.kindDescription)")
        }
        guard a.count >= 2 else { throw fail("expected [lon, lat], found an array of \(a.count) value\(a.count == 1 ? "" : "s")") }
        let lon = try number(a[0], at: 0, name: "longitude")
        let lat = try number(a[1], at: 1, name: "latitude")
        guard (-90...90).contains(lat) else {
            indices.append(1)
            defer { indices.removeLast() }
            throw fail("latitude \(format(lat)) is outside [-90, 90]")
        }
        let altitude = a.count >= 3 ? try number(a[2], at: 2, name: "altitude") : nil
        return Position(lon: Longitude.normalized(lon), lat: lat, altitude: altitude)
    }

    mutating func number(_ value: JSONValue, at i: Int, name: String) throws(GeoJSONError) -> Double {
        indices.append(i)
        defer { indices.removeLast() }
        guard let d = value.doubleValue else {
            throw fail("expected a number (\(name)), found \(value.kindDescription)")
        }
        guard d.isFinite else { throw fail("\(name) is not a finite number (\(d))") }
        return d
    }

    private func format(_ d: Double) -> String {
        d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }
}
