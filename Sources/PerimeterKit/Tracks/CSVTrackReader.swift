#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GeometryCore

/// Streams tracks from a CSV file with a header row: one row per fix, a track's rows contiguous.
///
/// Columns are found by name (`TrackReadOptions`, defaults `track_id,time,lon,lat,alt_m`; the
/// altitude column is optional); extra columns are ignored. Times are ISO 8601 or epoch seconds;
/// lon/lat are degrees WGS84. Fields are separated by commas; surrounding double quotes are
/// stripped (quoted fields must not contain commas). The file is read in 1 MiB blocks and parsed
/// from raw bytes: only the current track is held in memory.
///
/// Not `Sendable`: use one reader from one thread.
public final class CSVTrackReader: TrackSource {
    /// The path as given.
    public let path: String
    public let options: TrackReadOptions
    public private(set) var statistics = TrackReadStatistics()

    private let file: UnsafeMutablePointer<FILE>
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity = 1 << 20
    private var position = 0, filled = 0
    private var atEOF = false
    private var lineNumber = 0

    private var idColumn = 0, timeColumn = 0, lonColumn = 0, latColumn = 0, altitudeColumn = -1
    private var neededFields = 0
    private var fieldStart: UnsafeMutablePointer<Int>
    private var fieldEnd: UnsafeMutablePointer<Int>

    private var accumulator: FixAccumulator
    private var currentID: [UInt8] = []
    private var inTrack = false
    private var finishedIDs = Set<String>()

    /// Opens `path` and reads its header. Throws `TrackReadError` (cannot open, missing column).
    public init(path: String, options: TrackReadOptions = TrackReadOptions()) throws {
        self.path = path
        self.options = options
        guard let f = fopen(path, "rb") else {
            throw TrackReadError(file: path, line: 0, problem: .cannotOpen(reason: String(cString: strerror(errno))))
        }
        file = f
        buffer = .allocate(capacity: capacity)
        fieldStart = .allocate(capacity: 1)
        fieldEnd = .allocate(capacity: 1)
        accumulator = FixAccumulator(file: path, options: options)
        try readHeader()
    }

    deinit {
        fclose(file)
        buffer.deallocate()
        fieldStart.deallocate()
        fieldEnd.deallocate()
    }

    // MARK: Lines

    /// The next line as `[start, end)` in `buffer` (without the newline or a trailing CR).
    private func nextLine() -> (Int, Int)? {
        while true {
            let buffer = self.buffer, position = self.position
            if let nl = memchr(buffer + position, 0x0A, filled - position) {
                let end = buffer.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                let start = position
                self.position = end + 1
                lineNumber += 1
                return (start, end > start && buffer[end - 1] == 0x0D ? end - 1 : end)
            }
            if atEOF {
                guard position < filled else { return nil }
                let start = position, end = filled
                self.position = filled
                lineNumber += 1
                return (start, end > start && buffer[end - 1] == 0x0D ? end - 1 : end)
            }
            refill()
        }
    }

    private func refill() {
        let leftover = filled - position
        if leftover > 0 && position > 0 { memmove(buffer, buffer + position, leftover) }
        position = 0
        filled = leftover
        if filled == capacity {  // a line longer than the buffer: grow
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: buffer, count: filled)
            buffer.deallocate()
            buffer = bigger
            capacity *= 2
        }
        let n = fread(buffer + filled, 1, capacity - filled, file)
        filled += n
        if n == 0 { atEOF = true }
    }

    /// Splits `[start, end)` at commas into `fieldStart/fieldEnd` (up to `neededFields`); returns the count.
    @inline(__always)
    private func split(_ start: Int, _ end: Int) -> Int {
        // Locals: class properties read in the loop would each pay a dynamic exclusivity check.
        let buffer = self.buffer, fieldStart = self.fieldStart, fieldEnd = self.fieldEnd
        let neededFields = self.neededFields
        var count = 0
        var s = start
        var i = start
        while i < end, count < neededFields {
            if buffer[i] == 0x2C {
                fieldStart[count] = s; fieldEnd[count] = i; count += 1
                s = i + 1
            }
            i += 1
        }
        if count < neededFields {
            fieldStart[count] = s; fieldEnd[count] = end; count += 1
        }
        for k in 0..<count {  // trim blanks and quotes
            var a = fieldStart[k], b = fieldEnd[k]
            while a < b, buffer[a] == 0x20 || buffer[a] == 0x09 { a += 1 }
            while b > a, buffer[b - 1] == 0x20 || buffer[b - 1] == 0x09 { b -= 1 }
            if b - a >= 2, buffer[a] == 0x22, buffer[b - 1] == 0x22 { a += 1; b -= 1 }
            fieldStart[k] = a; fieldEnd[k] = b
        }
        return count
    }

    private func text(_ k: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: buffer + fieldStart[k], count: fieldEnd[k] - fieldStart[k]), as: UTF8.self)
    }

    private func readHeader() throws {
        guard let (first, end) = nextLine() else {
            throw TrackReadError(file: path, line: 1, problem: .missingColumn(options.idColumn))
        }
        var start = first
        if end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF { start += 3 }
        var names: [String] = []
        var s = start
        for i in start...end where i == end || buffer[i] == 0x2C {
            var name = String(decoding: UnsafeBufferPointer(start: buffer + s, count: i - s), as: UTF8.self)
            name = name.trimmingBlanksAndQuotes()
            names.append(name)
            s = i + 1
        }
        func column(_ name: String) throws -> Int {
            guard let k = names.firstIndex(of: name) else {
                throw TrackReadError(file: path, line: lineNumber, problem: .missingColumn(name))
            }
            return k
        }
        idColumn = try column(options.idColumn)
        timeColumn = try column(options.timeColumn)
        lonColumn = try column(options.lonColumn)
        latColumn = try column(options.latColumn)
        altitudeColumn = names.firstIndex(of: options.altitudeColumn) ?? -1
        neededFields = max(idColumn, timeColumn, lonColumn, latColumn, altitudeColumn) + 1
        fieldStart.deallocate(); fieldEnd.deallocate()
        fieldStart = .allocate(capacity: neededFields)
        fieldEnd = .allocate(capacity: neededFields)
    }

    // MARK: Rows

    private enum Row { case fix(Fix), invalid(TrackReadError.Problem) }

    @inline(__always)
    private func number(_ k: Int, _ column: String) -> Result<Double, TrackReadError> {
        if let v = DecimalParser.parse(buffer, fieldStart[k], fieldEnd[k]) {
            return v.isFinite ? .success(v) : .failure(rowError(.notFinite(column: column)))
        }
        return .failure(rowError(.unparsableNumber(column: column, text: text(k))))
    }

    private func rowError(_ problem: TrackReadError.Problem) -> TrackReadError {
        TrackReadError(file: path, line: lineNumber, trackID: nil, problem: problem)
    }

    /// Parses the fix fields of the current row (already split).
    @inline(__always)
    private func parseFix() -> Result<Fix, TrackReadError> {
        let buffer = self.buffer, fieldStart = self.fieldStart, fieldEnd = self.fieldEnd
        let timeColumn = self.timeColumn, altitudeColumn = self.altitudeColumn
        guard let time = TrackTimeParser.epochSeconds(buffer, fieldStart[timeColumn], fieldEnd[timeColumn]) else {
            return .failure(rowError(.unparsableTime(text(timeColumn))))
        }
        let lon: Double, lat: Double
        switch number(lonColumn, options.lonColumn) { case .success(let v): lon = v; case .failure(let e): return .failure(e) }
        switch number(latColumn, options.latColumn) { case .success(let v): lat = v; case .failure(let e): return .failure(e) }
        guard abs(lat) <= 90 else { return .failure(rowError(.latitudeOutOfRange(lat))) }
        guard abs(lon) <= 180 else { return .failure(rowError(.longitudeOutOfRange(lon))) }
        var altitude: Double? = nil
        if altitudeColumn >= 0, fieldEnd[altitudeColumn] > fieldStart[altitudeColumn] {
            switch number(altitudeColumn, options.altitudeColumn) {
            case .success(let v): altitude = v
            case .failure(let e): return .failure(e)
            }
        }
        return .success(Fix(time: time, position: Coordinate(lon: lon, lat: lat), altitudeM: altitude))
    }

    @inline(__always)
    private func idMatchesCurrent() -> Bool {
        let a = fieldStart[idColumn], n = fieldEnd[idColumn] - a
        guard n == currentID.count else { return false }
        return currentID.withUnsafeBufferPointer { memcmp($0.baseAddress!, buffer + a, n) == 0 }
    }

    public func nextTrack() throws -> Track? {
        while let (start, end) = nextLine() {
            if start == end { continue }
            let count = split(start, end)
            guard count >= neededFields else {
                if count == 1 && fieldStart[0] == fieldEnd[0] { continue }  // a blank line
                if options.skipInvalid { statistics.invalidSkipped += 1; continue }
                throw rowError(.tooFewFields(expected: neededFields, found: count))
            }
            let sameTrack = inTrack && idMatchesCurrent()
            let fix: Fix
            switch parseFix() {
            case .success(let f): fix = f
            case .failure(var error):
                if options.skipInvalid { statistics.invalidSkipped += 1; continue }
                error.trackID = text(idColumn)
                throw error
            }
            if sameTrack {
                try accumulator.append(fix, line: lineNumber, statistics: &statistics)
                continue
            }
            // A new track starts on this row: finish the current one first.
            let finished = inTrack ? try finishCurrent() : nil
            let id = text(idColumn)
            if finishedIDs.contains(id) {
                throw TrackReadError(file: path, line: lineNumber, trackID: id, problem: .trackNotContiguous)
            }
            currentID = Array(buffer[fieldStart[idColumn]..<fieldEnd[idColumn]].withMemoryRebound())
            inTrack = true
            accumulator.start(id: id, line: lineNumber)
            try accumulator.append(fix, line: lineNumber, statistics: &statistics)
            if let finished { return finished }
        }
        if inTrack {
            inTrack = false
            if let last = try finishCurrent() { return last }
        }
        return nil
    }

    private func finishCurrent() throws -> Track? {
        finishedIDs.insert(accumulator.id)
        return try accumulator.finish(statistics: &statistics)
    }
}

private extension UnsafeMutablePointer<UInt8> {
    subscript(range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: self + range.lowerBound, count: range.count)
    }
}

private extension UnsafeBufferPointer<UInt8> {
    func withMemoryRebound() -> [UInt8] { Array(self) }
}

extension String {
    /// The string without surrounding blanks and one pair of surrounding double quotes.
    func trimmingBlanksAndQuotes() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        if s.count >= 2, s.first == "\"", s.last == "\"" { s = s.dropFirst().dropLast() }
        return String(s)
    }
}
