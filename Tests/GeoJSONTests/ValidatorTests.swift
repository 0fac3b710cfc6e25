import Foundation
import Testing
@testable import GeoJSON

/// The validator must catch each rule it claims to check (so tests relying on it can fail).
@Suite struct ValidatorTests {
    func problems(_ text: String) -> [String] {
        RFC7946Validator.problems(in: Data(text.utf8)).map(\.description)
    }

    @Test func acceptsAValidDocument() {
        #expect(problems(collectionJSON(geometry: #"{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}"#)) == [])
    }

    @Test func reportsEachRule() {
        #expect(problems(#"{"type": "Point", "coordinates": [0, 0], "crs": {"type": "name"}}"#)
            == ["crs: the crs member is not allowed (RFC 7946 §4)"])
        #expect(problems(#"{"type": "Point", "coordinates": [181, 91]}"#)
            == ["coordinates[0]: longitude 181.0 is outside [-180, 180]", "coordinates[1]: latitude 91.0 is outside [-90, 90]"])
        #expect(problems(#"{"type": "Polygon", "coordinates": [[[0, 0], [0, 1], [1, 1], [0, 0]]]}"#)
            == ["coordinates[0]: exterior ring is clockwise; RFC 7946 wants counter-clockwise"])
        #expect(problems(#"{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}"#)
            == ["coordinates[0]: ring is not closed"])
        #expect(problems(#"{"type": "LineString", "coordinates": [[179, 0], [-179, 1]]}"#)
            == ["coordinates[1]: segment jumps 358.0° of longitude: it crosses the antimeridian without being cut (§3.1.9)"])
        #expect(problems(#"{"type": "Feature", "geometry": {"type": "Circle", "coordinates": []}}"#)
            == ["geometry.type: unknown type \"Circle\""])
        #expect(problems("{") .first?.hasPrefix("line 1, column 2: malformed JSON") == true)
    }
}
