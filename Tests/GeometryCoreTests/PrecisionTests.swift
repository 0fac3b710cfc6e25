import Testing
@testable import GeometryCore

@Suite struct PrecisionTests {
    /// Every coordinate of `g` lies on the `grid` (within floating-point noise).
    static func onGrid(_ g: Geometry, _ grid: Double) throws -> Bool {
        try g.coordinateSequences.joined().allSatisfy { c in
            abs(c.x / grid - (c.x / grid).rounded()) < 1e-6 && abs(c.y / grid - (c.y / grid).rounded()) < 1e-6
        }
    }

    /// A hole 0.4 µ° from the shell: rounding the coordinates alone puts the hole's edge on the
    /// shell's (invalid); snapping with GEOS keeps it valid and on the grid.
    @Test func snappingKeepsAPolygonValidAndOnTheGrid() throws {
        let g = try geom("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (4 0.0000004, 5 5.0000003, 6 0.0000004, 4 0.0000004))")
        #expect(try g.isValid)
        #expect(try !Self.onGrid(g, 1e-6))
        let naive = try geom("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (4 0, 5 5, 6 0, 4 0))")
        #expect(try !naive.isValid, "the plain rounding should be invalid for this test to mean anything")

        let snapped = try g.withPrecision(gridSize: 1e-6)
        let reason = try snapped.validityReason
        #expect(try snapped.isValid, "\(reason)")
        #expect(try Self.onGrid(snapped, 1e-6))
        #expect(abs(try snapped.area - g.area) < 1e-4)
        #expect(try snapped.withPrecision(gridSize: 1e-6).equalsExact(snapped, tolerance: 0))
    }

    @Test func offGridPolygonIsSnapped() throws {
        let g = try geom("POLYGON ((0.12345678 0.5, 1.0000004 0, 1 1.0000007, 0 1, 0.12345678 0.5))")
        let snapped = try g.withPrecision(gridSize: 1e-6)
        #expect(try snapped.isValid)
        #expect(try Self.onGrid(snapped, 1e-6))
        #expect(try snapped.coordinates.contains(Coordinate(x: 0.123457, y: 0.5)))
    }

    @Test func negativeGridIsRefused() throws {
        let g = try geom("POINT (1 1)")
        #expect(throws: GeometryError.self) { try g.withPrecision(gridSize: -1) }
    }
}
