import Testing
@testable import GeometryCore

@Suite struct ValidityTests {
    let bowtie = "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))"

    @Test func emptyIsValid() throws {
        #expect(try Geometry.empty(.polygon).isValid)
        #expect(try Geometry.empty(.polygon).validityProblem == nil)
    }

    @Test func bowtieReason() throws {
        let g = try geom(bowtie)
        #expect(try !g.isValid)
        #expect(try g.validityReason.hasPrefix("Self-intersection"))
        let problem = try #require(try g.validityProblem)
        #expect(problem.reason == "Self-intersection")
        #expect(problem.location == Coordinate(x: 1, y: 1))
        #expect(try geom("POLYGON ((0 0, 1 0, 1 1, 0 0))").validityReason == "Valid Geometry")
    }

    @Test func makeValidBowtie() throws {
        let g = try geom(bowtie)
        let fixed = try g.makeValid()
        #expect(try fixed.isValid)
        #expect(try fixed.type == .multiPolygon)
        #expect(try fixed.numGeometries == 2)
        #expect(abs(try fixed.area - 2) < 1e-12) // two triangles of area 1
        try expectSameShape(fixed, "MULTIPOLYGON (((0 0, 0 2, 1 1, 0 0)), ((1 1, 2 2, 2 0, 1 1)))")
        let structured = try g.makeValid(method: .structure(keepCollapsed: false))
        #expect(try structured.isValid)
        #expect(abs(try structured.area - 2) < 1e-12)
    }
}
