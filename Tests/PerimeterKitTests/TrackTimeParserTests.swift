import Testing
@testable import PerimeterKit

/// ISO 8601 and epoch times; expected values from `date -u -d … +%s`.
@Suite struct TrackTimeParserTests {
    @Test func utcAndOffsets() {
        #expect(TrackTimeParser.epochSeconds("2025-09-10T00:00:00Z") == 1_757_462_400)
        #expect(TrackTimeParser.epochSeconds("2025-09-10T02:00:00+02:00") == 1_757_462_400)
        #expect(TrackTimeParser.epochSeconds("2025-09-09T18:30:00-05:30") == 1_757_462_400)
        #expect(TrackTimeParser.epochSeconds("2025-09-10T05:30:00+0530") == 1_757_462_400)
        #expect(TrackTimeParser.epochSeconds("2025-09-10T01:00:00+01") == 1_757_462_400)
        #expect(TrackTimeParser.epochSeconds("2025-09-10 00:00:00") == 1_757_462_400)  // no zone: UTC
        #expect(TrackTimeParser.epochSeconds("2025-09-10T00:00Z") == 1_757_462_400)
        #expect(TrackTimeParser.epochSeconds("1970-01-01T00:00:00Z") == 0)
        #expect(TrackTimeParser.epochSeconds("2024-02-29T12:00:00Z") == 1_709_208_000)
        #expect(TrackTimeParser.epochSeconds("1969-12-31T23:59:59Z") == -1)
    }

    @Test func fractionalSeconds() throws {
        let t = try #require(TrackTimeParser.epochSeconds("2025-09-10T00:00:00.250Z"))
        #expect(abs(t - 1_757_462_400.25) < 1e-6)
        let u = try #require(TrackTimeParser.epochSeconds("2025-09-10T00:00:07,5+00:00"))
        #expect(abs(u - 1_757_462_407.5) < 1e-6)
    }

    @Test func epochSeconds() {
        #expect(TrackTimeParser.epochSeconds("1757462400") == 1_757_462_400)
        #expect(TrackTimeParser.epochSeconds("1757462400.5") == 1_757_462_400.5)
    }

    @Test func rejectsBadTimes() {
        for bad in ["", "yesterday", "2025-02-30T00:00:00Z", "2025-13-01T00:00:00Z", "2025-09-10T25:00:00Z",
                    "2025-09-10T00:00:00Q", "2025-09-10T00:00:00+2", "2025-09-10X00:00:00Z", "nan", "12:00"] {
            #expect(TrackTimeParser.epochSeconds(bad) == nil, "\(bad)")
        }
    }
}
