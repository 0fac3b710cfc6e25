#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GeometryCore

/// Streams tracks from a CSV file (or standard input, path `-`) with a header row: one row per fix.
///
/// Columns are found by name, case-insensitively (`TrackReadOptions`, defaults
/// `track_id,time,lon,lat,alt_m`, or a preset's; the altitude column is optional); extra columns
/// are ignored. The separator (`,`, `;` or tab) is the one the header uses most (with `;`, numbers
/// may use a decimal comma). Fields may be
/// double-quoted (a quoted field may hold the separator; `""` is a quote). Times are ISO 8601 or a
/// number of epoch units (`TrackReadOptions.timeUnit`), each within 1900–2200; lon/lat are degrees
/// WGS84, or one `"lat,lon"` field (`positionColumn`). Input is read in 1 MiB blocks with `read(2)`
/// (a pipe's rows are taken as they arrive) and parsed from raw bytes.
///
/// Two row orders are read as they come (`OpenTracks` decides which one it sees):
/// - **grouped**: each track's rows together. A track is finished when the next one starts; only
///   the current track is held. A track reappearing later is an error naming the line.
/// - **ordered by time, aircraft interleaved** (OpenSky state vectors): one open track per aircraft,
///   finished at the end of input or once the aircraft has been silent for
///   `TrackReadOptions.trackTimeoutS` of data time; memory is bounded by the aircraft in the air.
/// Within a track, time going backwards is an error naming the line unless sorting.
///
/// Not `Sendable`: use one reader from one thread.
public final class CSVTrackReader: TrackSource {
    /// The path as given (`-` for standard input).
    public let path: String
    public let options: TrackReadOptions
    public var statistics: TrackReadStatistics { tracks.statistics }

    /// The name used in messages: the path, or `<stdin>`.
    private let name: String
    private let fd: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity = 1 << 20
    private var position = 0, filled = 0
    private var atEOF = false
    private var lineNumber = 0

    private var separator: UInt8 = 0x2C
    private var groupColumn = -1
    private var idColumn = 0, timeColumn = 0, lonColumn = 0, latColumn = 0, altitudeColumn = -1, positionColumn = -1
    private var idName = "", timeName = "", lonName = "", latName = "", altitudeName = "", positionName = ""
    private var neededFields = 0
    private var fieldStart: UnsafeMutablePointer<Int>
    private var fieldEnd: UnsafeMutablePointer<Int>
    private var quoted: UnsafeMutablePointer<Bool>

    private var tracks: OpenTracks
    /// The fixes of `plainRowsOfCurrentTrack`'s run (reused).
    private var batch: [Fix] = []
    /// Whether the fast path may run: separate lon and lat columns, every column used once.
    private var plainRowsAllowed = false

    /// Opens `path` (`-`: standard input) and reads its header. Throws `TrackReadError` (cannot
    /// open, missing column).
    public init(path: String, options: TrackReadOptions = TrackReadOptions()) throws {
        self.path = path
        self.options = options
        name = path == "-" ? "<stdin>" : path
        if path == "-" {
            fd = STDIN_FILENO
        } else {
            let f = open(path, O_RDONLY)
            guard f >= 0 else {
                throw TrackReadError(file: path, line: 0, problem: .cannotOpen(reason: String(cString: strerror(errno))))
            }
            fd = f
        }
        buffer = .allocate(capacity: capacity)
        fieldStart = .allocate(capacity: 1)
        fieldEnd = .allocate(capacity: 1)
        quoted = .allocate(capacity: 1)
        tracks = OpenTracks(file: path == "-" ? "<stdin>" : path, options: options)
        try readHeader()
    }

    deinit {
        if fd != STDIN_FILENO { close(fd) }
        buffer.deallocate()
        fieldStart.deallocate()
        fieldEnd.deallocate()
        quoted.deallocate()
    }

    // MARK: Lines

    /// The next line as `[start, end)` in `buffer` (without the newline or a trailing CR).
    private func nextLine() throws -> (Int, Int)? {
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
            try refill()
        }
    }

    private func refill() throws {
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
        while true {
            let n = read(fd, buffer + filled, capacity - filled)
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else {
                throw TrackReadError(file: name, line: lineNumber + 1, problem: .cannotOpen(reason: String(cString: strerror(errno))))
            }
            filled += n
            if n == 0 { atEOF = true }
            return
        }
    }

    /// Splits `[start, end)` at the separator into `fieldStart/fieldEnd` (up to `neededFields`),
    /// honouring double quotes; returns the count. Quoted fields are marked in `quoted` (their
    /// doubled quotes are undone by `text`).
    @inline(__always)
    private func split(_ start: Int, _ end: Int) -> Int {
        // Locals: class properties read in the loop would each pay a dynamic exclusivity check.
        let buffer = self.buffer, fieldStart = self.fieldStart, fieldEnd = self.fieldEnd, quoted = self.quoted
        let neededFields = self.neededFields, separator = self.separator
        var count = 0
        var i = start
        while count < neededFields {
            while i < end, buffer[i] == 0x20 || buffer[i] == 0x09 && separator != 0x09 { i += 1 }
            if i < end, buffer[i] == 0x22 {  // a quoted field: up to the closing quote
                var j = i + 1
                while j < end {
                    if buffer[j] == 0x22 {
                        if j + 1 < end, buffer[j + 1] == 0x22 { j += 2; continue }
                        break
                    }
                    j += 1
                }
                fieldStart[count] = i + 1; fieldEnd[count] = min(j, end); quoted[count] = true
                count += 1
                i = j + 1
                while i < end, buffer[i] != separator { i += 1 }
            } else {
                let s = i
                while i < end, buffer[i] != separator { i += 1 }
                var b = i
                while b > s, buffer[b - 1] == 0x20 || buffer[b - 1] == 0x09 { b -= 1 }
                fieldStart[count] = s; fieldEnd[count] = b; quoted[count] = false
                count += 1
            }
            if i >= end { break }
            i += 1  // past the separator
            if i == end, count < neededFields {  // a trailing empty field
                fieldStart[count] = end; fieldEnd[count] = end; quoted[count] = false
                count += 1
                break
            }
        }
        return count
    }

    private func text(_ k: Int) -> String {
        let s = String(decoding: UnsafeBufferPointer(start: buffer + fieldStart[k], count: fieldEnd[k] - fieldStart[k]), as: UTF8.self)
        return quoted[k] ? s.replacingOccurrences(of: "\"\"", with: "\"") : s
    }

    private func readHeader() throws {
        guard let (first, end) = try nextLine() else {
            throw TrackReadError(file: name, line: 1, problem: .missingColumn(options.idColumn, found: []))
        }
        var start = first
        if end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF { start += 3 }
        separator = Self.detectSeparator(buffer, start, end)
        neededFields = 1 + (start..<end).reduce(0) { $0 + (buffer[$1] == separator ? 1 : 0) }
        fieldStart.deallocate(); fieldEnd.deallocate(); quoted.deallocate()
        fieldStart = .allocate(capacity: neededFields)
        fieldEnd = .allocate(capacity: neededFields)
        quoted = .allocate(capacity: neededFields)
        let count = split(start, end)
        let names = (0..<count).map { text($0) }
        let lowered = names.map { $0.lowercased() }
        func find(_ wanted: String) -> Int? {
            for alternative in wanted.split(separator: "|") {
                if let k = lowered.firstIndex(of: alternative.lowercased()) { return k }
            }
            return nil
        }
        func column(_ wanted: String) throws -> Int {
            guard let k = find(wanted) else {
                throw TrackReadError(file: name, line: lineNumber, problem: .missingColumn(wanted, found: names))
            }
            return k
        }
        idColumn = try column(options.idColumn)
        timeColumn = try column(options.timeColumn)
        if let position = options.positionColumn, let k = find(position) {
            positionColumn = k
            positionName = names[k]
            lonColumn = k; latColumn = k
        } else {
            lonColumn = try column(options.lonColumn)
            latColumn = try column(options.latColumn)
        }
        altitudeColumn = find(options.altitudeColumn) ?? -1
        if let group = options.groupColumn { groupColumn = try column(group) }
        idName = names[idColumn]; timeName = names[timeColumn]; lonName = names[lonColumn]; latName = names[latColumn]
        if altitudeColumn >= 0 { altitudeName = names[altitudeColumn] }
        neededFields = max(idColumn, timeColumn, lonColumn, latColumn, altitudeColumn, groupColumn) + 1
        let used = [idColumn, timeColumn, lonColumn, latColumn] + (altitudeColumn >= 0 ? [altitudeColumn] : [])
        plainRowsAllowed = positionColumn < 0 && Set(used).count == used.count
        fieldStart.deallocate(); fieldEnd.deallocate(); quoted.deallocate()
        fieldStart = .allocate(capacity: neededFields)
        fieldEnd = .allocate(capacity: neededFields)
        quoted = .allocate(capacity: neededFields)
    }

    /// The separator the header uses most among `,`, `;` and tab (outside quotes); `,` on a tie.
    static func detectSeparator(_ p: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var inQuotes = false
        for i in start..<max(start, end) {
            let c = p[i]
            if c == 0x22 { inQuotes.toggle() } else if !inQuotes, counts[c] != nil { counts[c]! += 1 }
        }
        var best: UInt8 = 0x2C
        for c: UInt8 in [0x3B, 0x09] where counts[c]! > counts[best]! { best = c }
        return best
    }

    // MARK: Rows

    @inline(__always)
    private func number(_ k: Int, _ column: String) -> Result<Double, TrackReadError> {
        if let v = DecimalParser.parse(buffer, fieldStart[k], fieldEnd[k]) ?? decimalComma(k) {
            return v.isFinite ? .success(v) : .failure(rowError(.notFinite(column: column)))
        }
        return .failure(rowError(.unparsableNumber(column: column, text: text(k))))
    }

    /// In a `;`-separated file (the spreadsheet export of locales that write `52,25`), a number
    /// with one decimal comma and no point.
    private func decimalComma(_ k: Int) -> Double? {
        guard separator == 0x3B else { return nil }
        var bytes = Array(UnsafeBufferPointer(start: buffer + fieldStart[k], count: fieldEnd[k] - fieldStart[k]))
        guard bytes.count(where: { $0 == 0x2C }) == 1, !bytes.contains(0x2E),
              let comma = bytes.firstIndex(of: 0x2C) else { return nil }
        bytes[comma] = 0x2E
        return bytes.withUnsafeBufferPointer { DecimalParser.parse($0.baseAddress!, 0, $0.count) }
    }

    private func rowError(_ problem: TrackReadError.Problem) -> TrackReadError {
        TrackReadError(file: name, line: lineNumber, trackID: nil, problem: problem)
    }

    /// The row's lon/lat: from the two columns, or from one `"lat,lon"` field.
    @inline(__always)
    private func coordinates() -> Result<(Double, Double), TrackReadError> {
        if positionColumn >= 0 {
            let a = fieldStart[positionColumn], b = fieldEnd[positionColumn]
            guard let comma = (a..<b).first(where: { buffer[$0] == 0x2C }) else {
                return .failure(rowError(.unparsablePosition(column: positionName, text: text(positionColumn))))
            }
            var la = a, lb = comma, oa = comma + 1, ob = b
            while lb > la, buffer[lb - 1] == 0x20 { lb -= 1 }
            while la < lb, buffer[la] == 0x20 { la += 1 }
            while oa < ob, buffer[oa] == 0x20 { oa += 1 }
            while ob > oa, buffer[ob - 1] == 0x20 { ob -= 1 }
            guard let lat = DecimalParser.parse(buffer, la, lb), let lon = DecimalParser.parse(buffer, oa, ob),
                  lat.isFinite, lon.isFinite else {
                return .failure(rowError(.unparsablePosition(column: positionName, text: text(positionColumn))))
            }
            return .success((lon, lat))
        }
        let lon: Double, lat: Double
        switch number(lonColumn, lonName) { case .success(let v): lon = v; case .failure(let e): return .failure(e) }
        switch number(latColumn, latName) { case .success(let v): lat = v; case .failure(let e): return .failure(e) }
        return .success((lon, lat))
    }

    /// Whether the row has no position at all (empty coordinate fields).
    private var positionIsEmpty: Bool {
        fieldStart[lonColumn] == fieldEnd[lonColumn] && fieldStart[latColumn] == fieldEnd[latColumn]
    }

    /// Parses the fix fields of the current row (already split).
    @inline(__always)
    private func parseFix() -> Result<Fix, TrackReadError> {
        let fieldStart = self.fieldStart, fieldEnd = self.fieldEnd
        let timeColumn = self.timeColumn, altitudeColumn = self.altitudeColumn
        let time: Double
        switch TrackTimeRange.parse(buffer, fieldStart[timeColumn], fieldEnd[timeColumn], unit: options.timeUnit) {
        case .success(let t)?: time = t
        case .failure(let range)?: return .failure(rowError(.timeOutOfRange(text: text(timeColumn), hint: range.hint)))
        case nil: return .failure(rowError(.unparsableTime(text(timeColumn))))
        }
        let lon: Double, lat: Double
        switch coordinates() { case .success(let c): (lon, lat) = c; case .failure(let e): return .failure(e) }
        guard abs(lat) <= 90 else { return .failure(rowError(.latitudeOutOfRange(lat))) }
        guard abs(lon) <= 180 else { return .failure(rowError(.longitudeOutOfRange(lon))) }
        var altitude: Double? = nil
        if altitudeColumn >= 0, fieldEnd[altitudeColumn] > fieldStart[altitudeColumn] {
            switch number(altitudeColumn, altitudeName) {
            case .success(let v): altitude = v * options.altitudeUnit.metres
            case .failure(let e):
                // Receivers write "ground" (readsb) or similar for aircraft on the ground: no altitude.
                guard options.skipRowsWithoutPosition else { return .failure(e) }
            }
        }
        return .success(Fix(time: time, position: Coordinate(lon: lon, lat: lat), altitudeM: altitude))
    }

    public func nextTrack() throws -> Track? {
        while true {
            if let ready = tracks.nextReady() { return ready }
            guard !tracks.ended else { return nil }
            if try plainRowsOfCurrentTrack() { continue }
            guard let (start, end) = try nextLine() else {
                try tracks.endOfInput()
                continue
            }
            try readRow(start, end)
        }
    }

    /// The fast path of the hot loop: the complete lines already in the buffer that continue the
    /// track of the previous row and need none of the general row reader's care (no quote up to
    /// the last column used, no blanks around the fields used, every number and time valid and in
    /// range) are parsed here in one pass over their bytes, with the reader's state in locals, and
    /// handed to `OpenTracks` in one call, which applies the same rules per fix as `readRow` (same
    /// lines in errors). Numbers of the form `[±]digits[.digits]` with at most 19 significant
    /// digits, at most 22 decimals and a value below 2^53 are read as they are scanned (the exact
    /// case of `DecimalParser`, hence the same double); any other field is cut at its separator and
    /// given to `DecimalParser` or `TrackTimeRange` whole. The first line that is anything else
    /// stops the run and goes through `readRow`. Returns whether any line was consumed.
    private func plainRowsOfCurrentTrack() throws -> Bool {
        guard plainRowsAllowed, let id = tracks.currentID else { return false }
        let buffer = self.buffer, filled = self.filled, separator = self.separator
        let neededFields = self.neededFields, idColumn = self.idColumn, timeColumn = self.timeColumn
        let lonColumn = self.lonColumn, latColumn = self.latColumn, altitudeColumn = self.altitudeColumn
        let unit = options.timeUnit, secondsPerUnit = options.timeUnit.seconds, metres = options.altitudeUnit.metres
        var position = self.position
        var batch: [Fix] = []
        swap(&batch, &self.batch)
        defer { swap(&batch, &self.batch) }
        batch.removeAll(keepingCapacity: true)

        /// Whether byte `i` ends a field: the separator, or the line end (`\n`, or `\r\n`).
        @inline(__always) func endsField(_ i: Int) -> Bool {
            guard i < filled else { return false }
            let c = buffer[i]
            return c == separator || c == 0x0A || (c == 0x0D && i + 1 < filled && buffer[i + 1] == 0x0A)
        }
        /// The field starting at `i`, up to its separator or line end (`i` moves there); `nil` when
        /// a quote comes first, the line is incomplete, or (`plain`) the field is empty or padded.
        @inline(__always) func field(_ i: inout Int, plain: Bool) -> (Int, Int)? {
            let s = i
            while i < filled {
                let c = buffer[i]
                if c == separator || c == 0x0A || c == 0x22 { break }
                i += 1
            }
            guard i < filled, buffer[i] != 0x22 else { return nil }
            var e = i
            if buffer[i] == 0x0A, e > s, buffer[e - 1] == 0x0D { e -= 1; i = e }
            if plain {
                guard e > s else { return nil }
                let first = buffer[s], last = buffer[e - 1]
                guard first != 0x20, first != 0x09, last != 0x20, last != 0x09 else { return nil }
            }
            return (s, e)
        }
        /// A number `[±]digits[.digits]` read at `i` in `DecimalParser`'s exact case, ending a field.
        @inline(__always) func exactDecimal(_ i: inout Int) -> Double? {
            var j = i
            var negative = false
            if j < filled, buffer[j] == 0x2D { negative = true; j += 1 } else if j < filled, buffer[j] == 0x2B { j += 1 }
            var mantissa: UInt64 = 0
            var digits = 0, significant = 0, exponent = 0
            while j < filled, buffer[j] &- 48 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(buffer[j] &- 48)
                if mantissa != 0 { significant += 1 }
                digits += 1
                j += 1
            }
            if j < filled, buffer[j] == 0x2E {
                j += 1
                while j < filled, buffer[j] &- 48 < 10 {
                    mantissa = mantissa &* 10 &+ UInt64(buffer[j] &- 48)
                    if mantissa != 0 { significant += 1 }
                    digits += 1
                    exponent -= 1
                    j += 1
                }
            }
            guard digits > 0, significant <= 19, mantissa <= DecimalParser.maxExactSignificand, exponent >= -22,
                  endsField(j) else { return nil }
            i = j
            let value = exponent == 0 ? Double(mantissa) : Double(mantissa) / DecimalParser.powersOfTen[-exponent]
            return negative ? -value : value
        }
        /// A plain number field at `i` (any form `DecimalParser` reads), finite.
        @inline(__always) func number(_ i: inout Int) -> Double? {
            if let v = exactDecimal(&i) { return v }
            guard let (s, e) = field(&i, plain: true), let v = DecimalParser.parse(buffer, s, e), v.isFinite else { return nil }
            return v
        }

        id.withUnsafeBufferPointer { idBytes in
            let idCount = idBytes.count
            rows: while batch.count < 4096 {
                var i = position
                var time = 0.0, lon = 0.0, lat = 0.0
                var altitude: Double? = nil
                for k in 0..<neededFields {
                    if k > 0 {  // past the previous field's separator
                        guard buffer[i] == separator else { break rows }
                        i += 1
                    }
                    if k == lonColumn {
                        guard let v = number(&i), abs(v) <= 180 else { break rows }
                        lon = v
                    } else if k == latColumn {
                        guard let v = number(&i), abs(v) <= 90 else { break rows }
                        lat = v
                    } else if k == timeColumn {
                        if let v = exactDecimal(&i) {
                            time = v * secondsPerUnit
                            guard TrackTimeRange.contains(time) else { break rows }
                        } else {
                            guard let (s, e) = field(&i, plain: true),
                                  case .success(let t)? = TrackTimeRange.parse(buffer, s, e, unit: unit) else { break rows }
                            time = t
                        }
                    } else if k == idColumn {
                        guard let (s, e) = field(&i, plain: true), e - s == idCount,
                              memcmp(buffer + s, idBytes.baseAddress!, idCount) == 0 else { break rows }
                    } else if k == altitudeColumn {
                        if endsField(i) { continue }  // empty: no altitude
                        guard let v = number(&i) else { break rows }
                        altitude = v * metres
                    } else {
                        guard field(&i, plain: false) != nil else { break rows }
                    }
                }
                // The line's end.
                let newline: Int
                if buffer[i] == 0x0A {
                    newline = i
                } else if buffer[i] == 0x0D, i + 1 < filled, buffer[i + 1] == 0x0A {
                    newline = i + 1
                } else {
                    guard let nl = memchr(buffer + i, 0x0A, filled - i) else { break }
                    newline = buffer.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                }
                batch.append(Fix(time: time, position: Coordinate(lon: lon, lat: lat), altitudeM: altitude))
                position = newline + 1
            }
        }
        guard !batch.isEmpty else { return false }
        let firstLine = lineNumber + 1
        self.position = position
        lineNumber += batch.count
        try batch.withUnsafeBufferPointer { try tracks.addToCurrent($0, firstLine: firstLine) }
        return true
    }

    /// Reads one data line into the open tracks.
    private func readRow(_ start: Int, _ end: Int) throws {
        if start == end { return }
        let count = split(start, end)
        guard count >= neededFields else {
            if count == 1 && fieldStart[0] == fieldEnd[0] { return }  // a blank line
            if options.skipInvalid { tracks.statistics.invalidSkipped += 1; return }
            throw rowError(.tooFewFields(expected: neededFields, found: count))
        }
        if options.skipRowsWithoutPosition && positionIsEmpty {
            tracks.statistics.rowsWithoutPositionSkipped += 1
            return
        }
        let fix: Fix
        switch parseFix() {
        case .success(let f): fix = f
        case .failure(var error):
            if options.skipInvalid { tracks.statistics.invalidSkipped += 1; return }
            error.trackID = text(idColumn)
            throw error
        }
        let a = fieldStart[idColumn], n = fieldEnd[idColumn] - a
        let id = UnsafeBufferPointer(start: buffer + a, count: n)
        try tracks.add(fix, id: id, quoted: quoted[idColumn], line: lineNumber)
        if groupColumn >= 0 { tracks.setGroupIfMissing { text(groupColumn) } }
    }
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
