// swift-tools-version: 6.0
// Perimeter: geospatial air-defense perimeter analysis over GEOS and PROJ.
//
// Layers (a lower layer never imports a higher one):
//   CGEOS, CPROJ, CSQLite (system libraries) → GeometryCore → GeoJSON, GISFormats → PerimeterKit → MapHTML (renderer) → perimeter (CLI)
import PackageDescription

let package = Package(
    name: "Perimeter",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GeometryCore", targets: ["GeometryCore"]),
        .library(name: "GeoJSON", targets: ["GeoJSON"]),
        .library(name: "GISFormats", targets: ["GISFormats"]),
        .library(name: "PerimeterKit", targets: ["PerimeterKit"]),
        .library(name: "MapHTML", targets: ["MapHTML"]),
        .executable(name: "perimeter", targets: ["perimeter"]),
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
        .target(name: "GeoJSON", dependencies: ["GeometryCore"]),
        .target(name: "GISFormats", dependencies: ["GeoJSON", "GeometryCore", "CSQLite"]),
        .target(name: "PerimeterKit", dependencies: ["GeometryCore", "GeoJSON", "GISFormats"]),
        .target(name: "MapHTML", dependencies: ["PerimeterKit", "GeoJSON", "GeometryCore"]),
        .executableTarget(
            name: "perimeter",
            dependencies: [
                "PerimeterKit", "GeoJSON", "GeometryCore", "GISFormats", "MapHTML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "GeometryCoreTests", dependencies: ["GeometryCore"]),
        .testTarget(name: "GeoJSONTests", dependencies: ["GeoJSON", "GeometryCore"]),
        .testTarget(name: "GISFormatsTests", dependencies: ["GISFormats", "GeoJSON", "GeometryCore"]),
        .testTarget(
            name: "PerimeterKitTests", dependencies: ["PerimeterKit", "GeoJSON", "GeometryCore"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "PerimeterCLITests", dependencies: ["perimeter", "GeoJSON"],
            exclude: ["CompareOracle.py"]),
    ]
)
