import Foundation
import FileIO

/// Writes RFC 7946 GeoJSON, deterministically.
///
/// - Coordinates are rounded to ``Options/precision`` decimals (default 6, about 0.1 m), trailing zeros
///   trimmed, never in exponent notation, `-0` written as `0`. Property numbers are written in their
///   shortest exact decimal form (also without exponent); integers as integers.
/// - Members in a fixed order (`type`, `id`, `bbox`, `geometry`, `properties`); properties in insertion order.
/// - Never a `crs` member. No stored `bbox` is passed on; a fresh RFC 7946 one is computed when
///   ``Options/bbox`` asks for it (crossing the antimeridian with west > east when the shape was cut there).
/// - With ``Options/normalize`` (default) every geometry goes through ``RFC7946Normalizer``: rings wound by the
///   right-hand rule, lines and polygons cut at the antimeridian, longitudes within [-180, 180].
/// - Non-finite numbers (NaN, ±∞) and latitudes outside [-90, 90] are refused with a ``GeoJSONError`` naming
///   the feature and member, e.g. `features[2].properties.range: NaN cannot be written as JSON`.
///
/// A value type with no shared state: safe to use from any thread.
public struct GeoJSONWriter: Sendable {
    /// How the text is laid out.
    public enum Layout: Sendable, Hashable {
        /// Everything on one line.
        case compact
        /// A FeatureCollection with each feature on its own line (diff-friendly, fine for big collections).
        case featurePerLine
        /// Objects indented by two spaces; coordinate arrays kept on one line.
        case indented
    }

    /// Where to write a computed RFC 7946 `bbox`.
    public enum BBoxOutput: Sendable, Hashable {
        case none
        case collection
        case collectionAndFeatures
    }

    public struct Options: Sendable, Hashable {
        /// Decimal places for coordinates (0…15); 6 decimals of a degree ≈ 0.11 m.
        public var precision: Int
        public var layout: Layout
        public var bbox: BBoxOutput
        /// Apply ``RFC7946Normalizer`` (winding, antimeridian cutting) to every geometry.
        public var normalize: Bool

        public init(precision: Int = 6, layout: Layout = .featurePerLine, bbox: BBoxOutput = .none, normalize: Bool = true) {
            self.precision = precision
            self.layout = layout
            self.bbox = bbox
            self.normalize = normalize
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    public init(precision: Int = 6, layout: Layout = .featurePerLine, bbox: BBoxOutput = .none, normalize: Bool = true) {
        self.options = Options(precision: precision, layout: layout, bbox: bbox, normalize: normalize)
    }

    // MARK: - Encoding

    /// The collection as GeoJSON text (UTF-8, ending with a newline).
    public func encode(_ collection: FeatureCollection) throws(GeoJSONError) -> Data {
        let pieces = try encodedPieces(collection)
        // The pieces go into the result directly (one copy of the text, not two).
        var data = Data(capacity: pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { data.append(contentsOf: piece) }
        return data
    }

    /// The collection's text in consecutive pieces (the head, each chunk of features, the tail), which
    /// `write` writes one after the other without joining them.
    private func encodedPieces(_ collection: FeatureCollection) throws(GeoJSONError) -> [[UInt8]] {
        let features = collection.features
        // Every geometry checked and normalised first (the first bad one in order is the error), then
        // the features' text; both in chunks on several threads when there are many features (the
        // chunks' text joined in order: the same bytes as one pass).
        let chunks = FeatureChunks(count: features.count)
        let prepared = try chunks.map { _, range throws(GeoJSONError) -> [GeoJSONGeometry?] in
            var geometries: [GeoJSONGeometry?] = []
            geometries.reserveCapacity(range.count)
            for i in range { geometries.append(try prepare(features[i].geometry, path: "features[\(i)].geometry")) }
            return geometries
        }
        var out = JSONTextBuffer(indentWidth: options.layout == .indented ? 2 : nil)
        out.byte("{")
        out.newline(1)
        out.key("type")
        out.string("FeatureCollection")
        if options.bbox != .none, let box = BoundingBox.enclosing(prepared.flatMap { $0.compactMap { $0 } }) {
            separator(&out, level: 1)
            out.key("bbox")
            writeBBox(box, &out)
        }
        separator(&out, level: 1)
        out.key("features")
        out.byte("[")
        let indentWidth = out.indentWidth
        let texts = try chunks.map { k, range throws(GeoJSONError) -> [UInt8] in
            var text = JSONTextBuffer(indentWidth: indentWidth)
            let geometries = prepared[k]
            // Room for the whole chunk up front (no regrowth copies): a position takes at most
            // 2 × (precision + 6) + 3 bytes, a feature's other text is guessed at 512.
            let positions = geometries.reduce(0) { $0 + ($1.map(Self.positionCount) ?? 0) }
            text.bytes.reserveCapacity(positions * (2 * options.precision + 15) + range.count * 512)
            for (k, i) in range.enumerated() {
                if i > 0 { text.byte(",") }
                if options.layout == .featurePerLine { text.raw("\n") } else { text.newline(2) }
                try writeFeature(features[i], geometry: geometries[k], path: "features[\(i)]", level: 2, &text)
            }
            return text.bytes
        }
        var tail = JSONTextBuffer(indentWidth: indentWidth)
        if !features.isEmpty {
            if options.layout == .featurePerLine { tail.raw("\n") } else { tail.newline(1) }
        }
        tail.byte("]")
        tail.newline(0)
        tail.raw("}\n")
        return [out.bytes] + texts + [tail.bytes]
    }

    /// A single Feature document.
    public func encode(_ feature: Feature) throws(GeoJSONError) -> Data {
        let geometry = try prepare(feature.geometry, path: "geometry")
        var out = JSONTextBuffer(indentWidth: options.layout == .indented ? 2 : nil)
        try writeFeature(feature, geometry: geometry, path: "", level: 0, &out)
        out.raw("\n")
        return Data(out.bytes)
    }

    /// A bare geometry document.
    public func encode(_ geometry: GeoJSONGeometry) throws(GeoJSONError) -> Data {
        let prepared = try prepare(geometry, path: "")!
        var out = JSONTextBuffer(indentWidth: options.layout == .indented ? 2 : nil)
        writeGeometry(prepared, level: 0, &out)
        out.raw("\n")
        return Data(out.bytes)
    }

    // MARK: - Files

    /// Encodes the collection, then writes it with ``AtomicFileWriter`` (`-` is standard output). When
    /// encoding fails nothing is written and an existing file is left untouched. Errors name `path`.
    public func write(_ collection: FeatureCollection, to path: String) throws(GeoJSONError) {
        let pieces: [[UInt8]]
        do throws(GeoJSONError) {
            pieces = try encodedPieces(collection)
        } catch {
            throw error.inFile(path)
        }
        do {
            try AtomicFileWriter.write(pieces: pieces, to: path)
        } catch {
            throw GeoJSONError(file: path, message: "cannot write the file: \(error.reason)")
        }
    }

    // MARK: - Internals

    /// Checks numbers and ranges (paths as given), then normalises when asked.
    private func prepare(_ geometry: GeoJSONGeometry?, path: String) throws(GeoJSONError) -> GeoJSONGeometry? {
        guard let geometry else { return nil }
        try Self.check(geometry, path: path)
        guard options.normalize else { return geometry }
        do throws(GeoJSONError) {
            return try RFC7946Normalizer.normalized(geometry)
        } catch {
            var e = error
            e.path = GeoJSONDecoding.join(path, e.path)
            throw e
        }
    }

    private static func check(_ geometry: GeoJSONGeometry, path: String) throws(GeoJSONError) {
        let coordinates = GeoJSONDecoding.join(path, "coordinates")
        func checkPosition(_ p: Position, _ at: String) throws(GeoJSONError) {
            if !p.lon.isFinite { throw GeoJSONError(path: "\(at)[0]", message: "longitude \(p.lon) cannot be written as JSON") }
            if !p.lat.isFinite { throw GeoJSONError(path: "\(at)[1]", message: "latitude \(p.lat) cannot be written as JSON") }
            if let z = p.altitude, !z.isFinite { throw GeoJSONError(path: "\(at)[2]", message: "altitude \(z) cannot be written as JSON") }
            if abs(p.lat) > 90 { throw GeoJSONError(path: "\(at)[1]", message: "latitude \(p.lat) is outside [-90, 90]") }
        }
        func checkList(_ ps: [Position], _ at: String) throws(GeoJSONError) {
            // The path of a position is spelled only for the one refused.
            for (i, p) in ps.enumerated() where !(p.lon.isFinite && p.lat.isFinite && abs(p.lat) <= 90 && (p.altitude?.isFinite ?? true)) {
                try checkPosition(p, "\(at)[\(i)]")
            }
        }
        switch geometry {
        case .point(let p): try checkPosition(p, coordinates)
        case .multiPoint(let ps), .lineString(let ps): try checkList(ps, coordinates)
        case .multiLineString(let lines), .polygon(let lines):
            for (i, l) in lines.enumerated() { try checkList(l, "\(coordinates)[\(i)]") }
        case .multiPolygon(let polys):
            for (i, rings) in polys.enumerated() {
                for (j, r) in rings.enumerated() { try checkList(r, "\(coordinates)[\(i)][\(j)]") }
            }
        case .geometryCollection(let members):
            for (i, m) in members.enumerated() {
                try check(m, path: GeoJSONDecoding.join(path, "geometries") + "[\(i)]")
            }
        }
    }

    /// How many positions a geometry holds.
    private static func positionCount(_ geometry: GeoJSONGeometry) -> Int {
        switch geometry {
        case .point: 1
        case .multiPoint(let ps), .lineString(let ps): ps.count
        case .multiLineString(let lines), .polygon(let lines): lines.reduce(0) { $0 + $1.count }
        case .multiPolygon(let polys): polys.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        case .geometryCollection(let members): members.reduce(0) { $0 + positionCount($1) }
        }
    }

    private func separator(_ out: inout JSONTextBuffer, level: Int) {
        out.byte(",")
        out.newline(level)
    }

    private func writeFeature(_ feature: Feature, geometry: GeoJSONGeometry?, path: String, level: Int,
                              _ out: inout JSONTextBuffer) throws(GeoJSONError) {
        out.byte("{")
        out.newline(level + 1)
        out.key("type")
        out.string("Feature")
        if let id = feature.id {
            separator(&out, level: level + 1)
            out.key("id")
            switch id {
            case .string(let s): out.string(s)
            case .integer(let i): out.raw(String(i))
            case .number(let d):
                guard d.isFinite else { throw GeoJSONError(path: GeoJSONDecoding.join(path, "id"), message: JSONNumberError(path: "", value: d).message) }
                out.raw(JSONTextWriter.number(d))
            }
        }
        if options.bbox == .collectionAndFeatures, let geometry, let box = BoundingBox.enclosing([geometry]) {
            separator(&out, level: level + 1)
            out.key("bbox")
            writeBBox(box, &out)
        }
        separator(&out, level: level + 1)
        out.key("geometry")
        if let geometry { writeGeometry(geometry, level: level + 1, &out) } else { out.raw("null") }
        separator(&out, level: level + 1)
        out.key("properties")
        try writeValue(.object(feature.properties), path: GeoJSONDecoding.join(path, "properties"), level: level + 1, &out)
        out.newline(level)
        out.byte("}")
    }

    private func writeBBox(_ box: BoundingBox, _ out: inout JSONTextBuffer) {
        out.byte("[")
        out.raw([box.west, box.south, box.east, box.north]
            .map { JSONNumberFormat.fixed($0, decimals: options.precision) }.joined(separator: ","))
        out.byte("]")
    }

    private func writeGeometry(_ geometry: GeoJSONGeometry, level: Int, _ out: inout JSONTextBuffer) {
        out.byte("{")
        out.newline(level + 1)
        out.key("type")
        out.string(geometry.typeName)
        separator(&out, level: level + 1)
        switch geometry {
        case .point(let p):
            out.key("coordinates")
            writePosition(p, &out)
        case .multiPoint(let ps), .lineString(let ps):
            out.key("coordinates")
            writePositions(ps, &out)
        case .multiLineString(let lines), .polygon(let lines):
            out.key("coordinates")
            writeNested(lines, &out) { w, l, o in w.writePositions(l, &o) }
        case .multiPolygon(let polys):
            out.key("coordinates")
            writeNested(polys, &out) { w, rings, o in w.writeNested(rings, &o) { w2, r, o2 in w2.writePositions(r, &o2) } }
        case .geometryCollection(let members):
            out.key("geometries")
            out.byte("[")
            for (i, m) in members.enumerated() {
                if i > 0 { out.byte(",") }
                out.newline(level + 2)
                writeGeometry(m, level: level + 2, &out)
            }
            if !members.isEmpty { out.newline(level + 1) }
            out.byte("]")
        }
        out.newline(level)
        out.byte("}")
    }

    private func writeNested<T>(_ items: [T], _ out: inout JSONTextBuffer,
                                _ element: (GeoJSONWriter, T, inout JSONTextBuffer) -> Void) {
        out.byte("[")
        for (i, item) in items.enumerated() {
            if i > 0 { out.byte(",") }
            element(self, item, &out)
        }
        out.byte("]")
    }

    private func writePositions(_ ps: [Position], _ out: inout JSONTextBuffer) {
        writeNested(ps, &out) { w, p, o in w.writePosition(p, &o) }
    }

    private func writePosition(_ p: Position, _ out: inout JSONTextBuffer) {
        guard p.altitude != nil else {
            return JSONNumberFormat.appendPosition(lon: p.lon, lat: p.lat, decimals: options.precision, to: &out.bytes)
        }
        out.byte("[")
        JSONNumberFormat.appendFixed(p.lon, decimals: options.precision, to: &out.bytes)
        out.byte(",")
        JSONNumberFormat.appendFixed(p.lat, decimals: options.precision, to: &out.bytes)
        if let z = p.altitude {
            out.byte(",")
            JSONNumberFormat.appendFixed(z, decimals: options.precision, to: &out.bytes)
        }
        out.byte("]")
    }

    private func writeValue(_ value: JSONValue, path: String, level: Int, _ out: inout JSONTextBuffer) throws(GeoJSONError) {
        do throws(JSONNumberError) {
            try JSONTextWriter.write(value, path: path, level: level, into: &out)
        } catch {
            throw GeoJSONError(path: error.path, message: error.message)
        }
    }
}
