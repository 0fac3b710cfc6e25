// swift-tools-version: 6.0
// Perimeter: geospatial air-defense perimeter analysis over GEOS and PROJ.
//
// Layers (a lower layer never imports a higher one):
//   CGEOS, CPROJ (system libraries) → GeometryCore → GeoJSON → PerimeterKit → perimeter (CLI)
import PackageDescription

let package = Package(
    name: "Perimeter",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GeometryCore", targets: ["GeometryCore"]),
        .library(name: "GeoJSON", targets: ["GeoJSON"]),
        .library(name: "PerimeterKit", targets: ["PerimeterKit"]),
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
        .target(name: "GeometryCore", dependencies: ["CGEOS", "CPROJ"]),
        .target(name: "GeoJSON", dependencies: ["GeometryCore"]),
        .target(name: "PerimeterKit", dependencies: ["GeometryCore", "GeoJSON"]),
        .executableTarget(
            name: "perimeter",
            dependencies: [
                "PerimeterKit", "GeoJSON", "GeometryCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "GeometryCoreTests", dependencies: ["GeometryCore"]),
        .testTarget(name: "GeoJSONTests", dependencies: ["GeoJSON", "GeometryCore"]),
        .testTarget(name: "PerimeterKitTests", dependencies: ["PerimeterKit", "GeoJSON", "GeometryCore"]),
        .testTarget(name: "PerimeterCLITests", dependencies: ["perimeter", "GeoJSON"]),
    ]
)
