/// A problem in a track file, located by file and line: its `description` is one line,
/// `file:line: track 'id': problem` — or, for GeoJSON input, by file and JSON path:
/// `file: features[3].properties.times: problem (track 'id')`.
public struct TrackReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Problem: Sendable, Hashable {
        case cannotOpen(reason: String)
        /// A required column is not in the header; `found` lists the header's columns.
        case missingColumn(String, found: [String])
        /// A time outside 1900–2200 (`text` as written; `hint` suggests a time unit, may be empty).
        case timeOutOfRange(text: String, hint: String)
        /// A combined position field that is not `"lat,lon"`.
        case unparsablePosition(column: String, text: String)
        case tooFewFields(expected: Int, found: Int)
        case unparsableTime(String)
        case unparsableNumber(column: String, text: String)
        case notFinite(column: String)
        case latitudeOutOfRange(Double)
        case longitudeOutOfRange(Double)
        /// Time earlier than the previous fix of the same track (times in epoch seconds).
        case timeBackwards(previous: Double, time: Double)
        case trackNotContiguous
        case emptyTrack
        case malformedGPX(String)
        /// A GeoJSON track feature that cannot be used (the message says why).
        case invalidFeature(String)
    }

    /// The file path as given to the reader.
    public var file: String
    /// 1-based line number in the file (0 when the problem is not tied to a line).
    public var line: Int
    /// The track concerned, when known.
    public var trackID: String?
    public var problem: Problem
    /// JSON path of the offending member in a GeoJSON file (`features[3].properties.times`);
    /// when set, it replaces the line number in `description`.
    public var featurePath: String?

    public init(file: String, line: Int, trackID: String? = nil, problem: Problem, featurePath: String? = nil) {
        self.file = file
        self.line = line
        self.trackID = trackID
        self.problem = problem
        self.featurePath = featurePath
    }

    public var description: String {
        let track = trackID.map { " track '\($0)':" } ?? ""
        if let featurePath { return "\(file): \(featurePath): \(problemText)\(trackID.map { " (track '\($0)')" } ?? "")" }
        return "\(file):\(line):\(track) \(problemText)"
    }

    private var problemText: String {
        switch problem {
        case .cannotOpen(let reason): return "cannot open: \(reason)"
        case .missingColumn(let name, let found):
            let wanted = name.split(separator: "|").map { "'\($0)'" }.joined(separator: " or ")
            return "missing column \(wanted) in the header; found " + (found.isEmpty ? "no columns"
                : found.map { "'\($0)'" }.joined(separator: ", ")) + " (see --columns and --preset)"
        case .timeOutOfRange(let text, let hint):
            return "time '\(text)' outside the years 1900–2200" + (hint.isEmpty ? "" : "; \(hint)")
        case .unparsablePosition(let column, let text): return "unparsable position '\(text)' in column '\(column)' (want \"lat,lon\")"
        case .tooFewFields(let expected, let found): return "expected at least \(expected) fields, found \(found)"
        case .unparsableTime(let text): return "unparsable time '\(text)' (want ISO 8601 or epoch seconds)"
        case .unparsableNumber(let column, let text): return "unparsable number '\(text)' in column '\(column)'"
        case .notFinite(let column): return "non-finite value (NaN or infinity) in column '\(column)'"
        case .latitudeOutOfRange(let lat): return "latitude \(lat) outside [-90, 90]"
        case .longitudeOutOfRange(let lon): return "longitude \(lon) outside [-180, 180]"
        case .timeBackwards(let previous, let time):
            return "time goes backwards (\(time) s after \(previous) s, epoch); use the sort option to sort fixes"
        case .trackNotContiguous:
            return "track reappears after other tracks; give each track's rows together, or the whole file ordered by time"
        case .emptyTrack: return "track has no fixes"
        case .malformedGPX(let what): return "malformed GPX: \(what)"
        case .invalidFeature(let what): return what
        }
    }
}
