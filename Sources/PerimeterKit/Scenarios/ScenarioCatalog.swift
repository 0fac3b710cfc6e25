import Foundation
import GeoJSON

/// The scenarios shipped in `GeoData/scenarios/` (one `<name>.geojson` each), sorted by name.
public enum ScenarioCatalog {
    /// The folder inside GeoData.
    public static let folder = "scenarios"

    /// Every scenario in `geodata`'s scenario folder.
    public static func all(geodata: String) throws -> [Scenario] {
        let dir = GeoDataLocator.file(folder, in: geodata)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return try names.filter { $0.hasSuffix(".geojson") }.sorted().map { try load((dir as NSString).appendingPathComponent($0)) }
    }

    /// The scenario called `name`; `DomainError.unknownName` listing the known ones otherwise.
    public static func named(_ name: String, geodata: String) throws -> Scenario {
        let file = GeoDataLocator.file("\(folder)/\(name).geojson", in: geodata)
        if FileManager.default.fileExists(atPath: file) { return try load(file) }
        throw DomainError.unknownName(kind: "scenario", name: name, known: try all(geodata: geodata).map(\.name))
    }

    /// Reads a scenario file (its `scenario` metadata member and its features' properties).
    public static func load(_ file: String) throws -> Scenario {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw DomainError.invalidInput(source: file, message: "cannot read the file")
        }
        let root = try GeoJSONReader.parseJSON(data, source: file)
        guard let meta = root["scenario"]?.objectValue else {
            throw DomainError.invalidInput(source: file, message: "scenario: missing metadata member")
        }
        func string(_ k: String) throws -> String {
            guard let s = meta[k]?.stringValue else { throw DomainError.invalidInput(source: file, message: "scenario.\(k): missing or not a string") }
            return s
        }
        let checks = try (meta["checks"]?.arrayValue ?? []).enumerated().map { k, v in
            guard let o = v.objectValue else { throw DomainError.invalidInput(source: file, message: "scenario.checks[\(k)]: not an object") }
            return try ScenarioCheck.parse(o, source: file, path: "scenario.checks[\(k)]")
        }
        let consistency = try (meta["consistency"]?.arrayValue ?? []).enumerated().map { k, v in
            guard let o = v.objectValue else { throw DomainError.invalidInput(source: file, message: "scenario.consistency[\(k)]: not an object") }
            return try ScenarioCheck.parse(o, source: file, path: "scenario.consistency[\(k)]", consistency: true)
        }
        var contested: [ScenarioCheck] = []
        for (k, v) in (meta["contested"]?.arrayValue ?? []).enumerated() {
            guard let o = v.objectValue else { continue }  // strings are notes
            contested.append(try ScenarioCheck.parse(o, source: file, path: "scenario.contested[\(k)]", contested: true))
        }
        let zones = try (meta["zones"]?.arrayValue ?? []).enumerated().map { k, v in
            try zone(v.objectValue, source: file, path: "scenario.zones[\(k)]")
        }
        let events = try (meta["events"]?.arrayValue ?? []).enumerated().map { k, v in
            try ScenarioEvent.parse(v.objectValue, source: file, path: "scenario.events[\(k)]")
        }
        var properties: [String: JSONObject] = [:]
        let features = root["features"]?.arrayValue ?? []
        for f in features {
            if let p = f["properties"]?.objectValue, let id = p["track_id"]?.stringValue { properties[id] = p }
        }
        return Scenario(name: try string("name"), title: try string("title"), date: try string("date"), file: file,
                        airspaces: (meta["airspaces"]?.arrayValue ?? []).compactMap(\.stringValue),
                        checks: checks, consistency: consistency, contested: contested, zones: zones, events: events,
                        trackCount: features.count, trackProperties: properties, metadata: meta)
    }

    static func zone(_ o: JSONObject?, source: String, path: String) throws -> ScenarioZone {
        guard let o else { throw DomainError.invalidInput(source: source, message: "\(path): not an object") }
        guard let name = o["name"]?.stringValue, let file = o["file"]?.stringValue else {
            throw DomainError.invalidInput(source: source, message: "\(path): needs 'name' and 'file'")
        }
        guard let kindName = o["kind"]?.stringValue, let kind = ZoneKind(rawValue: kindName) else {
            throw DomainError.invalidInput(source: source, message: "\(path).kind: one of \(ZoneKind.allCases.map(\.rawValue).joined(separator: ", ")) expected")
        }
        return ScenarioZone(name: name, kind: kind, file: file, features: o["features"]?.arrayValue?.compactMap(\.stringValue))
    }
}
