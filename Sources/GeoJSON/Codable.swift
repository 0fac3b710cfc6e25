import Foundation

// Codable conformances for users who prefer JSONEncoder/JSONDecoder. Decoding goes through the same strict
// checks as GeoJSONReader (a GeoJSONError becomes DecodingError.dataCorrupted with the GeoJSON path in its
// description); encoding writes the values as they are (no normalisation, full double precision).
// GeoJSONReader/GeoJSONWriter remain the recommended path: they keep property order and format numbers.

extension JSONValue: Codable {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            var object = JSONObject()
            for key in keyed.allKeys { object[key.stringValue] = try keyed.decode(JSONValue.self, forKey: key) }
            self = .object(object)
            return
        }
        if var unkeyed = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !unkeyed.isAtEnd { elements.append(try unkeyed.decode(JSONValue.self)) }
            self = .array(elements)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { self = .null }
        else if let b = try? single.decode(Bool.self) { self = .bool(b) }
        else if let i = try? single.decode(Int.self) { self = .integer(i) }
        else if let d = try? single.decode(Double.self) { self = .number(d) }
        else { self = .string(try single.decode(String.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let object):
            var keyed = encoder.container(keyedBy: AnyKey.self)
            for (key, value) in object.members { try keyed.encode(value, forKey: AnyKey(stringValue: key)) }
        case .array(let elements):
            var unkeyed = encoder.unkeyedContainer()
            for e in elements { try unkeyed.encode(e) }
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let b):
            var single = encoder.singleValueContainer()
            try single.encode(b)
        case .integer(let i):
            var single = encoder.singleValueContainer()
            try single.encode(i)
        case .number(let d):
            var single = encoder.singleValueContainer()
            try single.encode(d)
        case .string(let s):
            var single = encoder.singleValueContainer()
            try single.encode(s)
        }
    }
}

extension JSONObject: Codable {
    public init(from decoder: any Decoder) throws {
        guard case .object(let o) = try JSONValue(from: decoder) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected a JSON object"))
        }
        self = o
    }

    public func encode(to encoder: any Encoder) throws { try JSONValue.object(self).encode(to: encoder) }
}

/// Conversion of GeoJSON values to plain JSON (used by the Codable conformances).
enum GeoJSONToJSON {
    static func position(_ p: Position) -> JSONValue {
        var a: [JSONValue] = [.number(p.lon), .number(p.lat)]
        if let z = p.altitude { a.append(.number(z)) }
        return .array(a)
    }

    static func geometry(_ g: GeoJSONGeometry) -> JSONValue {
        func list(_ ps: [Position]) -> JSONValue { .array(ps.map(position)) }
        var o: JSONObject = ["type": .string(g.typeName)]
        switch g {
        case .point(let p): o["coordinates"] = position(p)
        case .multiPoint(let ps), .lineString(let ps): o["coordinates"] = list(ps)
        case .multiLineString(let ls), .polygon(let ls): o["coordinates"] = .array(ls.map(list))
        case .multiPolygon(let polys): o["coordinates"] = .array(polys.map { .array($0.map(list)) })
        case .geometryCollection(let ms): o["geometries"] = .array(ms.map(geometry))
        }
        return .object(o)
    }

    static func feature(_ f: Feature) -> JSONValue {
        var o: JSONObject = ["type": "Feature"]
        switch f.id {
        case .string(let s)?: o["id"] = .string(s)
        case .integer(let i)?: o["id"] = .integer(i)
        case .number(let d)?: o["id"] = .number(d)
        case nil: break
        }
        o["geometry"] = f.geometry.map(geometry) ?? .null
        o["properties"] = .object(f.properties)
        return .object(o)
    }

    static func collection(_ c: FeatureCollection) -> JSONValue {
        var o: JSONObject = ["type": "FeatureCollection"]
        if let b = c.bbox { o["bbox"] = .array([.number(b.west), .number(b.south), .number(b.east), .number(b.north)]) }
        o["features"] = .array(c.features.map(feature))
        return .object(o)
    }
}

private func decodeGeoJSON<T>(_ decoder: any Decoder, _ body: (JSONValue) throws(GeoJSONError) -> T) throws -> T {
    let json = try JSONValue(from: decoder)
    do throws(GeoJSONError) {
        return try body(json)
    } catch {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
    }
}

private func requireObject(_ json: JSONValue) throws(GeoJSONError) -> JSONObject {
    guard case .object(let o) = json else { throw GeoJSONError(message: "expected a JSON object, found \(json.kindDescription)") }
    return o
}

extension GeoJSONGeometry: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decodeGeoJSON(decoder) { (json) throws(GeoJSONError) in
            let o = try requireObject(json)
            return try GeoJSONDecoding.geometry(o, type: try GeoJSONDecoding.typeName(o, path: ""), path: "")
        }
    }

    public func encode(to encoder: any Encoder) throws { try GeoJSONToJSON.geometry(self).encode(to: encoder) }
}

extension Feature: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decodeGeoJSON(decoder) { (json) throws(GeoJSONError) in
            let o = try requireObject(json)
            let type = try GeoJSONDecoding.typeName(o, path: "")
            guard type == "Feature" else { throw GeoJSONError(path: "type", message: "expected \"Feature\", found \"\(type)\"") }
            return try GeoJSONDecoding.feature(o, path: "")
        }
    }

    public func encode(to encoder: any Encoder) throws { try GeoJSONToJSON.feature(self).encode(to: encoder) }
}

extension FeatureCollection: Codable {
    /// Accepts what ``GeoJSONReader`` accepts: a FeatureCollection, a Feature or a bare geometry.
    public init(from decoder: any Decoder) throws {
        self = try decodeGeoJSON(decoder) { (json) throws(GeoJSONError) in try GeoJSONDecoding.document(json) }
    }

    public func encode(to encoder: any Encoder) throws { try GeoJSONToJSON.collection(self).encode(to: encoder) }
}

extension Position: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decodeGeoJSON(decoder) { (json) throws(GeoJSONError) in
            var reader = CoordinateReader(base: "")
            return try reader.position(json)
        }
    }

    public func encode(to encoder: any Encoder) throws { try GeoJSONToJSON.position(self).encode(to: encoder) }
}

extension FeatureID: Codable {
    public init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let i = try? single.decode(Int.self) { self = .integer(i) }
        else if let d = try? single.decode(Double.self) { self = .number(d) }
        else { self = .string(try single.decode(String.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        switch self {
        case .string(let s): try single.encode(s)
        case .integer(let i): try single.encode(i)
        case .number(let d): try single.encode(d)
        }
    }
}

extension BoundingBox: Codable {
    /// `[west, south, east, north]` (a 6-number box's altitudes are dropped).
    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        var numbers: [Double] = []
        while !c.isAtEnd { numbers.append(try c.decode(Double.self)) }
        switch numbers.count {
        case 4: self.init(west: numbers[0], south: numbers[1], east: numbers[2], north: numbers[3])
        case 6: self.init(west: numbers[0], south: numbers[1], east: numbers[3], north: numbers[4])
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected [west, south, east, north]"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(contentsOf: [west, south, east, north])
    }
}
