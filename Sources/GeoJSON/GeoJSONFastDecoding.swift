/// The fast path of ``GeoJSONReader``: GeoJSON text decoded in one pass straight into a
/// ``FeatureCollection``, without a ``JSONValue`` tree for the coordinates.
///
/// Positions are read as their numbers are scanned — no value per number, no array per position — and
/// each run of positions (a ring, a line, a MultiPoint) is stored at its exact size. Properties, ids,
/// bboxes and foreign members are read by ``JSONParser`` as before.
///
/// It takes only documents it decodes exactly as the tree path (``JSONParser`` then ``GeoJSONDecoding``)
/// does: the same scanning steps read every number and string, the same nesting limit applies, and the
/// same rules are checked (finite numbers, latitudes in [-90, 90], longitudes brought into range, rings of
/// 4+ positions closed, no line of one position). On anything else — malformed JSON, a broken rule, a
/// member given twice, a collection whose `type` is not its first member — ``document(_:)`` gives up
/// (`nil`) and the reader takes the tree path, which produces the value or the error message it always
/// did. A geometry whose `type` is not its first member, and a GeometryCollection, are decoded through
/// the tree on their own (``GeoJSONDecoding/geometry(_:type:path:)``) without leaving the fast path.
struct GeoJSONFastDecoding {
    private var json: JSONParser
    /// The positions of a short run being read (reused).
    private var run: [Position] = []
    /// Runs up to this many positions are gathered in `run`; longer ones are counted ahead.
    private static let shortRun = 1024

    /// Thrown to leave the fast path; never escapes ``document(_:)``.
    private static let notTaken = GeoJSONError(message: "not taken by the fast path")

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        json = JSONParser(bytes)
        run.reserveCapacity(Self.shortRun)
    }

    /// The document as the tree path would read it, or `nil` when the fast path does not take it.
    static func document(_ bytes: UnsafeBufferPointer<UInt8>) -> FeatureCollection? {
        var decoder = GeoJSONFastDecoding(bytes)
        do {
            return try decoder.document()
        } catch {
            return nil
        }
    }

    // MARK: - Documents, features, geometries

    private mutating func document() throws(GeoJSONError) -> FeatureCollection {
        json.skipWhitespace()
        let start = json.index
        guard try openObject() == "type" else { throw Self.notTaken }
        let type = try stringValue()
        let collection: FeatureCollection
        switch type {
        case "FeatureCollection":
            collection = try featureCollectionMembers()
        case "Feature":
            collection = FeatureCollection(features: [try featureMembers(from: try nextMember(), typeRead: true)])
        default:
            collection = FeatureCollection(features: [Feature(geometry: try geometryMembers(type: type, objectStart: start, depth: 0))])
        }
        json.skipWhitespace()
        guard json.index == json.bytes.count else { throw Self.notTaken }
        return collection
    }

    /// The members of a FeatureCollection after its `type`.
    private mutating func featureCollectionMembers() throws(GeoJSONError) -> FeatureCollection {
        var features: [Feature] = [], featuresRead = false
        var bbox: BoundingBox?, bboxRead = false
        while let name = try nextMember() {
            switch name {
            case "features":
                guard !featuresRead else { throw Self.notTaken }
                featuresRead = true
                guard try openArray() else { continue }
                repeat {
                    features.append(try featureMembers(from: try openObject(), typeRead: false))
                } while try nextElement()
            case "bbox":
                guard !bboxRead else { throw Self.notTaken }
                bboxRead = true
                bbox = try GeoJSONDecoding.bbox(["bbox": try json.parseValue()], path: "")
            case "type":
                throw Self.notTaken
            default:
                _ = try json.parseValue()  // a foreign member: read (it must be valid JSON), not kept
            }
        }
        guard featuresRead else { throw Self.notTaken }
        return FeatureCollection(features: features, bbox: bbox)
    }

    /// The members of a Feature from `name` on (the member whose value comes next; `nil` when the object
    /// has ended); `typeRead` when its `"type": "Feature"` was read already.
    private mutating func featureMembers(from name: String?, typeRead: Bool) throws(GeoJSONError) -> Feature {
        var name = name, typeRead = typeRead
        var id: FeatureID?, idRead = false
        var geometry: GeoJSONGeometry?, geometryRead = false
        var properties = JSONObject(), propertiesRead = false
        while let member = name {
            switch member {
            case "type":
                guard !typeRead, try stringValue() == "Feature" else { throw Self.notTaken }
                typeRead = true
            case "id":
                guard !idRead else { throw Self.notTaken }
                idRead = true
                switch try json.parseValue() {
                case .string(let s): id = .string(s)
                case .integer(let i): id = .integer(i)
                case .number(let d): id = .number(d)
                default: throw Self.notTaken
                }
            case "geometry":
                guard !geometryRead else { throw Self.notTaken }
                geometryRead = true
                if json.peek() == UInt8(ascii: "{") {
                    geometry = try geometryObject()
                } else if try !json.parseValue().isNull {
                    throw Self.notTaken
                }
            case "properties":
                guard !propertiesRead else { throw Self.notTaken }
                propertiesRead = true
                switch try json.parseValue() {
                case .null: break
                case .object(let object): properties = object
                default: throw Self.notTaken
                }
            default:
                _ = try json.parseValue()  // a foreign member
            }
            name = try nextMember()
        }
        guard typeRead, geometryRead else { throw Self.notTaken }
        return Feature(id: id, geometry: geometry, properties: properties)
    }

    private mutating func geometryObject() throws(GeoJSONError) -> GeoJSONGeometry {
        let start = json.index, depth = json.depth
        guard try openObject() == "type" else { return try geometryThroughTree(from: start, depth: depth) }
        return try geometryMembers(type: try stringValue(), objectStart: start, depth: depth)
    }

    /// The members of a geometry object after its `type`. A GeometryCollection (or an unknown type) is
    /// read again from `objectStart` through the tree.
    private mutating func geometryMembers(type: String, objectStart: Int, depth: Int) throws(GeoJSONError) -> GeoJSONGeometry {
        guard type != "GeometryCollection", GeoJSONDecoding.geometryTypes.contains(type) else {
            return try geometryThroughTree(from: objectStart, depth: depth)
        }
        var geometry: GeoJSONGeometry?
        while let name = try nextMember() {
            switch name {
            case "coordinates":
                guard geometry == nil else { throw Self.notTaken }
                geometry = try coordinates(of: type)
            case "type":
                throw Self.notTaken
            default:
                _ = try json.parseValue()  // bbox, foreign members: not kept
            }
        }
        guard let geometry else { throw Self.notTaken }
        return geometry
    }

    /// The geometry object starting at `start` (at nesting `depth`), read as a ``JSONValue`` and decoded
    /// by ``GeoJSONDecoding``.
    private mutating func geometryThroughTree(from start: Int, depth: Int) throws(GeoJSONError) -> GeoJSONGeometry {
        json.index = start
        json.depth = depth
        guard case .object(let object) = try json.parseValue() else { throw Self.notTaken }
        return try GeoJSONDecoding.geometry(object, type: try GeoJSONDecoding.typeName(object, path: ""), path: "")
    }

    // MARK: - Coordinates

    private mutating func coordinates(of type: String) throws(GeoJSONError) -> GeoJSONGeometry {
        switch type {
        case "Point": .point(try position())
        case "MultiPoint": .multiPoint(try positions())
        case "LineString": .lineString(try line())
        case "MultiLineString": .multiLineString(try list { (d) throws(GeoJSONError) in try d.line() })
        case "Polygon": .polygon(try polygon())
        case "MultiPolygon": .multiPolygon(try list { (d) throws(GeoJSONError) in try d.polygon() })
        default: throw Self.notTaken
        }
    }

    private mutating func list<T>(_ element: (inout Self) throws(GeoJSONError) -> T) throws(GeoJSONError) -> [T] {
        var result: [T] = []
        guard try openArray() else { return result }
        repeat {
            let value = try element(&self)
            result.append(value)
        } while try nextElement()
        return result
    }

    private mutating func polygon() throws(GeoJSONError) -> [[Position]] {
        try list { (d) throws(GeoJSONError) in try d.ring() }
    }

    /// 4 or more positions, the last equal to the first.
    private mutating func ring() throws(GeoJSONError) -> [Position] {
        let ring = try positions()
        guard ring.count >= 4, ring[0].coordinate == ring[ring.count - 1].coordinate else { throw Self.notTaken }
        return ring
    }

    private mutating func line() throws(GeoJSONError) -> [Position] {
        let line = try positions()
        guard line.count != 1 else { throw Self.notTaken }
        return line
    }

    /// An array of positions, stored at its exact size: a short run is gathered in `run` and copied out;
    /// a long one (``shortRun`` positions and more) goes straight into an array given the capacity the
    /// text announces (``positionCountAhead()``), so that a large ring is neither copied nor held twice.
    private mutating func positions() throws(GeoJSONError) -> [Position] {
        guard try openArray() else { return [] }
        run.removeAll(keepingCapacity: true)
        repeat {
            let p = try position()
            run.append(p)
            if run.count == Self.shortRun { return try longPositions() }
        } while try nextElement()
        return [Position](unsafeUninitializedCapacity: run.count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: run)
        }
    }

    /// The rest of a run longer than ``shortRun``, after the positions in `run`.
    private mutating func longPositions() throws(GeoJSONError) -> [Position] {
        var positions: [Position] = []
        let more = try nextElement()
        positions.reserveCapacity(run.count + (more ? positionCountAhead() : 0))
        positions.append(contentsOf: run)
        guard more else { return positions }
        repeat {
            let p = try position()
            positions.append(p)
        } while try nextElement()
        return positions
    }

    /// How many positions the array being read seems to hold, from the current byte on: the arrays one
    /// level down before it closes. Only a capacity: the scan stops at a string or a deeper array.
    /// Eight bytes at a time; only the brackets and quotes among them are looked at one by one.
    private func positionCountAhead() -> Int {
        let bytes = json.bytes
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var i = json.index, depth = 1, count = 0
        while i + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            var marks = Self.bytesEqual(word, UInt8(ascii: "[")) | Self.bytesEqual(word, UInt8(ascii: "]"))
                | Self.bytesEqual(word, UInt8(ascii: "\""))
            while marks != 0 {
                let byte = UInt8(truncatingIfNeeded: word >> UInt64(marks.trailingZeroBitCount & ~7))
                marks &= marks &- 1
                switch byte {
                case UInt8(ascii: "["):
                    depth += 1
                    guard depth == 2 else { return count }
                    count += 1
                case UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return count }
                default:
                    return count
                }
            }
            i += 8
        }
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "["):
                depth += 1
                guard depth == 2 else { return count }
                count += 1
            case UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return count }
            case UInt8(ascii: "\""):
                return count
            default:
                break
            }
            i += 1
        }
        return count
    }

    /// The high bit of every byte of `word` equal to `byte`, and no other bit.
    @inline(__always)
    private static func bytesEqual(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        let low7 = 0x7F7F_7F7F_7F7F_7F7F as UInt64
        return ~(((x & low7) &+ low7) | x | low7)
    }

    /// `[lon, lat]` or `[lon, lat, altitude]` (further values read, not kept), as ``CoordinateReader``
    /// reads it: finite numbers, the latitude in [-90, 90], the longitude brought into [-180, 180].
    @inline(__always)
    private mutating func position() throws(GeoJSONError) -> Position {
        guard try openArray() else { throw Self.notTaken }
        let lon = try finiteNumber()
        guard try nextElement() else { throw Self.notTaken }
        let lat = try finiteNumber()
        guard lat >= -90 && lat <= 90 else { throw Self.notTaken }
        var altitude: Double?
        if try nextElement() {
            altitude = try finiteNumber()
            while try nextElement() { _ = try json.parseValue() }
        }
        return Position(lon: Longitude.normalized(lon), lat: lat, altitude: altitude)
    }

    /// A number as ``JSONParser/parseNumber()`` reads it and ``JSONValue/doubleValue`` gives it; finite.
    @inline(__always)
    private mutating func finiteNumber() throws(GeoJSONError) -> Double {
        let start = json.index
        switch try json.scanNumber() {
        case .integer(let i): return Double(i)
        case .decimal(let d): return d
        case .text:
            json.index = start
            guard let value = try json.parseNumber().doubleValue, value.isFinite else { throw Self.notTaken }
            return value
        }
    }

    // MARK: - JSON structure (the grammar of JSONParser's parseObject and parseArray)

    private mutating func stringValue() throws(GeoJSONError) -> String {
        guard json.peek() == UInt8(ascii: "\"") else { throw Self.notTaken }
        return try json.parseString()
    }

    /// Opens an object: the name of its first member (positioned at its value), or `nil` for `{}`.
    private mutating func openObject() throws(GeoJSONError) -> String? {
        guard json.peek() == UInt8(ascii: "{") else { throw Self.notTaken }
        try json.enter()
        json.index += 1
        json.skipWhitespace()
        if json.peek() == UInt8(ascii: "}") {
            json.index += 1
            json.depth -= 1
            return nil
        }
        return try memberName()
    }

    /// After a member's value: the next member's name (positioned at its value), or `nil` past the `}`.
    private mutating func nextMember() throws(GeoJSONError) -> String? {
        json.skipWhitespace()
        switch json.peek() {
        case UInt8(ascii: ","):
            json.index += 1
            json.skipWhitespace()
            return try memberName()
        case UInt8(ascii: "}"):
            json.index += 1
            json.depth -= 1
            return nil
        default:
            throw Self.notTaken
        }
    }

    private mutating func memberName() throws(GeoJSONError) -> String {
        let name = try stringValue()
        json.skipWhitespace()
        guard json.peek() == UInt8(ascii: ":") else { throw Self.notTaken }
        json.index += 1
        json.skipWhitespace()
        return name
    }

    /// Opens an array: `true` when an element follows (positioned at it), `false` for `[]`.
    @inline(__always)
    private mutating func openArray() throws(GeoJSONError) -> Bool {
        guard json.peek() == UInt8(ascii: "[") else { throw Self.notTaken }
        try json.enter()
        json.index += 1
        json.skipWhitespace()
        if json.peek() == UInt8(ascii: "]") {
            json.index += 1
            json.depth -= 1
            return false
        }
        return true
    }

    /// After an element: `true` when another follows (positioned at it), `false` past the `]`.
    @inline(__always)
    private mutating func nextElement() throws(GeoJSONError) -> Bool {
        json.skipWhitespace()
        switch json.peek() {
        case UInt8(ascii: ","):
            json.index += 1
            json.skipWhitespace()
            return true
        case UInt8(ascii: "]"):
            json.index += 1
            json.depth -= 1
            return false
        default:
            throw Self.notTaken
        }
    }
}
