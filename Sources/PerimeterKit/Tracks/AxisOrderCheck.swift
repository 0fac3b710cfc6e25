import GeoJSON

/// Watches the fixes read and tells when none lies within any GeoData country's bounding box:
/// the usual sign of lon and lat columns given the wrong way round (which reads without error,
/// since most latitudes are valid longitudes).
///
/// Stops looking at the first fix inside a box, so the cost is nil for ordinary files. Used from
/// the reading thread only.
public final class AxisOrderCheck {
    private let boxes: [BoundingBox]
    private var found = false
    private var fixes = 0
    private var swappedInside = 0

    public init(boxes: [BoundingBox]) { self.boxes = boxes }

    /// The bounding boxes of the countries in `geodata/countries.geojson`.
    public static func countries(geodata: String) throws -> AxisOrderCheck {
        let fc = try GeoDataCatalog(directory: geodata).collection("countries")
        return AxisOrderCheck(boxes: fc.features.compactMap { $0.geometry.flatMap { BoundingBox.enclosing([$0]) } })
    }

    private func inside(lon: Double, lat: Double) -> Bool {
        boxes.contains { b in
            lat >= b.south && lat <= b.north && (b.west <= b.east ? lon >= b.west && lon <= b.east : lon >= b.west || lon <= b.east)
        }
    }

    /// Looks at `track`'s fixes (until one is found inside a box).
    public func observe(_ track: Track) {
        guard !found else { return }
        for fix in track.fixes {
            fixes += 1
            if inside(lon: fix.position.lon, lat: fix.position.lat) { found = true; return }
            if swappedInside < 1, abs(fix.position.lon) <= 90, inside(lon: fix.position.lat, lat: fix.position.lon) { swappedInside += 1 }
        }
    }

    /// The one-line warning for `source`, or `nil` when some fix lies within a country's box.
    public func warning(source: String) -> String? {
        guard !found, fixes > 0 else { return nil }
        return "none of the \(fixes) fixes in \(source) lies within any GeoData country's bounding box"
            + (swappedInside > 0 ? " (with lon and lat exchanged they would)" : "")
            + "; are the lon and lat columns swapped? (see --columns)"
    }
}
