import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GeometryCore

/// Reads the tracks of a GPX 1.1 file: each `<trk>` is one `Track` (its `<trkseg>`s joined), each
/// `<trkpt lat= lon=>` one `Fix` with `<time>` (ISO 8601, required) and `<ele>` (metres, optional).
/// The track id is the `<trk><name>`, or `trk<N>` (1-based) when it has none.
///
/// Parsed with the SAX `XMLParser`; the tracks of one file are collected on the first
/// `nextTrack()` call (GPX files hold few tracks), then yielded one at a time.
/// Not `Sendable`: use one reader from one thread.
public final class GPXTrackReader: TrackSource {
    public let path: String
    public let options: TrackReadOptions
    public private(set) var statistics = TrackReadStatistics()
    private var pending: [Track] = []
    private var parsed = false

    public init(path: String, options: TrackReadOptions = TrackReadOptions()) {
        self.path = path
        self.options = options
    }

    public func nextTrack() throws -> Track? {
        if !parsed {
            parsed = true
            try parse()
        }
        return pending.isEmpty ? nil : pending.removeFirst()
    }

    private func parse() throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TrackReadError(file: path, line: 0, problem: .cannotOpen(reason: "no such file or not readable"))
        }
        let parser = XMLParser(data: Self.withoutDeclarations(try Self.utf8Document(data, file: path)))
        let delegate = GPXDelegate(file: path, options: options)
        parser.delegate = delegate
        let ok = parser.parse()
        if let error = delegate.error { throw error }
        if !ok {
            let reason = parser.parserError.map { "\(($0 as NSError).localizedDescription)" } ?? "XML syntax error"
            throw TrackReadError(file: path, line: parser.lineNumber, problem: .malformedGPX("XML: \(reason)"))
        }
        pending = delegate.tracks
        statistics = delegate.statistics
    }
}

extension GPXTrackReader {
    /// The document as valid UTF-8, which is all Foundation's `XMLParser` copes with: it aborts the
    /// process on invalid bytes in an element name or a comment (found by `make fuzz`, harness `gpx`).
    /// A UTF-16 byte-order mark or a declared single-byte encoding (ISO-8859-1/2, Windows-1250…1254,
    /// US-ASCII) is converted here; UTF-8 (declared or not) must be valid; any other declared encoding is
    /// refused. The XML declaration itself is dropped later (``withoutDeclarations(_:)``), so the parser
    /// always reads UTF-8.
    static func utf8Document(_ data: Data, file: String) throws -> Data {
        let bytes = [UInt8](data)
        func converted(_ encoding: String.Encoding, _ name: String) throws -> Data {
            guard let text = String(data: data, encoding: encoding) else {
                throw TrackReadError(file: file, line: 0, problem: .malformedGPX("not valid \(name)"))
            }
            return Data(text.utf8)
        }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return try converted(.utf16, "UTF-16") }
        if bytes.starts(with: Array("<?xml".utf8)),
           let close = bytes.firstIndex(of: UInt8(ascii: ">")), close < 400,
           !bytes[5..<close].contains(UInt8(ascii: "<")) {
            let prolog = String(decoding: bytes[0..<close], as: UTF8.self).lowercased()
            if let range = prolog.range(of: "encoding=") {
                let name = String(prolog[range.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" })
                let singleByte: [String: String.Encoding] = [
                    "iso-8859-1": .isoLatin1, "iso8859-1": .isoLatin1, "latin1": .isoLatin1, "latin-1": .isoLatin1,
                    "iso-8859-2": .isoLatin2, "iso8859-2": .isoLatin2, "latin2": .isoLatin2,
                    "windows-1250": .windowsCP1250, "windows-1251": .windowsCP1251, "windows-1252": .windowsCP1252,
                    "windows-1253": .windowsCP1253, "windows-1254": .windowsCP1254, "us-ascii": .ascii, "ascii": .ascii,
                ]
                if let encoding = singleByte[name] { return try converted(encoding, name.uppercased()) }
                if name != "utf-8" && name != "utf8" {
                    throw TrackReadError(file: file, line: 1, problem: .malformedGPX("unsupported encoding '\(name)'; convert the file to UTF-8"))
                }
            }
        }
        try checkUTF8(bytes, file: file)
        return data
    }

    static func checkUTF8(_ bytes: [UInt8], file: String) throws {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0, line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1, scalar.first == UInt8(ascii: "\n") { line += 1 }
                offset += scalar.count
            case .error:
                let byte = String(bytes[offset], radix: 16, uppercase: true)
                throw TrackReadError(file: file, line: line,
                                     problem: .malformedGPX("not valid UTF-8 (byte 0x\(byte) at offset \(offset))"))
            case .emptyInput:
                return
            }
        }
    }
}

extension GPXTrackReader {
    /// The (UTF-8) document without processing instructions, the `<?xml …?>` declaration included (its
    /// encoding has been dealt with by ``utf8Document(_:file:)``), and without a `<!DOCTYPE …>`
    /// declaration, neither of which GPX uses. Foundation's `XMLParser` crashes
    /// on some of them (a processing instruction without data: `strlen(NULL)`, found by `make fuzz`,
    /// harness `gpx`). Comments and CDATA sections are copied untouched; newlines inside what is dropped
    /// are kept, so line numbers in messages stay right.
    static func withoutDeclarations(_ data: Data) -> Data {
        let b = [UInt8](data)
        guard b.contains(UInt8(ascii: "?")) || b.contains(UInt8(ascii: "!")) else { return data }
        var out = [UInt8]()
        out.reserveCapacity(b.count)
        func starts(_ text: String, at i: Int) -> Bool {
            let t = Array(text.utf8)
            return i + t.count <= b.count && b[i..<i + t.count].elementsEqual(t)
        }
        func end(of terminator: String, from i: Int) -> Int {  // index just past the terminator, or b.count
            var j = i
            while j < b.count, !starts(terminator, at: j) { j += 1 }
            return min(b.count, j + terminator.utf8.count)
        }
        func keepNewlines(_ range: Range<Int>) { out += b[range].filter { $0 == UInt8(ascii: "\n") } }
        var i = 0
        while i < b.count {
            if b[i] != UInt8(ascii: "<") { out.append(b[i]); i += 1; continue }
            if starts("<!--", at: i) {
                let j = end(of: "-->", from: i + 4); out += b[i..<j]; i = j
            } else if starts("<![CDATA[", at: i) {
                let j = end(of: "]]>", from: i + 9); out += b[i..<j]; i = j
            } else if starts("<?", at: i) {
                let j = end(of: "?>", from: i + 2)
                keepNewlines(i..<j)
                i = j
            } else if starts("<!DOCTYPE", at: i) {
                var j = i + 9, depth = 0
                while j < b.count {
                    if b[j] == UInt8(ascii: "[") { depth += 1 } else if b[j] == UInt8(ascii: "]") { depth -= 1 } else if b[j] == UInt8(ascii: ">"), depth <= 0 { j += 1; break }
                    j += 1
                }
                keepNewlines(i..<j)
                i = j
            } else {
                out.append(b[i]); i += 1
            }
        }
        return Data(out)
    }
}

/// The SAX handler behind `GPXTrackReader`.
private final class GPXDelegate: NSObject, XMLParserDelegate {
    let file: String
    let options: TrackReadOptions
    var statistics = TrackReadStatistics()
    var tracks: [Track] = []
    var error: TrackReadError?

    private var accumulator: FixAccumulator
    private var inTrack = false, inPoint = false
    private var trackCount = 0
    private var trackName: String?
    private var pointLine = 0
    private var pointPosition: Coordinate?
    private var pointTime: Double?
    private var pointTimeText: String?
    private var pointElevation: Double?
    private var pointProblem: TrackReadError.Problem?
    private var text = ""
    private var depth = 0, trackDepth = 0

    init(file: String, options: TrackReadOptions) {
        self.file = file
        self.options = options
        accumulator = FixAccumulator(file: file, options: options)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard error == nil else { return }
        let code = (parseError as NSError).code
        error = TrackReadError(file: file, line: parser.lineNumber,
                               problem: .malformedGPX("XML syntax error (libxml2 code \(code))"))
    }

    private func fail(_ parser: XMLParser, _ e: TrackReadError) {
        if error == nil { error = e }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        depth += 1
        text = ""
        switch name {
        case "trk":
            inTrack = true
            trackDepth = depth
            trackCount += 1
            trackName = nil
            accumulator.start(id: "trk\(trackCount)", line: parser.lineNumber)
        case "trkpt":
            guard inTrack else {
                fail(parser, TrackReadError(file: file, line: parser.lineNumber, problem: .malformedGPX("<trkpt> outside <trk>")))
                return
            }
            inPoint = true
            pointLine = parser.lineNumber
            pointTime = nil; pointTimeText = nil; pointElevation = nil; pointProblem = nil; pointPosition = nil
            guard let latText = attributes["lat"], let lonText = attributes["lon"] else {
                pointProblem = .malformedGPX("<trkpt> without lat and lon attributes")
                return
            }
            guard let lat = Double(latText.trimmingBlanksAndQuotes()) else {
                pointProblem = .unparsableNumber(column: "lat", text: latText); return
            }
            guard let lon = Double(lonText.trimmingBlanksAndQuotes()) else {
                pointProblem = .unparsableNumber(column: "lon", text: lonText); return
            }
            if !lat.isFinite { pointProblem = .notFinite(column: "lat") }
            else if !lon.isFinite { pointProblem = .notFinite(column: "lon") }
            else if abs(lat) > 90 { pointProblem = .latitudeOutOfRange(lat) }
            else if abs(lon) > 180 { pointProblem = .longitudeOutOfRange(lon) }
            else { pointPosition = Coordinate(lon: lon, lat: lat) }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer { depth -= 1 }
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        text = ""
        switch name {
        case "name" where inTrack && !inPoint && depth == trackDepth + 1:
            if !value.isEmpty {
                trackName = value
                accumulator.id = value
            }
        case "time" where inPoint:
            pointTimeText = value
            pointTime = TrackTimeParser.epochSeconds(value)
            if pointTime == nil, pointProblem == nil { pointProblem = .unparsableTime(value) }
        case "ele" where inPoint:
            if let e = Double(value), e.isFinite { pointElevation = e }
            else if pointProblem == nil { pointProblem = .unparsableNumber(column: "ele", text: value) }
        case "trkpt":
            inPoint = false
            if pointProblem == nil, pointTimeText == nil { pointProblem = .malformedGPX("<trkpt> without <time>") }
            if let problem = pointProblem {
                if options.skipInvalid { statistics.invalidSkipped += 1; return }
                fail(parser, TrackReadError(file: file, line: pointLine, trackID: accumulator.id, problem: problem))
                return
            }
            let fix = Fix(time: pointTime!, position: pointPosition!, altitudeM: pointElevation)
            do { try accumulator.append(fix, line: pointLine, statistics: &statistics) }
            catch let e as TrackReadError { fail(parser, e) }
            catch {}
        case "trk":
            inTrack = false
            do {
                if let track = try accumulator.finish(statistics: &statistics) { tracks.append(track) }
            } catch let e as TrackReadError { fail(parser, e) }
            catch {}
        default:
            break
        }
    }
}
