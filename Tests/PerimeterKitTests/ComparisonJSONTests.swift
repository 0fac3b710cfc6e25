import Foundation
import GeoJSON
import Testing
@testable import PerimeterKit

/// `comparison.json` never hides a figure JSON cannot hold: NaN and infinity are refused with the
/// figure's key path, and nothing of the report is written.
@Suite struct ComparisonJSONTests {
    @Test func aNaNFigureIsRefusedByName() throws {
        var comparison = try CompareFixtures.comparison.get()
        let last = comparison.perimeters.count - 1
        let k = try #require(comparison.perimeters[last].figures.firstIndex { $0.figure.unit == "km" })
        let key = comparison.perimeters[last].figures[k].key
        comparison.perimeters[last].figures[k].figure.value = .nan
        let report = ComparisonReport(comparison)

        let error = #expect(throws: DomainError.self) { try report.json() }
        #expect(error?.description == "comparison.json: perimeters[\(last)].figures.\(key).value: nan cannot be written as JSON")

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("perimeter-nan-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: DomainError.self) { try report.write(to: directory) }
        #expect(!FileManager.default.fileExists(atPath: directory))
    }

    @Test func aCountThatIsInfiniteIsRefusedToo() throws {
        var comparison = try CompareFixtures.comparison.get()
        let k = try #require(comparison.perimeters[0].figures.firstIndex { $0.figure.unit == "count" })
        let key = comparison.perimeters[0].figures[k].key
        comparison.perimeters[0].figures[k].figure.value = -.infinity
        let error = #expect(throws: DomainError.self) { try ComparisonReport(comparison).json() }
        #expect(error?.description == "comparison.json: perimeters[0].figures.\(key).value: -inf cannot be written as JSON")
    }

    @Test func finiteFiguresKeepTheirText() throws {
        let value: JSONValue = .object(["a": .array([.number(1.5), .integer(2), .number(2.0), .string("x")]),
                                         "b": .object(["c": .number(0.00001)]), "d": .array([]), "e": .object([:])])
        let text = String(decoding: try ComparisonReport.json(value), as: UTF8.self)
        #expect(text == "{\n  \"a\": [1.5, 2, 2, \"x\"],\n  \"b\": {\n    \"c\": 1e-05\n  },\n  \"d\": [],\n  \"e\": {}\n}\n")
    }
}
