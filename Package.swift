// swift-tools-version: 6.0
// Perimeter: geospatial air-defense perimeter analysis over GEOS and PROJ.
//
// Layers (a lower layer never imports a higher one):
//   CGEOS, CPROJ, CSQLite (system libraries) → GeometryCore → GeoJSON, GISFormats → PerimeterKit → MapHTML (renderer) → perimeter (CLI)
//   FileIO (atomic output files, file reading) sits below GeoJSON and everything that writes files.
import PackageDescription

let package = Package(
    name: "Perimeter",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GeometryCore", targets: ["GeometryCore"]),
        .library(name: "FileIO", targets: ["FileIO"]),
        .library(name: "GeoJSON", targets: ["GeoJSON"]),
        .library(name: "GISFormats", targets: ["GISFormats"]),
        .library(name: "PerimeterKit", targets: ["PerimeterKit"]),
        .library(name: "MapHTML", targets: ["MapHTML"]),
        .executable(name: "perimeter", targets: ["perimeter"]),
        .executable(name: "perimeter-fuzz", targets: ["PerimeterFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGEOS", pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"]), .brew(["geos"])]),
        .systemLibrary(
            name: "CPROJ", pkgConfig: "proj",
            providers: [.apt(["libproj-dev"]), .brew(["proj"])]),
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        .target(name: "GeometryCore", dependencies: ["CGEOS", "CPROJ"]),
        .target(name: "FileIO"),
        .target(name: "GeoJSON", dependencies: ["GeometryCore", "FileIO"]),
        .target(name: "GISFormats", dependencies: ["GeoJSON", "FileIO", "CSQLite"]),
        .target(name: "PerimeterKit", dependencies: ["GeometryCore", "GeoJSON", "GISFormats", "FileIO"]),
        .target(name: "MapHTML", dependencies: ["PerimeterKit", "GeoJSON", "GeometryCore", "FileIO"]),
        .executableTarget(
            name: "perimeter",
            dependencies: [
                "PerimeterKit", "GeoJSON", "GeometryCore", "GISFormats", "MapHTML", "FileIO",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // libFuzzer harnesses (`make fuzz`); in a plain build a replayer of saved inputs.
        .executableTarget(
            name: "PerimeterFuzz", dependencies: ["PerimeterKit", "GeoJSON", "GeometryCore"],
            path: "fuzz/Sources/PerimeterFuzz"),
        // Helpers every test target shares: the package root, the oracles' Python, running a process.
        .target(name: "PerimeterTestSupport", path: "Tests/PerimeterTestSupport"),
        .testTarget(name: "GeometryCoreTests", dependencies: ["GeometryCore", "PerimeterTestSupport"]),
        .testTarget(name: "GeoJSONTests", dependencies: ["GeoJSON", "GeometryCore", "FileIO", "PerimeterTestSupport"]),
        .testTarget(name: "GISFormatsTests", dependencies: ["GISFormats", "GeoJSON", "GeometryCore", "PerimeterTestSupport"]),
        .testTarget(
            name: "PerimeterKitTests", dependencies: ["PerimeterKit", "GeoJSON", "GeometryCore", "PerimeterTestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "PerimeterCLITests", dependencies: ["perimeter", "GeoJSON", "GeometryCore", "PerimeterTestSupport"],
            exclude: ["CompareOracle.py"]),
    ]
)
