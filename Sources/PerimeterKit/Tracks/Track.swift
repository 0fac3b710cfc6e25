/// A timed trajectory of one aircraft: fixes in strictly increasing time order.
///
/// Readers (`CSVTrackReader`, `GPXTrackReader`) guarantee the order: duplicate times are dropped
/// and time going backwards is an error (or the fixes are sorted, by option).
public struct Track: Sendable, Hashable {
    /// The track identifier as it appears in the source (CSV id column, GPX `<trk><name>`).
    public var id: String
    /// Fixes, strictly increasing in `time`.
    public var fixes: [Fix]

    public init(id: String, fixes: [Fix]) {
        self.id = id
        self.fixes = fixes
    }
}
