/// A problem in a track file, located by file and line: its `description` is one line,
/// `file:line: track 'id': problem`.
public struct TrackReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Problem: Sendable, Hashable {
        case cannotOpen(reason: String)
        case missingColumn(String)
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
    }

    /// The file path as given to the reader.
    public var file: String
    /// 1-based line number in the file (0 when the problem is not tied to a line).
    public var line: Int
    /// The track concerned, when known.
    public var trackID: String?
    public var problem: Problem

    public init(file: String, line: Int, trackID: String? = nil, problem: Problem) {
        self.file = file
        self.line = line
        self.trackID = trackID
        self.problem = problem
    }

    public var description: String {
        let track = trackID.map { " track '\($0)':" } ?? ""
        return "\(file):\(line):\(track) \(problemText)"
    }

    private var problemText: String {
        switch problem {
        case .cannotOpen(let reason): return "cannot open: \(reason)"
        case .missingColumn(let name): return "missing column '\(name)' in the header"
        case .tooFewFields(let expected, let found): return "expected at least \(expected) fields, found \(found)"
        case .unparsableTime(let text): return "unparsable time '\(text)' (want ISO 8601 or epoch seconds)"
        case .unparsableNumber(let column, let text): return "unparsable number '\(text)' in column '\(column)'"
        case .notFinite(let column): return "non-finite value (NaN or infinity) in column '\(column)'"
        case .latitudeOutOfRange(let lat): return "latitude \(lat) outside [-90, 90]"
        case .longitudeOutOfRange(let lon): return "longitude \(lon) outside [-180, 180]"
        case .timeBackwards(let previous, let time):
            return "time goes backwards (\(time) s after \(previous) s, epoch); use the sort option to sort fixes"
        case .trackNotContiguous: return "track reappears after other tracks; a track's rows must be contiguous"
        case .emptyTrack: return "track has no fixes"
        case .malformedGPX(let what): return "malformed GPX: \(what)"
        }
    }
}
