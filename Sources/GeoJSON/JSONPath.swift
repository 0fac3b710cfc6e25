import Foundation

/// Building JSON paths for messages: `features[3].properties.name`, `properties["max range"]`.
enum JSONPath {
    /// `path.key`, or `path["key"]` when the key is not a plain identifier.
    static func member(_ path: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
            && !("0"..."9").contains(key.unicodeScalars.first!)
        if plain { return path.isEmpty ? key : "\(path).\(key)" }
        let quoted = "[\"\(key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"]"
        return path + quoted
    }
}
