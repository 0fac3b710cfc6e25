/// A GeoJSON FeatureCollection (RFC 7946 §3.3).
///
/// Reading also accepts a lone Feature or a bare geometry at the top level and wraps it here.
public struct FeatureCollection: Hashable, Sendable {
    public var features: [Feature]
    /// The `"bbox"` member as read. ``GeoJSONWriter`` does not write it back: it computes a fresh one
    /// when asked (``GeoJSONWriter/Options/bbox``), so a stale box is never passed on.
    public var bbox: BoundingBox?

    public init(features: [Feature] = [], bbox: BoundingBox? = nil) {
        self.features = features
        self.bbox = bbox
    }
}
