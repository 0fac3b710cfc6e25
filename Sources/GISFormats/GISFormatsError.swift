/// A GeoPackage or KML file could not be written; the destination, if it existed, is unchanged.
///
/// `description` is one line naming the file, the layer and the feature index when known, e.g.
/// `out.gpkg: layer 'sites': feature 3: property 'range' is not finite`.
public struct GISFormatsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The destination path, as given.
    public var file: String?
    /// The layer concerned, if any.
    public var layer: String?
    /// The 0-based index of the feature concerned within its layer, if any.
    public var featureIndex: Int?
    /// What is wrong.
    public var message: String

    public init(file: String? = nil, layer: String? = nil, featureIndex: Int? = nil, message: String) {
        self.file = file
        self.layer = layer
        self.featureIndex = featureIndex
        self.message = message
    }

    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let layer { parts.append("layer '\(layer)'") }
        if let featureIndex { parts.append("feature \(featureIndex)") }
        parts.append(message.split(whereSeparator: \.isNewline).joined(separator: " "))
        return parts.joined(separator: ": ")
    }

    /// The same error with the file set (when not already set).
    func inFile(_ path: String) -> GISFormatsError {
        var e = self
        if e.file == nil { e.file = path }
        return e
    }
}
