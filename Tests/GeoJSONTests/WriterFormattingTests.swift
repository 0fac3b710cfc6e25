import Foundation
import Testing
@testable import GeoJSON
import PerimeterTestSupport

@Suite struct WriterFormattingTests {
    func text(_ c: FeatureCollection, _ writer: GeoJSONWriter = GeoJSONWriter(layout: .compact)) throws -> String {
        String(decoding: try writer.encode(c), as: UTF8.self)
    }

    @Test func coordinatePrecisionAndTrimming() throws {
        let c = FeatureCollection(features: [Feature(geometry: .lineString([
            Position(lon: 21.01223456789, lat: 52.2), Position(lon: -0.0000001, lat: 1e-7, altitude: 100.0),
            Position(lon: 1.0000004, lat: -89.9999996),
        ]))])
        #expect(try text(c) == #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[21.012235,52.2],[0,0,100],[1,-90]]},"properties":{}}]}"# + "\n")
        let coarse = try text(c, GeoJSONWriter(precision: 2, layout: .compact))
        #expect(coarse.contains("[[21.01,52.2],[0,0,100],[1,-90]]"))
    }

    @Test func fixedFormatting() {
        #expect(JSONNumberFormat.fixed(0.1 + 0.2, decimals: 6) == "0.3")
        #expect(JSONNumberFormat.fixed(-0.0, decimals: 6) == "0")
        #expect(JSONNumberFormat.fixed(-0.0000004, decimals: 6) == "0")
        #expect(JSONNumberFormat.fixed(-12.5, decimals: 0) == "-13")
        #expect(JSONNumberFormat.fixed(0.000012, decimals: 6) == "0.000012")
        #expect(JSONNumberFormat.fixed(-179.9999999, decimals: 6) == "-180")
        #expect(JSONNumberFormat.fixed(6378137.123456789, decimals: 3) == "6378137.123")
        #expect(JSONNumberFormat.fixed(1.5e20, decimals: 6) == "150000000000000000000")
    }

    @Test func shortestFormattingHasNoExponent() {
        #expect(JSONNumberFormat.shortest(1e-5) == "0.00001")
        #expect(JSONNumberFormat.shortest(-2.5e-7) == "-0.00000025")
        #expect(JSONNumberFormat.shortest(1e20) == "100000000000000000000")
        #expect(JSONNumberFormat.shortest(1.25e17) == "125000000000000000")
        #expect(JSONNumberFormat.shortest(2.0) == "2")
        #expect(JSONNumberFormat.shortest(-0.0) == "0")
        #expect(JSONNumberFormat.shortest(0.1) == "0.1")
        #expect(JSONNumberFormat.shortest(123456.789) == "123456.789")
        // Shortest form reads back as the same double.
        for v in [1e-5, 3.141592653589793, 1.7976931348623157e308, Double.leastNonzeroMagnitude, 123.456e-10] {
            #expect(Double(JSONNumberFormat.shortest(v)) == v)
        }
    }

    @Test func propertiesKeepInsertionOrderAndNoCrs() throws {
        let c = FeatureCollection(features: [Feature(id: 1, geometry: nil, properties: ["z": 1, "a": 1e-5, "m": "x"])])
        let t = try text(c)
        #expect(t.contains(#"{"type":"Feature","id":1,"geometry":null,"properties":{"z":1,"a":0.00001,"m":"x"}}"#))
        #expect(!t.contains("crs"))
        #expect(!t.contains("e-"))
    }

    @Test func featurePerLineLayout() throws {
        let c = FeatureCollection(features: [
            Feature(geometry: .point(Position(lon: 1, lat: 2))),
            Feature(geometry: .point(Position(lon: 3, lat: 4))),
        ])
        let t = try text(c, GeoJSONWriter())
        #expect(t == """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{}},
            {"type":"Feature","geometry":{"type":"Point","coordinates":[3,4]},"properties":{}}
            ]}

            """)
        #expect(try text(FeatureCollection(), GeoJSONWriter()) == "{\"type\":\"FeatureCollection\",\"features\":[]}\n")
    }

    @Test func indentedLayoutIsValidAndReadable() throws {
        let c = FeatureCollection(features: [Feature(id: "a", geometry: .point(Position(lon: 1, lat: 2)), properties: ["k": [1, 2]])])
        let t = try text(c, GeoJSONWriter(layout: .indented))
        #expect(t.contains("\n      \"geometry\": {\n        \"type\": \"Point\",\n        \"coordinates\": [1,2]\n      },"))
        #expect(try GeoJSONReader.read(t) == c)
    }

    @Test func nonFiniteNumbersAreRefusedWithTheirPath() {
        let nanProperty = FeatureCollection(features: [
            Feature(geometry: nil),
            Feature(geometry: nil, properties: ["site": "A", "limits": ["range": .number(.nan)]]),
        ])
        #expect(errorText { _ = try GeoJSONWriter().encode(nanProperty) } == "features[1].properties.limits.range: nan cannot be written as JSON")
        let infCoordinate = FeatureCollection(features: [
            Feature(geometry: .lineString([Position(lon: 0, lat: 0), Position(lon: .infinity, lat: 1)])),
        ])
        #expect(errorText { _ = try GeoJSONWriter().encode(infCoordinate) } == "features[0].geometry.coordinates[1][0]: longitude inf cannot be written as JSON")
        let oddKey = FeatureCollection(features: [Feature(geometry: nil, properties: ["max range": [.number(-.infinity)]])])
        #expect(errorText { _ = try GeoJSONWriter().encode(oddKey) } == "features[0].properties[\"max range\"][0]: -inf cannot be written as JSON")
        let badLatitude = FeatureCollection(features: [Feature(geometry: .point(Position(lon: 0, lat: 91)))])
        #expect(errorText { _ = try GeoJSONWriter().encode(badLatitude) } == "features[0].geometry.coordinates[1]: latitude 91.0 is outside [-90, 90]")
    }
}

@Suite struct FixedFormattingAgreementTests {
    /// The byte-appending fast path writes exactly what the string formatter writes.
    @Test func appendFixedMatchesFixed() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 0.0000005, -0.0000005, 179.9999996, -180, 1e-7, 123456789.123456, 1e16, -3e20, 0.1, 10, 100.001]
        for _ in 0..<2000 { values.append(Double.random(in: -1000...1000, using: &generator)) }
        for _ in 0..<200 { values.append(Double(Int.random(in: -100...100, using: &generator)) / 8) }
        for decimals in [0, 1, 3, 6, 9, 15] {
            for v in values {
                var out: [UInt8] = []
                JSONNumberFormat.appendFixed(v, decimals: decimals, to: &out)
                let fast = String(decoding: out, as: UTF8.self)
                #expect(fast == JSONNumberFormat.fixed(v, decimals: decimals), "\(v) at \(decimals)")
                // And the text reads back within half a unit of the last place.
                #expect(abs(Double(fast)! - v) <= 0.5 * pow(10, -Double(decimals)) * (1 + 1e-9) + abs(v) * 1e-15, "\(v) → \(fast)")
            }
        }
    }

    /// Exact ties (the scaled value ends in .5) round away from zero, as `rounded(.toNearestOrAwayFromZero)`
    /// does; values either side of the 8e15 fallback and positions written in one piece agree too.
    @Test func tiesLimitsAndPositionsMatchFixed() {
        var random = SplitMix64(seed: 17)
        var cases: [(Double, Int)] = []
        for _ in 0..<3000 {
            let k = Double(Int64.random(in: -4_000_000_000...4_000_000_000, using: &random))
            cases.append(((k + 0.5) / 1, 0))           // n.5 at 0 decimals
            cases.append(((2 * k + 1) / 4, 1))          // x.25, x.75 → a tie at 1 decimal
            cases.append(((2 * k + 1) / 64, 5))         // 1/64ths: exact ties at 5 decimals
        }
        for v in [7.999999e15, 8e15, 8.5e15, 8.999999999999999e15, 9e15, 9.5e15, -8e15, 4503599627370495.5, -4503599627370495.5] {
            cases.append((v, 0))
            cases.append((v / 1e6, 6))
        }
        for (v, decimals) in cases {
            var out: [UInt8] = []
            JSONNumberFormat.appendFixed(v, decimals: decimals, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == JSONNumberFormat.fixed(v, decimals: decimals), "\(v) at \(decimals)")
        }
        for _ in 0..<5000 {
            let lon = random.uniform(-540, 540), lat = random.uniform(-90, 90)
            for decimals in [0, 6, 15] {
                var out: [UInt8] = []
                JSONNumberFormat.appendPosition(lon: lon, lat: lat, decimals: decimals, to: &out)
                let expected = "[\(JSONNumberFormat.fixed(lon, decimals: decimals)),\(JSONNumberFormat.fixed(lat, decimals: decimals))]"
                #expect(String(decoding: out, as: UTF8.self) == expected)
            }
        }
    }
}
