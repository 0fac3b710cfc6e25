/// A timed trajectory of one aircraft: fixes in strictly increasing time order.
///
/// Readers (`CSVTrackReader`, `GPXTrackReader`) guarantee the order: duplicate times are dropped
/// and time going backwards is an error (or the fixes are sorted, by option).
public struct Track: Sendable, Hashable {
    /// The track identifier as it appears in the source (CSV id column, GPX `<trk><name>`).
    public var id: String
    /// Fixes, strictly increasing in `time`.
    public var fixes: [Fix]
    /// The track's group (a formation, a callsign prefix: the `--group-by` column's value), if read.
    public var group: String? = nil

    public init(id: String, fixes: [Fix], group: String? = nil) {
        self.id = id
        self.fixes = fixes
        self.group = group
    }
}
