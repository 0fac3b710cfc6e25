import Testing
@testable import GeometryCore

/// Ownership: PROJ objects keep their context alive, and the transformer cache forms no cycle, so a
/// context is destroyed once its last object is gone.
@Suite struct ProjOwnershipTests {
    @Test func contextLivesAsLongAsItsObjectsAndNoLonger() throws {
        weak var handle: ProjContextHandle?
        var transformer: Transformer?
        do {
            let context = ProjContext()
            handle = context.handle
            transformer = try context.transformer(from: "EPSG:4326", to: "EPSG:3035")
            _ = try context.transformer(from: "EPSG:3035", to: "EPSG:4326")
        }
        // The context object is gone, but the transformer still holds the PJ_CONTEXT.
        #expect(handle != nil)
        let p = try transformer!.transform(Coordinate(lon: 21, lat: 52))
        #expect(p.x > 4_000_000)
        transformer = nil
        #expect(handle == nil, "PJ_CONTEXT released after its last transformer")
    }

    @Test func crsOutlivesItsContextObject() throws {
        weak var handle: ProjContextHandle?
        var crs: CRS? = try CRS.epsg(3035)
        handle = crs!.handle
        #expect(crs!.name == "ETRS89-extended / LAEA Europe")
        crs = nil
        #expect(handle == nil)
    }
}
