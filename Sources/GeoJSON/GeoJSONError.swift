/// A GeoJSON reading or writing problem, naming where it is.
///
/// ``description`` is one line: `file: path: problem`, e.g.
/// `sites.geojson: features[3].geometry.coordinates[0][2]: expected [lon, lat], found a number`,
/// or, for malformed JSON, `sites.geojson: line 4, column 17: malformed JSON: expected ',' or '}'`.
/// The file part is left out when the input did not come from a file; the path part is left out for a
/// problem with the document as a whole.
public struct GeoJSONError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file read or written, as given by the caller (`nil` for in-memory data).
    public var file: String?
    /// JSON path of the offending member, e.g. `features[3].properties.range`; empty for the whole document.
    public var path: String
    /// 1-based line and column, for malformed JSON.
    public var line: Int?
    public var column: Int?
    /// What is wrong, e.g. `latitude 95 is outside [-90, 90]`.
    public var message: String

    public init(file: String? = nil, path: String = "", line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let line, let column { parts.append("line \(line), column \(column)") }
        if !path.isEmpty { parts.append(path) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }

    func inFile(_ file: String?) -> GeoJSONError {
        var copy = self
        copy.file = file
        return copy
    }
}
