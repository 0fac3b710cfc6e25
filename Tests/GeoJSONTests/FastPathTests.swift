import Foundation
import Testing
@testable import GeoJSON
import PerimeterTestSupport

/// The reader's fast path (``GeoJSONFastDecoding``) against its tree path (``JSONParser`` then
/// ``GeoJSONDecoding``): whatever the fast path takes, it must decode bit for bit as the tree path does;
/// whatever the tree path refuses, the fast path must not take.
@Suite struct FastPathTests {
    /// Every GeoJSON file shipped in GeoData is taken by the fast path and decodes as through the tree.
    @Test func everyGeoDataFileIsTakenAndDecodesAsTheTree() throws {
        let root = TestEnvironment.geoData.path
        var files: [String] = []
        for dir in [root, root + "/airspace", root + "/zones"] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasSuffix(".geojson") {
                files.append(dir + "/" + name)
            }
        }
        #expect(files.count >= 15, "GeoData files found: \(files.count)")
        for file in files.sorted() {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let (fast, tree) = try decodeBothWays(data)
            #expect(fast != nil, "fast path gave up on \(file)")
            if let fast { #expect(sameBits(fast, tree), "\(file) decodes differently") }
        }
    }

    /// Layouts and values the fast path handles itself, or hands to the tree (geometry or document).
    @Test(arguments: [
        // (document, taken by the fast path)
        (#"{"type":"FeatureCollection","features":[]}"#, true),
        (#"{"type":"FeatureCollection","bbox":[-10,-5.5,10,5.5],"name":"x","crs":{"a":[1,{}]},"features":[{"properties":{"a":[1,2.5,"s",null,true,false,{"b":-0}]},"id":7,"geometry":{"type":"Point","coordinates":[1,2]},"type":"Feature","extra":[[[]]]}]}"#, true),
        (#"{"type":"Feature","id":"a\u00e9","geometry":null,"properties":null}"#, true),
        (#"{"type":"Feature","id":1.5e3,"geometry":{"coordinates":[[0,0],[1,1]],"type":"LineString"},"properties":{}}"#, true),
        (#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]],[[0.2,0.2],[0.3,0.2],[0.3,0.3],[0.2,0.2]]]}"#, true),
        (#"{"type":"MultiPolygon","bbox":[0,0,1,1],"coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[]]}"#, true),
        (#"{"type":"MultiLineString","coordinates":[[[190,-90],[-190.5,90,12.5]],[]]}"#, true),
        (#"{"type":"MultiPoint","coordinates":[[-0,-0.0,-0e0],[1E2,1e-2,3,"x",[4]],[12345678901234567890,0.1234567890123456789012]]}"#, true),
        (#"{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[0,0]}]}"#, true),
        (" \u{FEFF}\n\t{ \"type\" : \"Point\" , \"coordinates\" : [ 1 , 2 ] } \r\n", false),  // a BOM after a blank: malformed
        ("\u{FEFF}{\"type\":\"Point\",\"coordinates\":[ 1 ,\n 2 ]}\n", true),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{},"properties":{"a":1}}]}"#, false),
        (#"{"features":[],"type":"FeatureCollection"}"#, false),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[0,95]},"properties":{}}]}"#, false),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1e999,0]},"properties":{}}]}"#, false),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}]}"#, false),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0]]},"properties":{}}]}"#, false),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{}}]}"#, false),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{}}],}"#, false),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{}}]} x"#, false),
    ])
    func layouts(document: String, taken: Bool) throws {
        let data = Data(document.utf8)
        let fast = JSONParser.withBytesForTests(of: data) { GeoJSONFastDecoding.document($0) }
        #expect((fast != nil) == taken)
        let tree = treeResult(data)
        switch tree {
        case .success(let collection):
            if let fast { #expect(sameBits(fast, collection)) }
        case .failure:
            #expect(fast == nil)
        }
        // The reader gives what the tree path gives: the same value, or the same message.
        #expect(readerResult(data) == tree.map(Bits.init))
    }

    /// Nesting: the fast path counts levels as the parser does, so 512 levels read and 513 are refused.
    @Test func nestingLimitIsTheParsers() {
        for levels in [510, 511, 512, 513, 514] {
            // features array (2) + feature object (3) + properties object (4) + `levels - 4` arrays.
            let inner = String(repeating: "[", count: levels - 4) + String(repeating: "]", count: levels - 4)
            let text = #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"a":\#(inner)}}]}"#
            let data = Data(text.utf8)
            let fast = JSONParser.withBytesForTests(of: data) { GeoJSONFastDecoding.document($0) }
            let tree = treeResult(data)
            #expect((fast != nil) == (levels <= 512), "\(levels) levels")
            #expect(readerResult(data) == tree.map(Bits.init), "\(levels) levels")
            if levels == 512 { #expect(tree.map { _ in true } == .success(true)) }
        }
    }

    /// Coordinates are the doubles `Double(String)` gives for their text (correctly rounded), bit for bit.
    @Test func coordinatesAreExactlyDoubleOfTheirText() throws {
        var random = SplitMix64(seed: 17)
        var texts: [String] = []
        func digits(_ count: Int) -> String { String((0..<count).map { _ in Character(String(random.next() % 10)) }) }
        for _ in 0..<3000 {
            // [-]int[.fraction][e±exp]: up to 3 integer digits (the rest of a long mantissa after the point).
            var text = String(1 + random.next() % 9) + digits(Int(random.next() % 3))
            if random.next() % 8 == 0 { text = "0" }
            let fraction = Int(random.next() % 24)
            if fraction > 0 { text += "." + digits(fraction) }
            if random.next() % 5 == 0 { text += (random.next() % 2 == 0 ? "e" : "E-") + String(random.next() % 25) }
            if random.next() % 2 == 0 { text = "-" + text }
            texts.append(text)
        }
        // Each text as a longitude (any value: brought into range) and, when within ±90, as a latitude.
        let latitudes = texts.map { abs(Double($0)!) <= 90 ? $0 : "1" }
        let positions = zip(texts, latitudes).map { "[\($0),\($1)]" }.joined(separator: ",")
        let data = Data(#"{"type":"MultiPoint","coordinates":[\#(positions)]}"#.utf8)
        let read = try GeoJSONReader.read(data)
        guard case .multiPoint(let points)? = read.features.first?.geometry, points.count == texts.count else {
            Issue.record("expected \(texts.count) points")
            return
        }
        // "-0" is the JSON integer 0 (``JSONValue/integer(_:)``), as it always was: +0.0, not -0.0.
        func expected(_ text: String) -> Double { text == "-0" ? 0 : Double(text)! }
        for ((lon, lat), point) in zip(zip(texts, latitudes), points) {
            #expect(point.lon.bitPattern == Longitude.normalized(expected(lon)).bitPattern, "\(lon)")
            #expect(point.lat.bitPattern == expected(lat).bitPattern, "\(lat)")
        }
    }

    /// Random damage to a valid document: the reader always answers as the tree path does, and the fast
    /// path never takes a document the tree refuses nor decodes one differently.
    @Test func damagedDocumentsAnswerAsTheTree() {
        let valid = #"""
        {"type": "FeatureCollection", "name": "t", "bbox": [-1, -2, 3, 4], "features": [
          {"type": "Feature", "id": 3, "properties": {"n": "a\"b", "v": [1.5, -2e3, null], "o": {"k": true}},
           "geometry": {"type": "Polygon", "coordinates": [[[10.5, 20.25], [11, 20.25], [11, 21.125, 7], [10.5, 20.25]]]}},
          {"type": "Feature", "geometry": {"type": "MultiLineString", "coordinates": [[[179.5, -1], [-179.5, 1]], [[0, 0], [1e-3, 2E1]]]}, "properties": null},
          {"type": "Feature", "geometry": {"coordinates": [5, 6], "type": "Point"}, "properties": {}},
          {"type": "Feature", "geometry": {"type": "GeometryCollection", "geometries": [{"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}]}, "properties": {}}
        ]}
        """#
        let bytes = Array(valid.utf8)
        let replacements = Array("{}[],:\"0123456789-+.eE \\tnul".utf8)
        var random = SplitMix64(seed: 2026)
        var taken = 0
        for _ in 0..<4000 {
            var damaged = bytes
            for _ in 0..<(1 + Int(random.next() % 2)) {
                let at = Int(random.next() % UInt64(damaged.count))
                switch random.next() % 3 {
                case 0: damaged.remove(at: at)
                case 1: damaged.insert(replacements[Int(random.next() % UInt64(replacements.count))], at: at)
                default: damaged[at] = replacements[Int(random.next() % UInt64(replacements.count))]
                }
            }
            let data = Data(damaged)
            let fast = JSONParser.withBytesForTests(of: data) { GeoJSONFastDecoding.document($0) }
            let tree = treeResult(data)
            switch tree {
            case .success(let collection):
                if let fast {
                    taken += 1
                    #expect(sameBits(fast, collection), "\(String(decoding: damaged, as: UTF8.self))")
                }
            case .failure:
                #expect(fast == nil, "\(String(decoding: damaged, as: UTF8.self))")
            }
            #expect(readerResult(data) == tree.map(Bits.init))
        }
        #expect(taken > 100, "damaged documents the fast path still took: \(taken)")
    }

    // MARK: - Helpers

    private func decodeBothWays(_ data: Data) throws -> (fast: FeatureCollection?, tree: FeatureCollection) {
        let fast = JSONParser.withBytesForTests(of: data) { GeoJSONFastDecoding.document($0) }
        return (fast, try treeResult(data).get())
    }

    private func treeResult(_ data: Data) -> Result<FeatureCollection, GeoJSONError> {
        Result { () throws(GeoJSONError) in
            try JSONParser.withBytes(of: data) { (bytes) throws(GeoJSONError) in try GeoJSONReader.treeDocument(bytes) }
        }
    }

    private func readerResult(_ data: Data) -> Result<Bits, GeoJSONError> {
        Result { () throws(GeoJSONError) in Bits(try GeoJSONReader.read(data)) }
    }
}

/// A collection compared bit for bit: doubles by their bits (so -0.0 differs from 0.0).
private struct Bits: Equatable {
    let collection: FeatureCollection
    init(_ collection: FeatureCollection) { self.collection = collection }
    static func == (a: Bits, b: Bits) -> Bool { sameBits(a.collection, b.collection) }
}

/// The same features with the same values, every double with the same bits.
private func sameBits(_ a: FeatureCollection, _ b: FeatureCollection) -> Bool {
    guard a == b, "\(String(describing: a.bbox))" == "\(String(describing: b.bbox))" else { return false }
    for (fa, fb) in zip(a.features, b.features) {
        guard "\(String(describing: fa.id))" == "\(String(describing: fb.id))",
              sameBits(.object(fa.properties), .object(fb.properties)) else { return false }
        let pa = fa.geometry?.allPositions ?? [], pb = fb.geometry?.allPositions ?? []
        for (p, q) in zip(pa, pb) where p.lon.bitPattern != q.lon.bitPattern || p.lat.bitPattern != q.lat.bitPattern
            || p.altitude?.bitPattern != q.altitude?.bitPattern {
            return false
        }
    }
    return true
}

/// The same JSON value, numbers compared by their bits, members in the same order.
private func sameBits(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a, b) {
    case (.number(let x), .number(let y)):
        return x.bitPattern == y.bitPattern
    case (.array(let x), .array(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { sameBits($0, $1) }
    case (.object(let x), .object(let y)):
        return x.keys == y.keys && x.keys.allSatisfy { sameBits(x[$0]!, y[$0]!) }
    default:
        return a == b
    }
}

extension JSONParser {
    /// ``withBytes(of:_:)`` for a body that does not throw.
    static func withBytesForTests<T>(of data: Data, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        data.withUnsafeBytes { body($0.bindMemory(to: UInt8.self)) }
    }
}
