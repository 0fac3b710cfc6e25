import Foundation
import GeoJSON
import PerimeterKit
import Testing
@testable import perimeter

/// `perimeter render` by role on the complete basemap: every feature the commands write
/// carries its role, render styles and orders by role, one legend entry per role and label, name guesses only
/// for foreign files (and said), and the basemap draws the countries GeoData does not model.
@Suite(.serialized) struct RenderRoleTests {
    static let hasRsvg = FileManager.default.isExecutableFile(atPath: "/usr/bin/rsvg-convert")

    /// The `id="…"` of every `<g>` in document order.
    static func groupOrder(_ svg: String) -> [String] {
        svg.components(separatedBy: "<g id=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }

    /// The legend texts, in order.
    static func legend(_ svg: String) -> [String] {
        guard let start = svg.range(of: "<g id=\"legend\"") else { return [] }
        let body = svg[start.upperBound...].prefix { $0 != "\n" }
        return body.components(separatedBy: "<text").dropFirst().compactMap { part in
            part.split(separator: ">", maxSplits: 1).last?.split(separator: "<").first.map(String.init)
        }
    }

    /// Every feature of every GeoJSON file in `dir` has a role tag render understands.
    static func expectEveryFeatureTagged(_ dir: String) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".geojson") }
        #expect(!files.isEmpty)
        for file in files {
            let fc = try GeoJSONReader.read(contentsOf: dir + "/" + file)
            for (i, f) in fc.features.enumerated() {
                #expect(RenderCommand.taggedRole(f) != nil, "\(file) features[\(i)] has no role/layer tag: \(f.properties)")
            }
        }
    }

    /// compare, incursions, coverage and airspace outputs, and the shipped airspace files.
    @Test func everyOutputFeatureCarriesItsRole() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let compare = try CLI.perimeter(["compare", "--quiet", "--out", dir.path + "/compare", "--scenario", "poland-2025-09-10"])
        #expect(compare.status == 0, "\(compare.stderr)")
        try Self.expectEveryFeatureTagged(dir.path + "/compare")
        // incursions and coverage.
        try FileManager.default.createDirectory(atPath: dir.path + "/other", withIntermediateDirectories: true)
        let inc = try CLI.perimeter(["incursions", "--quiet", "--scenario", "estonia-2025-09-19", "-o", dir.path + "/other/inc.geojson"])
        #expect(inc.status == 0 || inc.status == 1, "\(inc.stderr)")
        let cov = try CLI.perimeter(["coverage", dir.path + "/compare/sites.geojson", "--quiet", "-o", dir.path + "/other/cov.geojson"])
        #expect(cov.status == 0, "\(cov.stderr)")
        let air = try CLI.perimeter(["airspace", "SK", "--quiet", "-o", dir.path + "/other/sk.geojson"])
        #expect(air.status == 0, "\(air.stderr)")
        try Self.expectEveryFeatureTagged(dir.path + "/other")
        // The shipped airspaces too.
        try Self.expectEveryFeatureTagged(CLI.packageRoot.appendingPathComponent("GeoData/airspace").path)
    }

    /// `render out/compare/*.geojson`: regions under coverage under lines under points, whatever the file order;
    /// protected regions drawn as regions (not as coverage), the gaps above the coverage and lines, one legend
    /// entry per role and label, no guessing.
    @Test func comparisonRendersByRole() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let compare = try CLI.perimeter(["compare", "--quiet", "--out", dir.path])
        #expect(compare.status == 0, "\(compare.stderr)")
        // Files in reverse glob order: the drawing order must not depend on it.
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".geojson") }.sorted().reversed()
        var args = ["render"] + files.map { dir.path + "/" + $0 } + ["-o", dir.path + "/map.svg"]
        if Self.hasRsvg { args += ["--png", "--png-width", "800"] }
        let r = try CLI.perimeter(args)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("guessed"), "Perimeter's own files must not be guessed: \(r.stderr)")
        let svg = try String(contentsOfFile: dir.path + "/map.svg", encoding: .utf8)
        let order = Self.groupOrder(svg)
        let rank = { (id: String) -> Int in order.firstIndex(of: id) ?? -1 }
        for id in ["basemap", "regions", "coverage", "frontier", "lines", "gaps", "sites"] { #expect(rank(id) >= 0, "no group \(id): \(order)") }
        #expect(rank("basemap") < rank("regions") && rank("regions") < rank("coverage") && rank("coverage") < rank("lines")
                    && rank("lines") < rank("gaps") && rank("gaps") < rank("sites"), "\(order)")
        // The regions group holds the protected regions (2 perimeters) and is tinted, not the coverage fill.
        let regions = try #require(svg.components(separatedBy: "<g id=\"regions\"").dropFirst().first)
        #expect(regions.contains("data-role=\"regions\"") && regions.contains("fill-opacity=\"0.07\""))
        #expect(regions.components(separatedBy: "</g>")[0].components(separatedBy: "<path").count - 1 == 2)
        let legend = Self.legend(svg)
        #expect(Set(legend).count == legend.count, "legend has duplicates: \(legend)")
        for label in ["Protected region", "Coverage", "Forward line", "Site line", "Gaps", "Sites"] {
            #expect(legend.contains(label), "legend lacks \(label): \(legend)")
        }
        if Self.hasRsvg { #expect(FileManager.default.fileExists(atPath: dir.path + "/map.png")) }
    }

    /// A foreign file without role tags: drawn by a name guess, and stderr says so.
    @Test func foreignFilesAreGuessedAndTheGuessIsStated() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let poly = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Polygon","coordinates":[[[20,50],[21,50],[21,51],[20,51],[20,50]]]}}]}"#
        try Data(poly.utf8).write(to: dir.appendingPathComponent("coverage_mine.geojson"))
        try Data(poly.utf8).write(to: dir.appendingPathComponent("stuff.geojson"))
        let r = try CLI.perimeter(["render", dir.path + "/coverage_mine.geojson", dir.path + "/stuff.geojson", "-o", dir.path + "/m.svg", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("coverage_mine.geojson: features without a 'role' or 'layer' property drawn as coverage (guessed from its file name)"), "\(r.stderr)")
        #expect(r.stderr.contains("stuff.geojson: features without a 'role' or 'layer' property drawn as coverage (guessed from its Polygon geometry)"), "\(r.stderr)")
        // Both are coverage: one legend entry.
        #expect(Self.legend(try String(contentsOfFile: dir.path + "/m.svg", encoding: .utf8)) == ["Coverage"])
    }

    /// Countries GeoData does not model (Austria, Slovenia, Croatia, Bosnia, Serbia) are drawn as land with their
    /// names, over the generalised land; lakes and rivers are drawn.
    @Test func basemapDrawsTheCountriesNotModelled() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let site = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"role":"site","name":"Vienna"},"geometry":{"type":"Point","coordinates":[16.37,48.21]}}]}"#
        try Data(site.utf8).write(to: dir.appendingPathComponent("s.geojson"))
        let r = try CLI.perimeter(["render", dir.path + "/s.geojson", "-o", dir.path + "/m.svg", "--map-bbox", "9,42,23,50", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOfFile: dir.path + "/m.svg", encoding: .utf8)
        for name in ["Austria", "Slovenia", "Croatia", "Bosnia and Herzegovina", "Serbia", "Italy"] {
            #expect(svg.contains("<path data-name=\"\(name)\""), "no basemap polygon for \(name)")
        }
        #expect(svg.contains("data-layer=\"land\"") && svg.contains("data-layer=\"lakes\"") && svg.contains("data-layer=\"rivers\""))
        #expect(svg.contains(">Austria</text>"), "Austria is not labelled")
    }
}
