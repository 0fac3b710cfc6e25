import Testing
@testable import GeometryCore

/// Each task owns its own GEOSContext and geometries; only Sendable values (WKB bytes, numbers)
/// cross task boundaries. Run under `swift test --sanitize=thread --filter ConcurrencyTests`.
@Suite struct ConcurrencyTests {
    @Test func parallelTasksEachWithOwnContext() async throws {
        let seed = try geom("POLYGON ((0 0, 3 0, 3 3, 0 3, 0 0))").wkb
        let results = try await withThrowingTaskGroup(of: (Int, Double, Int).self) { group in
            for t in 0..<8 {
                group.addTask {
                    let ctx = GEOSContext()
                    let base = try Geometry(wkb: seed, context: ctx)
                    var total = 0.0
                    var inside = 0
                    for k in 0..<40 {
                        let shift = Double(k % 5)
                        let other = try square(shift, 1, 2, context: ctx)
                        total += try base.intersection(other).area
                        let prep = try base.buffer(distance: 0.5, quadrantSegments: 4).prepared()
                        if try prep.contains(Coordinate(x: 3.2, y: 1)) { inside += 1 }
                        _ = try Geometry.unionAll([base, other], context: ctx).wkb
                    }
                    return (t, total, inside)
                }
            }
            var out: [(Int, Double, Int)] = []
            for try await r in group { out.append(r) }
            return out
        }
        #expect(results.count == 8)
        // Per 5 shifts: overlaps 4, 4, 2, 0, 0 → 10; 8 rounds of 5 → 80 per task.
        for (_, total, inside) in results {
            #expect(total == 80)
            #expect(inside == 40)
        }
    }

    @Test func errorsStayInTheirOwnContext() async throws {
        let messages = try await withThrowingTaskGroup(of: String.self) { group in
            for i in 0..<6 {
                group.addTask {
                    let ctx = GEOSContext()
                    for _ in 0..<50 {
                        do { _ = try Geometry(wkt: "POLYGON ((\(i)", context: ctx) } catch {}
                        _ = try Geometry(wkt: "POINT (\(i) 1)", context: ctx)
                    }
                    do {
                        _ = try Geometry(wkt: "LINESTRING (\(i) 0", context: ctx)
                        return "accepted"
                    } catch let e as GeometryError { return e.message }
                }
            }
            var out: [String] = []
            for try await m in group { out.append(m) }
            return out
        }
        #expect(messages.count == 6)
        #expect(messages.allSatisfy { $0.contains("ParseException") })
    }
}
