import Foundation
import GeoJSON

/// The GeoJSON datasets in a GeoData directory, by name: the file stem (`countries`, `borders`,
/// `dnipro`, `land`, `places`), `airspace/<ISO>` for the prebuilt airspace files or `zones/<NAME>`
/// for zones that are not sovereign airspace (airport zones, identification zones).
public struct GeoDataCatalog: Sendable {
    /// One dataset's summary.
    public struct Summary: Sendable, Hashable {
        public var name: String
        public var featureCount: Int
        /// lon/lat bounds of every position (nil when there are none).
        public var bbox: BoundingBox?
        /// Distinct `source` property values (or `sources` entries), in order of appearance.
        public var sources: [String]
    }

    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// Names of every dataset, sorted.
    public var datasets: [String] {
        let fm = FileManager.default
        func stems(_ dir: String, prefix: String) -> [String] {
            ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".geojson") }
                .map { prefix + String($0.dropLast(".geojson".count)) }
        }
        return (stems(directory, prefix: "") + stems(GeoDataLocator.file("airspace", in: directory), prefix: "airspace/")
                + stems(GeoDataLocator.file("zones", in: directory), prefix: "zones/")).sorted()
    }

    /// The path of dataset `name`, or `DomainError.unknownName` listing what exists.
    public func path(of name: String) throws -> String {
        guard datasets.contains(name) else {
            throw DomainError.unknownName(kind: "dataset", name: name, known: datasets)
        }
        return GeoDataLocator.file(name + ".geojson", in: directory)
    }

    /// Dataset `name`, optionally only the features whose `iso2`, `a`/`b`, `pair` or id names `iso`.
    public func collection(_ name: String, iso: String? = nil) throws -> FeatureCollection {
        let path = try path(of: name)
        var fc: FeatureCollection
        do { fc = try GeoJSONReader.read(contentsOf: path) } catch {
            throw DomainError.invalidInput(source: path, message: error.description)
        }
        if let iso = iso?.uppercased() {
            fc.features = fc.features.filter { Self.matches($0, iso) }
        }
        return fc
    }

    /// Feature count, bounds and sources of dataset `name`.
    public func summary(_ name: String) throws -> Summary {
        let fc = try collection(name)
        var sources: [String] = []
        for f in fc.features {
            var found: [String] = []
            if let s = f.properties["source"]?.stringValue { found.append(s) }
            for v in f.properties["sources"]?.arrayValue ?? [] { if let s = v.stringValue { found.append(s) } }
            for s in found where !sources.contains(s) { sources.append(s) }
        }
        return Summary(name: name, featureCount: fc.features.count,
                       bbox: BoundingBox.enclosing(fc.features.compactMap(\.geometry)), sources: sources)
    }

    static func matches(_ f: Feature, _ iso: String) -> Bool {
        if case .string(let id)? = f.id, id.uppercased() == iso { return true }
        for key in ["iso2", "a", "b"] where f.properties[key]?.stringValue?.uppercased() == iso { return true }
        if let pair = f.properties["pair"]?.stringValue?.uppercased() {
            if pair == iso || pair.split(separator: "-").map(String.init).contains(iso) { return true }
        }
        return false
    }
}
