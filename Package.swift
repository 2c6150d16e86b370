// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pikir",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pikir", targets: ["pikir"]),
        .library(name: "PikirIngest", targets: ["PikirIngest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Debian's libcsv-dev ships no pkg-config file: the module map links "csv" itself.
        .systemLibrary(
            name: "CLibCSV",
            path: "Sources/CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        .target(
            name: "PikirIngest",
            dependencies: ["CLibCSV"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "pikir",
            dependencies: [
                "PikirIngest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PikirIngestTests",
            dependencies: ["PikirIngest"]
        ),
        .testTarget(
            name: "pikirTests",
            dependencies: ["pikir"]
        ),
    ]
)
