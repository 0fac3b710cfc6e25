import Foundation
import PerimeterKit

/// Per-track CSV rows written to standard output as each track is done (`incursions -o - --format csv`),
/// with the warning times kept for the summary. Called from the pipeline's workers, one call at a time.
final class RowStream: @unchecked Sendable {
    private let lock = NSLock()
    private let coverage: Bool
    private(set) var warningTimes: [Double] = []

    init(coverage: Bool) {
        self.coverage = coverage
        FileHandle.standardOutput.write(Data(IncursionCSV.perTrackHeader(coverage: coverage).utf8))
    }

    func write(_ report: TrackReport) {
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardOutput.write(Data(IncursionCSV.perTrackRows(report, coverage: coverage).utf8))
        if let w = report.coverage.first?.warningTimeS { warningTimes.append(w) }
    }
}
