import Foundation
import Testing
@testable import PerimeterKit

/// Inputs that crashed a `make fuzz` harness (each also kept in fuzz/corpus/<harness>/regression-*),
/// now a clean one-line refusal.
@Suite struct FuzzRegressionTests {
    static func readAll(_ bytes: [UInt8], suffix: String) throws -> Int {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("perimeter-fuzz-\(UUID().uuidString)\(suffix)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var source: any TrackSource = suffix == ".gpx" ? GPXTrackReader(path: path) : try CSVTrackReader(path: path)
        var count = 0
        while try source.nextTrack() != nil { count += 1 }
        return count
    }

    /// harness `gpx`: an element name with invalid UTF-8 aborted the process inside Foundation's XMLParser.
    @Test func gpxElementNameWithInvalidUTF8() throws {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\">\n  <trk><name>drone-1</name><t".utf8)
            + [0xFF, 0xFF, 0xFF, 0xFF] + Array("g>\n</trk></gpx>\n".utf8)
        do {
            _ = try Self.readAll(bytes, suffix: ".gpx")
            Issue.record("accepted")
        } catch let error as TrackReadError {
            let text = error.description
            #expect(text.contains(":3:") && text.contains("malformed GPX: not valid UTF-8 (byte 0xFF at offset"), "\(text)")
            #expect(!text.contains("\n"))
        }
        // An unknown encoding name with invalid UTF-8 in a comment (the second crash of the harness).
        let comment = Array("<?xml version=\"1.0\" encoding=\"UT\u{01}E8\"?>\n<gpx version=\"1.1\"><!-- ".utf8) + [0xC3, 0x28] + Array(" --></gpx>\n".utf8)
        #expect(throws: TrackReadError.self) { _ = try Self.readAll(comment, suffix: ".gpx") }
        // Latin-1 declared: libxml2 converts, nothing to refuse.
        let latin1 = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<gpx version=\"1.1\"><trk><name>Z".utf8)
            + [0xF6] + Array("ge</name><trkseg><trkpt lat=\"52\" lon=\"21\"><time>2025-09-10T00:00:00Z</time></trkpt></trkseg></trk></gpx>\n".utf8)
        #expect(try Self.readAll(latin1, suffix: ".gpx") == 1)
    }

    /// harness `gpx`: a processing instruction without data (`<?xm?>`) made Foundation's XMLParser call
    /// strlen(NULL). Processing instructions and DOCTYPE declarations are now dropped before parsing.
    @Test func gpxProcessingInstructionWithoutData() throws {
        let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <?xm?>
        <!DOCTYPE gpx [ <!ENTITY e "x"> <!ELEMENT gpx ANY> ]>
        <?xml-stylesheet?>
        <gpx version="1.1"><trk><name>a<![CDATA[<?b?>]]></name><!-- <?c?> --><trkseg>
        <trkpt lat="52" lon="21"><time>2025-09-10T00:00:00Z</time></trkpt>
        <?pi?><trkpt lat="52.1" lon="21"><time>2025-09-10T00:00:10Z</time></trkpt>
        </trkseg></trk></gpx>
        """
        #expect(try Self.readAll(Array(text.utf8), suffix: ".gpx") == 1)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("perimeter-fuzz-\(UUID().uuidString).gpx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var reader = GPXTrackReader(path: path)
        let track = try #require(try reader.nextTrack())
        #expect(track.id.hasPrefix("a"))  // (CDATA text is not part of names today)
        #expect(track.fixes.count == 2)
        // The fuzzer's own input: refused or read, never a crash.
        let fuzzed = Array("<?xm?>\n<gpor=\"perimeter\"><trk><name>d</name><trkseg>\n</trkseg></trk></gpx>".utf8)
        _ = try? Self.readAll(fuzzed, suffix: ".gpx")
    }

    /// harness `gpx`: an unterminated XML declaration swallowing a later `<?xm?>` still reached
    /// XMLParser's processing-instruction callback. Every declaration is now dropped (the encoding is
    /// converted to UTF-8 first), and unknown encodings are refused in one line.
    @Test func gpxUnterminatedDeclarationAndEncodings() throws {
        let swallowed = Array("<?xml ve2/1\">\n  <trk><name>d</name><trkpt lat=\"52<?xm?>\n<gpx><trk></trk></gpx>".utf8)
        _ = try? Self.readAll(swallowed, suffix: ".gpx")  // refused or read, never a crash
        let body = "<gpx version=\"1.1\"><trk><name>N</name><trkseg><trkpt lat=\"52\" lon=\"21\"><time>2025-09-10T00:00:00Z</time></trkpt></trkseg></trk></gpx>\n"
        let utf16 = [UInt8]("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n\(body)".data(using: .utf16)!)  // with a byte-order mark
        #expect(try Self.readAll(utf16, suffix: ".gpx") == 1)
        let cp1250 = Array("<?xml version=\"1.0\" encoding=\"windows-1250\"?>\n<gpx version=\"1.1\"><trk><name>".utf8) + [0x9C]
            + Array("</name><trkseg><trkpt lat=\"52\" lon=\"21\"><time>2025-09-10T00:00:00Z</time></trkpt></trkseg></trk></gpx>\n".utf8)
        #expect(try Self.readAll(cp1250, suffix: ".gpx") == 1)
        do {
            _ = try Self.readAll(Array("<?xml version=\"1.0\" encoding=\"EBCDIC-X\"?>\n\(body)".utf8), suffix: ".gpx")
            Issue.record("accepted")
        } catch let error as TrackReadError {
            #expect(error.description.hasSuffix("malformed GPX: unsupported encoding 'ebcdic-x'; convert the file to UTF-8"), "\(error)")
        }
    }
}
